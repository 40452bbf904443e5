import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { readCredential, type HighLevelCredential } from './credential';
import {
	forgetLocationToken,
	sendAsLocation,
	sendRoutedAsLocation,
	type LocationAttempt,
} from './agency';
import { highLevelError } from './errors';
import {
	budgetFor,
	CancelledError,
	DailyLimitError,
	PUBLISHED_LIMIT,
	wait,
	type LocationBudget,
	type Slot,
} from './pacing/rateLimit';
import { asItemError, noteCreated, noteSent, withRunSummary } from './runLedger';
import {
	beforeOAuth2Request,
	releaseFirstRequest,
	renewAfterRejection,
	usesOAuth2,
} from './oauthRefresh';
import { pagingOf, sendPages } from './pagedList';
import { readParameter } from '../helpers/parameters';
import type { NodeContext } from '../helpers/nodeRun';

/**
 * The one HighLevel client: every request the package makes goes through `sendPaced`, whether
 * n8n's declarative routing built it (`sendRoutedRequest`, n8n's "pagination" hook) or a hook or
 * picker needs it (`highLevelRequest`: a contact by email, a calendar's slot length, the instance
 * behind one occurrence, the pickers' lists). Here, and only here:
 *
 * - the location's budget is spent, with the user's share (*Max Requests per 10 Seconds*);
 * - 429: HighLevel did not act; wait (Retry-After, else until the window resets) and resend, any method;
 * - 502/503/504 and broken connections: resend what changes nothing or the same twice (GET, PUT,
 *   DELETE, searches), with capped exponential backoff and jitter;
 * - a create is resent only after a 429 or a refused connection (nothing reached HighLevel). After
 *   a timeout, a reset or a 5xx the appointment may exist: the item fails and says so;
 * - cancellation and *Max Retry Time* end the waiting.
 * Responses are read (rate-limit headers, error statuses) by `highLevelError` in errors.ts.
 */

export const RETRY = {
	baseMs: 500,
	capMs: 8_000,
	maxRetryTimeMs: 120_000,
	maxServerErrorRetries: 6,
};

type Outcome =
	| 'rateLimited'
	| 'dailyLimit'
	| 'serverError'
	| 'refused'
	| 'broken'
	| 'tokenRejected'
	| 'final';

interface FailureInfo {
	outcome: Outcome;
	retryAfterMs?: number;
}

const SERVER_ERRORS = new Set(['502', '503', '504']);
const BROKEN_CONNECTION = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
]);

/** What a failed attempt means for a retry. Errors from highLevelError carry their status. */
export function classifyFailure(error: unknown): FailureInfo {
	const failure = error as {
		httpCode?: string | null;
		cause?: { code?: string };
		context?: IDataObject;
		message?: string;
	};
	if (failure.context?.decided) return { outcome: 'final' };
	const code = String(failure.httpCode ?? failure.cause?.code ?? '');
	const retryAfterMs = failure.context?.retryAfterMs as number | undefined;
	if (code === '429')
		return { outcome: failure.context?.dailyLimit ? 'dailyLimit' : 'rateLimited', retryAfterMs };
	if (SERVER_ERRORS.has(code)) return { outcome: 'serverError' };
	// HighLevel refused the token itself (not its scope): HighLevel did nothing.
	if (code === '401' && failure.context?.tokenRejected) return { outcome: 'tokenRejected' };
	if (code === 'ECONNREFUSED') return { outcome: 'refused' };
	if (BROKEN_CONNECTION.has(code) || /socket hang up|timeout/i.test(failure.message ?? ''))
		return { outcome: 'broken' };
	return { outcome: 'final' };
}

/** Full jitter: anywhere between 0 and the capped exponential step, so retries do not arrive together. */
export function backoffMs(attempt: number, random = Math.random): number {
	return Math.round(random() * Math.min(RETRY.capMs, RETRY.baseMs * 2 ** attempt));
}

/**
 * Whether an attempt that ended this way may be sent again. `changesNothing`: a read or a search
 * (GET, POST /contacts/search); PUT and DELETE do the same thing twice, so only a create is unsafe.
 */
export function isSafeToResend(
	method: string,
	outcome: Outcome,
	changesNothing = method === 'GET',
): boolean {
	if (outcome === 'rateLimited' || outcome === 'refused') return true;
	if (outcome === 'serverError' || outcome === 'broken') return changesNothing || method !== 'POST';
	return false;
}

