import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { deletedPostReceive } from '../../shared/deleted';
import { responseCheckPostReceive } from '../../shared/errors';
import { pathIdsPreSend } from '../../shared/hooks';

/** HighLevel answers `{ message }`; the output names what was deleted (shared/deleted.ts). */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar notification by ID',
	description: 'Delete a notification of a calendar',
	routing: {
		request: { method: 'DELETE', url: '/calendars/{calendarId}/notifications/{notificationId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'calendar notification', 'notificationId'),
				deletedPostReceive('notificationId'),
			],
		},
	},
};
