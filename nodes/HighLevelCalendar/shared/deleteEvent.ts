import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';
import { SCOPES } from './constants';
import { responseCheckPostReceive } from './errors';
import { pathIdsPreSend } from './hooks';
import { readParameter } from './parameters';

/** HighLevel answers `{ succeeded: true }`; n8n's guidelines ask a delete to output what was deleted. */
export async function deletedEventPostReceive(
	this: IExecuteSingleFunctions,
): Promise<INodeExecutionData[]> {
	const id = String(readParameter(this, 'eventId', '')).trim();
	return [{ json: { id, deleted: true } }];
}

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
			postReceive: [responseCheckPostReceive(SCOPES.eventsWrite, what), deletedEventPostReceive],
		},
	};
}
