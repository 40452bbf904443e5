// What the sandbox's own tests share (test/sandbox/*.test.ts): one sandbox with tokens of several
// scopes, reset before each test, and helpers to call it over real HTTP with Node's fetch.
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import {
	ALL_SCOPES,
	DEFAULT_RATE_LIMIT,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	startSandbox,
	type Sandbox,
} from './index';

// The sandbox's own exports, so a test file imports all it needs from here.
export * from './index';
export { scopesAllow, securityOf, tokenAllows } from './spec';

export const VERSION = 'v3';
export const VERSION_2021_04_15 = '2021-04-15';
export const VERSION_2021_07_28 = '2021-07-28';
export const READONLY_TOKEN = 'pit-readonly';
export const OTHER_LOCATION_TOKEN = 'pit-other-location';
export const NO_USERS_TOKEN = 'pit-no-users-readonly';
export const NO_SCOPES_TOKEN = 'pit-no-scopes';

/** The sandbox every test file shares the setup of (a live binding: set in beforeAll). */
export let sandbox: Sandbox;

/** Registers the shared sandbox's lifecycle in the calling test file. */
export function useSandbox(): void {
	beforeAll(async () => {
		sandbox = await startSandbox({
			tokens: {
				[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
				[READONLY_TOKEN]: {
					locationId: SANDBOX_LOCATION_ID,
					scopes: ['calendars/events.readonly'],
				},
				[OTHER_LOCATION_TOKEN]: { locationId: 'loc_other', scopes: ALL_SCOPES },
				[NO_USERS_TOKEN]: {
					locationId: SANDBOX_LOCATION_ID,
					scopes: ALL_SCOPES.filter((s) => s !== 'users.readonly'),
				},
				[NO_SCOPES_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: [] },
			},
		});
	});
	afterAll(() => sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		sandbox.options.getAppointmentEnvelope = 'event';
		sandbox.options.responseStyle = 'spec';
		sandbox.options.rateLimit = { ...DEFAULT_RATE_LIMIT };
		sandbox.options.latencyMs = 0;
		sandbox.options.clock = undefined;
		sandbox.options.faults = undefined;
		sandbox.options.record = true;
		sandbox.options.oauthApps = undefined;
		sandbox.options.accessTokenLifetimeSeconds = undefined;
	});
}

export interface CallOptions {
	token?: string | null;
	version?: string | null;
}

/** Status, body and response headers; the body is parsed when it is JSON. Rejects when the socket is reset. */
export async function exchange(
	method: string,
	urlPath: string,
	body?: unknown,
	opts: CallOptions = {},
) {
	const headers: Record<string, string> = {};
	const token = opts.token === undefined ? SANDBOX_TOKEN : opts.token;
	// Each API has its own version; calls name one only to test the check itself.
	const version =
		opts.version === undefined
			? urlPath.startsWith('/calendars')
				? VERSION
				: VERSION_2021_07_28
			: opts.version;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	if (version !== null) headers.Version = version;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(sandbox.baseUrl + urlPath, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	const json = /json/.test(res.headers.get('content-type') ?? '');
	return {
		status: res.status,
		body: (json ? JSON.parse(text) : text) as Record<string, any>,
		headers: Object.fromEntries(res.headers) as Record<string, string>,
	};
}

export async function call(
	method: string,
	urlPath: string,
	body?: unknown,
	opts: CallOptions = {},
) {
	const { status, body: answer } = await exchange(method, urlPath, body, opts);
	return { status, body: answer };
}

export const newAppointment = (extra: Record<string, unknown> = {}) => ({
	calendarId: SANDBOX_CALENDAR_ID,
	locationId: SANDBOX_LOCATION_ID,
	contactId: SANDBOX_CONTACT_ID,
	startTime: '2030-03-04T15:00:00+05:30',
	...extra,
});

export const blockSlotUpdate = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	...extra,
});

export const APPOINTMENTS = '/calendars/events/appointments';
export const BLOCK_SLOTS = '/calendars/events/block-slots';

export const BLOCK_SLOT_GAPS = [
	'contactId',
	'groupId',
	'appointmentStatus',
	'assignedUserId',
	'users',
	'calendarId',
];

// Response schemas, for conformance checks. The specs type event dates as `object` where the
// wire (and the README) has ISO strings, so only that `type` is dropped.
export const responseAjv = new Ajv({ strict: false, allErrors: true });
{
	const load = (file: string) =>
		JSON.parse(fs.readFileSync(path.join(__dirname, 'spec', file), 'utf8'));
	const DATE_FIELDS = ['startTime', 'endTime', 'dateAdded', 'dateUpdated'];
	const relaxDates = (node: unknown): void => {
		if (node === null || typeof node !== 'object') return;
		const properties = (node as { properties?: Record<string, { type?: string }> }).properties;
		for (const field of DATE_FIELDS)
			if (properties?.[field]?.type === 'object') delete properties[field].type;
		Object.values(node).forEach(relaxDates);
	};
	for (const api of ['calendars', 'users', 'contacts', 'locations']) {
		const spec = load(`apps/${api}.json`);
		relaxDates(spec);
		responseAjv.addSchema({ ...spec, $id: `https://sandbox.invalid/apps/${api}.json` });
		if (api !== 'calendars') continue;
		// Blocked slots come in CalendarEventDTOs without the appointment-only fields (see
		// handlers/events.ts): checked against the DTO with just those fields made optional.
		const blocked = structuredClone(spec);
		const dto = blocked.components.schemas.CalendarEventDTO;
		dto.required = dto.required.filter((f: string) => !BLOCK_SLOT_GAPS.includes(f));
		dto.additionalProperties = false;
		responseAjv.addSchema({
			...blocked,
			$id: 'https://sandbox.invalid/apps/calendars-blocked-slots.json',
		});
	}
	// The Calendars API v3 document: conforms('calendars-v3', ...). Its `../common` references
	// resolve to the shared common schemas, of which the v3 copy only adds error DTOs.
	responseAjv.addSchema({
		...load('v3/apps/calendars-v3.json'),
		$id: 'https://sandbox.invalid/apps/calendars-v3.json',
	});
	responseAjv.addSchema({
		...load('common/common-schemas.json'),
		$id: 'https://sandbox.invalid/common/common-schemas.json',
	});
}

