import type { DeclarativeRestApiSettings, INodeExecutionData } from 'n8n-workflow';
import { InputError } from '../helpers/inputError';
import { readParameter } from '../helpers/parameters';
import type { NodeContext } from '../helpers/nodeRun';

/** How many results the user asked for: all, or Limit. */
export function wantedCount(context: NodeContext): number {
	return (readParameter(context, 'returnAll', false) as boolean)
		? Infinity
		: Number(readParameter(context, 'limit', 50));
}

/** A list HighLevel answers whole, cut to what the user asked for. */
export function cutToLimit<T>(context: NodeContext, list: T[]): T[] {
	const wanted = wantedCount(context);
	return wanted === Infinity ? list : list.slice(0, wanted);
}

export interface Paging {
	/** The query parameter that says how many results to skip (`skip`, or the notes' `offset`). */
	offsetParameter: 'skip' | 'offset';
	/** Results asked for per request: the most the endpoint gives at once. */
	pageSize: number;
	/** What the list holds, for the Limit's error: `notes`, `schedules`. */
	listed: string;
}

/**
 * Limit, when Return All is off: a whole number of 1 or more, also as text ("5") from an
 * expression; anything else would be sent as a page size HighLevel cannot take.
 */
export function checkListLimit(returnAll: unknown, limit: unknown, listed: string): void {
	if (returnAll === true || returnAll === 'true') return;
	const count = typeof limit === 'string' && limit.trim() !== '' ? Number(limit) : limit;
	if (typeof count === 'number' && Number.isInteger(count) && count >= 1) return;
	throw new InputError(
		'limit',
		limit,
		'Use a whole number of 1 or more, or turn on Return All.',
		`is not a number of ${listed}`,
	);
}

/** Per item (its context, as the preSend hooks see it): the paging its request needs. */
const pagings = new WeakMap<object, Paging>();

/** Marks an item's request as paged (pagedListPreSend); the client then sends `sendPages`. */
export function markPaged(context: object, paging: Paging): void {
	pagings.set(context, paging);
}

/** n8n makes the pagination hook's context from the item's own, so the item's paging is its prototype's. */
export function pagingOf(paginationContext: object): Paging | undefined {
	return pagings.get(Object.getPrototypeOf(paginationContext) as object);
}

type ResultOptions = DeclarativeRestApiSettings.ResultOptions;

/**
 * Asks for pages of `pageSize` (the last one smaller when Limit ends inside it) until a page comes
 * back short or Limit is reached. Each page is one request through `sendPage` and the operation's
 * postReceive steps, so its items are already the list's entries.
 */
export async function sendPages(
	context: NodeContext,
	requestData: ResultOptions,
	paging: Paging,
	sendPage: (page: ResultOptions) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const wanted = wantedCount(context);
	const items: INodeExecutionData[] = [];
	for (;;) {
		const size = Math.min(paging.pageSize, wanted - items.length);
		const qs = { ...requestData.options.qs, limit: size, [paging.offsetParameter]: items.length };
		const page = await sendPage({ ...requestData, options: { ...requestData.options, qs } });
		items.push(...page);
		if (page.length < size || items.length >= wanted) return items;
	}
}
