import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';

/**
 * Appointments and block slots are both events: one endpoint deletes either, so both resources'
 * delete.ts send this request.
 */
export function deleteEventRouting(
	what: 'appointment' | 'block slot',
): INodePropertyOptions['routing'] {
	return {
		request: { method: 'DELETE', url: '/calendars/events/{eventId}', body: {} },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, what),
				deletedPostReceive('eventId'),
			],
		},
	};
}
