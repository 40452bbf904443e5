import type {
	IExecuteSingleFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * Every context our shared code is called with: an item's, a picker's, a trigger poll's, or the
 * instant trigger's (its activation and each delivery).
 */
export type NodeContext =
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/**
 * What the items of one node run share, as a WeakMap key: n8n's executeData object (an item's
 * pagination context is made from the item's own, so it has it too). A picker's search has no run:
 * its own context is the key, so what it reads is shared by that one search; a trigger's poll
 * gets a context of its own for each poll (see the trigger's poll.ts).
 */
export function nodeRunOf(context: NodeContext): object {
	const executeData =
		'getExecuteData' in context ? (context.getExecuteData() as object | undefined) : undefined;
	return executeData ?? context;
}
