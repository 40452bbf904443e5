import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { credentialLocationPreSend, normalizedBodyPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { calendarFields } from './fields';
import { unwrapCalendarPostReceive } from './get';
import { normalizeCalendarCreateBody } from './normalize';

/** POST /calendars/ (CalendarCreateDTO): the sub-account is the credential's. */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a calendar',
	description:
		'Create a calendar in the sub-account, with its type, slots, open hours and team members',
	routing: {
		request: { method: 'POST', url: '/calendars/' },
		send: {
			preSend: [
				parametersPreSend('body', ['name', 'calendarAdditionalFields']),
				credentialLocationPreSend('body'),
				normalizedBodyPreSend(normalizeCalendarCreateBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'calendar'),
				unwrapCalendarPostReceive,
			],
		},
	},
};

const show = { resource: ['calendar'], operation: ['create'] };

export const createFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Discovery Calls',
		description: 'Name of the calendar',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'calendarAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: calendarFields('create'),
	},
];
