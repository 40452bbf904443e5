// OAuth routes: the authorization page, the token endpoint and the Location token mint (the state
// they use is in ../oauth.ts). spec/ vendors no OAuth OpenAPI document (there is no
// apps/oauth.json), so unlike every other route these are not validated against a spec: each
// handler checks its inputs by hand, 422 with Nest's message list for a malformed body
// as elsewhere, and OAuth 2.0's `{error, error_description}` for what the token endpoint refuses
// (RFC 6749 section 5.2), which is also what n8n's OAuth2 client reads.
import {
	DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
	DEFAULT_OAUTH_APPS,
	type IssuedTokens,
	type OAuthApp,
} from '../oauth';
import { securityOf, type Route } from '../spec';
import type { Sandbox } from '../types';
import { fail, HttpError, type Reply } from './common';

export interface OAuthContext {
	sandbox: Sandbox;
	query: Record<string, string | string[]>;
	/** Form fields (or JSON) of the request body; {} without one. */
	body: Record<string, unknown>;
	/** Lower-cased names, as recorded. */
	headers: Record<string, string>;
	/** The bearer token as sent; on a guarded route, one that passed the guard. */
	bearer?: string;
}

/** What applying an accepted request does: the part that reads and changes the OAuth state. */
export type OAuthApply = () => Reply;

export interface OAuthRoute {
	/** An authenticated route: what prepare.ts's guard checks (token, scope, Version), as for spec routes. */
	guard?: Pick<Route, 'security' | 'version'>;
	/**
	 * Checks all that can be checked on arrival (throwing the 4xx, like the validation pipes of
	 * spec routes, so no fault hides it) and returns what applying the request does.
	 */
	accept: (ctx: OAuthContext) => OAuthApply;
}

const oauthError = (status: number, error: string, description: string) =>
	new HttpError(status, { error, error_description: description });

const appsOf = (sandbox: Sandbox): OAuthApp[] => sandbox.options.oauthApps ?? DEFAULT_OAUTH_APPS;
const lifetimeOf = (sandbox: Sandbox): number =>
	sandbox.options.accessTokenLifetimeSeconds ?? DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS;

// ---------------------------------------------------------------------------------------------
// GET /oauth/chooselocation (n8n's built-in HighLevel credential) and /v2/oauth/chooselocation
// (HighLevel's docs today): the page where a user picks a location and approves the app.

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Approves at once (no user to ask) and redirects to `redirect_uri?code=...&state=...`, with a
 * page that links there for a client that does not follow redirects. A request HighLevel would
 * refuse is answered 400 with what is wrong; no redirect, since the redirect_uri is not trusted.
 */
function chooseLocation(ctx: OAuthContext): OAuthApply {
	const { query, sandbox } = ctx;
	const param = (name: string): string | undefined => {
		const value = query[name];
		if (Array.isArray(value)) throw fail(400, `${name} was sent more than once`);
		return value === '' ? undefined : value;
	};
	const missing = ['response_type', 'client_id', 'redirect_uri', 'scope'].filter(
		(name) => param(name) === undefined,
	);
	if (missing.length > 0) throw fail(400, `Missing parameter: ${missing.join(', ')}`);
	const clientId = param('client_id')!;
	const redirectUri = param('redirect_uri')!;
	if (param('response_type') !== 'code')
		throw fail(400, `response_type must be "code", got "${param('response_type')}"`);

	const app = appsOf(sandbox).find((a) => a.clientId === clientId);
	if (!app) throw fail(400, `Unknown client_id "${clientId}": no app with this client id`);
	let redirect: URL;
	try {
		redirect = new URL(redirectUri);
	} catch {
		throw fail(400, `redirect_uri must be an absolute URL, got "${redirectUri}"`);
	}
	// HighLevel's app settings refuse redirect URIs that contain "highlevel".
	if (/highlevel/i.test(redirectUri))
		throw fail(400, `redirect_uri must not contain "highlevel", got "${redirectUri}"`);
	if (app.redirectUris !== 'any' && !app.redirectUris.includes(redirectUri))
		throw fail(400, `redirect_uri "${redirectUri}" is not registered for this app`);

	// A draft app is addressed by its version; the versionId is the client id's part before '-'.
	const versionId = clientId.split('-')[0];
	const sentVersion = param('version_id');
	if (app.draft && sentVersion === undefined)
		throw fail(400, `version_id is required for a draft app (here "${versionId}")`);
	if (sentVersion !== undefined && sentVersion !== versionId)
		throw fail(
			400,
			`version_id must be "${versionId}" (client_id before the "-"), got "${sentVersion}"`,
		);

	const scopes = param('scope')!
		.split(/\s+/)
		.filter((s) => s !== '');
	if (scopes.length === 0) throw fail(400, 'scope must name at least one scope (space-separated)');

	const state = param('state');
	return () => {
		redirect.searchParams.set('code', sandbox.oauth.issueCode(app, redirectUri, scopes));
		// state is optional in OAuth 2.0; sent, it comes back unchanged.
		if (state !== undefined) redirect.searchParams.set('state', state);
		const href = escapeHtml(redirect.toString());
		return {
			status: 302,
			headers: { location: redirect.toString() },
			html: true,
			body: `<!doctype html><title>Redirecting</title><p>Approved. <a href="${href}">Continue</a></p>`,
		};
	};
}

