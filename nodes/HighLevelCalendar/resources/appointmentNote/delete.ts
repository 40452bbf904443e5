import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';

/**
 * DELETE /calendars/appointments/{appointmentId}/notes/{noteId} (the spec lists only appointmentId
 * among its parameters): HighLevel answers `{ success: true }`, the node `{ id, deleted }`.
 */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an appointment note',
	description: 'Delete a note of an appointment',
	routing: {
		request: { method: 'DELETE', url: '/calendars/appointments/{appointmentId}/notes/{noteId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'appointment note', 'noteId'),
				deletedPostReceive('noteId'),
			],
		},
	},
};
