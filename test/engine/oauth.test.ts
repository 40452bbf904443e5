// The OAuth2 credential in n8n's engine against the sandbox's OAuth side: a token that expired
// before the run is renewed once, however many items; a refused renewal says to reconnect, once;
// a scope 401 is not mistaken for an expired token. n8n-core's own refreshOAuth2Token does the
// renewal and the harness stores what it wrote, as n8n's database would.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { HighLevelCalendarOAuth2Api } from '../../credentials/HighLevelCalendarOAuth2Api.credentials';
import { HighLevelCalendarTrigger } from '../../nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node';
import { connectOAuth2, postToTokenEndpoint, runWithOAuth2 } from './harness/highLevel';
import { startPoller } from './harness/poller';
import {
	SANDBOX_AGENCY_CLIENT_ID,
	SANDBOX_AGENCY_CLIENT_SECRET,
	SANDBOX_AGENCY_OAUTH_APP,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	SANDBOX_LOCATION_ID,
	SANDBOX_OAUTH_APP,
} from '../sandbox';
import { sandbox, useSandbox } from './testing';

// HighLevel's limit, sped up: the node learns it from the first answer.
const LIMIT = { max: 1000, windowMs: 1000, dailyMax: 100_000 };
useSandbox({ rateLimit: LIMIT });
// Options a test changes are its own.
afterEach(() => {
	sandbox.options.rateLimit = { ...LIMIT };
	sandbox.options.oauthApps = undefined;
	sandbox.options.faults = undefined;
});

const getAppointment = {
	resource: 'appointment',
	operation: 'get',
	eventId: SANDBOX_APPOINTMENT_ID,
};
const items = (count: number) => Array.from({ length: count }, (_, i) => ({ index: i }));
const tokenData = (credentials: ICredentialDataDecryptedObject) =>
	credentials.oauthTokenData as IDataObject;
/** The answers of HighLevel's API (the token endpoint's own requests left out). */
const statuses = () =>
	sandbox.requests.filter((r) => !r.path.startsWith('/oauth/')).map((r) => r.status);

/** Until the sandbox holds `count` answers back (its 'hold' fault), counted since resetStats. */
async function heldAnswers(count: number): Promise<void> {
	while ((sandbox.stats.injected.hold ?? 0) < count)
		await new Promise((resolve) => setImmediate(resolve));
}

async function spendRefreshToken(refreshToken: string): Promise<void> {
	const answer = await postToTokenEndpoint(sandbox, {
		client_id: SANDBOX_CLIENT_ID,
		client_secret: SANDBOX_CLIENT_SECRET,
		grant_type: 'refresh_token',
		refresh_token: refreshToken,
	});
	expect(answer.status).toBe(200);
}

it('works with a sub-account token: its location comes from the token data', async () => {
	const credentials = await connectOAuth2(sandbox);
	sandbox.resetStats();
	const { items: out, error } = await runWithOAuth2(sandbox, credentials, getAppointment);
	expect(error).toBeUndefined();
	expect(out[0].json.id).toBe(SANDBOX_APPOINTMENT_ID);
	expect(sandbox.requests[0].headers.authorization).toBe(
		`Bearer ${String(tokenData(credentials).access_token)}`,
	);
	expect(sandbox.stats.tokenRefreshes).toBe(0);
});

it('a token that expired before the run: 200 items, one refresh, one refused request, all succeed', async () => {
	const credentials = await connectOAuth2(sandbox);
	const { refresh_token: oldRefresh, access_token: oldAccess } = tokenData(credentials);
	sandbox.oauth.expireAccessTokens();
	sandbox.resetStats();
	const { items: out, error } = await runWithOAuth2(sandbox, credentials, getAppointment, {
		items: items(200),
	});
	expect(error).toBeUndefined();
	expect(out).toHaveLength(200);
	expect(sandbox.stats.tokenRefreshes).toBe(1);
	expect(statuses().filter((status) => status === 401)).toHaveLength(1);
	expect(statuses().filter((status) => status === 200)).toHaveLength(200);
	// n8n stored the rotated tokens; the spent refresh token is gone from the credential.
	expect(tokenData(credentials).refresh_token).not.toBe(oldRefresh);
	expect(tokenData(credentials).access_token).not.toBe(oldAccess);

	// The next run uses what was stored, and needs no refresh.
	sandbox.resetStats();
	const again = await runWithOAuth2(sandbox, credentials, getAppointment, { items: items(3) });
	expect(again.error).toBeUndefined();
	expect(sandbox.stats.tokenRefreshes).toBe(0);
});

