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

/** Appointments and block slots are both events: one endpoint deletes either. */
export function deleteEventOperation(what: 'appointment' | 'block slot'): INodePropertyOptions {
	return {
		name: 'Delete',
		value: 'delete',
		action: what === 'appointment' ? 'Delete an appointment' : 'Delete a block slot',
		description: `Delete a ${what} by its event ID`,
		routing: {
			request: { method: 'DELETE', url: '/calendars/events/{eventId}', body: {} },
			send: { preSend: [pathIdsPreSend] },
			output: {
				postReceive: [responseCheckPostReceive(SCOPES.eventsWrite, what), deletedEventPostReceive],
			},
		},
	};
}
