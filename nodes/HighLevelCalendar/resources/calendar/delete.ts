import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';

/** DELETE /calendars/{calendarId}: HighLevel answers `{ success: true }`; the output names the calendar. */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar by ID',
	description: 'Delete a calendar by its ID',
	routing: {
		request: { method: 'DELETE', url: '/calendars/{calendarId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'calendar', 'calendarId'),
				deletedPostReceive('calendarId'),
			],
		},
	},
};
