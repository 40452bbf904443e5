// HTTP front of the sandbox. Checks run in the order a request meets them at HighLevel: the rate
// limiter (per location, in front of the app), then routing (404), guards (token, scope, the
// Version of the route's API), validation pipes (422), the location, and then, for a request that
// would be applied, the fault injector, the configured latency and finally the handler. Every
// request is counted in `stats` and (unless `record` is false) recorded in `requests`, so tests
// can assert what the node sent, what it was told, and what actually changed.
import * as http from 'http';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';
import { type FaultDecision, FaultInjector, type FaultKind, type FaultOptions } from './faults';
import {
	fail,
	handlers,
	type Handler,
	type HandlerContext,
	HttpError,
	type Reply,
} from './handlers';
import { liveAppointmentFor } from './handlers/events';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './limits';
import {
	ALL_SCOPES,
	matchRoute,
	scopesAllow,
	validateBody,
	validateParams,
	validateRules,
} from './spec';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN, SandboxStore } from './store';

export interface SandboxToken {
	locationId: string;
	scopes: string[];
}

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
	/** Delay before every answer, after the rate limiter decided and before the request is applied. Default 0. */
	latencyMs?: number;
	/** Seeded fault injection (see faults.ts). Default: none. */
	faults?: FaultOptions;
	/** Keep every request in `requests`. Default true; a benchmark sets it false. `stats` count either way. */
	record?: boolean;
}

export interface RecordedRequest {
	method: string;
	/** Raw path as received, before percent-decoding, without the query string. */
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-cased names; Authorization is kept so tests can assert it was sent. */
	headers: Record<string, string>;
	/** Parsed JSON, or undefined when there was no JSON body. */
	body: unknown;
	rawBody: string;
	/** What the sandbox answered; filled in when the answer is sent. 0 while pending, and for a reset socket. */
	status: number;
	response: unknown;
	/** Headers the sandbox added to the answer (the x-ratelimit-* family, Retry-After). */
	responseHeaders?: Record<string, string>;
	/** The fault injected into this request, if any. */
	injected?: FaultKind;
	/** Date.now() when the request arrived. */
	receivedAt: number;
}

/** A write that changed the store: create, update or delete of an appointment or a block slot. */
export interface AppliedWrite {
	method: string;
	/** Raw path, as in RecordedRequest. */
	path: string;
	kind: 'appointment' | 'blockSlot';
	/**
	 * The created, updated or deleted record's id; for one occurrence of a recurring series, the
	 * instance id the request named (`<masterId>_<startMs>_<seconds>`), not the master's.
	 */
	id: string;
	/** The request's parsed body. */
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
	/**
	 * Empties `requests` and `stats`, re-seeds `store`, and forgets rate-limit windows and fault
	 * progress (PRNG, script, bursts). All keep their identity. Options are kept.
	 */
	reset(): void;
	/** Empties `requests` and `stats` only: the store, rate-limit windows and fault progress stay. */
	resetStats(): void;
	/** Forgets rate-limit windows and days, and fault progress (the PRNG starts again from its seed). */
	resetLimits(): void;
	close(): Promise<void>;
}

function parseQuery(search: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(search)) {
		const seen = query[key];
		query[key] =
			seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
	}
	return query;
}

/**
 * Express's default (qs) query parser, which HighLevel's Nest app sits on, reads `ids[]=a` and
 * `ids[0]=a` as the array `ids`, so clients that serialize arrays that way are understood.
 */
