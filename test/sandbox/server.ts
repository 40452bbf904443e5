// HTTP front of the sandbox. Checks run in the order a Nest app runs them: routing (404), then
// guards (token, scope, the Version of the route's API), then validation pipes (422), then the
// location and the handler. Every request is recorded, so tests can assert what the node sent
// and was told.
import * as http from 'http';
import type { AddressInfo } from 'net';
import { fail, handlers, HttpError, type Reply } from './handlers';
import { ALL_SCOPES, matchRoute, scopesAllow, validateBody, validateParams, validateRules } from './spec';
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
	/** What the sandbox answered; filled in when the answer is sent. */
	status: number;
	response: unknown;
}

export interface Sandbox {
	baseUrl: string;
	requests: RecordedRequest[];
	store: SandboxStore;
	/** Read on every request, so tests may switch envelope, style or tokens between calls. */
	options: SandboxOptions;
	/** Empties `requests` and re-seeds `store` (both keep their identity). Options are kept. */
	reset(): void;
	close(): Promise<void>;
}

function parseQuery(search: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(search)) {
		const seen = query[key];
		query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
	}
	return query;
}

/**
 * Express's default (qs) query parser, which HighLevel's Nest app sits on, reads `ids[]=a` and
 * `ids[0]=a` as the array `ids`, so clients that serialize arrays that way are understood.
 */
function foldArrayKeys(query: Record<string, string | string[]>): Record<string, string | string[]> {
	const folded: Record<string, string | string[]> = {};
	for (const [key, value] of Object.entries(query)) {
		const m = /^(.+?)\[\d*\]$/.exec(key);
		const name = m ? m[1] : key;
		const seen = folded[name];
		folded[name] = m || seen !== undefined ? [seen ?? [], value].flat() : value;
	}
	return folded;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function answer(sandbox: Sandbox, record: RecordedRequest, url: string): Reply {
	const { store, options } = sandbox;
	const { method, path, headers, body } = record;
	const query = foldArrayKeys(record.query);

	let match;
	try {
		match = matchRoute(method, path);
	} catch {
		throw fail(400, `Failed to decode param '${path}'`);
	}
	if (!match) throw new HttpError(404, { statusCode: 404, message: `Cannot ${method} ${url}`, error: 'Not Found' });
	const { route, params } = match;

	const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
	const token = bearer === undefined ? undefined : options.tokens?.[bearer];
	if (!token) {
		throw new HttpError(401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' });
	}
	if (!scopesAllow(route, token.scopes)) {
		throw new HttpError(401, {
			statusCode: 401,
			message: 'This authClass type is not allowed to access this scope',
			error: 'Unauthorized',
		});
	}

	if (headers.version !== route.version) {
		throw fail(400, `Version header must be "${route.version}", got ${headers.version === undefined ? 'none' : `"${headers.version}"`}`);
	}

	const errors = validateParams(route, query, params);
	// Nest reads a missing body as {}, so a bodiless POST fails on its required fields.
	const payload = route.hasBody ? body ?? {} : {};
	if (route.hasBody) errors.push(...validateBody(route, payload));
	if (isObject(payload)) errors.push(...validateRules(route, query, payload));
	if (errors.length > 0) throw fail(422, errors);

	for (const locationId of [query.locationId, params.locationId, isObject(body) ? body.locationId : undefined]) {
		if (locationId !== undefined && locationId !== token.locationId) {
			throw fail(403, 'The token does not have access to this location');
		}
	}

	const handler = handlers[`${route.method} ${route.template}`];
	if (!handler) throw fail(501, 'not modelled by the sandbox');
	return handler({
		store,
		locationId: token.locationId,
		params,
		query,
		body: route.hasBody && isObject(body) ? body : {},
		getAppointmentEnvelope: options.getAppointmentEnvelope ?? 'event',
		responseStyle: options.responseStyle ?? 'spec',
	});
}

async function handle(sandbox: Sandbox, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
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
	};
	// Recorded on arrival, so `requests` keeps arrival order even if bodies arrive slowly.
	sandbox.requests.push(record);

	let reply: Reply;
	try {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		record.rawBody = Buffer.concat(chunks).toString('utf8');
		if (record.rawBody.trim() !== '') {
			// Stricter than HighLevel, which would ignore such a body: a node that forgets
			// the JSON content type should fail loudly here rather than send nothing.
			if (!/\bjson\b/i.test(headers['content-type'] ?? '')) {
				throw fail(400, `Body sent as ${headers['content-type'] ?? 'no content type'}, expected application/json`);
			}
			try {
				record.body = JSON.parse(record.rawBody);
			} catch (e) {
				throw fail(400, (e as Error).message);
			}
		}
		reply = answer(sandbox, record, url);
	} catch (e) {
		reply =
			e instanceof HttpError
				? { status: e.status, body: e.body }
				: { status: 500, body: { statusCode: 500, message: `sandbox bug: ${(e as Error)?.stack ?? String(e)}` } };
	}

	record.status = reply.status;
	record.response = reply.body;
	res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(reply.body));
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const server = http.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	const sandbox: Sandbox = {
		baseUrl: `http://127.0.0.1:${port}`,
		requests: [],
		store: new SandboxStore(),
		options: {
			tokens: options.tokens ?? { [SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: [...ALL_SCOPES] } },
			getAppointmentEnvelope: options.getAppointmentEnvelope ?? 'event',
			responseStyle: options.responseStyle ?? 'spec',
		},
		reset() {
			sandbox.requests.length = 0;
			sandbox.store.reset();
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				// fetch keeps connections alive; without this close() waits for them to time out.
				server.closeAllConnections();
			}),
	};
	server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => void handle(sandbox, req, res));
	return sandbox;
}
