import type { IDataObject, IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { readCredential } from './credential';
import { releaseFirstRequest } from './oauthRefresh';
import { budgetFor, retryAfterMs } from './pacing/rateLimit';
import { readParameter } from '../helpers/parameters';
import type { NodeContext } from '../helpers/nodeRun';

export interface HighLevelErrorContext {
	statusCode: number;
	body: unknown;
	/** The scope the operation needs, named when HighLevel says the token lacks one. */
	requiredScope: string;
	/** What was addressed, for a 404: e.g. `appointment "abc"`. */
	target?: string;
}

export interface DescribedError {
	message: string;
	description: string;
}

/** HighLevel sends `message` as a string (400, 401) or a list of strings (422). */
function highLevelMessages(body: unknown): string[] {
	if (typeof body === 'string') return body.trim() ? [body.trim()] : [];
	if (typeof body !== 'object' || body === null) return [];
	const { message, error } = body as IDataObject;
	if (Array.isArray(message)) return message.map(String);
	if (typeof message === 'string' && message) return [message];
	if (typeof error === 'string' && error) return [error];
	return [];
}

/** A 401 about a scope (or the token's kind) is the token's rights, not an expired token. */
function scopeProblem(body: unknown): boolean {
	return /scope|authClass/i.test(highLevelMessages(body).join('; '));
}

/**
 * Turns a HighLevel error response into a message that says what happened and what to do. A model
 * that called the node as a tool reads it too (n8n hands it the message with this description), so
 * each says which input to change and whether a retry can help.
 */
export function describeHighLevelError({
	statusCode,
	body,
	requiredScope,
	target,
}: HighLevelErrorContext): DescribedError {
	const messages = highLevelMessages(body);
	const said = messages.join('; ') || 'no details';
	if (statusCode === 401) {
		if (scopeProblem(body)) {
			return {
				message: `The access token is missing the scope ${requiredScope}`,
				description: `HighLevel said: "${said}". No input can fix this and retrying will not help: the credential's token needs the scope ${requiredScope} (sub-account Settings > Private Integrations), or a token that has it.`,
			};
		}
		return {
			message: 'HighLevel rejected the access token (401)',
			description: `HighLevel said: "${said}". No input can fix this and retrying will not help: the credential's Access Token must be a current sub-account Private Integration Token or sub-account access token with the scope ${requiredScope}.`,
		};
	}
	if (statusCode === 403) {
		return {
			message: 'HighLevel refused access to this sub-account (403)',
			description: `HighLevel said: "${said}". Retrying will not help: the credential's Location ID must be the sub-account the token was issued for.`,
		};
	}
	if (statusCode === 404) {
		return {
			message: target
				? `HighLevel found no ${target} (404)`
				: 'HighLevel found nothing at this address (404)',
			description: `HighLevel said: "${said}". Change the id and retry: it may be mistyped, deleted, or belong to another sub-account (a Get Many lists the current ones). The same id will fail again.`,
		};
	}
	if (statusCode === 422) {
		return {
			message: `HighLevel could not process the request (422): ${said}`,
			description:
				'Change the fields named above and retry; unchanged, the request will fail again.',
		};
	}
	if (statusCode === 429 && /daily/i.test(said)) {
		return {
			message: "HighLevel's daily request limit for this location is used up (429)",
			description: `HighLevel said: "${said}". HighLevel allows 200,000 requests a day per location; retrying will not help until the daily limit resets.`,
		};
	}
	if (statusCode === 429) {
		return {
			message: 'HighLevel rate limit reached (429)',
			description: `HighLevel said: "${said}". HighLevel allows 100 requests per 10 seconds per location: retrying after a few seconds can help (in a workflow, space the items out with the node's batching options).`,
		};
	}
	if (statusCode >= 500) {
		return {
			message: `HighLevel had a server error (${statusCode})`,
			description: `HighLevel said: "${said}". This is usually temporary, so retrying can help; before retrying a change, check with a Get or Get Many whether it was applied, so that nothing is booked twice.`,
		};
	}
	if (/slot .*(no longer|not) available/i.test(said)) {
		return {
			message: `HighLevel rejected the request (${statusCode}): ${said}`,
			description:
				'The time is already taken on this calendar: the same startTime will fail again. Pick another startTime from the open ones that Calendar: Get Free Slots lists and retry, or add Ignore Free Slot Validation to book it anyway.',
		};
	}
	return {
		message: `HighLevel rejected the request (${statusCode}): ${said}`,
		description:
			'Change the fields named in the message and retry; unchanged, the request will fail again.',
	};
}

function errorBody(body: unknown): JsonObject {
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as JsonObject;
	return { message: typeof body === 'string' ? body : '' };
}

export interface HighLevelResponse {
	statusCode: number;
	body: unknown;
	headers?: IDataObject;
}

/**
 * Reads every HighLevel response, routed or not: its rate-limit headers feed the location's
 * budget, and an error status becomes one clear NodeApiError (undefined when there is none),
 * carrying what a retry needs. Only the response body is attached, never the request, so the
 * Authorization header cannot reach an error item.
 */
export async function highLevelError(
	context: NodeContext,
	response: HighLevelResponse,
	{ requiredScope, target }: { requiredScope: string; target?: string },
): Promise<NodeApiError | undefined> {
	const { baseUrl, locationId } = await readCredential(context);
	const headers = response.headers ?? {};
	budgetFor(baseUrl, locationId).observe(headers, response.statusCode);
	const tokenRejected = response.statusCode === 401 && !scopeProblem(response.body);
	if (!tokenRejected) releaseFirstRequest(context);
	if (response.statusCode < 400) return undefined;
	const { message, description } = describeHighLevelError({
		statusCode: response.statusCode,
		body: response.body,
		requiredScope,
		target,
	});
	const error = new NodeApiError(context.getNode(), errorBody(response.body), {
		message,
		description,
		httpCode: String(response.statusCode),
		itemIndex: 'getItemIndex' in context ? context.getItemIndex() : undefined,
	});
	if (tokenRejected) error.context.tokenRejected = true;
	if (response.statusCode === 429) {
		error.context.retryAfterMs = retryAfterMs(headers, Date.now());
		error.context.dailyLimit =
			Number(headers['x-ratelimit-daily-remaining']) === 0 || /daily/i.test(message + description);
	}
	return error;
}

/** What a 404 addressed: `appointment with eventId "abc"`. */
export function describeTarget(
	context: IExecuteSingleFunctions,
	targetName: string,
	idParameter: string,
): string | undefined {
	const raw = readParameter(context, idParameter, '') as unknown;
	const id = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
	return id ? `${targetName} with ${idParameter} "${String(id)}"` : undefined;
}
