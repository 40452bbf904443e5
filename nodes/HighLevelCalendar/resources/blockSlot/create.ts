import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { bodyField, locationIdOverrideField, timeZoneOptions } from '../../shared/descriptions';
import { checkHighLevelResponse } from '../../shared/errors';
import { duplicateCheckOption, lookForExisting } from '../../shared/duplicateCheck';
import { normalizeBody } from '../../shared/hooks';
import { calendarLocator, userLocator } from '../../shared/locators';
import { blockEndTimeField, blockStartTimeField, blockTitleField } from './fields';
import { normalizeBlockSlotBody } from './normalize';

const show = { resource: ['blockSlot'], operation: ['create'] };

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a block slot',
	description: 'Block time on a calendar or for a user, so nothing can be booked then',
	routing: {
		request: { method: 'POST', url: '/calendars/events/block-slots' },
		send: { preSend: [normalizeBody(normalizeBlockSlotBody), lookForExisting('blockSlot')] },
		output: { postReceive: [checkHighLevelResponse(SCOPES.eventsWrite, 'block slot')] },
	},
};

export const createFields: INodeProperties[] = [
	{
		displayName: 'Block',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Calendar', value: 'calendar', description: 'Block a calendar (calendarId)' },
			{ name: 'User', value: 'user', description: 'Block a user across calendars (assignedUserId)' },
		],
		default: 'calendar',
		description: 'HighLevel blocks either a calendar or a user, not both',
		displayOptions: { show },
	},
	bodyField(calendarLocator({ required: true, displayOptions: { show: { ...show, target: ['calendar'] } } })),
	bodyField(
		userLocator({
			displayName: 'Assigned User',
			name: 'assignedUserId',
			required: true,
			description: 'The user whose time is blocked (assignedUserId)',
			displayOptions: { show: { ...show, target: ['user'] } },
		}),
	),
	{ ...blockStartTimeField, required: true, displayOptions: { show } },
	{ ...blockEndTimeField, required: true, displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [locationIdOverrideField, blockTitleField],
	},
	timeZoneOptions('blockSlot', ['create'], [duplicateCheckOption('blockSlot')]),
];
