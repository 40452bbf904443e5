// HTTP front of the sandbox. Checks run in the order a request meets them at HighLevel: the rate
// limiter (limits.ts; per location, in front of the app), then routing (404), guards (token,
// scope, the Version of the route's API), validation pipes (422) and the location (prepare.ts),
// and then, for a request that would be applied, the fault injector (faults.ts), the configured
// latency and finally the handler (apply.ts). A request refused before it could be applied may
// still meet a script entry that delays its answer (faults.ts). Every request is counted in `stats` and (unless
// `record` is false) recorded in `requests`, so tests can assert what the node sent, what it was
// told, and what actually changed.
import * as http from 'http';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';
import { apply, errorReply } from './apply';
import { type FaultDecision, FaultInjector, type FaultKind, type HoldUntil } from './faults';
import type { Reply } from './handlers';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './limits';
import { OAuthServer } from './oauth';
import { parseBody, prepare, type Prepared, tokenOf } from './prepare';
import { ALL_SCOPES } from './spec';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from './seedIds';
import { SandboxStore } from './store';
import type { RecordedRequest, Sandbox, SandboxOptions, SandboxStats } from './types';
import { WebhookSender } from './webhooks';

function parseQuery(search: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(search)) {
		const seen = query[key];
		query[key] =
			seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
	}
	return query;
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
	/** A 'hold': settles when the answer may go. Made when decided, so no release is missed. */
	held?: Promise<void>;
}

/** An answer held back by a 'hold' fault. */
interface Held {
	until?: HoldUntil;
	release: () => void;
}

interface Internals {
	limiter: RateLimiter;
	faults: FaultInjector;
	held: Held[];
}

/** Starts holding an answer back until `until` is met (see answered) or `releaseHeld()`. */
function hold(internals: Internals, until: HoldUntil | undefined): Promise<void> {
	return new Promise((resolve) => {
		const held: Held = {
			until,
			release: () => {
				internals.held = internals.held.filter((other) => other !== held);
				resolve();
			},
		};
		internals.held.push(held);
	});
}

/** Releases every held answer waiting for one like `record`'s (held before it arrived). */
function answered(internals: Internals, record: RecordedRequest): void {
	for (const held of internals.held) {
		const until = held.until;
		if (!until) continue;
		if (until.pathIncludes !== undefined && !record.path.includes(until.pathIncludes)) continue;
		if (until.status !== undefined && until.status !== record.status) continue;
		held.release();
	}
}

/** Counts an injected fault, and starts its hold. */
function noteFault(
	sandbox: Sandbox,
	internals: Internals,
	record: RecordedRequest,
	fault: FaultDecision | undefined,
): Promise<void> | undefined {
	if (!fault) return undefined;
	record.injected = fault.kind;
	sandbox.stats.injected[fault.kind] = (sandbox.stats.injected[fault.kind] ?? 0) + 1;
	return fault.kind === 'hold' ? hold(internals, fault.until) : undefined;
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
	const token = tokenOf(sandbox, record.headers);
	const limit = options.rateLimit === null ? undefined : (options.rateLimit ?? DEFAULT_RATE_LIMIT);
	let headers: Record<string, string> = {};
	if (limit && !token) headers = { ...internals.limiter.unplaced(limit) };
	if (limit && token) {
		// HighLevel counts per resource: a sub-account, or (for an agency token) the company.
		const resource = token.userType === 'Location' ? token.locationId : token.companyId;
		const admission = internals.limiter.admit(
			limit,
			resource,
			options.clock ? options.clock() : performance.now(),
		);
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
		const reply = errorReply(e);
		// Only a script entry naming this status takes it, and only to delay the answer.
		const fault = internals.faults.decide(options.faults, {
			method: record.method,
			path: record.path,
			locationId: '',
			status: reply.status,
		});
		const held = noteFault(sandbox, internals, record, fault);
		return { headers, delayMs: delayMs + (fault?.slowMs ?? 0), reply, fault, held };
	}
	const fault = internals.faults.decide(options.faults, {
		method: record.method,
		path: record.path,
		locationId: prepared.ctx.locationId,
	});
	const held = noteFault(sandbox, internals, record, fault);
	return { headers, delayMs: delayMs + (fault?.slowMs ?? 0), prepared, fault, held };
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
	internals: Internals,
	record: RecordedRequest,
	res: http.ServerResponse,
	headers: Record<string, string>,
	reply: Reply,
	html = reply.html ?? false,
): void {
	if (reply.headers) headers = { ...headers, ...reply.headers };
	record.status = reply.status;
	record.response = reply.body;
	record.responseHeaders = headers;
	record.answeredAt = Date.now();
	count(sandbox.stats, String(reply.status));
	if (!res.destroyed) {
		// Unless the client gave up; what happened has still happened.
		res.writeHead(reply.status, {
			...headers,
			'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
		});
		res.end(html ? String(reply.body) : JSON.stringify(reply.body));
	}
	answered(internals, record);
}

