import type { INodeProperties } from 'n8n-workflow';
import { groupLocator } from '../../fields/locators';

/**
 * The Calendar Group fields more than one operation shows.
 */

/** The Calendar Group operations that address one group by its groupId (in the path). */
export const GROUP_ID_OPERATIONS = ['update', 'delete', 'setStatus'];

/**
 * The group addressed. Its own property rather than the events' groupId widened: that one shows
 * only with Filter By: Group, which these operations do not have (a hidden Filter By stays in the
 * editor's parameters when the operation changes, and showed it on Get Many).
 */
export const calendarGroupIdField: INodeProperties = groupLocator({
	required: true,
	description: 'The HighLevel calendar group (groupId) to change',
	displayOptions: { show: { resource: ['calendarGroup'], operation: GROUP_ID_OPERATIONS } },
});

const createOrUpdate = { resource: ['calendarGroup'], operation: ['create', 'update'] };

/** GroupCreateDTO and GroupUpdateDTO both require name, description and slug. */
export const groupFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Sales Team',
		description: 'Name of the calendar group (name)',
		displayOptions: { show: createOrUpdate },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'Discovery calls with the sales team',
		description:
			'Description of the calendar group (description). HighLevel requires the field; left empty, an empty description is sent, and Update clears the current one.',
		displayOptions: { show: createOrUpdate },
	},
	{
		displayName: 'Slug',
		name: 'slug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'sales-team',
		description:
			"The group's part of its booking page address (slug), unique in the sub-account: letters, digits and dashes. Calendar Group: Validate Slug tells whether one is free.",
		displayOptions: {
			show: { resource: ['calendarGroup'], operation: ['create', 'update', 'validateSlug'] },
		},
	},
];
