import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { readParameter } from '../helpers/parameters';
import { postReceiveHook } from './define';

/**
 * postReceive factory, last of every Delete: HighLevel answers `{ succeeded: true }` (or nothing);
 * n8n's guidelines ask a delete to output what was deleted, so every Delete answers
 * `{ id, deleted: true }` with the id it was given (`idParameter`, a picker's id or a plain one).
 * It runs after the response check, so an error never reaches it.
 */
export function deletedPostReceive(idParameter: string) {
	return postReceiveHook(
		[idParameter],
		async function deletedPostReceive(
			this: IExecuteSingleFunctions,
		): Promise<INodeExecutionData[]> {
			const id = String(readParameter(this, idParameter, '', { extractValue: true })).trim();
			return [{ json: { id, deleted: true } }];
		},
	);
}
