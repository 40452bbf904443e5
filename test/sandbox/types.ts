// What tests see of a sandbox: the options it runs with, the requests it records and the writes
// and answers it counts.
import type { FaultKind, FaultOptions } from './faults';
import type { RateLimitOptions } from './limits';
import type { OAuthApp, OAuthServer } from './oauth';
import type { SandboxStore } from './store';
import type { WebhookSender } from './webhooks';

/** A static token of `options.tokens`: a sub-account Private Integration Token. */
export interface SandboxToken {
	locationId: string;
	scopes: string[];
}

/**
 * What a bearer token stands for once recognised: a static token (always a Location token) or an
 * OAuth access token (oauth.ts), a sub-account's (Location) or an agency's (Company).
 */
export type AuthorizedToken =
	| { userType: 'Location'; locationId: string; companyId?: string; scopes: string[] }
	| { userType: 'Company'; companyId: string; scopes: string[] };

export interface SandboxOptions {
	/** Default: SANDBOX_TOKEN, holding ALL_SCOPES, for SANDBOX_LOCATION_ID. */
	tokens?: Record<string, SandboxToken>;
	/** GET appointment wraps in `{event}` (spec, default) or `{appointment, traceId}` (live). */
	getAppointmentEnvelope?: 'event' | 'appointment';
	/** Create/update appointment and free-slots responses: spec shape (default) or the live variant. */
	responseStyle?: 'spec' | 'live';
	/**
	 * Per-location rate limits (see limits.ts for how they count). Default DEFAULT_RATE_LIMIT:
	 * 100 per 10 s, 200,000 a day. `null` turns limiting off, and with it the x-ratelimit-* headers.
	 */
	rateLimit?: RateLimitOptions | null;
	/** The rate limiter's clock in ms (default performance.now); a test may move time by hand. */
	clock?: () => number;
	/** Delay before every answer, after the rate limiter decided and before the request is applied. Default 0. */
	latencyMs?: number;
	/** Seeded fault injection (see faults.ts). Default: none. */
	faults?: FaultOptions;
	/** Keep every request in `requests`. Default true; a benchmark sets it false. `stats` count either way. */
	record?: boolean;
	/** The Marketplace apps OAuth knows (oauth.ts). Default DEFAULT_OAUTH_APPS. */
	oauthApps?: OAuthApp[];
	/** `expires_in` of the OAuth access tokens issued from now on, in seconds. Default 86399. */
	accessTokenLifetimeSeconds?: number;
}

export interface RecordedRequest {
	method: string;
	/** Raw path as received, before percent-decoding, without the query string. */
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-cased names; Authorization is kept so tests can assert it was sent. */
	headers: Record<string, string>;
	/** Parsed JSON (or, on the OAuth routes, form fields), or undefined when there was no body. */
	body: unknown;
	rawBody: string;
	/** What the sandbox answered; filled in when the answer is sent. 0 while pending, and for a reset socket. */
	status: number;
	response: unknown;
	/** Headers the sandbox added to the answer (x-ratelimit-*, Retry-After, a redirect's Location). */
	responseHeaders?: Record<string, string>;
	/** The fault injected into this request, if any. */
	injected?: FaultKind;
	/** Date.now() when the request arrived. */
	receivedAt: number;
	/** Date.now() when the answer was sent (or the socket reset); unset while pending. */
	answeredAt?: number;
}

/**
 * A write that changed the store: create, update or delete of an appointment, a block slot, a
 * calendar, a calendar group (its status too), an appointment note, a room or equipment, a
 * calendar notification or an availability schedule (its calendars too).
 */
export interface AppliedWrite {
	method: string;
	/** Raw path, as in RecordedRequest. */
	path: string;
	kind:
		| 'appointment'
		| 'blockSlot'
		| 'calendar'
		| 'calendarGroup'
		| 'appointmentNote'
		| 'calendarResource'
		| 'calendarNotification'
		| 'availabilitySchedule'
		| 'serviceBooking';
	/**
	 * The created, updated or deleted record's id; for one occurrence of a recurring series, the
	 * instance id the request named (`<masterId>_<startMs>_<seconds>`), not the master's; for a
	 * note, the note's (not its appointment's).
	 */
	id: string;
	/** The request's parsed body; for a list of notifications created at once, the notification's entry. */
	body: unknown;
	/** Date.now() when it was applied. */
	at: number;
}

export interface SandboxStats {
	/** Requests received (counted on arrival). */
	received: number;
	/** Answers by status code ('200', '429', ...); sockets reset without an answer under 'reset'. */
	byStatus: Record<string, number>;
	/** 429s from the rate limiter (window or day), not injected ones. */
	rateLimited: number;
	/** Injected faults by kind; every 429 of a random burst counts. */
	injected: Partial<Record<FaultKind, number>>;
	/** Every write that changed the store, in the order applied. */
	applied: AppliedWrite[];
	/** OAuth: authorization codes exchanged for tokens. */
	codeExchanges: number;
	/** OAuth: refresh_token grants that issued tokens (each one rotated its refresh token). */
	tokenRefreshes: number;
	/** OAuth: refresh_token grants refused invalid_grant (a spent, unknown or other app's token). */
	refusedRefreshes: number;
	/** OAuth: Location tokens minted from a Company token (POST /oauth/locationToken), by location. */
	locationTokenMints: Record<string, number>;
	/** Date.now() of the first and the latest request received (for the benchmark's timeline). */
	firstAt?: number;
	lastAt?: number;
}

export interface Sandbox {
	baseUrl: string;
	requests: RecordedRequest[];
	store: SandboxStore;
	/** Read on every request, so tests may change any option between (or during) calls. */
	options: SandboxOptions;
	stats: SandboxStats;
	/** The OAuth state: codes and tokens issued; `expireAccessTokens()` and `expireAccessToken()`. */
	oauth: OAuthServer;
	/**
	 * HighLevel's signed appointment webhooks (webhooks.ts): set `webhooks.url` and every applied
	 * appointment write is pushed there; `webhooks.send` posts by hand (replay, delay, tamper).
	 */
	webhooks: WebhookSender;
	/**
	 * Empties `requests` and `stats`, re-seeds `store`, forgets the OAuth codes and tokens issued,
	 * and forgets rate-limit windows and fault progress (PRNG, script, bursts). All keep their
	 * identity. Options are kept.
	 */
	reset(): void;
	/** Empties `requests` and `stats` only: the store, rate-limit windows and fault progress stay. */
	resetStats(): void;
	/**
	 * Forgets rate-limit windows and days, and fault progress (the PRNG starts again from its seed);
	 * held answers go.
	 */
	resetLimits(): void;
	/** Lets every answer held by a 'hold' fault go (faults.ts); returns how many there were. */
	releaseHeld(): number;
	close(): Promise<void>;
}
