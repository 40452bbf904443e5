import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';

/** HighLevel answers `{ message }`; the output names what was deleted (hooks/deleted.ts). */
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
