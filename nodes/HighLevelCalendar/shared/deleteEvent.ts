import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from './constants';
import { deletedPostReceive } from './deleted';
import { responseCheckPostReceive } from './errors';
import { pathIdsPreSend } from './hooks';

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
