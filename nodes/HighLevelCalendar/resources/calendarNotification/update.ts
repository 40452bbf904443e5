import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { responseCheckPostReceive } from '../../shared/errors';
import { pathIdsPreSend } from '../../shared/hooks';
import { parametersPreSend } from '../../shared/parameters';
import { notificationUpdatePreSend, updatedNotificationPostReceive } from './request';

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
				notificationUpdatePreSend,
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
