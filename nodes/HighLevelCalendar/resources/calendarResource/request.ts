import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { asItemError, credentialLocationId } from '../../hooks/request';
import { readParameter } from '../../helpers/parameters';
import {
	matchResourceType,
	normalizeCalendarResourceCreate,
	normalizeCalendarResourceUpdate,
	type ResourceType,
} from './normalize';

/** The item's Resource Type, as the API names it (an expression may say "Room"). */
export function readResourceType(context: IExecuteSingleFunctions): ResourceType {
	return matchResourceType(readParameter(context, 'resourceType', 'rooms'));
}

/**
 * preSend, first of every Calendar Resource operation: fills `{resourceType}` with the checked
 * value, so an unknown type fails the item here, not as HighLevel's 422. pathIdsPreSend, after
 * it, fills `{id}`.
 */
export async function resourceTypePathPreSend(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	try {
		requestOptions.url = requestOptions.url.replace('{resourceType}', readResourceType(this));
	} catch (error) {
		throw asItemError(this, error);
	}
	return requestOptions;
}

/** preSend factory: checks the create or update body (normalize.ts) before anything is sent. */
export function calendarResourceBodyPreSend(mode: 'create' | 'update') {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		try {
			const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
			const context = {
				resourceType: readResourceType(this),
				credentialLocationId: await credentialLocationId(this),
			};
			requestOptions.body =
				mode === 'create'
					? normalizeCalendarResourceCreate(body, context)
					: normalizeCalendarResourceUpdate(body, context);
		} catch (error) {
			throw asItemError(this, error);
		}
		return requestOptions;
	};
}
