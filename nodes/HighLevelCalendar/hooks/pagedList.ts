import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { readParameter } from '../helpers/parameters';
import { cutToLimit, Paging, checkListLimit, markPaged } from '../transport/pagedList';
import { postReceiveHook, preSendHook } from './define';

/** postReceive, for lists HighLevel answers whole: cuts the items to Limit unless Return All. */
export const limitPostReceive = postReceiveHook(
	['returnAll', 'limit'],
	async function limitPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return cutToLimit(this, items);
	},
);

/**
 * postReceive, after the response check, for endpoints that answer a bare JSON list (calendar
 * resources, notifications): one item per entry. n8n splits a list only when an operation has no
 * postReceive steps, and every operation has the response check.
 */
export const arrayItemsPostReceive = postReceiveHook(
	[],
	async function arrayItemsPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return items.flatMap((item) =>
			Array.isArray(item.json)
				? (item.json as unknown[]).map((json) => ({ json: json as INodeExecutionData['json'] }))
				: [item],
		);
	},
);

/**
 * preSend factory: checks Limit, so a value no list can have fails the item before any page is
 * asked for, and marks the item's request as paged; client.ts then sends `sendPages`.
 */
export function pagedListPreSend(paging: Paging) {
	return preSendHook(
		['returnAll', 'limit'],
		async function pagedListPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
			checkListLimit(
				readParameter(this, 'returnAll', false),
				readParameter(this, 'limit', 50),
				paging.listed,
			);
			markPaged(this, paging);
			return requestOptions;
		},
	);
}

/**
 * preSend factory, for lists HighLevel answers whole (limitPostReceive cuts them): checks Limit
 * before the request, so a value no list can have fails the item with nothing sent.
 */
export function listLimitPreSend(listed: string) {
	return preSendHook(
		['returnAll', 'limit'],
		async function listLimitPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
			checkListLimit(
				readParameter(this, 'returnAll', false),
				readParameter(this, 'limit', 50),
				listed,
			);
			return requestOptions;
		},
	);
}
