// HighLevel's OAuth side, the state of it: the apps the sandbox knows, the one-time codes its
// authorization page hands out, and the access and refresh tokens the token endpoint issues. The
// HTTP routes that use it are in handlers/oauth.ts; prepare.ts asks `resolve()` about every
// bearer token that is not one of the static tokens of `options.tokens`.
//
// What it models, as HighLevel documents it: a code works once; refresh tokens rotate (each
// refresh issues a new one and spends the one used, so of two refreshes with the same token only
// the first wins); access tokens expire after `expires_in` seconds (86399 by default); an agency
// (Company) token mints Location tokens for the locations its app is installed in. What it leaves
// out: refresh tokens never expire here (a year at HighLevel) and codes do not expire. An access
// token stays valid until it expires, even after a refresh: HighLevel does not document revoking it.
import { randomBytes, randomUUID } from 'crypto';
import { SANDBOX_COMPANY_ID, SANDBOX_LOCATION_ID, SANDBOX_USER_ID } from './seedIds';
import type { AuthorizedToken } from './types';

/** A Marketplace app: who may ask for its tokens, and where it is installed. */
export interface OAuthApp {
	/** HighLevel's shape: `<versionId>-<suffix>`; a draft app's authorization needs the versionId. */
	clientId: string;
	clientSecret: string;
	/** Redirect URIs registered for the app, or 'any' (the default apps: n8n's callback port varies). */
	redirectUris: string[] | 'any';
	/** The class of tokens its authorization grants: a sub-account's or an agency's. */
	userType: 'Location' | 'Company';
	companyId: string;
	/**
	 * Where it is installed. A Location app's authorization grants the first (HighLevel lets the
	 * user choose; the sandbox approves at once); a Company app's grant lists them all as
	 * `approvedLocations`, the locations it may mint Location tokens for.
	 */
	locationIds: string[];
	/** A draft app's authorization URL must carry `version_id`. Default false. */
	draft?: boolean;
}

export const SANDBOX_CLIENT_ID = '6650c0ffee5a4db0c1a1e001-sbxloc01';
export const SANDBOX_CLIENT_SECRET = 'c1e7a5b0-5a4d-4b0c-9a1e-00000000a001';
export const SANDBOX_AGENCY_CLIENT_ID = '6650c0ffee5a4db0c1a1e002-sbxagy01';
export const SANDBOX_AGENCY_CLIENT_SECRET = 'c1e7a5b0-5a4d-4b0c-9a1e-00000000a002';
/** HighLevel's default `expires_in` for OAuth access tokens: a day, less a second. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 86399;

/** A sub-account app installed in SANDBOX_LOCATION_ID: its tokens are Location tokens. */
export const SANDBOX_OAUTH_APP: OAuthApp = {
	clientId: SANDBOX_CLIENT_ID,
	clientSecret: SANDBOX_CLIENT_SECRET,
	redirectUris: 'any',
	userType: 'Location',
	companyId: SANDBOX_COMPANY_ID,
	locationIds: [SANDBOX_LOCATION_ID],
};

/** An agency app of SANDBOX_COMPANY_ID, installed in SANDBOX_LOCATION_ID only: Company tokens. */
export const SANDBOX_AGENCY_OAUTH_APP: OAuthApp = {
	clientId: SANDBOX_AGENCY_CLIENT_ID,
	clientSecret: SANDBOX_AGENCY_CLIENT_SECRET,
	redirectUris: 'any',
	userType: 'Company',
	companyId: SANDBOX_COMPANY_ID,
	locationIds: [SANDBOX_LOCATION_ID],
};

/** What `options.oauthApps` defaults to. */
export const DEFAULT_OAUTH_APPS: OAuthApp[] = [SANDBOX_OAUTH_APP, SANDBOX_AGENCY_OAUTH_APP];

