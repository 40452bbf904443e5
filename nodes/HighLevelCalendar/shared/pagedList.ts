import type {
	DeclarativeRestApiSettings,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { InputError } from './inputError';
import { readParameter } from './parameters';
import { asItemError } from './runLedger';
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

/**
 * preSend factory: checks Limit, so a value no list can have fails the item before any page is
 * asked for, and marks the item's request as paged; client.ts then sends `sendPages`.
 */
export function pagedListPreSend(paging: Paging) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		try {
			checkListLimit(
				readParameter(this, 'returnAll', false),
				readParameter(this, 'limit', 50),
				paging.listed,
			);
		} catch (error) {
			throw asItemError(this, error);
		}
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
