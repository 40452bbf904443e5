import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';
import { SCOPES } from './constants';
import { checkHighLevelResponse } from './errors';
import { setPathIds } from './hooks';
import { readParameter } from './parameters';

/** HighLevel answers `{ succeeded: true }`; n8n's guidelines ask a delete to output what was deleted. */
export async function deletedEventResult(
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
			send: { preSend: [setPathIds] },
			output: {
				postReceive: [checkHighLevelResponse(SCOPES.eventsWrite, what), deletedEventResult],
			},
		},
	};
}
