import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { asItemError } from '../transport/runLedger';

/**
 * Every preSend and postReceive hook of the node is made by preSendHook or postReceiveHook, so two
 * things hold by construction: an error a hook throws becomes the item's error (asItemError, so
 * Continue On Fail keeps the other items going), and the hook says which parameters it reads.
 * test/unit/contracts.test.ts walks the built node's operations and fails on a hook not made here,
 * on an operation whose first postReceive is not the response check, and on a field an operation
 * shows that no hook sends or reads (docs/architecture.md, "Contracts").
 */

/**
 * What a hook reads: parameter paths as the hooks read them (`simplify`, `options.timeZone`). A
 * collection read whole is its name (`updateFields`): every field added to it is read.
 */
export interface HookFacts {
	readonly reads: readonly string[];
	/** The `{name}` path ids of the operation's URL are read (pathIdsPreSend). */
	readonly readsPathIds?: true;
	/** The response check (responseCheckPostReceive), first on every operation. */
	readonly checksResponse?: true;
}

type PreSend = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

type PostReceive = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

const FACTS = Symbol('hook facts');

function withFacts<T extends PreSend | PostReceive>(hook: T, run: T, facts: HookFacts): T {
	Object.defineProperty(hook, 'name', { value: run.name });
	Object.defineProperty(hook, FACTS, { value: facts });
	return hook;
}

/** A preSend hook that reads `reads`; name `run` for the hook's name in stack traces. */
export function preSendHook(reads: readonly string[] | HookFacts, run: PreSend): PreSend {
	const hook: PreSend = async function (this, requestOptions) {
		try {
			return await run.call(this, requestOptions);
		} catch (error) {
			throw asItemError(this, error);
		}
	};
	return withFacts(hook, run, Array.isArray(reads) ? { reads } : (reads as HookFacts));
}

/** A postReceive hook that reads `reads`. */
export function postReceiveHook(
	reads: readonly string[] | HookFacts,
	run: PostReceive,
): PostReceive {
	const hook: PostReceive = async function (this, items, response) {
		try {
			return await run.call(this, items, response);
		} catch (error) {
			throw asItemError(this, error);
		}
	};
	return withFacts(hook, run, Array.isArray(reads) ? { reads } : (reads as HookFacts));
}

/** What a hook made here says of itself; undefined for any other function. */
export function hookFacts(hook: unknown): HookFacts | undefined {
	return typeof hook === 'function'
		? (hook as unknown as Record<symbol, HookFacts | undefined>)[FACTS]
		: undefined;
}
