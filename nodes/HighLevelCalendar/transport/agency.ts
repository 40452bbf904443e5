import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { USERS_API_VERSION } from '../helpers/constants';
import type { HighLevelCredential } from './credential';
import type { NodeContext } from '../helpers/nodeRun';
import { renewAfterRejection } from './oauthRefresh';

/**
 * An agency (Company) OAuth token serves every sub-account its app is installed in, but the
 * Calendars API takes only sub-account tokens: the node mints one per sub-account
 * (POST /oauth/locationToken), keeps it until shortly before it expires, mints each one once at a
 * time, and sends the sub-account's requests with it. n8n signs requests only with the stored
 * credential, so these requests go through n8n's plain httpRequest with the minted token, and
 * the operation's postReceive hooks run here the way n8n's routing runs them.
 */

interface MintedToken {
	accessToken: string;
	expiresAt: number;
}

/** Minted tokens are renewed this long before HighLevel's expiry. */
const EARLY_MS = 5 * 60_000;

const minted = new Map<string, MintedToken>();
const minting = new Map<string, Promise<MintedToken>>();

function keyOf(context: NodeContext, credential: HighLevelCredential): string {
	const stored = context.getNode().credentials?.[credential.type];
	return `${credential.type}:${stored?.id ?? stored?.name ?? ''}:${credential.locationId}`;
}

async function mint(context: NodeContext, credential: HighLevelCredential): Promise<MintedToken> {
	const request = (): IHttpRequestOptions => ({
		method: 'POST',
		url: `${credential.baseUrl}/oauth/locationToken`,
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/x-www-form-urlencoded',
			Version: USERS_API_VERSION,
		},
		body: new URLSearchParams({
			companyId: credential.companyId ?? '',
			locationId: credential.locationId,
		}).toString(),
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	});
	const send = async () =>
		(await context.helpers.httpRequestWithAuthentication.call(
			context,
			credential.type,
			request(),
		)) as IN8nHttpFullResponse;
	const sentAt = Date.now();
	let response = await send();
	if (response.statusCode === 401) {
		// The agency token itself expired: renew it once (oauthRefresh.ts), then mint again.
		await renewAfterRejection(context, credential.type, sentAt);
		response = await send();
	}
	const body = (typeof response.body === 'string' ? JSON.parse(response.body) : response.body) as
		| IDataObject
		| undefined;
	if (response.statusCode >= 400 || !body?.access_token) {
		const said = String(body?.message ?? body?.error_description ?? body?.error ?? '');
		throw new NodeApiError(context.getNode(), (body ?? {}) as JsonObject, {
			message: `HighLevel gave the agency connection no access to sub-account "${credential.locationId}"`,
			description: `HighLevel said: "${said}" (${response.statusCode}). Check that the app is installed in that sub-account and that the agency token has the oauth.write scope, or connect the sub-account itself.`,
			httpCode: String(response.statusCode),
		});
	}
	return {
		accessToken: String(body.access_token),
		expiresAt: Date.now() + Number(body.expires_in ?? 0) * 1000,
	};
}

/** The sub-account token for the credential's location: cached, or minted once at a time. */
export async function locationToken(
	context: NodeContext,
	credential: HighLevelCredential,
): Promise<string> {
	const key = keyOf(context, credential);
	const cached = minted.get(key);
	if (cached && cached.expiresAt - EARLY_MS > Date.now()) return cached.accessToken;
	let pending = minting.get(key);
	if (!pending) {
		pending = mint(context, credential).finally(() => minting.delete(key));
		minting.set(key, pending);
	}
	const token = await pending;
	minted.set(key, token);
	return token.accessToken;
}

/** What one attempt was sent with: the minted token, so its 401 can be told from a newer token's. */
export interface LocationAttempt {
	token?: string;
}

/**
 * HighLevel refused the minted token `refused` (the one the request went with): the next request
 * mints a new one. A 401 that comes back late, for a token another request already replaced,
 * leaves the current one alone: forgetting it would mint the location again for nothing.
 */
export function forgetLocationToken(
	context: NodeContext,
	credential: HighLevelCredential,
	refused: string | undefined,
): void {
	const key = keyOf(context, credential);
	if (refused === undefined || minted.get(key)?.accessToken === refused) minted.delete(key);
}

/** A request of a hook or picker, sent with the sub-account's minted token (noted in `sentWith`). */
export async function sendAsLocation(
	context: NodeContext,
	credential: HighLevelCredential,
	options: IHttpRequestOptions,
	sentWith: LocationAttempt = {},
): Promise<IN8nHttpFullResponse> {
	const token = await locationToken(context, credential);
	sentWith.token = token;
	return (await context.helpers.httpRequest({
		...options,
		headers: { ...options.headers, Authorization: `Bearer ${token}` },
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
}

/**
 * A routed request, sent with the minted token, then shaped by the operation's postReceive
 * actions as n8n's routing does: our hooks, and n8n's rootProperty.
 */
export async function sendRoutedAsLocation(
	context: IExecuteSingleFunctions,
	credential: HighLevelCredential,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	sentWith: LocationAttempt = {},
): Promise<INodeExecutionData[]> {
	const response = await sendAsLocation(
		context,
		credential,
		requestData.options as IHttpRequestOptions,
		sentWith,
	);
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const { actions } of requestData.postReceive) {
		for (const action of actions) {
			if (typeof action === 'function') {
				items = await action.call(context, items, response);
			} else if (action.type === 'rootProperty') {
				const property = action.properties.property;
				items = items.flatMap((item) =>
					([] as unknown[])
						.concat(item.json[property] ?? [])
						.map((json) => ({ json: json as IDataObject })),
				);
			} else {
				throw new NodeOperationError(
					context.getNode(),
					`The agency connection cannot run this operation's "${action.type}" step`,
				);
			}
		}
	}
	return items;
}
