import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';
import { describeHighLevelError } from './errors';
import { budgetFor } from './rateLimit';

/**
 * Requests made outside declarative routing: list searches for the pickers, and look-ups a hook
 * needs (a contact by email, a calendar's slot length). Each names the API version and scope it needs.
 */
export interface HighLevelRequest {
	method: IHttpRequestMethods;
	/** Path with ids already encoded (see pathSegment.ts). */
	path: string;
	version: string;
	requiredScope: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** What a 404 means, e.g. `calendar "abc"`. */
	target?: string;
}

type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

export async function highLevelRequest(context: RequestContext, request: HighLevelRequest): Promise<IDataObject> {
	const credentials = await context.getCredentials<{ baseUrl?: string; locationId?: string }>(CREDENTIAL_NAME);
	const baseURL = (credentials.baseUrl || 'https://services.leadconnectorhq.com').replace(/\/+$/, '');
	// Look-ups spend the same location budget as the node's own requests.
	const budget = budgetFor(credentials.baseUrl ?? '', credentials.locationId ?? '');
	const slot = await budget.acquire(1);
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_NAME, {
		method: request.method,
		baseURL,
		url: request.path,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', Version: request.version },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	}).finally(() => budget.complete(slot))) as { statusCode: number; body: unknown; headers?: IDataObject };
	budget.observe(response.headers ?? {}, response.statusCode);
	if (response.statusCode >= 400) {
		const { message, description } = describeHighLevelError({
			statusCode: response.statusCode,
			body: response.body,
			requiredScope: request.requiredScope,
			target: request.target,
		});
		const body = typeof response.body === 'object' && response.body !== null ? (response.body as JsonObject) : {};
		throw new NodeApiError(context.getNode(), body, { message, description, httpCode: String(response.statusCode) });
	}
	return (response.body ?? {}) as IDataObject;
}
