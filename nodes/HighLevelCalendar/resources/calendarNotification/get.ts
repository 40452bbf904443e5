import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { responseCheckPostReceive } from '../../shared/errors';
import { pathIdsPreSend } from '../../shared/hooks';

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