// ---------------------------------------------------------------------------------------------
// POST /oauth/token

/** The answer to a code exchange or a refresh (GetAccessCodeSuccessfulResponseDto's fields). */
function tokenAnswer(issued: IssuedTokens) {
	const { grant } = issued;
	return {
		access_token: issued.accessToken,
		token_type: 'Bearer',
		expires_in: issued.expiresIn,
		refresh_token: issued.refreshToken,
		scope: grant.scopes.join(' '),
		userType: grant.userType,
		...(grant.userType === 'Location' ? { locationId: grant.locationId } : {}),
		companyId: grant.companyId,
		...(grant.userType === 'Company'
			? { approvedLocations: grant.approvedLocations, isBulkInstallation: true }
			: {}),
		userId: grant.userId,
	};
}

/** Reads string fields of a body, collecting Nest-style messages for what is not a string. */
function stringFields(body: Record<string, unknown>, errors: string[]) {
	return (name: string): string | undefined => {
		const value = body[name];
		if (value === undefined || value === '') return undefined;
		if (typeof value === 'string') return value;
		errors.push(`${name} must be a string`);
		return undefined;
	};
}

const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'];
const USER_TYPES = ['Location', 'Company'];

/**
 * Exchanges a code, or a refresh token, for tokens. The client authenticates with client_id and
 * client_secret in the body, as HighLevel documents; a Basic Authorization header is not read, so
 * a client configured to send only that fails here as it would there.
 */
function token(ctx: OAuthContext): OAuthApply {
	const { sandbox, body } = ctx;
	const errors: string[] = [];
	const field = stringFields(body, errors);
	const clientId = field('client_id');
	const clientSecret = field('client_secret');
	const grantType = field('grant_type');
	const userType = field('user_type');
	const code = field('code');
	const refreshToken = field('refresh_token');
	const redirectUri = field('redirect_uri');
	if (clientId === undefined) errors.push('client_id should not be empty');
	if (clientSecret === undefined) errors.push('client_secret should not be empty');
	if (grantType === undefined || !GRANT_TYPES.includes(grantType))
		errors.push(`grant_type must be one of the following values: ${GRANT_TYPES.join(', ')}`);
	if (userType !== undefined && !USER_TYPES.includes(userType))
		errors.push(`user_type must be one of the following values: ${USER_TYPES.join(', ')}`);
	if (grantType === 'authorization_code' && code === undefined)
		errors.push('code should not be empty');
	if (grantType === 'refresh_token' && refreshToken === undefined)
		errors.push('refresh_token should not be empty');
	if (errors.length > 0) {
		if (clientId === undefined && /^Basic /i.test(ctx.headers.authorization ?? ''))
			errors.push(
				'client_id and client_secret must be sent in the body, not in a Basic Authorization header',
			);
		throw fail(422, errors);
	}

	const app = appsOf(sandbox).find((a) => a.clientId === clientId);
	if (!app) throw oauthError(401, 'invalid_client', `Unknown client_id "${clientId}"`);
	if (app.clientSecret !== clientSecret)
		throw oauthError(401, 'invalid_client', 'client_secret is wrong for this client_id');
	if (grantType === 'client_credentials')
		throw fail(501, 'client_credentials is not modelled by the sandbox');

	// Whether the code or refresh token is still good is only known when the request is applied:
	// of two refreshes with the same token, the first one applied wins.
	return () => {
		const { oauth, stats } = sandbox;
		const refreshing = grantType === 'refresh_token';
		const grant = refreshing
			? oauth.refreshGrant(app.clientId, refreshToken!)
			: oauth.codeGrant(app.clientId, code!, redirectUri);
		if ('refused' in grant) {
			if (refreshing) stats.refusedRefreshes++;
			throw oauthError(400, 'invalid_grant', grant.refused);
		}
		// Checked before anything is spent, so a wrong user_type costs the client nothing.
		if (userType !== undefined && userType !== grant.userType)
			throw oauthError(
				400,
				'invalid_request',
				`user_type ${userType} does not match this grant, which is for a ${grant.userType} token`,
			);
		if (refreshing) stats.tokenRefreshes++;
		else stats.codeExchanges++;
		const issued = refreshing
			? oauth.rotate(refreshToken!, lifetimeOf(sandbox))
			: oauth.redeemCode(code!, lifetimeOf(sandbox));
		return { status: 200, body: tokenAnswer(issued) };
	};
}