/** `schema` is a component name, or a JSON pointer (starting with `/`) into the API's spec. */
export function conforms(api: string, schema: string, data: unknown): void {
	const pointer = schema.startsWith('/') ? schema : `/components/schemas/${schema}`;
	const ok = responseAjv.validate(
		{ $ref: `https://sandbox.invalid/apps/${api}.json#${pointer}` },
		data,
	);
	expect(responseAjv.errors ?? []).toEqual([]);
	expect(ok).toBe(true);
}

export const ms = (iso: string) => String(Date.parse(iso));
export const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);
export const unprocessable = (message: string[]) => ({
	status: 422,
	body: { statusCode: 422, message, error: 'Unprocessable Entity' },
});

export const RATE_HEADERS = [
	'x-ratelimit-max',
	'x-ratelimit-remaining',
	'x-ratelimit-interval-milliseconds',
	'x-ratelimit-limit-daily',
	'x-ratelimit-daily-remaining',
];
export const rateHeaders = (headers: Record<string, string>) =>
	Object.fromEntries(RATE_HEADERS.map((h) => [h, headers[h]]));
export const limits = (
	max: number,
	remaining: number,
	windowMs: number,
	dailyMax: number,
	dailyRemaining: number,
) => ({
	'x-ratelimit-max': String(max),
	'x-ratelimit-remaining': String(remaining),
	'x-ratelimit-interval-milliseconds': String(windowMs),
	'x-ratelimit-limit-daily': String(dailyMax),
	'x-ratelimit-daily-remaining': String(dailyRemaining),
});
export const TOO_MANY = { statusCode: 429, message: 'Too Many Requests' };
export const APPOINTMENT_URL = `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `ms` have passed since `since` (a performance.now() reading). */
export const waitUntil = (since: number, ms: number) =>
	sleep(Math.max(0, since + ms - performance.now()));
export const title = () => sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.title;
/** What a request came to: its status, or 'reset' when the socket was dropped. */
export async function outcome(
	method: string,
	urlPath: string,
	body?: unknown,
	opts?: CallOptions,
): Promise<number | 'reset'> {
	try {
		return (await exchange(method, urlPath, body, opts)).status;
	} catch (e) {
		expect((e as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET');
		return 'reset';
	}
}

// OAuth (oauth.test.ts): the authorization page, then forms posted to the token endpoints.

/** n8n's OAuth2 callback, as a redirect_uri the default apps accept. */
export const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

export const authorizeParams = (extra: Record<string, string> = {}) => ({
	response_type: 'code',
	client_id: SANDBOX_CLIENT_ID,
	redirect_uri: REDIRECT_URI,
	scope: ALL_SCOPES.join(' '),
	state: 'state-123',
	...extra,
});

/** GETs the authorization page without following its redirect. */
export async function authorizePage(
	params: Record<string, string>,
	page = '/v2/oauth/chooselocation',
) {
	const res = await fetch(`${sandbox.baseUrl}${page}?${new URLSearchParams(params)}`, {
		redirect: 'manual',
	});
	const text = await res.text();
	const json = /json/.test(res.headers.get('content-type') ?? '');
	return {
		status: res.status,
		location: res.headers.get('location'),
		body: (json ? JSON.parse(text) : text) as Record<string, any>,
	};
}

/** POSTs `fields` form-urlencoded, as OAuth clients do. */
export async function postForm(
	urlPath: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {},
) {
	const res = await fetch(sandbox.baseUrl + urlPath, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	});
	return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** The authorization page's code for these parameters. */
export async function authorizationCode(params: Record<string, string>): Promise<string> {
	const { status, location } = await authorizePage(params);
	expect(status).toBe(302);
	return new URL(location!).searchParams.get('code')!;
}

/** The whole code flow for an app: approve `scope`, exchange the code; the token answer. */
export async function connect(
	clientId = SANDBOX_CLIENT_ID,
	clientSecret = SANDBOX_CLIENT_SECRET,
	scope = ALL_SCOPES.join(' '),
) {
	const code = await authorizationCode(authorizeParams({ client_id: clientId, scope }));
	const answer = await postForm('/oauth/token', {
		client_id: clientId,
		client_secret: clientSecret,
		grant_type: 'authorization_code',
		code,
		redirect_uri: REDIRECT_URI,
	});
	expect(answer.status).toBe(200);
	return answer.body;
}

/** A refresh_token grant with the default app's credentials (or those given). */
export const refresh = (
	refreshToken: string,
	clientId = SANDBOX_CLIENT_ID,
	clientSecret = SANDBOX_CLIENT_SECRET,
) =>
	postForm('/oauth/token', {
		client_id: clientId,
		client_secret: clientSecret,
		grant_type: 'refresh_token',
		refresh_token: refreshToken,
	});
