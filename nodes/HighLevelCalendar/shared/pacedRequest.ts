import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';
import { budgetFor, CancelledError, DailyLimitError, PUBLISHED_LIMIT, wait, type Slot } from './rateLimit';

/**
 * Every request of the node goes through here (n8n's declarative "pagination" hook, the one place
 * that owns sending): it waits for the location's budget, sends, and retries what is safe to retry.
 *
 * - 429: HighLevel did not act; wait (Retry-After, else until the window resets) and resend, any method.
 * - 502/503/504 and connection resets: resend GET, PUT and DELETE (the same PUT twice is harmless),
 *   with capped exponential backoff and jitter.
 * - POST creates: resent only after a 429 or a refused connection (nothing reached HighLevel).
 *   After a timeout, a reset or a 5xx the appointment may exist; the item fails and says so.
 */

export const RETRY = { baseMs: 500, capMs: 8_000, maxRetryTimeMs: 120_000, maxServerErrorRetries: 6 };

type Outcome = 'rateLimited' | 'dailyLimit' | 'serverError' | 'refused' | 'broken' | 'final';

interface FailureInfo {
	outcome: Outcome;
	retryAfterMs?: number;
}

const SERVER_ERRORS = new Set(['502', '503', '504']);
const BROKEN_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'EAI_AGAIN']);

/** What a failed attempt means for a retry. Errors from checkHighLevelResponse carry their status. */
export function classifyFailure(error: unknown): FailureInfo {
	const failure = error as { httpCode?: string | null; cause?: { code?: string }; context?: IDataObject; message?: string };
	const code = String(failure.httpCode ?? failure.cause?.code ?? '');
	const retryAfterMs = failure.context?.retryAfterMs as number | undefined;
	if (code === '429') return { outcome: failure.context?.dailyLimit ? 'dailyLimit' : 'rateLimited', retryAfterMs };
	if (SERVER_ERRORS.has(code)) return { outcome: 'serverError' };
	if (code === 'ECONNREFUSED') return { outcome: 'refused' };
	if (BROKEN_CONNECTION.has(code) || /socket hang up|timeout/i.test(failure.message ?? '')) return { outcome: 'broken' };
	return { outcome: 'final' };
}

/** Full jitter: anywhere between 0 and the capped exponential step, so retries do not arrive together. */
export function backoffMs(attempt: number, random = Math.random): number {
	return Math.round(random() * Math.min(RETRY.capMs, RETRY.baseMs * 2 ** attempt));
}

export function isSafeToResend(method: string, outcome: Outcome): boolean {
	if (outcome === 'rateLimited' || outcome === 'refused') return true;
	if (outcome === 'serverError' || outcome === 'broken') return method !== 'POST';
	return false;
}

function uncertainCreateError(context: IExecutePaginationFunctions, error: unknown): NodeOperationError {
	// The cause stays out of the message: n8n rewrites messages that name a network error code.
	const cause = String((error as { httpCode?: string }).httpCode ?? (error as Error).message);
	return new NodeOperationError(
		context.getNode(),
		'HighLevel may have created this item: the request was sent but no clear answer came back',
		{
			itemIndex: context.getItemIndex(),
			description: `Cause: ${cause}. To avoid a double booking it was not sent again. Check in HighLevel (or with Get Many for that time) whether it exists before running this item again.`,
		},
	);
}

export const rateLimitOption: INodeProperties = {
	displayName: 'Rate Limit',
	name: 'rateLimit',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description: "How this node paces itself to HighLevel's limits",
	options: [
		{
			displayName: 'Max Requests per 10 Seconds',
			name: 'maxRequestsPer10Seconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				"How many of HighLevel's 100 requests per 10 seconds per location this node may use (if HighLevel reports another limit, the same share of it). Lower it for queue mode with several workers (100 divided by the number of workers) or when other apps share the location.",
		},
		{
			displayName: 'Max Retry Time (Seconds)',
			name: 'maxRetrySeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description: 'Longest an item keeps waiting and retrying before it fails',
		},
	],
};

/** The pagination hook: one paced, safely retried request per item. */
export async function sendPaced(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials<{ baseUrl?: string; locationId?: string }>(CREDENTIAL_NAME);
	const budget = budgetFor(credentials.baseUrl ?? '', credentials.locationId ?? '');
	const settings = this.getNodeParameter('rateLimit', {}) as IDataObject;
	// Said in HighLevel's published terms; applied as that share of whatever HighLevel reports.
	const share = Number(settings.maxRequestsPer10Seconds ?? PUBLISHED_LIMIT.max) / PUBLISHED_LIMIT.max;
	const maxRetryMs = Number(settings.maxRetrySeconds ?? RETRY.maxRetryTimeMs / 1000) * 1000;
	const method = String(requestData.options.method ?? 'GET').toUpperCase();
	const signal = this.getExecutionCancelSignal();
	const startedAt = Date.now();

	for (let attempt = 0; ; attempt++) {
		let slot: Slot | undefined;
		try {
			slot = await budget.acquire(share, signal);
			const items = await this.makeRoutingRequest(requestData);
			budget.complete(slot);
			return items;
		} catch (error) {
			if (slot) budget.complete(slot);
			budget.settle();
			if (error instanceof CancelledError || error instanceof DailyLimitError) {
				throw new NodeOperationError(this.getNode(), error.message, { itemIndex: this.getItemIndex() });
			}
			const { outcome, retryAfterMs } = classifyFailure(error);
			if (!isSafeToResend(method, outcome)) {
				if (method === 'POST' && (outcome === 'serverError' || outcome === 'broken')) throw uncertainCreateError(this, error);
				throw new NodeApiError(this.getNode(), error as JsonObject);
			}
			const delay = outcome === 'rateLimited' ? budget.onTooManyRequests(retryAfterMs) : backoffMs(attempt);
			const outOfTries = outcome !== 'rateLimited' && attempt >= RETRY.maxServerErrorRetries;
			if (outOfTries || Date.now() - startedAt + delay > maxRetryMs) {
				if (error instanceof NodeApiError) {
					error.description = `${error.description ?? ''} Gave up after ${attempt + 1} attempt${attempt ? 's' : ''} in ${Math.round((Date.now() - startedAt) / 1000)} s.`.trim();
				}
				throw new NodeApiError(this.getNode(), error as JsonObject);
			}
			await wait(delay, signal).catch((cancelled: Error) => {
				throw new NodeOperationError(this.getNode(), cancelled.message, { itemIndex: this.getItemIndex() });
			});
		}
	}
}