/** Drops the connection without an answer: an RST, so the client reads ECONNRESET. */
function resetSocket(sandbox: Sandbox, record: RecordedRequest, req: http.IncomingMessage): void {
	record.status = 0;
	record.answeredAt = Date.now();
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
	if (plan.held) await plan.held;

	const { fault, prepared } = plan;
	if (!prepared) return send(sandbox, internals, record, res, plan.headers, plan.reply!);

	switch (fault?.kind) {
		case 'reset-before-apply':
			return resetSocket(sandbox, record, req);
		case 'reset-after-apply':
			apply(sandbox, record, prepared);
			return resetSocket(sandbox, record, req);
		case '503':
			return send(sandbox, internals, record, res, plan.headers, {
				status: 503,
				body: { statusCode: 503, message: 'Service Unavailable' },
			});
		case '429': {
			// As if another client had just used up the window: the headers say so.
			const headers = { ...plan.headers };
			if ('x-ratelimit-remaining' in headers) headers['x-ratelimit-remaining'] = '0';
			if (fault.retryAfterSeconds !== undefined)
				headers['retry-after'] = String(fault.retryAfterSeconds);
			return send(sandbox, internals, record, res, headers, {
				status: 429,
				body: { statusCode: 429, message: 'Too Many Requests' },
			});
		}
		// What a load balancer in front of the app answers: an HTML page, not the API's JSON.
		case '502':
			return send(
				sandbox,
				internals,
				record,
				res,
				plan.headers,
				{ status: 502, body: gatewayPage(502, 'Bad Gateway') },
				true,
			);
		case '504':
			return send(
				sandbox,
				internals,
				record,
				res,
				plan.headers,
				{ status: 504, body: gatewayPage(504, 'Gateway Time-out') },
				true,
			);
		default:
			// No fault, or 'slow' (its delay is already behind us): apply and answer.
			return send(sandbox, internals, record, res, plan.headers, apply(sandbox, record, prepared));
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
	const internals: Internals = {
		limiter: new RateLimiter(),
		faults: new FaultInjector(),
		held: [],
	};
	const releaseHeld = () => {
		const count = internals.held.length;
		for (const held of [...internals.held]) held.release();
		return count;
	};

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
		stats: {
			received: 0,
			byStatus: {},
			rateLimited: 0,
			injected: {},
			applied: [],
			codeExchanges: 0,
			tokenRefreshes: 0,
			refusedRefreshes: 0,
			locationTokenMints: {},
		},
		oauth: new OAuthServer(),
		webhooks: new WebhookSender(),
		reset() {
			sandbox.resetStats();
			sandbox.resetLimits();
			sandbox.store.reset();
			sandbox.oauth.reset();
		},
		resetStats() {
			const { stats } = sandbox;
			sandbox.requests.length = 0;
			stats.received = 0;
			stats.rateLimited = 0;
			for (const key of Object.keys(stats.byStatus)) delete stats.byStatus[key];
			for (const key of Object.keys(stats.injected) as FaultKind[]) delete stats.injected[key];
			stats.applied.length = 0;
			sandbox.webhooks.deliveries.length = 0;
			stats.codeExchanges = 0;
			stats.tokenRefreshes = 0;
			stats.refusedRefreshes = 0;
			for (const key of Object.keys(stats.locationTokenMints)) delete stats.locationTokenMints[key];
			stats.firstAt = undefined;
			stats.lastAt = undefined;
		},
		resetLimits() {
			internals.limiter.clear();
			internals.faults.clear();
			releaseHeld();
		},
		releaseHeld,
		close: () =>
			new Promise<void>((resolve, reject) => {
				releaseHeld();
				sandbox.webhooks.url = undefined;
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
