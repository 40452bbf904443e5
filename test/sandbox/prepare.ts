// The app's side of a request, in the order Nest meets it: the body, routing (404), guards (token,
// scope, the Version of the route's API), validation pipes (422) and the location. What passes
// all of them is a Prepared request, ready for the fault injector and the handler. The OAuth
// routes (handlers/oauth.ts) are not in the specs: routed first, they meet the same guard where
// they have one, and check their own inputs.
import { fail, handlers, type Handler, type HandlerContext, HttpError } from './handlers';
import { isOAuthPath, oauthRouteOf } from './handlers/oauth';
import { validateRules } from './rules';
import { matchRoute, type Route, tokenAllows } from './spec';
import type { AuthorizedToken, RecordedRequest, Sandbox } from './types';
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

const bearerOf = (headers: Record<string, string>): string | undefined =>
	/^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];

/** What the bearer token stands for: a static token of `options.tokens`, or a live OAuth one. */
export function tokenOf(
	sandbox: Sandbox,
	headers: Record<string, string>,
): AuthorizedToken | undefined {
	const bearer = bearerOf(headers);
	if (bearer === undefined) return undefined;
	const fixed = sandbox.options.tokens?.[bearer];
	if (fixed) return { userType: 'Location', locationId: fixed.locationId, scopes: fixed.scopes };
	return sandbox.oauth.resolve(bearer);
}

const unauthorized = (message: string) =>
	new HttpError(401, { statusCode: 401, message, error: 'Unauthorized' });

/**
 * The guards, in Nest's order: the token (an expired OAuth token is "Invalid JWT", an unknown one
 * "Invalid token"), its scopes and class (tokenAllows), then the Version of the route's API.
 */
function guard(
	sandbox: Sandbox,
	headers: Record<string, string>,
	route: Pick<Route, 'security' | 'version'>,
	versions: string[] = [route.version],
): AuthorizedToken {
	const token = tokenOf(sandbox, headers);
	if (!token) {
		const bearer = bearerOf(headers);
		throw unauthorized(
			bearer !== undefined && sandbox.oauth.isExpired(bearer)
				? 'Invalid JWT'
				: 'Invalid token: access token is invalid',
		);
	}
	if (!tokenAllows(route, token.userType, token.scopes))
		throw unauthorized('This authClass type is not allowed to access this scope');
	if (headers.version === undefined || !versions.includes(headers.version)) {
		const allowed = versions.map((v) => `"${v}"`).join(' or ');
		throw fail(
			400,
			`Version header must be ${allowed}, got ${headers.version === undefined ? 'none' : `"${headers.version}"`}`,
		);
	}
	return token;
}

/**
 * The location a request acts in. A Location token's is its own, and any locationId the request
 * names must be it; an agency (Company) token, where a route lets one in, acts in the location the
 * request names, which must be one of its company's ('' when none is named).
 */
function locationOf(sandbox: Sandbox, token: AuthorizedToken, named: unknown[]): string {
	const ids = named.filter((id) => id !== undefined);
	const reachable = (id: unknown) =>
		token.userType === 'Location'
			? id === token.locationId
			: typeof id === 'string' && sandbox.store.locations.get(id)?.companyId === token.companyId;
	if (!ids.every(reachable)) throw fail(403, 'The token does not have access to this location');
	return token.userType === 'Location' ? token.locationId : ((ids[0] as string | undefined) ?? '');
}

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
	// OAuth's token requests are forms (RFC 6749), and HighLevel documents them so.
	const form = isOAuthPath(record.path);
	if (form && /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '')) {
		record.body = Object.fromEntries(new URLSearchParams(record.rawBody));
		return undefined;
	}
	// Stricter than HighLevel, which would ignore such a body: a node that forgets
	// the JSON content type should fail loudly here rather than send nothing.
	if (!/\bjson\b/i.test(contentType ?? '')) {
		const expected = form
			? 'application/x-www-form-urlencoded or application/json'
			: 'application/json';
		return fail(400, `Body sent as ${contentType ?? 'no content type'}, expected ${expected}`);
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
	const body = isObject(record.body) ? record.body : {};
	const context = (locationId: string): HandlerContext => ({
		store,
		locationId,
		params: {},
		query,
		body,
		payload: record.body,
		getAppointmentEnvelope: options.getAppointmentEnvelope ?? 'event',
		responseStyle: options.responseStyle ?? 'spec',
	});

	const oauth = oauthRouteOf(method, path);
	if (oauth) {
		const { guard: needs, accept } = oauth.route;
		const token = needs && guard(sandbox, headers, needs);
		const applyOAuth = accept({ sandbox, query, body, headers, bearer: bearerOf(headers) });
		return {
			routeKey: oauth.key,
			handler: applyOAuth,
			ctx: context(token?.userType === 'Location' ? token.locationId : ''),
		};
	}

	let match;
	try {
		match = matchRoute(method, path, headers.version);
	} catch {
		throw fail(400, `Failed to decode param '${path}'`);
	}
	if (!match)
		throw new HttpError(404, {
			statusCode: 404,
			message: `Cannot ${method} ${url}`,
			error: 'Not Found',
		});
	const { route, params, versions } = match;
	const token = guard(sandbox, headers, route, versions);

	const errors = validateParams(route, query, params);
	// Nest reads a missing body as {}, so a bodiless POST fails on its required fields.
	const payload = route.hasBody ? (record.body ?? {}) : {};
	if (route.hasBody) errors.push(...validateBody(route, payload));
	if (isObject(payload)) errors.push(...validateRules(route, query, payload));
	if (errors.length > 0) throw fail(422, errors);

	const locationId = locationOf(sandbox, token, [
		query.locationId,
		params.locationId,
		isObject(record.body) ? record.body.locationId : undefined,
	]);

	const routeKey = `${route.method} ${route.template}`;
	const handler = handlers[routeKey];
	if (!handler) throw fail(501, 'not modelled by the sandbox');
	return {
		routeKey,
		handler,
		ctx: {
			...context(locationId),
			params,
			body: route.hasBody ? body : {},
			payload: route.hasBody ? payload : undefined,
		},
	};
}
