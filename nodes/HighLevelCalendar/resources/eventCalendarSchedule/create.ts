import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { TARGET, UNWRAP_SCHEDULE } from './fields';
import { normalizeEventScheduleCreateBody } from './normalize';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an event calendar schedule',
	description:
		'Set when an event calendar can be booked (weekly hours, date overrides, time zone), for a calendar of type Event that has no schedule yet; Update changes one it has',
	routing: {
		request: { method: 'POST', url: '/calendars/schedules/event-calendar/{calendarId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['timezone', 'eventCalendarScheduleRules']),
				normalizedBodyPreSend(normalizeEventScheduleCreateBody),
				pathIdsPreSend,
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, TARGET, 'calendarId'),
				UNWRAP_SCHEDULE,
			],
		},
	},
};
