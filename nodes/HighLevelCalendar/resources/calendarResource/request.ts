import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { credentialLocationId } from '../../hooks/request';
import { readParameter } from '../../helpers/parameters';
import {
	matchResourceType,
	normalizeCalendarResourceCreate,
	normalizeCalendarResourceUpdate,
	type ResourceType,
} from './normalize';
import { preSendHook } from '../../hooks/define';

/** The item's Resource Type, as the API names it (an expression may say "Room"). */
export function readResourceType(context: IExecuteSingleFunctions): ResourceType {
	return matchResourceType(readParameter(context, 'resourceType', 'rooms'));
}

/**
 * preSend, first of every Calendar Resource operation: fills `{resourceType}` with the checked
 * value, so an unknown type fails the item here, not as HighLevel's 422. pathIdsPreSend, after
 * it, fills `{id}`.
 */
export const resourceTypePathPreSend = preSendHook(
	['resourceType'],
	async function resourceTypePathPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requestOptions.url = requestOptions.url.replace('{resourceType}', readResourceType(this));
		return requestOptions;
	},
);

/** preSend factory: checks the create or update body (normalize.ts) before anything is sent. */
export function calendarResourceBodyPreSend(mode: 'create' | 'update') {
	return preSendHook(
		['resourceType'],
		async function calendarResourceBodyPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
			const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
			const context = {
				resourceType: readResourceType(this),
				credentialLocationId: await credentialLocationId(this),
			};
			requestOptions.body =
				mode === 'create'
					? normalizeCalendarResourceCreate(body, context)
					: normalizeCalendarResourceUpdate(body, context);
			return requestOptions;
		},
	);
}