it('a create meets the expired token: renewed and sent again, booked once', async () => {
	const credentials = await connectOAuth2(sandbox);
	sandbox.oauth.expireAccessTokens();
	sandbox.resetStats();
	const { items: out, error } = await runWithOAuth2(sandbox, credentials, {
		resource: 'blockSlot',
		operation: 'create',
		blockTarget: 'calendar',
		calendarId: { __rl: true, mode: 'id', value: 'cal_sandbox_001' },
		startTime: '2031-02-03T12:00:00Z',
		endTime: '2031-02-03T13:00:00Z',
	});
	expect(error).toBeUndefined();
	expect(out).toHaveLength(1);
	expect(sandbox.stats.applied).toHaveLength(1);
	expect(statuses()).toEqual([401, 201]);
});

it('a refused renewal fails the items with "reconnect the credential", renewing only once', async () => {
	const credentials = await connectOAuth2(sandbox);
	await spendRefreshToken(String(tokenData(credentials).refresh_token));
	sandbox.oauth.expireAccessTokens();
	sandbox.resetStats();
	const { items: out } = await runWithOAuth2(sandbox, credentials, getAppointment, {
		items: items(20),
		continueOnFail: true,
	});
	expect(out).toHaveLength(20);
	for (const item of out) {
		expect(String(item.json.error)).toMatch(/reconnect the credential/);
		expect(JSON.stringify(item.json)).not.toContain(String(tokenData(credentials).access_token));
		expect(JSON.stringify(item.json)).not.toContain(SANDBOX_CLIENT_SECRET);
	}
	expect(sandbox.stats.refusedRefreshes).toBe(1);
	// Only the first request went out: the others failed unsent.
	expect(statuses()).toEqual([401]);
});

it('a refusal mid-run: a 401 that comes back after it fails the same way, with no second token call', async () => {
	const credentials = await connectOAuth2(sandbox);
	// Spent elsewhere; the access token still works, so the run's first request succeeds.
	await spendRefreshToken(String(tokenData(credentials).refresh_token));
	sandbox.options.faults = {
		script: [
			// The run's first request (a 200) is held until the token expired: the others leave with it.
			{ fault: 'hold', method: 'GET', pathIncludes: '/appointments/', times: 1 },
			// One of their 401s comes back only once the token endpoint refused the refresh.
			{ fault: 'hold', status: 401, until: { pathIncludes: '/oauth/token' } },
		],
	};
	sandbox.resetStats();
	const run = runWithOAuth2(sandbox, credentials, getAppointment, {
		items: items(3),
		continueOnFail: true,
	});
	await heldAnswers(1);
	sandbox.oauth.expireAccessTokens();
	expect(sandbox.releaseHeld()).toBe(1);
	const { items: out } = await run;
	expect(out[0].json.id).toBe(SANDBOX_APPOINTMENT_ID);
	for (const item of out.slice(1))
		expect(String(item.json.error)).toMatch(/reconnect the credential/);
	expect(statuses()).toEqual([200, 401, 401]);
	// One token call, refused; the late 401 did not send the spent refresh token again.
	const tokenCalls = sandbox.requests.filter((r) => r.path === '/oauth/token');
	expect(tokenCalls.map((r) => r.status)).toEqual([400]);
	expect(sandbox.stats.refusedRefreshes).toBe(1);
	const late = sandbox.requests.find((r) => r.injected === 'hold' && r.status === 401)!;
	expect(late.answeredAt).toBeGreaterThanOrEqual(tokenCalls[0].answeredAt!);
});

it('a scope 401 is not an expired token: no refresh, the scope is named', async () => {
	const credentials = await connectOAuth2(sandbox, { scope: ['calendars.readonly'] });
	sandbox.resetStats();
	const { error } = await runWithOAuth2(sandbox, credentials, getAppointment);
	expect(error?.message).toMatch(/missing the scope calendars\/events.readonly/);
	expect(sandbox.stats.tokenRefreshes).toBe(0);
});

