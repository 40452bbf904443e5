import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { readCredential } from '../transport/credential';
import { resolveId } from './resolveId';
import { fillPath } from '../helpers/pathSegment';
import { assertTimeZone, type TimeReading } from '../helpers/time';
import { readParameter } from '../helpers/parameters';
import { isToolRun } from '../helpers/toolMode';
import { preSendHook } from './define';

export interface BodyContext extends TimeReading {
	/** The credential's Location ID, the default wherever the API needs a locationId. */
	credentialLocationId: string;
}

export type BodyNormalizer = (body: IDataObject, context: BodyContext) => IDataObject;

/**
 * preSend: fills each `{name}` of the operation's spec-style URL (`.../{eventId}`, `/calendars/{calendarId}`)
 * with the parameter of that name, encoded as one path segment.
 */
export const pathIdsPreSend = preSendHook(
	{ reads: [], readsPathIds: true },
	async function pathIdsPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const values: Record<string, unknown> = {};
		for (const [, name] of requestOptions.url.matchAll(/\{(\w+)\}/g))
			values[name] = await resolveId(this, name);
		requestOptions.url = fillPath(requestOptions.url, (name) => values[name]);
		return requestOptions;
	},
);

/** preSend: a contact picked By Email is sent as the id of the one contact with that email. */
export const contactByEmailPreSend = preSendHook(
	['contactId'],
	async function contactByEmailPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = requestOptions.body as IDataObject | undefined;
		if (body?.contactId === undefined) return requestOptions;
		body.contactId = (await resolveId(this, 'contactId')) as string;
		return requestOptions;
	},
);

export function timeReading(context: IExecuteSingleFunctions): Required<TimeReading> {
	const chosenZone = readParameter(context, 'options.timeZone', '') as string;
	return {
		timeZone: assertTimeZone(chosenZone || context.getTimezone()),
		offsetRequired: !chosenZone && isToolRun(context),
	};
}

export function readingTimeZone(context: IExecuteSingleFunctions): string {
	return timeReading(context).timeZone;
}

export async function credentialLocationId(context: IExecuteSingleFunctions): Promise<string> {
	return (await readCredential(context)).locationId;
}

/**
 * preSend factory: the credential's sub-account as `locationId`, in the query (list endpoints) or
 * the body (creates), where the API requires it and no field asks for it.
 */
export function credentialLocationPreSend(where: 'qs' | 'body') {
	return preSendHook(
		[],
		async function credentialLocationPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
			const locationId = await credentialLocationId(this);
			if (where === 'qs') requestOptions.qs = { ...requestOptions.qs, locationId };
			else requestOptions.body = { ...(requestOptions.body as IDataObject), locationId };
			return requestOptions;
		},
	);
}

/** preSend factory: checks and normalizes the JSON body with a pure function before it is sent. */
export function normalizedBodyPreSend(normalize: BodyNormalizer) {
	return normalizedPreSend('body', normalize);
}

/** preSend factory: the same for the query of a list or search. */
export function normalizedQueryPreSend(normalize: BodyNormalizer) {
	return normalizedPreSend('qs', normalize);
}

function normalizedPreSend(where: 'body' | 'qs', normalize: BodyNormalizer) {
	return preSendHook(
		['options.timeZone'],
		async function normalizedPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
			const given = { ...((requestOptions[where] as IDataObject | undefined) ?? {}) };
			requestOptions[where] = normalize(given, {
				...timeReading(this),
				credentialLocationId: await credentialLocationId(this),
			});
			return requestOptions;
		},
	);
}
