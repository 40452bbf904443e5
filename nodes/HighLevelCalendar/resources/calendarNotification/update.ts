import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizeNotification } from './normalize';
import { updatedNotificationPostReceive } from './request';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a calendar notification',
	description: 'Change who a notification goes to, how, when or what it says; or turn it off',
	routing: {
		request: { method: 'PUT', url: '/calendars/{calendarId}/notifications/{notificationId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['calendarNotificationUpdateFields']),
				// Only the Update Fields given, checked (normalize.ts).
				normalizedBodyPreSend((body) => normalizeNotification(body, 'update')),
				pathIdsPreSend,
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'calendar notification', 'notificationId'),
				updatedNotificationPostReceive,
			],
		},
	},
};
