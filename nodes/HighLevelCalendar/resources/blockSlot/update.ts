import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { bodyField, locationIdOverrideField, timeZoneOptions } from '../../shared/descriptions';
import { checkHighLevelResponse } from '../../shared/errors';
import { normalizeBody, setPathIds } from '../../shared/hooks';
import { calendarLocator, userLocator } from '../../shared/locators';
import { blockEndTimeField, blockStartTimeField, blockTitleField } from './fields';
import { normalizeBlockSlotBody } from './normalize';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a block slot',
	description: 'Move, retitle or retarget a block slot (time blocked on a calendar or for a user)',
	routing: {
		request: { method: 'PUT', url: '/calendars/events/block-slots/{eventId}' },
		send: { preSend: [setPathIds, normalizeBody(normalizeBlockSlotBody)] },
		output: { postReceive: [checkHighLevelResponse(SCOPES.eventsWrite, 'block slot')] },
	},
};

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['blockSlot'], operation: ['update'] } },
		options: [
			bodyField(
				userLocator({
					displayName: 'Assigned User',
					name: 'assignedUserId',
					description: 'The user whose time is blocked (assignedUserId). Set Calendar or Assigned User, not both.',
				}),
			),
			bodyField(
				calendarLocator({
					description: 'The calendar whose time is blocked (calendarId). Set Calendar or Assigned User, not both.',
				}),
			),
			blockEndTimeField,
			locationIdOverrideField,
			blockStartTimeField,
			blockTitleField,
		],
	},
	timeZoneOptions('blockSlot', ['update']),
];
