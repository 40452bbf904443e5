// The app's side of a request, in the order Nest meets it: the body, routing (404), guards (token,
// scope, the Version of the route's API), validation pipes (422) and the location. What passes
// all of them is a Prepared request, ready for the fault injector and the handler.
import { fail, handlers, type Handler, type HandlerContext, HttpError } from './handlers';
import { validateRules } from './rules';
import { matchRoute, scopesAllow } from './spec';
import type { RecordedRequest, Sandbox, SandboxOptions, SandboxToken } from './types';
import { validateBody, validateParams } from './validation';

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

export const tokenOf = (
	options: SandboxOptions,
	headers: Record<string, string>,
): SandboxToken | undefined => {
	const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
	return bearer === undefined ? undefined : options.tokens?.[bearer];
};

/** A request that passed every check: what remains is to apply it. */
export interface Prepared {
	routeKey: string;
	handler: Handler;
	ctx: HandlerContext;
}

/**
 * Fills in `record.body`. Parsed as soon as it has arrived, so even a request the rate limiter
 * refuses shows what was sent; a body that is not JSON is only answered (400) after the limiter.
 */
export function parseBody(record: RecordedRequest): HttpError | undefined {
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
export function prepare(
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
