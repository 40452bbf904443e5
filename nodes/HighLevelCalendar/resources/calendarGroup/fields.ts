import type { INodeProperties } from 'n8n-workflow';
import { GROUP_ID_OPERATIONS } from '../../shared/locators';

/**
 * The Calendar Group fields more than one operation shows. The group itself (groupId) is the one
 * property Appointment and Block Slot Get Many use too (shared/locators.ts).
 */

/**
 * Not shown: lets the one groupId property (whose `show` needs Filter By: Group, see
 * shared/locators.ts) appear for the operations that address one group, and for no other.
 */
export const groupFilterByField: INodeProperties = {
	displayName: 'Filter By',
	name: 'filterBy',
	type: 'hidden',
	default: 'group',
	displayOptions: { show: { resource: ['calendarGroup'], operation: GROUP_ID_OPERATIONS } },
};

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
