import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a calendar notification by ID',
	description: 'Get one notification of a calendar',
	routing: {
		request: { method: 'GET', url: '/calendars/{calendarId}/notifications/{notificationId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsRead, 'calendar notification', 'notificationId'),
			],
		},
	},
};
