import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { timeZoneOptions } from '../../fields/options';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { duplicateCheckPreSend } from '../../hooks/duplicateCheck';
import { duplicateCheckOption } from '../../fields/duplicateCheck';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedBodyPreSend } from '../../hooks/request';
import { userLocator } from '../../fields/locators';
import { normalizeBlockSlotBody } from './normalize';

const show = { resource: ['blockSlot'], operation: ['create'] };

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Block time on a calendar',
	description: 'Block time on a calendar or for a user, so nothing can be booked then',
	routing: {
		request: { method: 'POST', url: '/calendars/events/block-slots' },
		send: {
			preSend: [
				parametersPreSend('body', [
					'calendarId',
					'assignedUserId',
					'startTime',
					'endTime',
					'additionalFields',
				]),
				normalizedBodyPreSend(normalizeBlockSlotBody),
				duplicateCheckPreSend('blockSlot'),
			],
		},
		output: { postReceive: [responseCheckPostReceive(SCOPES.eventsWrite, 'block slot')] },
	},
};

/** Which of the two a block slot blocks, and the user when it is a user (the calendar is in resources/event/fields.ts). */
export const blockTargetFields: INodeProperties[] = [
	{
		displayName: 'Block',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Calendar', value: 'calendar', description: 'Block a calendar (calendarId)' },
			{
				name: 'User',
				value: 'user',
				description: 'Block a user across calendars (assignedUserId)',
			},
		],
		default: 'calendar',
		description: 'HighLevel blocks either a calendar or a user, not both',
		displayOptions: { show },
	},
	userLocator({
		displayName: 'Assigned User',
		name: 'assignedUserId',
		required: true,
		description: 'The user whose time is blocked (assignedUserId)',
		displayOptions: { show: { ...show, target: ['user'] } },
	}),
];

export const createFields: INodeProperties[] = [
	timeZoneOptions('blockSlot', ['create'], [duplicateCheckOption('blockSlot')]),
];