describe('an agency (Company) connection', () => {
	const OTHER_LOCATION = 'loc_sandbox_002';
	const CALENDAR_OF_OTHER = 'cal_sandbox_201';

	/** A second sub-account of the agency, with one calendar; the agency app installed in both. */
	function secondSubAccount(installedIn = [SANDBOX_LOCATION_ID, OTHER_LOCATION]): void {
		const store = sandbox.store;
		store.locations.set(OTHER_LOCATION, {
			...store.locations.get(SANDBOX_LOCATION_ID)!,
			id: OTHER_LOCATION,
			name: 'Sandbox Ortho',
		});
		store.calendars.set(CALENDAR_OF_OTHER, {
			...store.calendars.get('cal_sandbox_001')!,
			id: CALENDAR_OF_OTHER,
			locationId: OTHER_LOCATION,
			name: 'Ortho Consultations',
		});
		sandbox.options.oauthApps = [
			SANDBOX_OAUTH_APP,
			{ ...SANDBOX_AGENCY_OAUTH_APP, locationIds: installedIn },
		];
	}
	const agency = () =>
		connectOAuth2(sandbox, {
			clientId: SANDBOX_AGENCY_CLIENT_ID,
			clientSecret: SANDBOX_AGENCY_CLIENT_SECRET,
		});
	const listCalendars = {
		resource: 'calendar',
		operation: 'getAll',
		locationId: '={{ $json.locationId }}',
	};
	const apiRequests = () => sandbox.requests.filter((r) => !r.path.startsWith('/oauth/'));

	it('serves two sub-accounts item by item, minting one token for each, once', async () => {
		secondSubAccount();
		const credentials = await agency();
		expect(tokenData(credentials).userType).toBe('Company');
		sandbox.resetStats();
		const { items: out, error } = await runWithOAuth2(sandbox, credentials, listCalendars, {
			items: [SANDBOX_LOCATION_ID, OTHER_LOCATION, SANDBOX_LOCATION_ID, OTHER_LOCATION].map(
				(locationId) => ({ locationId }),
			),
		});
		expect(error).toBeUndefined();
		expect(sandbox.stats.locationTokenMints).toEqual({
			[SANDBOX_LOCATION_ID]: 1,
			[OTHER_LOCATION]: 1,
		});
		const requests = apiRequests();
		expect(requests.map((r) => r.query.locationId).sort()).toEqual([
			SANDBOX_LOCATION_ID,
			SANDBOX_LOCATION_ID,
			OTHER_LOCATION,
			OTHER_LOCATION,
		]);
		// Sent with the minted sub-account tokens, never the agency's own.
		const agencyToken = `Bearer ${String(tokenData(credentials).access_token)}`;
		expect(requests.every((r) => r.headers.authorization !== agencyToken)).toBe(true);
		expect(requests.every((r) => r.status === 200)).toBe(true);
		expect(out.some((item) => item.json.id === CALENDAR_OF_OTHER)).toBe(true);
		expect(out.some((item) => item.json.id === 'cal_sandbox_001')).toBe(true);
	});

	it('a sub-account the app is not installed in fails that item, naming it', async () => {
		secondSubAccount([SANDBOX_LOCATION_ID]);
		const credentials = await agency();
		const { items: out } = await runWithOAuth2(sandbox, credentials, listCalendars, {
			items: [{ locationId: OTHER_LOCATION }, { locationId: SANDBOX_LOCATION_ID }],
			continueOnFail: true,
		});
		expect(String(out[0].json.error)).toContain(
			`HighLevel gave the agency connection no access to sub-account "${OTHER_LOCATION}"`,
		);
		expect(out.slice(1).every((item) => item.json.error === undefined)).toBe(true);
	});

	it('without a Location ID the item fails before anything is sent', async () => {
		const credentials = await agency();
		sandbox.resetStats();
		const { error } = await runWithOAuth2(sandbox, credentials, getAppointment);
		expect(error?.message).toMatch(/^Location ID \(locationId\) "" is empty/);
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('a late 401 for a sub-account token already replaced keeps the new one: minted once', async () => {
		const credentials = await agency();
		const getHere = { ...getAppointment, locationId: SANDBOX_LOCATION_ID };
		// A first run leaves a minted sub-account token behind, which the next run starts with.
		await runWithOAuth2(sandbox, credentials, getHere);
		const bearer = (r: (typeof sandbox.requests)[number]) => r.headers.authorization;
		const oldToken = bearer(apiRequests().filter((r) => r.status === 200)[0]);
		sandbox.options.faults = {
			script: [
				// The run's first request (a 200), held until that token expired: the others leave with it.
				{ fault: 'hold', method: 'GET', pathIncludes: '/appointments/', times: 1 },
				// One of their 401s comes back only once a request with the new token was answered.
				{ fault: 'hold', status: 401, until: { pathIncludes: '/appointments/', status: 200 } },
			],
		};
		sandbox.resetStats();
		const run = runWithOAuth2(sandbox, credentials, getHere, { items: items(3) });
		await heldAnswers(1);
		expect(sandbox.oauth.expireAccessToken(oldToken.slice('Bearer '.length))).toBe(true);
		expect(sandbox.releaseHeld()).toBe(1);
		const { items: out, error } = await run;
		expect(error).toBeUndefined();
		expect(out.map((item) => item.json.id)).toEqual(Array(3).fill(SANDBOX_APPOINTMENT_ID));
		expect(sandbox.stats.locationTokenMints).toEqual({ [SANDBOX_LOCATION_ID]: 1 });
		expect(sandbox.stats.tokenRefreshes).toBe(0);
		// Two 401s for the old token; both resends went with the one token minted since.
		const requests = apiRequests();
		expect(requests.map((r) => r.status)).toEqual([200, 401, 401, 200, 200]);
		expect(requests.slice(0, 3).map(bearer)).toEqual(Array(3).fill(oldToken));
		const [first, second] = requests.slice(3).map(bearer);
		expect(first).not.toBe(oldToken);
		expect(second).toBe(first);
	});

	it('expired tokens: the agency token is renewed once, the sub-account token minted again', async () => {
		const credentials = await agency();
		await runWithOAuth2(sandbox, credentials, {
			...getAppointment,
			locationId: SANDBOX_LOCATION_ID,
		});
		sandbox.oauth.expireAccessTokens();
		sandbox.resetStats();
		const { items: out, error } = await runWithOAuth2(
			sandbox,
			credentials,
			{ ...getAppointment, locationId: SANDBOX_LOCATION_ID },
			{ items: items(10) },
		);
		expect(error).toBeUndefined();
		expect(out).toHaveLength(10);
		expect(sandbox.stats.tokenRefreshes).toBe(1);
		expect(sandbox.stats.locationTokenMints).toEqual({ [SANDBOX_LOCATION_ID]: 1 });
	});
});

it('the token expires mid-run: requests in flight are renewed once and sent again, none twice', async () => {
	const credentials = await connectOAuth2(sandbox);
	// 5 requests per 100 ms (the node learns it from the first answer): the run's 30 requests
	// reach HighLevel over six windows, so a third of them arrive before the token expires.
	sandbox.options.rateLimit = { max: 5, windowMs: 100, dailyMax: 100_000 };
	sandbox.resetStats();
	const bookings = Array.from({ length: 30 }, (_, i) => ({
		start: new Date(Date.parse('2031-04-07T08:00:00Z') + i * 3_600_000).toISOString(),
	}));
	const run = runWithOAuth2(
		sandbox,
		credentials,
		{
			resource: 'blockSlot',
			operation: 'create',
			blockTarget: 'calendar',
			calendarId: { __rl: true, mode: 'id', value: 'cal_sandbox_001' },
			startTime: '={{ $json.start }}',
			endTime: '={{ DateTime.fromISO($json.start).plus({ minutes: 30 }).toISO() }}',
		},
		{ items: bookings },
	);
	// HighLevel's token expires once a third of the run has reached it.
	while (sandbox.stats.received < 10) await new Promise((resolve) => setImmediate(resolve));
	sandbox.oauth.expireAccessTokens();
	const { items: out, error } = await run;
	expect(error).toBeUndefined();
	expect(out).toHaveLength(30);
	expect(sandbox.stats.tokenRefreshes).toBe(1);
	expect(statuses().filter((status) => status === 401).length).toBeGreaterThan(0);
	// Every block booked exactly once.
	const starts = sandbox.stats.applied.map((write) =>
		String((write.body as IDataObject).startTime),
	);
	expect(starts).toHaveLength(30);
	expect(new Set(starts).size).toBe(30);
});

it('the trigger polls with the OAuth2 credential: an expired token is renewed once', async () => {
	const credentials = await connectOAuth2(sandbox);
	sandbox.oauth.expireAccessTokens();
	sandbox.resetStats();
	const poller = startPoller({
		nodeType: new HighLevelCalendarTrigger(),
		credentialType: new HighLevelCalendarOAuth2Api(),
		credentials,
		parameters: {
			authentication: 'oAuth2',
			watch: 'calendar',
			calendarId: { __rl: true, mode: 'id', value: 'cal_sandbox_001' },
			events: ['appointmentBooked'],
		},
	});
	expect(await poller.poll()).toBeNull();
	expect(sandbox.stats.tokenRefreshes).toBe(1);
	expect(statuses()).toEqual([401, 200, 200]);
});