/** What an authorization approved, and every token issued from it carries. */
export interface OAuthGrant {
	clientId: string;
	userType: 'Location' | 'Company';
	companyId: string;
	/** Location grants only. */
	locationId?: string;
	/** Company grants only: where the app is installed. */
	approvedLocations?: string[];
	/** As asked for on the authorization page. */
	scopes: string[];
	/** The user who approved: always the sandbox's admin. */
	userId: string;
}

/** A token endpoint's (or locationToken's) success, before it is shaped into an answer. */
export interface IssuedTokens {
	grant: OAuthGrant;
	accessToken: string;
	expiresIn: number;
	/** Not for a Location token minted from a Company token: that one is minted again instead. */
	refreshToken?: string;
}

/** Why a code or a refresh token issued nothing; the text is the error_description. */
export interface GrantRefusal {
	refused: string;
}

interface PendingCode {
	grant: OAuthGrant;
	redirectUri: string;
	used: boolean;
}

interface RefreshRecord {
	grant: OAuthGrant;
	/** Used for a refresh already: rotation leaves a spent token behind, never a reusable one. */
	spent: boolean;
}

interface AccessRecord {
	grant: OAuthGrant;
	/** Date.now() from which the token is refused as expired. */
	expiresAt: number;
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * HighLevel's tokens are JWTs; these have the same three-part shape and a realistic length, so a
 * client that stores or logs them meets what it will meet live. Nothing reads the claims.
 */
function jwtShaped(grant: OAuthGrant, kind: 'access' | 'refresh', expiresAt?: number): string {
	const now = Math.floor(Date.now() / 1000);
	const claims = {
		authClass: grant.userType,
		authClassId: grant.userType === 'Location' ? grant.locationId : grant.companyId,
		sourceId: grant.clientId,
		kind,
		iat: now,
		...(expiresAt === undefined ? {} : { exp: Math.floor(expiresAt / 1000) }),
		jti: randomUUID(),
	};
	return `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}.${randomBytes(32).toString('base64url')}`;
}

/** The sandbox's authorization server: `sandbox.oauth`. */
export class OAuthServer {
	private readonly codes = new Map<string, PendingCode>();
	private readonly refreshTokens = new Map<string, RefreshRecord>();
	private readonly accessTokens = new Map<string, AccessRecord>();

	/** Forgets every code and token it issued (sandbox.reset() calls it). */
	reset(): void {
		this.codes.clear();
		this.refreshTokens.clear();
		this.accessTokens.clear();
	}

	/** What the authorization page approves for `app`: a one-time code for the grant. */
	issueCode(app: OAuthApp, redirectUri: string, scopes: string[]): string {
		const grant: OAuthGrant = {
			clientId: app.clientId,
			userType: app.userType,
			companyId: app.companyId,
			...(app.userType === 'Location'
				? { locationId: app.locationIds[0] }
				: { approvedLocations: [...app.locationIds] }),
			scopes: [...scopes],
			userId: SANDBOX_USER_ID,
		};
		// HighLevel's codes are 40 hex digits.
		const code = randomBytes(20).toString('hex');
		this.codes.set(code, { grant, redirectUri, used: false });
		return code;
	}

	/**
	 * The grant behind a code, if `clientId` may redeem it; nothing is spent. The token endpoint
	 * checks the rest of the request against it before `redeemCode` spends the code.
	 */
	codeGrant(
		clientId: string,
		code: string,
		redirectUri: string | undefined,
	): OAuthGrant | GrantRefusal {
		const pending = this.codes.get(code);
		if (!pending || pending.grant.clientId !== clientId)
			return { refused: 'Invalid grant: authorization code is invalid' };
		if (pending.used)
			return { refused: 'Invalid grant: authorization code was already used (a code works once)' };
		// HighLevel's body makes redirect_uri optional; when it is sent it must be the one authorized.
		if (redirectUri !== undefined && redirectUri !== pending.redirectUri)
			return {
				refused: `Invalid grant: redirect_uri does not match the one authorized (${pending.redirectUri})`,
			};
		return pending.grant;
	}

