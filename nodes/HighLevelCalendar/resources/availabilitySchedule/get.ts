import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';

/** Get, Create and Update answer `{ schedule: {...} }` (ScheduleResponseDTO); the item is the schedule. */
export const UNWRAP_SCHEDULE = {
	type: 'rootProperty',
	properties: { property: 'schedule' },
} as const;

export const TARGET = 'availability schedule';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an availability schedule by ID',
	description: 'Get one availability schedule with its rules, time zone, user and calendars',
	routing: {
		request: { method: 'GET', url: '/calendars/schedules/{id}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [responseCheckPostReceive(SCOPES.calendarsRead, TARGET, 'id'), UNWRAP_SCHEDULE],
		},
	},
};