type ClientContext = NodeContext;

interface Pacing {
	credential: HighLevelCredential;
	/** The credential type requests are signed with. */
	type: string;
	budget: LocationBudget;
	/** Share of the location's budget this node may use, 0 to 1. */
	share: number;
	maxRetryMs: number;
	signal?: AbortSignal;
}

async function pacingFor(context: ClientContext): Promise<Pacing> {
	const credential = await readCredential(context);
	const { baseUrl, locationId, type } = credential;
	const settings = (readParameter(context, 'rateLimit', {}) ?? {}) as IDataObject;
	return {
		credential,
		type,
		budget: budgetFor(baseUrl, locationId),
		// Said in HighLevel's published terms; applied as that share of whatever HighLevel reports.
		share: Number(settings.maxRequestsPer10Seconds ?? PUBLISHED_LIMIT.max) / PUBLISHED_LIMIT.max,
		maxRetryMs: Number(settings.maxRetrySeconds ?? RETRY.maxRetryTimeMs / 1000) * 1000,
		signal: 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined,
	};
}

function itemIndexOf(context: ClientContext): number | undefined {
	return 'getItemIndex' in context ? context.getItemIndex() : undefined;
}

function uncertainCreateError(context: ClientContext, error: unknown): NodeOperationError {
	// The cause stays out of the message: n8n rewrites messages that name a network error code.
	const cause = String((error as { httpCode?: string }).httpCode ?? (error as Error).message);
	return new NodeOperationError(
		context.getNode(),
		'HighLevel may have created this item: the request was sent but no clear answer came back',
		{
			itemIndex: itemIndexOf(context),
			description: `Cause: ${cause}. To avoid a double booking it was not sent again. Check in HighLevel (or with Get Many for that time) whether it exists before running this item again.`,
		},
	);
}

/** The budget's own refusals (cancelled, daily limit spent), as the item's error. */
function itemError(context: ClientContext, error: Error): NodeOperationError {
	return new NodeOperationError(context.getNode(), error.message, {
		itemIndex: itemIndexOf(context),
	});
}

/** n8n's own errors (ours, and those a hook already explained) pass as they are. */
function asNodeError(context: ClientContext, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeApiError(context.getNode(), error as JsonObject);
}

/**
 * The error an item ends with: marked as decided, so an enclosing request (a look-up inside a
 * routed request's hook) does not retry it again, and saying what the run's other items created.
 */
function finalError<T extends object>(context: ClientContext, error: T): T {
	const details = (error as { context?: IDataObject }).context;
	if (details) details.decided = true;
	return 'getItemIndex' in context ? withRunSummary(context, error) : error;
}

/**
 * Sends one request through the budget and the retry rules; `send` makes one attempt and, for an
 * agency connection, notes in `sentWith` the minted token it went with.
 */