// ---------------------------------------------------------------------------------------------
// POST /oauth/locationToken

/**
 * The Company token needs oauth.write and must be an agency token: the SDK's getLocationAccessToken
 * (GoHighLevel/highlevel-api-sdk, lib/code/oauth/oauth.ts) names Agency-Access-Only, and the
 * Version is that of HighLevel's documentation for this route.
 */
const LOCATION_TOKEN_GUARD: OAuthRoute['guard'] = {
	version: '2021-07-28',
	security: securityOf([{ 'Agency-Access-Only': ['oauth.write'] }]),
};

/** A Location token for a location the Company token's app is installed in (approvedLocations). */
function locationToken(ctx: OAuthContext): OAuthApply {
	const { sandbox, body } = ctx;
	const errors: string[] = [];
	const field = stringFields(body, errors);
	const companyId = field('companyId');
	const locationId = field('locationId');
	if (companyId === undefined) errors.push('companyId should not be empty');
	if (locationId === undefined) errors.push('locationId should not be empty');
	if (errors.length > 0) throw fail(422, errors);

	// The guard let only an OAuth Company token through; static tokens are all Location tokens.
	const company = sandbox.oauth.grantOf(ctx.bearer!)!;
	if (companyId !== company.companyId)
		throw fail(403, `The token does not have access to company ${companyId}`);
	if (!company.approvedLocations?.includes(locationId!))
		throw fail(
			400,
			`The app is not installed in location ${locationId}, so no token can be minted for it`,
		);

	return () => {
		const issued = sandbox.oauth.mintLocationToken(company, locationId!, lifetimeOf(sandbox));
		const mints = sandbox.stats.locationTokenMints;
		mints[locationId!] = (mints[locationId!] ?? 0) + 1;
		// GetLocationAccessTokenSuccessfulResponseDto's fields, and the class and company like /oauth/token.
		return {
			status: 200,
			body: {
				access_token: issued.accessToken,
				token_type: 'Bearer',
				expires_in: issued.expiresIn,
				scope: issued.grant.scopes.join(' '),
				userType: 'Location',
				companyId: issued.grant.companyId,
				locationId,
				userId: issued.grant.userId,
			},
		};
	};
}

const oauthRoutes: Record<string, OAuthRoute> = {
	'GET /oauth/chooselocation': { accept: chooseLocation },
	'GET /v2/oauth/chooselocation': { accept: chooseLocation },
	'POST /oauth/token': { accept: token },
	'POST /oauth/locationToken': { guard: LOCATION_TOKEN_GUARD, accept: locationToken },
};

/** The OAuth route of a request, by method and raw path; a trailing slash is ignored, as for the API. */
export function oauthRouteOf(
	method: string,
	rawPath: string,
): { key: string; route: OAuthRoute } | undefined {
	const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
	const key = `${method} ${path}`;
	const route = oauthRoutes[key];
	return route && { key, route };
}

/** The paths whose bodies may be form-urlencoded, as OAuth's are. */
export const isOAuthPath = (rawPath: string): boolean =>
	oauthRouteOf('GET', rawPath) !== undefined || oauthRouteOf('POST', rawPath) !== undefined;
