// The sandbox's OAuth side over real HTTP: the authorization page, the token endpoint (codes,
// rotating refresh tokens, client authentication), OAuth tokens on the API routes (scopes,
// expiry, token class) and Location tokens minted from an agency's Company token.
import {
	ALL_SCOPES,
	APPOINTMENT_URL,
	REDIRECT_URI,
	SANDBOX_AGENCY_CLIENT_ID,
	SANDBOX_AGENCY_CLIENT_SECRET,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	SANDBOX_COMPANY_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_OAUTH_APP,
	SANDBOX_USER_ID,
	VERSION_2021_07_28,
	authorizationCode,
	authorizePage,
	authorizeParams,
	call,
	connect,
	postForm,
	refresh,
	sandbox,
	securityOf,
	tokenAllows,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

const CALENDARS = `/calendars/?locationId=${SANDBOX_LOCATION_ID}`;
const AGENCY_SCOPES = [...ALL_SCOPES, 'oauth.readonly', 'oauth.write'].join(' ');
const INVALID_JWT = { statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' };
const AUTH_CLASS = {
	statusCode: 401,
	message: 'This authClass type is not allowed to access this scope',
	error: 'Unauthorized',
};
const listCalendars = (token: string) => call('GET', CALENDARS, undefined, { token });
const codeExchange = (code: string, extra: Record<string, string> = {}) =>
	postForm('/oauth/token', {
		client_id: SANDBOX_CLIENT_ID,
		client_secret: SANDBOX_CLIENT_SECRET,
		grant_type: 'authorization_code',
		code,
		redirect_uri: REDIRECT_URI,
		...extra,
	});
const mint = (companyToken: string, fields: Record<string, string>) =>
	postForm('/oauth/locationToken', fields, {
		Authorization: `Bearer ${companyToken}`,
		Version: VERSION_2021_07_28,
	});

describe('the authorization page', () => {
	test('approves at once and redirects to redirect_uri with a one-time code and the state', async () => {
		for (const page of ['/v2/oauth/chooselocation', '/oauth/chooselocation']) {
			const { status, location } = await authorizePage(authorizeParams(), page);
			expect(status).toBe(302);
			const url = new URL(location!);
			expect(url.origin + url.pathname).toBe(REDIRECT_URI);
			expect(url.searchParams.get('state')).toBe('state-123');
			expect(url.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
		}
	});

	test.each([
		[{ client_id: 'nope-123' }, 'Unknown client_id "nope-123": no app with this client id'],
		[
			{ redirect_uri: 'https://app.gohighlevel.example.com/cb' },
			'redirect_uri must not contain "highlevel", got "https://app.gohighlevel.example.com/cb"',
		],
		[{ scope: '' }, 'Missing parameter: scope'],
		[{ response_type: 'token' }, 'response_type must be "code", got "token"'],
		[
			{ version_id: 'v9' },
			'version_id must be "6650c0ffee5a4db0c1a1e001" (client_id before the "-"), got "v9"',
		],
	])('refuses %j with 400: %s', async (extra, message) => {
		const { status, body, location } = await authorizePage(authorizeParams(extra));
		expect({ status, body, location }).toEqual({
			status: 400,
			body: { statusCode: 400, message },
			location: null,
		});
	});

	test('a draft app needs version_id; a redirect_uri not registered is refused', async () => {
		sandbox.options.oauthApps = [
			{ ...SANDBOX_OAUTH_APP, draft: true, redirectUris: [REDIRECT_URI] },
		];
		expect((await authorizePage(authorizeParams())).body.message).toBe(
			'version_id is required for a draft app (here "6650c0ffee5a4db0c1a1e001")',
		);
		const versioned = authorizeParams({ version_id: SANDBOX_CLIENT_ID.split('-')[0] });
		expect((await authorizePage(versioned)).status).toBe(302);
		const elsewhere = { ...versioned, redirect_uri: 'http://127.0.0.1:9/cb' };
		expect((await authorizePage(elsewhere)).body.message).toBe(
			'redirect_uri "http://127.0.0.1:9/cb" is not registered for this app',
		);
	});
});

describe('the token endpoint', () => {
	test('exchanges a code for a Location token pair, and the code works once', async () => {
		const code = await authorizationCode(authorizeParams({ scope: 'calendars.readonly' }));
		const first = await codeExchange(code);
		expect(first).toEqual({
			status: 200,
			body: {
				access_token: expect.stringMatching(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/),
				token_type: 'Bearer',
				expires_in: 86399,
				refresh_token: expect.stringMatching(/^eyJ/),
				scope: 'calendars.readonly',
				userType: 'Location',
				locationId: SANDBOX_LOCATION_ID,
				companyId: SANDBOX_COMPANY_ID,
				userId: SANDBOX_USER_ID,
			},
		});
		expect((await listCalendars(first.body.access_token)).status).toBe(200);

		expect(await codeExchange(code)).toEqual({
			status: 400,
			body: {
				error: 'invalid_grant',
				error_description: 'Invalid grant: authorization code was already used (a code works once)',
			},
		});
		expect(sandbox.stats.codeExchanges).toBe(1);
	});

	test('a redirect_uri other than the one authorized, or a wrong user_type, spends nothing', async () => {
		const code = await authorizationCode(authorizeParams());
		expect((await codeExchange(code, { redirect_uri: 'http://127.0.0.1:1/x' })).body.error).toBe(
			'invalid_grant',
		);
		expect(await codeExchange(code, { user_type: 'Company' })).toEqual({
			status: 400,
			body: {
				error: 'invalid_request',
				error_description:
					'user_type Company does not match this grant, which is for a Location token',
			},
		});
		expect((await codeExchange(code, { user_type: 'Location' })).status).toBe(200);
	});

	test('a refresh rotates: the old refresh token is refused afterwards, the new one works', async () => {
		const tokens = await connect();
		const refreshed = await refresh(tokens.refresh_token);
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
		expect(refreshed.body.access_token).not.toBe(tokens.access_token);
		expect((await listCalendars(refreshed.body.access_token)).status).toBe(200);

		expect(await refresh(tokens.refresh_token)).toEqual({
			status: 400,
			body: {
				error: 'invalid_grant',
				error_description:
					'Invalid grant: refresh token was already used (refresh tokens rotate: use the one the last refresh returned)',
			},
		});
		expect((await refresh(refreshed.body.refresh_token)).status).toBe(200);
		expect(sandbox.stats).toMatchObject({
			codeExchanges: 1,
			tokenRefreshes: 2,
			refusedRefreshes: 1,
		});
		sandbox.resetStats();
		expect(sandbox.stats).toMatchObject({
			codeExchanges: 0,
			tokenRefreshes: 0,
			refusedRefreshes: 0,
		});
	});

	test('faults reach the token endpoint: a 503 rotates nothing, a reset after apply loses the new pair', async () => {
		const tokens = await connect();
		sandbox.options.faults = {
			script: [
				{ pathIncludes: '/oauth/token', fault: '503' },
				{ pathIncludes: '/oauth/token', fault: 'reset-after-apply' },
			],
		};
		expect((await refresh(tokens.refresh_token)).status).toBe(503);
		expect(sandbox.stats.tokenRefreshes).toBe(0);
		await expect(refresh(tokens.refresh_token)).rejects.toThrow();
		// Applied, so the token the client still holds is spent: what a lost answer costs live.
		expect(sandbox.stats.tokenRefreshes).toBe(1);
		expect((await refresh(tokens.refresh_token)).body.error).toBe('invalid_grant');
	});

	test('two refreshes with the same refresh token at once: exactly one wins', async () => {
		const tokens = await connect();
		const answers = await Promise.all([
			refresh(tokens.refresh_token),
			refresh(tokens.refresh_token),
		]);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
		expect(sandbox.stats).toMatchObject({ tokenRefreshes: 1, refusedRefreshes: 1 });
	});

	test('client authentication: a wrong secret or unknown client is 401 invalid_client', async () => {
		const tokens = await connect();
		expect(await refresh(tokens.refresh_token, SANDBOX_CLIENT_ID, 'wrong')).toEqual({
			status: 401,
			body: {
				error: 'invalid_client',
				error_description: 'client_secret is wrong for this client_id',
			},
		});
		expect((await refresh(tokens.refresh_token, 'nope-1', 'x')).body.error).toBe('invalid_client');
		// Another app's refresh token is not this app's to use.
		const agency = { id: SANDBOX_AGENCY_CLIENT_ID, secret: SANDBOX_AGENCY_CLIENT_SECRET };
		expect((await refresh(tokens.refresh_token, agency.id, agency.secret)).status).toBe(400);
		// None of these spent it.
		expect((await refresh(tokens.refresh_token)).status).toBe(200);
	});

	test('a malformed request is 422; credentials only in a Basic header are not read', async () => {
		const basic = `Basic ${Buffer.from(`${SANDBOX_CLIENT_ID}:${SANDBOX_CLIENT_SECRET}`).toString('base64')}`;
		expect(
			await postForm(
				'/oauth/token',
				{ grant_type: 'refresh_token', refresh_token: 'x' },
				{ Authorization: basic },
			),
		).toEqual({
			status: 422,
			body: {
				statusCode: 422,
				message: [
					'client_id should not be empty',
					'client_secret should not be empty',
					'client_id and client_secret must be sent in the body, not in a Basic Authorization header',
				],
				error: 'Unprocessable Entity',
			},
		});
		const { body } = await postForm('/oauth/token', {
			client_id: SANDBOX_CLIENT_ID,
			client_secret: SANDBOX_CLIENT_SECRET,
			grant_type: 'password',
			user_type: 'Agency',
		});
		expect(body.message).toEqual([
			'grant_type must be one of the following values: authorization_code, refresh_token, client_credentials',
			'user_type must be one of the following values: Location, Company',
		]);
	});

	test('a JSON body is accepted too', async () => {
		const tokens = await connect();
		const { status, body } = await call(
			'POST',
			'/oauth/token',
			{
				client_id: SANDBOX_CLIENT_ID,
				client_secret: SANDBOX_CLIENT_SECRET,
				grant_type: 'refresh_token',
				refresh_token: tokens.refresh_token,
			},
			{ token: null, version: null },
		);
		expect({ status, userType: body.userType }).toEqual({ status: 200, userType: 'Location' });
	});
});

describe('OAuth access tokens on the API', () => {
	test('an expired access token is 401 Invalid JWT; the refreshed one works', async () => {
		const tokens = await connect();
		sandbox.oauth.expireAccessTokens();
		expect(await listCalendars(tokens.access_token)).toEqual({ status: 401, body: INVALID_JWT });
		const refreshed = await refresh(tokens.refresh_token);
		expect((await listCalendars(refreshed.body.access_token)).status).toBe(200);
		expect(sandbox.stats.tokenRefreshes).toBe(1);
	});

	test('tokens expire by expires_in; expireAccessToken expires just the one', async () => {
		sandbox.options.accessTokenLifetimeSeconds = 0;
		const shortLived = await connect();
		expect(shortLived.expires_in).toBe(0);
		expect((await listCalendars(shortLived.access_token)).body).toEqual(INVALID_JWT);

		sandbox.options.accessTokenLifetimeSeconds = undefined;
		const a = await connect();
		const b = await connect();
		expect(sandbox.oauth.expireAccessToken(a.access_token)).toBe(true);
		expect(sandbox.oauth.expireAccessToken('never-issued')).toBe(false);
		expect((await listCalendars(a.access_token)).status).toBe(401);
		expect((await listCalendars(b.access_token)).status).toBe(200);
	});

	test('a held 401 goes, unchanged, only once the token endpoint answered; releaseHeld lets a held answer go', async () => {
		const tokens = await connect();
		sandbox.oauth.expireAccessTokens();
		sandbox.resetStats();
		sandbox.options.faults = {
			script: [{ fault: 'hold', status: 401, until: { pathIncludes: '/oauth/token' } }],
		};
		let late: Awaited<ReturnType<typeof listCalendars>> | undefined;
		const held = listCalendars(tokens.access_token).then((answer) => (late = answer));
		const holds = () => sandbox.stats.injected.hold ?? 0;
		const heldAnswers = async (count: number) => {
			while (holds() < count) await new Promise((resolve) => setImmediate(resolve));
		};
		await heldAnswers(1);
		// Another answer, not the token endpoint's, leaves it held; the entry was used up.
		expect(await listCalendars(tokens.access_token)).toEqual({ status: 401, body: INVALID_JWT });
		expect(late).toBeUndefined();
		const refreshed = await refresh(tokens.refresh_token);
		expect(await held).toEqual({ status: 401, body: INVALID_JWT });
		const [first, second, token] = sandbox.requests;
		expect(token.path).toBe('/oauth/token');
		expect(first.answeredAt).toBeGreaterThanOrEqual(token.answeredAt!);
		expect(second.answeredAt).toBeLessThanOrEqual(token.answeredAt!);

		// Without `until`, a held answer (here one that is applied) waits for releaseHeld.
		sandbox.options.faults = { script: [{ fault: 'hold', method: 'GET' }] };
		const answer = listCalendars(refreshed.body.access_token);
		await heldAnswers(2);
		expect(sandbox.releaseHeld()).toBe(1);
		expect((await answer).status).toBe(200);
		expect(sandbox.releaseHeld()).toBe(0);
	});

	test('a token gets the scopes granted at authorization, checked like any token', async () => {
		const tokens = await connect(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, 'calendars.readonly');
		expect((await listCalendars(tokens.access_token)).status).toBe(200);
		// calendars/events.readonly was not granted
		expect(await call('GET', APPOINTMENT_URL, undefined, { token: tokens.access_token })).toEqual({
			status: 401,
			body: AUTH_CLASS,
		});
	});

	test('a Location token is held to its location; reset() forgets every OAuth token', async () => {
		const tokens = await connect();
		const other = await call('GET', '/calendars/?locationId=loc_other', undefined, {
			token: tokens.access_token,
		});
		expect(other).toEqual({
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this location' },
		});
		sandbox.reset();
		expect((await listCalendars(tokens.access_token)).body.message).toBe(
			'Invalid token: access token is invalid',
		);
	});
});

test('tokenAllows: an agency token only under Agency-Access schemes, a sub-account token not under -Only', () => {
	const route = (security: Array<Record<string, string[]>>) => ({ security: securityOf(security) });
	const calendars = route([{ bearer: ['calendars.readonly'] }]);
	expect(tokenAllows(calendars, 'Location', ['calendars.readonly'])).toBe(true);
	expect(tokenAllows(calendars, 'Company', ['calendars.readonly'])).toBe(false);
	const users = route([
		{ 'Agency-Access': ['users.readonly'] },
		{ 'Location-Access': ['users.readonly'] },
	]);
	expect(tokenAllows(users, 'Company', ['users.readonly'])).toBe(true);
	expect(tokenAllows(users, 'Company', [])).toBe(false);
	const mintRoute = route([{ 'Agency-Access-Only': ['oauth.write'] }]);
	expect(tokenAllows(mintRoute, 'Location', ['oauth.write'])).toBe(false);
	expect(tokenAllows(mintRoute, 'Company', ['oauth.write'])).toBe(true);
	expect(tokenAllows(route([]), 'Company', [])).toBe(true);
	expect(tokenAllows(route([{}]), 'Company', [])).toBe(true);
});

describe('Company tokens and POST /oauth/locationToken', () => {
	const connectAgency = (scope = AGENCY_SCOPES) =>
		connect(SANDBOX_AGENCY_CLIENT_ID, SANDBOX_AGENCY_CLIENT_SECRET, scope);

	test('an agency app grants a Company token, refused on Calendars routes', async () => {
		const company = await connectAgency();
		expect(company).toMatchObject({
			userType: 'Company',
			companyId: SANDBOX_COMPANY_ID,
			approvedLocations: [SANDBOX_LOCATION_ID],
			isBulkInstallation: true,
		});
		expect(company).not.toHaveProperty('locationId');
		expect(await listCalendars(company.access_token)).toEqual({ status: 401, body: AUTH_CLASS });
	});

	test('a Company token mints a Location token that works on GET /calendars/', async () => {
		const company = await connectAgency();
		const minted = await mint(company.access_token, {
			companyId: SANDBOX_COMPANY_ID,
			locationId: SANDBOX_LOCATION_ID,
		});
		expect(minted).toEqual({
			status: 200,
			body: {
				access_token: expect.stringMatching(/^eyJ/),
				token_type: 'Bearer',
				expires_in: 86399,
				scope: AGENCY_SCOPES,
				userType: 'Location',
				companyId: SANDBOX_COMPANY_ID,
				locationId: SANDBOX_LOCATION_ID,
				userId: SANDBOX_USER_ID,
			},
		});
		const calendars = await listCalendars(minted.body.access_token);
		expect(calendars.status).toBe(200);
		expect(calendars.body.calendars.length).toBeGreaterThan(0);
		expect(sandbox.stats.locationTokenMints).toEqual({ [SANDBOX_LOCATION_ID]: 1 });
		sandbox.resetStats();
		expect(sandbox.stats.locationTokenMints).toEqual({});
	});

	test('a location the app is not installed in, or another company, is refused', async () => {
		const company = await connectAgency();
		expect(
			await mint(company.access_token, {
				companyId: SANDBOX_COMPANY_ID,
				locationId: 'loc_sandbox_002',
			}),
		).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message:
					'The app is not installed in location loc_sandbox_002, so no token can be minted for it',
			},
		});
		const elsewhere = await mint(company.access_token, {
			companyId: 'cmp_other',
			locationId: SANDBOX_LOCATION_ID,
		});
		expect(elsewhere.status).toBe(403);
		expect(sandbox.stats.locationTokenMints).toEqual({});
	});

	test('the mint needs an agency token with oauth.write, the Version header and both ids', async () => {
		const fields = { companyId: SANDBOX_COMPANY_ID, locationId: SANDBOX_LOCATION_ID };
		const location = await connect();
		expect(await mint(location.access_token, fields)).toEqual({ status: 401, body: AUTH_CLASS });
		const withoutOAuthScope = await connectAgency(ALL_SCOPES.join(' '));
		expect((await mint(withoutOAuthScope.access_token, fields)).body).toEqual(AUTH_CLASS);

		const company = await connectAgency();
		const unversioned = await postForm('/oauth/locationToken', fields, {
			Authorization: `Bearer ${company.access_token}`,
		});
		expect(unversioned).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'Version header must be "2021-07-28", got none' },
		});
		expect(
			(await mint(company.access_token, { companyId: SANDBOX_COMPANY_ID })).body.message,
		).toEqual(['locationId should not be empty']);
		sandbox.oauth.expireAccessTokens();
		expect((await mint(company.access_token, fields)).body).toEqual(INVALID_JWT);
	});
});
