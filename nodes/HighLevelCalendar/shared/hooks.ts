import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';
import { fillEventIdInPath } from './eventId';
import { InputError } from './inputError';
import { assertTimeZone } from './time';

export interface BodyContext {
	/** IANA zone in which times without an offset are read. */
	timeZone: string;
	/** The credential's Location ID, the default wherever the API needs a locationId. */
	credentialLocationId: string;
}

export type BodyNormalizer = (body: IDataObject, context: BodyContext) => IDataObject;

/** Input errors become NodeOperationErrors on the item, so "Continue On Fail" keeps the other items going. */
function asItemError(context: IExecuteSingleFunctions, error: unknown): unknown {
	if (!(error instanceof InputError)) return error;
	return new NodeOperationError(context.getNode(), error.message, {
		itemIndex: context.getItemIndex(),
		description: 'Nothing was sent to HighLevel for this item.',
	});
}

/** preSend: puts the encoded eventId into the operation's spec-style URL `.../{eventId}`. */
export async function setEventIdInPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	try {
		requestOptions.url = fillEventIdInPath(requestOptions.url, this.getNodeParameter('eventId'));
	} catch (error) {
		throw asItemError(this, error);
	}
	return requestOptions;
}

/** preSend factory: checks and normalizes the JSON body with a pure function before it is sent. */
export function normalizeBody(normalize: BodyNormalizer) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		try {
			const chosenZone = this.getNodeParameter('options.timeZone', '') as string;
			const timeZone = assertTimeZone(chosenZone || this.getTimezone(), 'Time Zone');
			const credentials = await this.getCredentials<{ locationId?: string }>(CREDENTIAL_NAME);
			const body = { ...((requestOptions.body as IDataObject | undefined) ?? {}) };
			requestOptions.body = normalize(body, { timeZone, credentialLocationId: credentials.locationId ?? '' });
		} catch (error) {
			throw asItemError(this, error);
		}
		return requestOptions;
	};
}