async function sendPaced<T>(
	context: ClientContext,
	request: { method: string; changesNothing: boolean },
	send: (sentWith: LocationAttempt) => Promise<T>,
): Promise<T> {
	const { credential, type, budget, share, maxRetryMs, signal } = await pacingFor(context);
	const method = request.method.toUpperCase();
	const startedAt = Date.now();
	await beforeOAuth2Request(context, type).catch((refused: Error) => {
		throw finalError(context, refused);
	});
	let renewed = false;
	try {
		for (let attempt = 0; ; attempt++) {
			let slot: Slot | undefined;
			let sentAt = 0;
			const sentWith: LocationAttempt = {};
			try {
				slot = await budget.acquire(share, signal);
				noteSent(context);
				sentAt = Date.now();
				const result = await send(sentWith);
				budget.complete(slot);
				return result;
			} catch (error) {
				if (slot) budget.complete(slot);
				budget.settle();
				if (error instanceof CancelledError || error instanceof DailyLimitError) {
					throw finalError(context, itemError(context, error));
				}
				const { outcome, retryAfterMs } = classifyFailure(error);
				if (outcome === 'tokenRejected' && usesOAuth2(type) && !renewed) {
					renewed = true;
					// An agency's minted sub-account token is minted again (unless another request's 401
					// already had it replaced); the app's own token renewed.
					if (credential.companyId) forgetLocationToken(context, credential, sentWith.token);
					else
						await renewAfterRejection(context, type, sentAt).catch((refused: Error) => {
							throw finalError(context, refused);
						});
					continue;
				}
				if (!isSafeToResend(method, outcome, request.changesNothing)) {
					if (outcome === 'serverError' || outcome === 'broken')
						throw finalError(context, uncertainCreateError(context, error));
					throw finalError(context, asNodeError(context, error));
				}
				const delay =
					outcome === 'rateLimited'
						? budget.onTooManyRequests(retryAfterMs, slot)
						: backoffMs(attempt);
				const outOfTries = outcome !== 'rateLimited' && attempt >= RETRY.maxServerErrorRetries;
				if (outOfTries || Date.now() - startedAt + delay > maxRetryMs) {
					if (error instanceof NodeApiError) {
						error.description =
							`${error.description ?? ''} Gave up after ${attempt + 1} attempt${attempt ? 's' : ''} in ${Math.round((Date.now() - startedAt) / 1000)} s.`.trim();
					}
					throw finalError(context, new NodeApiError(context.getNode(), error as JsonObject));
				}
				await wait(delay, signal).catch((cancelled: Error) => {
					throw finalError(context, itemError(context, cancelled));
				});
			}
		}
	} finally {
		releaseFirstRequest(context);
	}
}

/** Per item (its context): an answer a hook already has, so nothing is sent (see duplicateCheck.ts). */
const answers = new WeakMap<object, IDataObject>();

export function answerWithoutSending(context: IExecuteSingleFunctions, json: IDataObject): void {
	answers.set(context, json);
}

/**
 * n8n's declarative pagination hook, reached by every routed operation (the Resource property
 * carries `routing.send.paginate`): one paced, safely retried request per item.
 */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// n8n makes this hook's context from the item's own, the one the preSend hooks saw.
	const answer = answers.get(Object.getPrototypeOf(this) as object);
	if (answer) return [{ json: answer }];
	const paging = pagingOf(this);
	if (paging)
		return await sendPages(this, requestData, paging, async (page) => await sendRouted(this, page));
	return await sendRouted(this, requestData);
}

/** One routed request, paced and safely retried, shaped by the operation's postReceive steps. */
async function sendRouted(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// An agency connection's Location ID is read per item: empty, it fails the item, not the run.
	const credential = await readCredential(context).catch((error: unknown) => {
		throw asItemError(context, error);
	});
	requestData.options.baseURL = credential.baseUrl;
	const method = String(requestData.options.method ?? 'GET').toUpperCase();
	const items = await sendPaced(
		context,
		{ method, changesNothing: method === 'GET' },
		async (sentWith) =>
			credential.companyId
				? await sendRoutedAsLocation(context, credential, requestData, sentWith)
				: await context.makeRoutingRequest(requestData),
	);
	if (method === 'POST') noteCreated(context, items);
	return items;
}

/** A request a hook or a picker makes itself. Each names the API version and scope it needs. */
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
	/** A POST that only reads (a search): safe to resend after a 5xx. Default: GET only. */
	changesNothing?: boolean;
	/** A 404 answers `{}` instead of failing: a look-up where "not there" is the answer. */
	notFoundIsAnswer?: boolean;
}

export async function highLevelRequest(
	context: ClientContext,
	request: HighLevelRequest,
): Promise<IDataObject> {
	const credential = await readCredential(context);
	const changesNothing = request.changesNothing ?? request.method === 'GET';
	return await sendPaced(context, { method: request.method, changesNothing }, async (sentWith) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			baseURL: credential.baseUrl,
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers: { Accept: 'application/json', Version: request.version },
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		};
		const response = (
			credential.companyId
				? await sendAsLocation(context, credential, options, sentWith)
				: await context.helpers.httpRequestWithAuthentication.call(
						context,
						credential.type,
						options,
					)
		) as { statusCode: number; body: unknown; headers?: IDataObject };
		const error = await highLevelError(context, response, {
			requiredScope: request.requiredScope,
			target: request.target,
		});
		if (error && request.notFoundIsAnswer && response.statusCode === 404) return {};
		if (error) throw error;
		return (response.body ?? {}) as IDataObject;
	});
}