	/** Spends the code (codeGrant accepted it) and issues the grant's first tokens. */
	redeemCode(code: string, lifetimeSeconds: number): IssuedTokens {
		const pending = this.codes.get(code)!;
		pending.used = true;
		return this.issue(pending.grant, lifetimeSeconds, true);
	}

	/** Like codeGrant, for a refresh token: the grant, if `clientId` may refresh with it now. */
	refreshGrant(clientId: string, refreshToken: string): OAuthGrant | GrantRefusal {
		const record = this.refreshTokens.get(refreshToken);
		if (!record || record.grant.clientId !== clientId)
			return { refused: 'Invalid grant: refresh token is invalid' };
		if (record.spent)
			return {
				refused:
					'Invalid grant: refresh token was already used (refresh tokens rotate: use the one the last refresh returned)',
			};
		return record.grant;
	}

	/** Spends the refresh token (refreshGrant accepted it) and issues new tokens: rotation. */
	rotate(refreshToken: string, lifetimeSeconds: number): IssuedTokens {
		const record = this.refreshTokens.get(refreshToken)!;
		record.spent = true;
		return this.issue(record.grant, lifetimeSeconds, true);
	}

	/** A Location access token for one of a Company grant's approved locations; no refresh token. */
	mintLocationToken(
		company: OAuthGrant,
		locationId: string,
		lifetimeSeconds: number,
	): IssuedTokens {
		const grant: OAuthGrant = {
			clientId: company.clientId,
			userType: 'Location',
			companyId: company.companyId,
			locationId,
			scopes: [...company.scopes],
			userId: company.userId,
		};
		return this.issue(grant, lifetimeSeconds, false);
	}

	private issue(grant: OAuthGrant, lifetimeSeconds: number, withRefresh: boolean): IssuedTokens {
		const expiresAt = Date.now() + lifetimeSeconds * 1000;
		const accessToken = jwtShaped(grant, 'access', expiresAt);
		this.accessTokens.set(accessToken, { grant, expiresAt });
		if (!withRefresh) return { grant, accessToken, expiresIn: lifetimeSeconds };
		const refreshToken = jwtShaped(grant, 'refresh');
		this.refreshTokens.set(refreshToken, { grant, spent: false });
		return { grant, accessToken, expiresIn: lifetimeSeconds, refreshToken };
	}

	/** The grant behind an access token this server issued, expired or not. */
	grantOf(accessToken: string): OAuthGrant | undefined {
		return this.accessTokens.get(accessToken)?.grant;
	}

	/** What an access token stands for, if it was issued here and has not expired. */
	resolve(accessToken: string): AuthorizedToken | undefined {
		const record = this.accessTokens.get(accessToken);
		if (!record || this.expired(record)) return undefined;
		const { grant } = record;
		return grant.userType === 'Location'
			? {
					userType: 'Location',
					locationId: grant.locationId!,
					companyId: grant.companyId,
					scopes: grant.scopes,
				}
			: { userType: 'Company', companyId: grant.companyId, scopes: grant.scopes };
	}

	/** Issued here and expired: answered "Invalid JWT" rather than "invalid token". */
	isExpired(accessToken: string): boolean {
		const record = this.accessTokens.get(accessToken);
		return record !== undefined && this.expired(record);
	}

	private expired(record: AccessRecord): boolean {
		return Date.now() >= record.expiresAt;
	}

	/** Expires every access token issued so far, as if a day had passed. Refresh tokens keep. */
	expireAccessTokens(): void {
		for (const record of this.accessTokens.values()) record.expiresAt = 0;
	}

	/** Expires one access token; false if this server never issued it. */
	expireAccessToken(accessToken: string): boolean {
		const record = this.accessTokens.get(accessToken);
		if (record) record.expiresAt = 0;
		return record !== undefined;
	}
}
