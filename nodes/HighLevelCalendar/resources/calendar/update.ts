import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { calendarFields } from './fields';
import { unwrapCalendarPostReceive } from './get';
import { normalizeCalendarUpdateBody } from './normalize';

/** PUT /calendars/{calendarId} (CalendarUpdateDTO): only the fields added are sent and changed. */
export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar',
	description: "Change a calendar's settings, open hours or team members",
	routing: {
		request: { method: 'PUT', url: '/calendars/{calendarId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['calendarUpdateFields']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeCalendarUpdateBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'calendar', 'calendarId'),
				unwrapCalendarPostReceive,
			],
		},
	},
};

/** The calendar picker is get.ts's. */
export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'calendarUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'The fields to change. A list (open hours, team members, meeting locations) replaces the whole list.',
		displayOptions: { show: { resource: ['calendar'], operation: ['update'] } },
		options: calendarFields('update'),
	},
];
