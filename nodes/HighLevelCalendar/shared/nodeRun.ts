import type { IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

/**
 * What the items of one node run share, as a WeakMap key: n8n's executeData object (an item's
 * pagination context is made from the item's own, so it has it too). A picker's search has no run:
 * its own context is the key, so what it reads is shared by that one search.
 */
export function nodeRunOf(context: IExecuteSingleFunctions | ILoadOptionsFunctions): object {
	const executeData =
		'getExecuteData' in context ? (context.getExecuteData() as object | undefined) : undefined;
	return executeData ?? context;
}
