import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { TARGET, UNWRAP_SCHEDULE } from './fields';
import { normalizeEventScheduleUpdateBody } from './normalize';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an event calendar schedule',
	description:
		"Change an event calendar's schedule: its time zone, or its rules replaced whole; what isn't set stays",
	routing: {
		request: { method: 'PUT', url: '/calendars/schedules/event-calendar/{calendarId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['eventCalendarScheduleUpdateFields']),
				normalizedBodyPreSend(normalizeEventScheduleUpdateBody),
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
