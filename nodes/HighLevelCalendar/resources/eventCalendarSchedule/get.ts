import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { TARGET, UNWRAP_SCHEDULE } from './fields';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an event calendar schedule',
	description:
		"Get the availability schedule (weekly and date rules, time zone) of an event calendar, by the calendar's ID (Calendar: Get Many lists the calendars)",
	routing: {
		request: { method: 'GET', url: '/calendars/schedules/event-calendar/{calendarId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, TARGET, 'calendarId'),
				UNWRAP_SCHEDULE,
			],
		},
	},
};
