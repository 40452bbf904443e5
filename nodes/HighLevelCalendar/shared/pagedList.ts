import type {
	DeclarativeRestApiSettings,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { readParameter } from './parameters';
import type { NodeContext } from './nodeRun';

/**
 * What every Get Many shares: Return All and Limit (one property each, see docs/architecture.md),
 * and paging through the endpoints that answer a page at a time (`limit` with `skip` or `offset`).
 * The client (client.ts) sends each page; this module only says which pages to ask for.
 */

/** The resources whose Get Many (or Search) shows Return All and Limit. Calendar lists all. */
export const LIMITED_LIST_RESOURCES = [
	'appointment',
	'appointmentNote',
	'availabilitySchedule',
	'blockSlot',
	'calendarGroup',
	'calendarNotification',
	'calendarResource',
];
export const LIST_OPERATIONS = ['getAll', 'search'];

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
	displayOptions: { show: { resource: LIMITED_LIST_RESOURCES, operation: LIST_OPERATIONS } },
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: {
		show: { resource: LIMITED_LIST_RESOURCES, operation: LIST_OPERATIONS, returnAll: [false] },
	},
};

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

/** postReceive, for lists HighLevel answers whole: cuts the items to Limit unless Return All. */
export async function limitPostReceive(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return cutToLimit(this, items);
}

/**
 * postReceive, after the response check, for endpoints that answer a bare JSON list (calendar
 * resources, notifications): one item per entry. n8n splits a list only when an operation has no
 * postReceive steps, and every operation has the response check.
 */
export async function arrayItemsPostReceive(
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.flatMap((item) =>
		Array.isArray(item.json)
			? (item.json as unknown[]).map((json) => ({ json: json as INodeExecutionData['json'] }))
			: [item],
	);
}

export interface Paging {
	/** The query parameter that says how many results to skip (`skip`, or the notes' `offset`). */
	offsetParameter: 'skip' | 'offset';
	/** Results asked for per request: the most the endpoint gives at once. */
	pageSize: number;
}

/** Per item (its context, as the preSend hooks see it): the paging its request needs. */
const pagings = new WeakMap<object, Paging>();

/** preSend factory: marks the item's request as paged; client.ts then sends `sendPages`. */
export function pagedListPreSend(paging: Paging) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		pagings.set(this, paging);
		return requestOptions;
	};
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