function foldArrayKeys(
	query: Record<string, string | string[]>,
): Record<string, string | string[]> {
	const folded: Record<string, string | string[]> = {};
	for (const [key, value] of Object.entries(query)) {
		const m = /^(.+?)\[\d*\]$/.exec(key);
		const name = m ? m[1] : key;
		const seen = folded[name];
		folded[name] = m || seen !== undefined ? [seen ?? [], value].flat() : value;
	}
	return folded;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const tokenOf = (
	options: SandboxOptions,
	headers: Record<string, string>,
): SandboxToken | undefined => {
	const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
	return bearer === undefined ? undefined : options.tokens?.[bearer];
};

/** A request that passed every check: what remains is to apply it. */
interface Prepared {
	routeKey: string;
	handler: Handler;
	ctx: HandlerContext;
}

/**
 * Fills in `record.body`. Parsed as soon as it has arrived, so even a request the rate limiter
 * refuses shows what was sent; a body that is not JSON is only answered (400) after the limiter.
 */
function parseBody(record: RecordedRequest): HttpError | undefined {
	if (record.rawBody.trim() === '') return undefined;
	const contentType = record.headers['content-type'];
	// Stricter than HighLevel, which would ignore such a body: a node that forgets
	// the JSON content type should fail loudly here rather than send nothing.
	if (!/\bjson\b/i.test(contentType ?? '')) {
		return fail(400, `Body sent as ${contentType ?? 'no content type'}, expected application/json`);
	}
	try {
		record.body = JSON.parse(record.rawBody);
		return undefined;
	} catch (e) {
		return fail(400, (e as Error).message);
	}
}

/** Body, routing, guards and validation; throws the HttpError HighLevel would answer with. */
function prepare(
	sandbox: Sandbox,
	record: RecordedRequest,
	url: string,
	bodyError: HttpError | undefined,
): Prepared {
	const { store, options } = sandbox;
	const { method, path, headers } = record;
	const query = foldArrayKeys(record.query);
	if (bodyError) throw bodyError;

	let match;
	try {
		match = matchRoute(method, path);
	} catch {
		throw fail(400, `Failed to decode param '${path}'`);
	}
	if (!match)
		throw new HttpError(404, {
			statusCode: 404,
			message: `Cannot ${method} ${url}`,
			error: 'Not Found',
		});
	const { route, params } = match;

	const token = tokenOf(options, headers);
	if (!token) {
		throw new HttpError(401, {
			statusCode: 401,
			message: 'Invalid token: access token is invalid',
			error: 'Unauthorized',
		});
	}
	if (!scopesAllow(route, token.scopes)) {
		throw new HttpError(401, {
			statusCode: 401,
			message: 'This authClass type is not allowed to access this scope',
			error: 'Unauthorized',
		});
	}

	if (headers.version !== route.version) {
		throw fail(
			400,
			`Version header must be "${route.version}", got ${headers.version === undefined ? 'none' : `"${headers.version}"`}`,
		);
	}

	const errors = validateParams(route, query, params);
	// Nest reads a missing body as {}, so a bodiless POST fails on its required fields.
	const payload = route.hasBody ? (record.body ?? {}) : {};
	if (route.hasBody) errors.push(...validateBody(route, payload));
	if (isObject(payload)) errors.push(...validateRules(route, query, payload));
	if (errors.length > 0) throw fail(422, errors);

	for (const locationId of [
		query.locationId,
		params.locationId,
		isObject(record.body) ? record.body.locationId : undefined,
	]) {
		if (locationId !== undefined && locationId !== token.locationId) {
			throw fail(403, 'The token does not have access to this location');
		}
	}

	const routeKey = `${route.method} ${route.template}`;
	const handler = handlers[routeKey];
	if (!handler) throw fail(501, 'not modelled by the sandbox');
	return {
		routeKey,
		handler,
		ctx: {
			store,
			locationId: token.locationId,
			params,
			query,
			body: route.hasBody && isObject(record.body) ? record.body : {},
			getAppointmentEnvelope: options.getAppointmentEnvelope ?? 'event',
			responseStyle: options.responseStyle ?? 'spec',
		},
	};
}

/** The routes whose success changes the store, and what they change. */
const WRITES: Record<string, (ctx: HandlerContext) => AppliedWrite['kind']> = {
	'POST /calendars/events/appointments': () => 'appointment',
	'PUT /calendars/events/appointments/{eventId}': () => 'appointment',
	'POST /calendars/events/block-slots': () => 'blockSlot',
	'PUT /calendars/events/block-slots/{eventId}': () => 'blockSlot',
	// Mirrors deleteEvent: a live appointment (or occurrence) with the id wins over a block slot.
	'DELETE /calendars/events/{eventId}': (ctx) =>
		liveAppointmentFor(ctx.store, ctx.params.eventId) ? 'appointment' : 'blockSlot',
};

const errorReply = (e: unknown): Reply =>
	e instanceof HttpError
		? { status: e.status, body: e.body }
		: {
				status: 500,
				body: { statusCode: 500, message: `sandbox bug: ${(e as Error)?.stack ?? String(e)}` },
			};

/** Runs the handler and records the write in `stats.applied` if it changed the store. */
function apply(sandbox: Sandbox, record: RecordedRequest, prepared: Prepared): Reply {
	const { routeKey, handler, ctx } = prepared;
	const kindOf = WRITES[routeKey];
	try {
		const kind = kindOf?.(ctx);
		const reply = handler(ctx);
		if (kind && reply.status >= 200 && reply.status < 300) {
			const created = routeKey.startsWith('POST ');
			const id = created ? String((reply.body as { id?: unknown }).id) : ctx.params.eventId;
			sandbox.stats.applied.push({
				method: record.method,
				path: record.path,
				kind,
				id,
				body: record.body,
				at: Date.now(),
			});
		}
		return reply;
	} catch (e) {
		return errorReply(e);
	}
}

/** What was decided for a request at the moment it was checked. */
interface Plan {
	/** The x-ratelimit-* headers (and Retry-After) to send with whatever the answer is. */
	headers: Record<string, string>;
	delayMs: number;
	/** Answer with this, without applying anything... */
	reply?: Reply;
	/** ...or apply this, subject to `fault`. */
	prepared?: Prepared;
	fault?: FaultDecision;
}

interface Internals {
	limiter: RateLimiter;
	faults: FaultInjector;
}

/**
 * Everything that decides a request's fate, synchronously, so decisions (rate limit, faults)
 * happen in one well-defined order. Nothing here applies anything.
 */
function decide(
	sandbox: Sandbox,
	internals: Internals,
	record: RecordedRequest,
	url: string,
): Plan {
	const { options, stats } = sandbox;
	const bodyError = parseBody(record);
	const delayMs = Math.max(0, options.latencyMs ?? 0);
	const token = tokenOf(options, record.headers);
	const limit = options.rateLimit === null ? undefined : (options.rateLimit ?? DEFAULT_RATE_LIMIT);
	let headers: Record<string, string> = {};
	if (limit && !token) headers = { ...internals.limiter.unplaced(limit) };
	if (limit && token) {
		const admission = internals.limiter.admit(limit, token.locationId, performance.now());
		headers = { ...admission.headers };
		if (!admission.admitted) {
			stats.rateLimited++;
			if (limit.retryAfterHeader) headers['retry-after'] = String(admission.retryAfterSeconds);
			const message =
				admission.refusedBy === 'daily' ? 'Daily limit exceeded' : 'Too Many Requests';
			return { headers, delayMs, reply: { status: 429, body: { statusCode: 429, message } } };
		}
	}

	let prepared: Prepared;
	try {
		prepared = prepare(sandbox, record, url, bodyError);
	} catch (e) {
		return { headers, delayMs, reply: errorReply(e) };
	}
	const fault = internals.faults.decide(options.faults, {
		method: record.method,
		path: record.path,
		locationId: prepared.ctx.locationId,
	});
	if (fault) {
		record.injected = fault.kind;
		stats.injected[fault.kind] = (stats.injected[fault.kind] ?? 0) + 1;
	}
	return { headers, delayMs: delayMs + (fault?.slowMs ?? 0), prepared, fault };
}

/** setTimeout may fire a hair early against performance.now(); an answer must never come early. */
async function sleep(ms: number): Promise<void> {
	const until = performance.now() + ms;
	for (let left = ms; left > 0; left = until - performance.now()) {
		await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
	}
}

const gatewayPage = (status: number, text: string) =>
	`<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n</body>\r\n</html>\r\n`;

function count(stats: SandboxStats, key: string): void {
	stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
}

function send(
	sandbox: Sandbox,
	record: RecordedRequest,
	res: http.ServerResponse,
	headers: Record<string, string>,
	reply: Reply,
	html = false,
): void {
	record.status = reply.status;
	record.response = reply.body;
	record.responseHeaders = headers;
	count(sandbox.stats, String(reply.status));
	if (res.destroyed) return; // the client gave up; what happened has still happened
	res.writeHead(reply.status, {
		...headers,
		'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
	});
	res.end(html ? String(reply.body) : JSON.stringify(reply.body));
}

/** Drops the connection without an answer: an RST, so the client reads ECONNRESET. */
function resetSocket(sandbox: Sandbox, record: RecordedRequest, req: http.IncomingMessage): void {
	record.status = 0;
	count(sandbox.stats, 'reset');
	const { socket } = req;
	if (!socket.destroyed) {
		if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
		else socket.destroy();
	}
}

async function handle(
	sandbox: Sandbox,
	internals: Internals,
	req: http.IncomingMessage,
	res: http.ServerResponse,
): Promise<void> {
	const { stats } = sandbox;
	stats.received++;
	stats.lastAt = Date.now();
	stats.firstAt ??= stats.lastAt;
	const url = req.url ?? '/';
	const queryAt = url.indexOf('?');
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	const record: RecordedRequest = {
		method: req.method ?? 'GET',
		path: queryAt < 0 ? url : url.slice(0, queryAt),
		query: queryAt < 0 ? {} : parseQuery(url.slice(queryAt + 1)),
		headers,
		body: undefined,
		rawBody: '',
		status: 0,
		response: undefined,
		receivedAt: stats.lastAt,
	};
	// Recorded on arrival, so `requests` keeps arrival order even if bodies arrive slowly.
	if (sandbox.options.record !== false) sandbox.requests.push(record);

	let plan: Plan;
	try {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		record.rawBody = Buffer.concat(chunks).toString('utf8');
		plan = decide(sandbox, internals, record, url);
	} catch (e) {
		plan = { headers: {}, delayMs: 0, reply: errorReply(e) };
	}

	if (plan.delayMs > 0) await sleep(plan.delayMs);

	const { fault, prepared } = plan;
	if (!prepared) return send(sandbox, record, res, plan.headers, plan.reply!);

	switch (fault?.kind) {
		case 'reset-before-apply':
			return resetSocket(sandbox, record, req);
		case 'reset-after-apply':
			apply(sandbox, record, prepared);
			return resetSocket(sandbox, record, req);
		case '503':
			return send(sandbox, record, res, plan.headers, {
				status: 503,
				body: { statusCode: 503, message: 'Service Unavailable' },
			});
		case '429': {
			// As if another client had just used up the window: the headers say so.
			const headers = { ...plan.headers };
			if ('x-ratelimit-remaining' in headers) headers['x-ratelimit-remaining'] = '0';
			if (fault.retryAfterSeconds !== undefined)
				headers['retry-after'] = String(fault.retryAfterSeconds);
			return send(sandbox, record, res, headers, {
				status: 429,
				body: { statusCode: 429, message: 'Too Many Requests' },
			});
		}
		// What a load balancer in front of the app answers: an HTML page, not the API's JSON.
		case '502':
			return send(
				sandbox,
				record,
				res,
				plan.headers,
				{ status: 502, body: gatewayPage(502, 'Bad Gateway') },
				true,
			);
		case '504':
			return send(
				sandbox,
				record,
				res,
				plan.headers,
				{ status: 504, body: gatewayPage(504, 'Gateway Time-out') },
				true,
			);
		default:
			// No fault, or 'slow' (its delay is already behind us): apply and answer.
			return send(sandbox, record, res, plan.headers, apply(sandbox, record, prepared));
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const server = http.createServer();
	// Room for a benchmark's thousands of concurrent requests, answered as slowly as configured:
	// no connection cap, no deadline on a request (the timeouts below only bound how long a
	// client may take to *send* one, never how long the sandbox takes to answer), and idle
	// keep-alive sockets kept well past any pause in a test, so a reused socket is not closed
	// under a client (which would show up as a reset nobody injected).
	server.maxConnections = Infinity;
	server.requestTimeout = 0;
	server.headersTimeout = 60_000;
	server.keepAliveTimeout = 65_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen({ port: 0, host: '127.0.0.1', backlog: 8192 }, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const internals: Internals = { limiter: new RateLimiter(), faults: new FaultInjector() };

	const sandbox: Sandbox = {
		baseUrl: `http://127.0.0.1:${port}`,
		requests: [],
		store: new SandboxStore(),
		options: {
			...options,
			tokens: options.tokens ?? {
				[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: [...ALL_SCOPES] },
			},
			getAppointmentEnvelope: options.getAppointmentEnvelope ?? 'event',
			responseStyle: options.responseStyle ?? 'spec',
			rateLimit: options.rateLimit === undefined ? { ...DEFAULT_RATE_LIMIT } : options.rateLimit,
			latencyMs: options.latencyMs ?? 0,
			record: options.record ?? true,
		},
		stats: { received: 0, byStatus: {}, rateLimited: 0, injected: {}, applied: [] },
		reset() {
			sandbox.resetStats();
			sandbox.resetLimits();
			sandbox.store.reset();
		},
		resetStats() {
			const { stats } = sandbox;
			sandbox.requests.length = 0;
			stats.received = 0;
			stats.rateLimited = 0;
			for (const key of Object.keys(stats.byStatus)) delete stats.byStatus[key];
			for (const key of Object.keys(stats.injected) as FaultKind[]) delete stats.injected[key];
			stats.applied.length = 0;
			stats.firstAt = undefined;
			stats.lastAt = undefined;
		},
		resetLimits() {
			internals.limiter.clear();
			internals.faults.clear();
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				// fetch keeps connections alive; without this close() waits for them to time out.
				server.closeAllConnections();
			}),
	};
	server.on(
		'request',
		(req: http.IncomingMessage, res: http.ServerResponse) =>
			void handle(sandbox, internals, req, res),
	);
	return sandbox;
}
