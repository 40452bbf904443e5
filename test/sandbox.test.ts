// Tests of the HighLevel sandbox itself, over real HTTP with Node's fetch.
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import {
	ALL_SCOPES,
	API_VERSIONS,
	CALENDAR_SCOPES,
	DEFAULT_RATE_LIMIT,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_COMPANY_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_3_ID,
	SANDBOX_USER_ID,
	startSandbox,
	type FaultKind,
	type Sandbox,
} from './sandbox';
import { scopesAllow } from './sandbox/spec';

const VERSION = '2021-04-15';
const VERSION_2021_07_28 = '2021-07-28';
const READONLY_TOKEN = 'pit-readonly';
const OTHER_LOCATION_TOKEN = 'pit-other-location';
const NO_USERS_TOKEN = 'pit-no-users-readonly';
const NO_SCOPES_TOKEN = 'pit-no-scopes';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({
		tokens: {
			[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
			[READONLY_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ['calendars/events.readonly'] },
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
	sandbox.options.faults = undefined;
	sandbox.options.record = true;
});

interface CallOptions {
	token?: string | null;
	version?: string | null;
}

/** Status, body and response headers; the body is parsed when it is JSON. Rejects when the socket is reset. */
async function exchange(method: string, urlPath: string, body?: unknown, opts: CallOptions = {}) {
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

async function call(method: string, urlPath: string, body?: unknown, opts: CallOptions = {}) {
	const { status, body: answer } = await exchange(method, urlPath, body, opts);
	return { status, body: answer };
}

const newAppointment = (extra: Record<string, unknown> = {}) => ({
	calendarId: SANDBOX_CALENDAR_ID,
	locationId: SANDBOX_LOCATION_ID,
	contactId: SANDBOX_CONTACT_ID,
	startTime: '2030-03-04T15:00:00+05:30',
	...extra,
});

const blockSlotUpdate = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	...extra,
});

const APPOINTMENTS = '/calendars/events/appointments';
const BLOCK_SLOTS = '/calendars/events/block-slots';

const BLOCK_SLOT_GAPS = [
	'contactId',
	'groupId',
	'appointmentStatus',
	'assignedUserId',
	'users',
	'calendarId',
];

// Response schemas, for conformance checks. The specs type event dates as `object` where the
// wire (and the README) has ISO strings, so only that `type` is dropped.
const responseAjv = new Ajv({ strict: false, allErrors: true });
{
	const load = (file: string) =>
		JSON.parse(fs.readFileSync(path.join(__dirname, 'sandbox/spec', file), 'utf8'));
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
	responseAjv.addSchema({
		...load('common/common-schemas.json'),
		$id: 'https://sandbox.invalid/common/common-schemas.json',
	});
}

/** `schema` is a component name, or a JSON pointer (starting with `/`) into the API's spec. */
function conforms(api: string, schema: string, data: unknown): void {
	const pointer = schema.startsWith('/') ? schema : `/components/schemas/${schema}`;
	const ok = responseAjv.validate(
		{ $ref: `https://sandbox.invalid/apps/${api}.json#${pointer}` },
		data,
	);
	expect(responseAjv.errors ?? []).toEqual([]);
	expect(ok).toBe(true);
}

describe('auth and headers', () => {
	test('an unknown or missing token is 401 Invalid token, and the request is recorded', async () => {
		const expected = {
			statusCode: 401,
			message: 'Invalid token: access token is invalid',
			error: 'Unauthorized',
		};
		expect(
			await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: 'nope' }),
		).toEqual({
			status: 401,
			body: expected,
		});
		expect(
			(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: null }))
				.body,
		).toEqual(expected);

		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`,
			headers: { authorization: 'Bearer nope', version: VERSION },
			status: 401,
			response: expected,
		});
	});

	test('a token without the operation scope is 401 authClass', async () => {
		expect(
			await call(
				'PUT',
				`${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`,
				{ title: 'x' },
				{ token: READONLY_TOKEN },
			),
		).toEqual({
			status: 401,
			body: {
				statusCode: 401,
				message: 'This authClass type is not allowed to access this scope',
				error: 'Unauthorized',
			},
		});
		// the same token holds calendars/events.readonly, which is what GET needs
		expect(
			(
				await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, {
					token: READONLY_TOKEN,
				})
			).status,
		).toBe(200);
	});

	test('a wrong or missing Version header is 400 naming the expected version', async () => {
		for (const version of ['2021-07-28', null]) {
			const res = await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, {
				version,
			});
			expect(res.status).toBe(400);
			expect(res.body).toEqual({ statusCode: 400, message: expect.stringContaining('2021-04-15') });
		}
	});
});

describe('routing', () => {
	test('an unknown method or path is a Nest-style 404', async () => {
		expect(await call('PATCH', `${APPOINTMENTS}/x?a=1`)).toEqual({
			status: 404,
			body: { statusCode: 404, message: `Cannot PATCH ${APPOINTMENTS}/x?a=1`, error: 'Not Found' },
		});
	});

	test('list calendars answers on /calendars/ and /calendars', async () => {
		for (const p of ['/calendars/', '/calendars']) {
			const res = await call('GET', `${p}?locationId=${SANDBOX_LOCATION_ID}`);
			expect(res.status).toBe(200);
			expect(res.body.calendars.map((c: { id: string }) => c.id)).toEqual([
				SANDBOX_CALENDAR_ID,
				SANDBOX_CALENDAR_2_ID,
			]);
		}
		expect((await call('GET', '/calendars/')).body).toEqual({
			statusCode: 422,
			message: ['locationId should not be empty'],
			error: 'Unprocessable Entity',
		});
	});

	test('an encoded slash stays inside its path parameter', async () => {
		// Decoding before splitting would turn this into GET /calendars/appointments/{id}/notes.
		const res = await call(
			'GET',
			`/calendars/appointments/${SANDBOX_APPOINTMENT_ID}%2Fnotes?limit=10&offset=0`,
		);
		expect(res.status).toBe(404);
		expect(res.body.message).toBe(
			`Cannot GET /calendars/appointments/${SANDBOX_APPOINTMENT_ID}%2Fnotes?limit=10&offset=0`,
		);

		// ...and the parameter is decoded once matched.
		const seeded = sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!;
		sandbox.store.appointments.set('odd/id', { ...seeded, id: 'odd/id' });
		expect((await call('GET', `${APPOINTMENTS}/odd%2Fid`)).body.event.id).toBe('odd/id');
		expect(sandbox.requests[sandbox.requests.length - 1].path).toBe(`${APPOINTMENTS}/odd%2Fid`);
	});

	test('spec paths the sandbox does not model answer 501 after validation', async () => {
		expect((await call('PUT', '/calendars/groups/abc/status', { x: 1 })).body.message).toEqual([
			'isActive should not be empty',
			'property x should not exist',
		]);
		expect(await call('PUT', '/calendars/groups/abc/status', { isActive: true })).toEqual({
			status: 501,
			body: { statusCode: 501, message: 'not modelled by the sandbox' },
		});
	});
});

describe('validation', () => {
	const expect422 = async (method: string, urlPath: string, body: unknown, messages: string[]) => {
		const res = await call(method, urlPath, body);
		expect(res).toEqual({
			status: 422,
			body: {
				statusCode: 422,
				message: expect.arrayContaining(messages),
				error: 'Unprocessable Entity',
			},
		});
		expect(sandbox.store.appointments.size).toBe(1); // nothing was created
	};

	test('unknown (misspelt) fields and wrong types are rejected, naming the field', async () => {
		await expect422('POST', APPOINTMENTS, newAppointment({ titel: 'Intro', toNotify: 'false' }), [
			'property titel should not exist',
			'toNotify must be a boolean value',
		]);
		await expect422('POST', APPOINTMENTS, { locationId: SANDBOX_LOCATION_ID }, [
			'calendarId should not be empty',
		]);
	});

	test('enums are enforced', async () => {
		await expect422('POST', APPOINTMENTS, newAppointment({ appointmentStatus: 'booked' }), [
			'appointmentStatus must be one of the following values: new, confirmed, cancelled, showed, noshow, invalid',
		]);
	});

	test('times must be ISO 8601 with an offset, and end after start', async () => {
		for (const startTime of [
			'2030-03-04T15:00:00',
			'2030-03-04 15:00:00Z',
			'2030-02-30T15:00:00Z',
			'1893456000000',
		]) {
			const res = await call('POST', APPOINTMENTS, newAppointment({ startTime }));
			expect(res.status).toBe(422);
			expect(res.body.message).toEqual([
				expect.stringMatching(/^startTime must be a valid ISO 8601/),
			]);
		}
		await expect422(
			'POST',
			APPOINTMENTS,
			newAppointment({ endTime: '2030-03-04T15:00:00+05:30' }),
			['endTime must be after startTime'],
		);
	});

	test('a block slot takes exactly one of calendarId and assignedUserId, and needs locationId', async () => {
		const url = `${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`;
		const both = await call(
			'PUT',
			url,
			blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID, assignedUserId: SANDBOX_USER_ID }),
		);
		expect(both).toEqual({
			status: 422,
			body: {
				statusCode: 422,
				message: ['Either calendarId or assignedUserId can be set, not both'],
				error: 'Unprocessable Entity',
			},
		});
		expect((await call('PUT', url, blockSlotUpdate({ title: 'x' }))).body.message).toEqual([
			'Either calendarId or assignedUserId must be set',
		]);
		expect((await call('PUT', url, { calendarId: SANDBOX_CALENDAR_ID })).body.message).toEqual([
			'locationId should not be empty',
		]);
	});

	test("a locationId other than the token's is 403", async () => {
		const forbidden = {
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this location' },
		};
		expect(await call('POST', APPOINTMENTS, newAppointment({ locationId: 'loc_other' }))).toEqual(
			forbidden,
		);
		expect(await call('GET', '/calendars/?locationId=loc_other')).toEqual(forbidden);
		// records of another location are refused too
		expect(
			await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, {
				token: OTHER_LOCATION_TOKEN,
			}),
		).toEqual(forbidden);
	});
});

describe('appointments', () => {
	test('create, get, then a partial update that changes only the fields sent', async () => {
		const created = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ title: 'Intro call', toNotify: false }),
		);
		expect(created.status).toBe(200);
		const id = created.body.id as string;
		expect(created.body).toEqual({
			id,
			calendarId: SANDBOX_CALENDAR_ID,
			locationId: SANDBOX_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2030-03-04T15:00:00+05:30',
			endTime: '2030-03-04T15:30:00+05:30', // the calendar's 30-minute slot, in the sent offset
			title: 'Intro call',
			meetingLocationType: 'default',
			appointmentStatus: 'confirmed',
			assignedUserId: SANDBOX_USER_ID,
			isRecurring: false,
		});
		expect(sandbox.requests[0].body).toMatchObject({ title: 'Intro call', toNotify: false });

		const got = await call('GET', `${APPOINTMENTS}/${id}`);
		expect(got.status).toBe(200);
		expect(got.body.event).toMatchObject({
			id,
			title: 'Intro call',
			startTime: '2030-03-04T15:00:00+05:30',
			endTime: '2030-03-04T15:30:00+05:30',
			users: [SANDBOX_USER_ID],
			dateAdded: expect.any(String),
		});

		const updated = await call('PUT', `${APPOINTMENTS}/${id}`, {
			title: 'Renamed',
			toNotify: false,
		});
		expect(updated).toEqual({ status: 200, body: { ...created.body, title: 'Renamed' } });
		expect(sandbox.store.appointments.get(id)).toMatchObject({
			title: 'Renamed',
			startTime: '2030-03-04T15:00:00+05:30',
		});
	});

	test('an overlapping slot is refused unless ignoreFreeSlotValidation, which alone lets rrule through', async () => {
		// the seeded appointment is 10:00-10:30 +01:00 on the first calendar
		const overlap = newAppointment({ startTime: '2030-01-14T09:15:00Z' });
		expect(await call('POST', APPOINTMENTS, overlap)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'The slot you have selected is no longer available.' },
		});
		expect(
			(await call('POST', APPOINTMENTS, { ...overlap, calendarId: SANDBOX_CALENDAR_2_ID })).status,
		).toBe(200);

		const rrule = 'RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5';
		const forced = await call('POST', APPOINTMENTS, {
			...overlap,
			rrule,
			ignoreFreeSlotValidation: true,
		});
		expect(forced.body).toMatchObject({ isRecurring: true, rrule });

		const ignored = await call('POST', APPOINTMENTS, newAppointment({ rrule }));
		expect(ignored.body.isRecurring).toBe(false);
		expect(ignored.body).not.toHaveProperty('rrule');
	});

	test('unknown calendar or contact is 400; unknown appointment is 404', async () => {
		const calendar = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ calendarId: 'cal_missing' }),
		);
		expect(calendar).toEqual({
			status: 400,
			body: { statusCode: 400, message: expect.stringContaining('cal_missing') },
		});
		expect(
			(await call('POST', APPOINTMENTS, newAppointment({ contactId: 'con_missing' }))).status,
		).toBe(400);

		const notFound = { status: 404, body: { statusCode: 404, message: 'Appointment not found' } };
		expect(await call('GET', `${APPOINTMENTS}/apt_missing`)).toEqual(notFound);
		expect(await call('PUT', `${APPOINTMENTS}/apt_missing`, { title: 'x' })).toEqual(notFound);
		expect(await call('GET', `${APPOINTMENTS}/${SANDBOX_BLOCK_SLOT_ID}`)).toEqual(notFound);
	});

	test('live envelope for GET: {appointment, traceId}, with deleted', async () => {
		sandbox.options.getAppointmentEnvelope = 'appointment';
		sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.deleted = true;
		const res = await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual(['appointment', 'traceId']);
		expect(res.body.appointment).toMatchObject({
			id: SANDBOX_APPOINTMENT_ID,
			deleted: true,
			startTime: '2030-01-14T10:00:00+01:00',
		});
	});

	test('live response style for create and update', async () => {
		sandbox.options.responseStyle = 'live';
		const created = await call('POST', APPOINTMENTS, newAppointment({ appointmentStatus: 'new' }));
		const updated = await call('PUT', `${APPOINTMENTS}/${created.body.id}`, {
			appointmentStatus: 'showed',
		});
		for (const [res, status] of [
			[created, 'new'],
			[updated, 'showed'],
		] as const) {
			expect(res.status).toBe(200);
			expect(res.body).not.toHaveProperty('startTime');
			expect(res.body).not.toHaveProperty('endTime');
			expect(res.body).toMatchObject({
				status: 'booked',
				appointmentStatus: status,
				appoinmentStatus: status,
				dateAdded: expect.any(String),
				dateUpdated: expect.any(String),
				traceId: expect.any(String),
			});
		}
		// the times are still stored, just not echoed
		expect(sandbox.store.appointments.get(created.body.id)!.endTime).toBe(
			'2030-03-04T15:30:00+05:30',
		);
	});

	test("spec-style responses conform to the spec's response schemas", async () => {
		conforms(
			'calendars',
			'AppointmentSchemaResponse',
			(await call('POST', APPOINTMENTS, newAppointment())).body,
		);
		conforms(
			'calendars',
			'CalendarsGetSuccessfulResponseDTO',
			(await call('GET', `/calendars/?locationId=${SANDBOX_LOCATION_ID}`)).body,
		);
	});
});

describe('block slots', () => {
	test('update answers 201 with the flat block slot; setting one target clears the other', async () => {
		const url = `${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`;
		const toUser = await call(
			'PUT',
			url,
			blockSlotUpdate({ assignedUserId: SANDBOX_USER_ID, title: 'Dentist' }),
		);
		expect(toUser).toEqual({
			status: 201,
			body: {
				id: SANDBOX_BLOCK_SLOT_ID,
				locationId: SANDBOX_LOCATION_ID,
				title: 'Dentist',
				startTime: '2030-01-14T12:00:00+01:00',
				endTime: '2030-01-14T13:00:00+01:00',
				assignedUserId: SANDBOX_USER_ID,
			},
		});

		const toCalendar = await call(
			'PUT',
			url,
			blockSlotUpdate({
				calendarId: SANDBOX_CALENDAR_2_ID,
				startTime: '2030-01-14T11:00:00Z',
				endTime: '2030-01-14T12:00:00Z',
			}),
		);
		const { assignedUserId: _dropped, ...unchanged } = toUser.body;
		expect(toCalendar).toEqual({
			status: 201,
			body: {
				...unchanged,
				calendarId: SANDBOX_CALENDAR_2_ID,
				startTime: '2030-01-14T11:00:00Z',
				endTime: '2030-01-14T12:00:00Z',
			},
		});
		expect(sandbox.store.blockSlots.get(SANDBOX_BLOCK_SLOT_ID)).not.toHaveProperty(
			'assignedUserId',
		);
	});

	test('unknown id, or an appointment id, is 404 Block slot not found', async () => {
		const notFound = { status: 404, body: { statusCode: 404, message: 'Block slot not found' } };
		const body = blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID });
		expect(await call('PUT', `${BLOCK_SLOTS}/blk_missing`, body)).toEqual(notFound);
		expect(await call('PUT', `${BLOCK_SLOTS}/${SANDBOX_APPOINTMENT_ID}`, body)).toEqual(notFound);
	});
});

const ms = (iso: string) => String(Date.parse(iso));
const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);
const unprocessable = (message: string[]) => ({
	status: 422,
	body: { statusCode: 422, message, error: 'Unprocessable Entity' },
});

describe('APIs, versions and scopes', () => {
	test('each API has its own Version, and a route requires the version of its API', async () => {
		expect(API_VERSIONS).toEqual({
			calendars: VERSION,
			users: VERSION_2021_07_28,
			contacts: VERSION_2021_07_28,
			locations: VERSION_2021_07_28,
		});
		const cases: Array<[string, string, unknown, string, string]> = [
			[
				'GET',
				`/calendars/?locationId=${SANDBOX_LOCATION_ID}`,
				undefined,
				VERSION,
				VERSION_2021_07_28,
			],
			['GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`, undefined, VERSION_2021_07_28, VERSION],
			[
				'POST',
				'/contacts/search',
				{ locationId: SANDBOX_LOCATION_ID, pageLimit: 1 },
				VERSION_2021_07_28,
				VERSION,
			],
			['GET', `/locations/${SANDBOX_LOCATION_ID}`, undefined, VERSION_2021_07_28, VERSION],
		];
		for (const [method, url, body, right, wrong] of cases) {
			expect((await call(method, url, body, { version: right })).status).toBe(200);
			expect(await call(method, url, body, { version: wrong })).toEqual({
				status: 400,
				body: { statusCode: 400, message: `Version header must be "${right}", got "${wrong}"` },
			});
		}
	});

	test('ALL_SCOPES covers the four APIs; CALENDAR_SCOPES is still just the Calendars API', () => {
		for (const scope of [
			'calendars.readonly',
			'calendars/events.write',
			'users.readonly',
			'contacts.readonly',
			'locations.readonly',
		]) {
			expect(ALL_SCOPES).toContain(scope);
		}
		expect(ALL_SCOPES).toEqual(expect.arrayContaining(CALENDAR_SCOPES));
		expect(CALENDAR_SCOPES).not.toContain('users.readonly');
		expect(CALENDAR_SCOPES.every((s) => s.startsWith('calendars'))).toBe(true);
	});

	test('any one security alternative suffices, whatever its scheme is called', async () => {
		const route = { scopeSets: [['a'], ['b', 'c']] };
		expect(scopesAllow(route, ['a'])).toBe(true);
		expect(scopesAllow(route, ['c', 'b'])).toBe(true);
		expect(scopesAllow(route, ['b'])).toBe(false);
		expect(scopesAllow(route, [])).toBe(false);
		expect(scopesAllow({ scopeSets: [] }, [])).toBe(true);

		// /users/search: Agency-Access or Location-Access, both users.readonly; /users/: Location-Access only.
		const search = `/users/search?companyId=${SANDBOX_COMPANY_ID}`;
		expect((await call('GET', search)).status).toBe(200);
		expect((await call('GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`)).status).toBe(200);
		const denied = {
			status: 401,
			body: {
				statusCode: 401,
				message: 'This authClass type is not allowed to access this scope',
				error: 'Unauthorized',
			},
		};
		expect(await call('GET', search, undefined, { token: NO_USERS_TOKEN })).toEqual(denied);
		expect(
			await call('GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`, undefined, {
				token: NO_USERS_TOKEN,
			}),
		).toEqual(denied);
		// ...while everything else still works for that token
		expect(
			(await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}`, undefined, { token: NO_USERS_TOKEN }))
				.status,
		).toBe(200);

		// `{ "bearer": [] }` asks for no scope at all (this route is not modelled, hence 501)
		expect(
			(
				await call('GET', `/locations/${SANDBOX_LOCATION_ID}/tags/t1`, undefined, {
					token: NO_SCOPES_TOKEN,
				})
			).status,
		).toBe(501);
	});
});

describe('route precedence', () => {
	test('fixed paths win over /calendars/{calendarId}; the template still serves real ids', async () => {
		const window = `locationId=${SANDBOX_LOCATION_ID}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=0&endTime=${ms('2031-01-01T00:00:00Z')}`;
		expect(ids((await call('GET', `/calendars/events?${window}`)).body.events)).toEqual([
			SANDBOX_APPOINTMENT_ID,
		]);
		expect(ids((await call('GET', `/calendars/blocked-slots?${window}`)).body.events)).toEqual([
			SANDBOX_BLOCK_SLOT_ID,
		]);
		// groups is a spec route the sandbox does not model: 501, not "Calendar not found"
		expect((await call('GET', `/calendars/groups?locationId=${SANDBOX_LOCATION_ID}`)).status).toBe(
			501,
		);
		// the fixed path's own rules apply, not the template's
		expect((await call('GET', '/calendars/events')).status).toBe(422);

		expect((await call('GET', `/calendars/${SANDBOX_CALENDAR_2_ID}`)).body.calendar.id).toBe(
			SANDBOX_CALENDAR_2_ID,
		);
		expect(
			(await call('GET', `/calendars/?locationId=${SANDBOX_LOCATION_ID}`)).body.calendars,
		).toHaveLength(2);
		// same in the Users API: /users/search is not /users/{userId}
		expect((await call('GET', `/users/search?companyId=${SANDBOX_COMPANY_ID}`)).body.count).toBe(3);
		expect((await call('GET', `/users/${SANDBOX_USER_ID}`)).status).toBe(501);
	});
});

describe('get calendar', () => {
	test('200 {calendar}, conforming to CalendarByIdSuccessfulResponseDTO; unknown 404; other location 403', async () => {
		const res = await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(['calendar']);
		expect(res.body.calendar).toMatchObject({
			id: SANDBOX_CALENDAR_ID,
			locationId: SANDBOX_LOCATION_ID,
			name: 'Sandbox Consultations',
			slotDuration: 30,
		});
		conforms('calendars', 'CalendarByIdSuccessfulResponseDTO', res.body);

		expect(await call('GET', '/calendars/cal_missing')).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Calendar not found' },
		});
		expect(
			(
				await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}`, undefined, {
					token: OTHER_LOCATION_TOKEN,
				})
			).status,
		).toBe(403);
	});
});

describe('delete event', () => {
	const url = (id: string) => `/calendars/events/${id}`;

	test('an appointment: 201 {succeeded}, kept with deleted: true, then 404 everywhere but the live GET', async () => {
		expect(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {})).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		conforms('calendars', 'DeleteEventSuccessfulResponseDto', { succeeded: true });
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)).toMatchObject({
			deleted: true,
			title: 'Casey Contact',
		});

		const notFound = { status: 404, body: { statusCode: 404, message: 'Appointment not found' } };
		expect(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`)).toEqual(notFound);
		expect(await call('PUT', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, { title: 'x' })).toEqual(
			notFound,
		);
		sandbox.options.getAppointmentEnvelope = 'appointment';
		expect(
			(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`)).body.appointment,
		).toMatchObject({
			id: SANDBOX_APPOINTMENT_ID,
			deleted: true,
		});

		expect(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {})).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Event not found' },
		});
		const window = `locationId=${SANDBOX_LOCATION_ID}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=0&endTime=${ms('2031-01-01T00:00:00Z')}`;
		expect((await call('GET', `/calendars/events?${window}`)).body.events).toEqual([]);
		expect((await call('GET', `/contacts/${SANDBOX_CONTACT_ID}/appointments`)).body.events).toEqual(
			[],
		);
		// its slot is free again
		expect(
			(await call('POST', APPOINTMENTS, newAppointment({ startTime: '2030-01-14T10:00:00+01:00' })))
				.status,
		).toBe(200);
	});

	test('a block slot: 201, and it is gone', async () => {
		expect(await call('DELETE', url(SANDBOX_BLOCK_SLOT_ID))).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		expect(sandbox.store.blockSlots.has(SANDBOX_BLOCK_SLOT_ID)).toBe(false);
		expect(
			(
				await call(
					'PUT',
					`${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`,
					blockSlotUpdate({ title: 'x', calendarId: SANDBOX_CALENDAR_ID }),
				)
			).status,
		).toBe(404);
	});

	test('body must be {} (DeleteAppointmentSchema); unknown id 404; needs calendars/events.write', async () => {
		expect(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), { toNotify: false })).toEqual(
			unprocessable(['property toNotify should not exist']),
		);
		expect(await call('DELETE', url('evt_missing'), {})).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Event not found' },
		});
		expect(
			(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {}, { token: READONLY_TOKEN })).status,
		).toBe(401);
		expect(
			(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {}, { token: OTHER_LOCATION_TOKEN }))
				.status,
		).toBe(403);
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.deleted).toBe(false);
	});
});

describe('create block slot', () => {
	const slot = (extra: Record<string, unknown>) => ({
		locationId: SANDBOX_LOCATION_ID,
		title: 'Team offsite',
		startTime: '2030-01-15T09:00:00-05:00',
		endTime: '2030-01-15T12:00:00-05:00',
		...extra,
	});

	test('201 with the flat block slot, for a calendar or for a user', async () => {
		const forCalendar = await call(
			'POST',
			BLOCK_SLOTS,
			slot({ calendarId: SANDBOX_CALENDAR_2_ID }),
		);
		expect(forCalendar).toEqual({
			status: 201,
			body: {
				id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
				locationId: SANDBOX_LOCATION_ID,
				title: 'Team offsite',
				startTime: '2030-01-15T09:00:00-05:00',
				endTime: '2030-01-15T12:00:00-05:00',
				calendarId: SANDBOX_CALENDAR_2_ID,
			},
		});
		conforms('calendars', 'BlockedSlotSuccessfulResponseDto', forCalendar.body);
		expect(sandbox.store.blockSlots.get(forCalendar.body.id)).toMatchObject({
			calendarId: SANDBOX_CALENDAR_2_ID,
		});

		const forUser = await call('POST', BLOCK_SLOTS, slot({ assignedUserId: SANDBOX_USER_2_ID }));
		expect(forUser.status).toBe(201);
		expect(forUser.body).toMatchObject({ assignedUserId: SANDBOX_USER_2_ID });
		expect(forUser.body).not.toHaveProperty('calendarId');
	});

	test('exactly one of calendarId / assignedUserId, times required and ordered, unknown ids 400', async () => {
		expect(
			await call(
				'POST',
				BLOCK_SLOTS,
				slot({ calendarId: SANDBOX_CALENDAR_ID, assignedUserId: SANDBOX_USER_ID }),
			),
		).toEqual(unprocessable(['Either calendarId or assignedUserId can be set, not both']));
		expect(await call('POST', BLOCK_SLOTS, slot({}))).toEqual(
			unprocessable(['Either calendarId or assignedUserId must be set']),
		);
		expect(
			await call('POST', BLOCK_SLOTS, {
				locationId: SANDBOX_LOCATION_ID,
				calendarId: SANDBOX_CALENDAR_ID,
			}),
		).toEqual(unprocessable(['startTime should not be empty', 'endTime should not be empty']));
		expect(
			(
				await call(
					'POST',
					BLOCK_SLOTS,
					slot({ calendarId: SANDBOX_CALENDAR_ID, endTime: '2030-01-15T08:00:00-05:00' }),
				)
			).body.message,
		).toEqual(['endTime must be after startTime']);
		expect(
			(await call('POST', BLOCK_SLOTS, slot({ calendarId: SANDBOX_CALENDAR_ID, color: 'red' })))
				.body.message,
		).toEqual(['property color should not exist']);
		expect(await call('POST', BLOCK_SLOTS, slot({ assignedUserId: 'usr_missing' }))).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'User not found: usr_missing' },
		});
		expect(sandbox.store.blockSlots.size).toBe(1);
	});
});

describe('list events and blocked slots', () => {
	const list = (
		what: 'events' | 'blocked-slots',
		filter: string,
		from = '2030-01-14T00:00:00Z',
		to = '2030-01-15T00:00:00Z',
	) =>
		call(
			'GET',
			`/calendars/${what}?locationId=${SANDBOX_LOCATION_ID}&${filter}&startTime=${ms(from)}&endTime=${ms(to)}`,
		);

	test('events: CalendarEventDTOs overlapping the window, by calendar, user or group', async () => {
		const res = await list('events', `calendarId=${SANDBOX_CALENDAR_ID}`);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			events: [
				{
					id: SANDBOX_APPOINTMENT_ID,
					address: 'Zoom',
					title: 'Casey Contact',
					calendarId: SANDBOX_CALENDAR_ID,
					locationId: SANDBOX_LOCATION_ID,
					contactId: SANDBOX_CONTACT_ID,
					groupId: SANDBOX_GROUP_ID,
					appointmentStatus: 'confirmed',
					assignedUserId: SANDBOX_USER_ID,
					users: [SANDBOX_USER_ID],
					isRecurring: false,
					startTime: '2030-01-14T10:00:00+01:00',
					endTime: '2030-01-14T10:30:00+01:00',
					dateAdded: '2029-12-01T09:00:00.000Z',
					dateUpdated: '2029-12-01T09:00:00.000Z',
				},
			],
		});
		conforms('calendars', 'GetCalendarEventsSuccessfulResponseDTO', res.body);

		expect(ids((await list('events', `userId=${SANDBOX_USER_ID}`)).body.events)).toEqual([
			SANDBOX_APPOINTMENT_ID,
		]);
		expect(ids((await list('events', `groupId=${SANDBOX_GROUP_ID}`)).body.events)).toEqual([
			SANDBOX_APPOINTMENT_ID,
		]);
		expect((await list('events', `userId=${SANDBOX_USER_2_ID}`)).body.events).toEqual([]);
		expect((await list('events', `calendarId=${SANDBOX_CALENDAR_2_ID}`)).body.events).toEqual([]);
		// the appointment is 09:00-09:30Z: a window ending at 09:00Z does not overlap it, one ending at 09:00:00.001Z does
		expect(
			(
				await list(
					'events',
					`calendarId=${SANDBOX_CALENDAR_ID}`,
					'2030-01-14T00:00:00Z',
					'2030-01-14T09:00:00Z',
				)
			).body.events,
		).toEqual([]);
		expect(
			(
				await list(
					'events',
					`calendarId=${SANDBOX_CALENDAR_ID}`,
					'2030-01-14T09:30:00Z',
					'2030-01-14T12:00:00Z',
				)
			).body.events,
		).toEqual([]);
		expect(
			(
				await list(
					'events',
					`calendarId=${SANDBOX_CALENDAR_ID}`,
					'2030-01-14T00:00:00Z',
					'2030-01-14T09:00:00.001Z',
				)
			).body.events,
		).toHaveLength(1);
	});

	test('blocked slots: the events schema, without the fields only appointments have; by calendar or user', async () => {
		const res = await list('blocked-slots', `calendarId=${SANDBOX_CALENDAR_ID}`);
		expect(res).toEqual({
			status: 200,
			body: {
				events: [
					{
						id: SANDBOX_BLOCK_SLOT_ID,
						title: 'Lunch',
						calendarId: SANDBOX_CALENDAR_ID,
						locationId: SANDBOX_LOCATION_ID,
						startTime: '2030-01-14T12:00:00+01:00',
						endTime: '2030-01-14T13:00:00+01:00',
						dateAdded: '2029-12-01T09:00:00.000Z',
						dateUpdated: '2029-12-01T09:00:00.000Z',
					},
				],
			},
		});
		conforms('calendars-blocked-slots', 'GetCalendarEventsSuccessfulResponseDTO', res.body);
		// appointments are not block slots, and vice versa
		expect(ids(res.body.events)).not.toContain(SANDBOX_APPOINTMENT_ID);

		const mine = await call('POST', BLOCK_SLOTS, {
			locationId: SANDBOX_LOCATION_ID,
			assignedUserId: SANDBOX_USER_3_ID,
			startTime: '2030-01-14T15:00:00Z',
			endTime: '2030-01-14T16:00:00Z',
		});
		const users = await list('blocked-slots', `userId=${SANDBOX_USER_3_ID}`);
		expect(users.body.events).toEqual([
			{
				id: mine.body.id,
				title: '',
				locationId: SANDBOX_LOCATION_ID,
				assignedUserId: SANDBOX_USER_3_ID,
				startTime: '2030-01-14T15:00:00Z',
				endTime: '2030-01-14T16:00:00Z',
				dateAdded: expect.any(String),
				dateUpdated: expect.any(String),
			},
		]);
		conforms('calendars-blocked-slots', 'GetCalendarEventsSuccessfulResponseDTO', users.body);
		expect(ids((await list('blocked-slots', `groupId=${SANDBOX_GROUP_ID}`)).body.events)).toEqual([
			SANDBOX_BLOCK_SLOT_ID,
		]);
	});

	test('422 unless exactly one of calendarId, userId, groupId, and a window in epoch ms', async () => {
		for (const what of ['events', 'blocked-slots'] as const) {
			const base = `/calendars/${what}?locationId=${SANDBOX_LOCATION_ID}`;
			const window = `startTime=${ms('2030-01-14T00:00:00Z')}&endTime=${ms('2030-01-15T00:00:00Z')}`;
			expect(await call('GET', `${base}&${window}`)).toEqual(
				unprocessable(['Either of calendarId, userId or groupId is required']),
			);
			expect(
				await call(
					'GET',
					`${base}&${window}&calendarId=${SANDBOX_CALENDAR_ID}&userId=${SANDBOX_USER_ID}`,
				),
			).toEqual(
				unprocessable([
					'Only one of calendarId, userId or groupId can be set, got calendarId, userId',
				]),
			);
			expect(await call('GET', `${base}&calendarId=${SANDBOX_CALENDAR_ID}`)).toEqual(
				unprocessable(['startTime should not be empty', 'endTime should not be empty']),
			);
			expect(
				await call(
					'GET',
					`${base}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=2030-01-14T00:00:00Z&endTime=1`,
				),
			).toEqual(
				unprocessable(['startTime must be a number string (milliseconds since the epoch)']),
			);
			expect(
				(await call('GET', `${base}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=2&endTime=1`)).body
					.message,
			).toEqual(['endTime must not be before startTime']);
			expect(await call('GET', `${base}&${window}&calendarId=cal_missing`)).toEqual({
				status: 400,
				body: { statusCode: 400, message: 'Calendar not found: cal_missing' },
			});
			expect(
				(
					await call(
						'GET',
						`${base.replace(SANDBOX_LOCATION_ID, 'loc_other')}&${window}&groupId=${SANDBOX_GROUP_ID}`,
					)
				).status,
			).toBe(403);
		}
	});
});

describe('recurring appointments', () => {
	// US daylight saving time starts on Sunday 2030-03-10: New York goes from -05:00 to -04:00.
	const FIRST = '2030-03-04T09:00:00-05:00'; // a Monday
	const series = (rrule: string, extra: Record<string, unknown> = {}) =>
		call(
			'POST',
			APPOINTMENTS,
			newAppointment({
				startTime: FIRST,
				endTime: '2030-03-04T09:30:00-05:00',
				title: 'Weekly check-in',
				rrule,
				ignoreFreeSlotValidation: true,
				...extra,
			}),
		);
	const listWindow = (from: string, to: string, filter = `calendarId=${SANDBOX_CALENDAR_ID}`) =>
		call(
			'GET',
			`/calendars/events?locationId=${SANDBOX_LOCATION_ID}&${filter}&startTime=${ms(from)}&endTime=${ms(to)}`,
		);
	type Listed = Record<string, any> & { id: string };
	const march = async () =>
		(await listWindow('2030-03-01T00:00:00Z', '2030-07-01T00:00:00Z')).body.events as Listed[];
	const starts = (events: Listed[]) => events.map((e) => e.startTime);
	const instance = (masterId: string, start: string, seconds = 1800) =>
		`${masterId}_${Date.parse(start)}_${seconds}`;
	const notFound = { status: 404, body: { statusCode: 404, message: 'Appointment not found' } };

	test('a weekly 09:00 New York series keeps 09:00 local across the March DST change, one event per occurrence', async () => {
		const created = await series('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4');
		expect(created.body).toMatchObject({
			isRecurring: true,
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
		});
		const master = created.body.id as string;
		const res = await listWindow('2030-03-01T00:00:00Z', '2030-04-01T00:00:00Z');
		expect(res.status).toBe(200);
		conforms('calendars', 'GetCalendarEventsSuccessfulResponseDTO', res.body);
		const events = res.body.events as Listed[];
		expect(starts(events)).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-11T09:00:00-04:00',
			'2030-03-18T09:00:00-04:00',
			'2030-03-25T09:00:00-04:00',
		]);
		expect(events.map((e) => e.endTime)).toEqual([
			'2030-03-04T09:30:00-05:00',
			'2030-03-11T09:30:00-04:00',
			'2030-03-18T09:30:00-04:00',
			'2030-03-25T09:30:00-04:00',
		]);
		// ids: <master id>_<start in epoch ms>_<duration in seconds>; the master itself is not listed
		expect(ids(events)).toEqual([
			`${master}_1898863200000_1800`,
			`${master}_1899464400000_1800`,
			`${master}_1900069200000_1800`,
			`${master}_1900674000000_1800`,
		]);
		expect(Date.parse('2030-03-11T09:00:00-04:00')).toBe(1899464400000);
		expect(events.every((e) => e.masterEventId === master && e.isRecurring === true)).toBe(true);
		// the exact shape: the master's fields, its own id, times and masterEventId
		const stored = sandbox.store.appointments.get(master)!;
		expect(events[1]).toEqual({
			id: `${master}_1899464400000_1800`,
			masterEventId: master,
			title: 'Weekly check-in',
			calendarId: SANDBOX_CALENDAR_ID,
			locationId: SANDBOX_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			groupId: SANDBOX_GROUP_ID,
			appointmentStatus: 'confirmed',
			assignedUserId: SANDBOX_USER_ID,
			users: [SANDBOX_USER_ID],
			isRecurring: true,
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
			startTime: '2030-03-11T09:00:00-04:00',
			endTime: '2030-03-11T09:30:00-04:00',
			dateAdded: stored.dateAdded,
			dateUpdated: stored.dateUpdated,
		});

		// by user and by group too; a window holding only later occurrences finds just those
		for (const owner of [`userId=${SANDBOX_USER_ID}`, `groupId=${SANDBOX_GROUP_ID}`]) {
			expect(
				ids((await listWindow('2030-03-01T00:00:00Z', '2030-04-01T00:00:00Z', owner)).body.events),
			).toEqual(ids(events));
		}
		expect(
			ids((await listWindow('2030-03-17T00:00:00Z', '2030-03-19T00:00:00Z')).body.events),
		).toEqual([`${master}_1900069200000_1800`]);
		// the window is half-open and compared on instants: 13:00Z-13:30Z on the 18th
		expect((await listWindow('2030-03-18T12:00:00Z', '2030-03-18T13:00:00Z')).body.events).toEqual(
			[],
		);
		expect((await listWindow('2030-03-18T13:30:00Z', '2030-03-18T15:00:00Z')).body.events).toEqual(
			[],
		);
		expect(
			(await listWindow('2030-03-18T13:29:59.999Z', '2030-03-18T15:00:00Z')).body.events,
		).toHaveLength(1);

		// GET with the master id is the stored series, as it was written
		expect((await call('GET', `${APPOINTMENTS}/${master}`)).body.event).toMatchObject({
			id: master,
			startTime: FIRST,
			isRecurring: true,
		});
		expect((await call('GET', `${APPOINTMENTS}/${master}`)).body.event).not.toHaveProperty(
			'masterEventId',
		);
	});

	test('a master written in another offset is expanded on the location clock (America/New_York)', async () => {
		const created = await series('RRULE:FREQ=WEEKLY;COUNT=2', {
			startTime: '2030-03-04T19:30:00+05:30',
			endTime: '2030-03-04T20:00:00+05:30',
		});
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-11T09:00:00-04:00',
		]);
		expect(sandbox.store.appointments.get(created.body.id)!.startTime).toBe(
			'2030-03-04T19:30:00+05:30',
		);
	});

	test('COUNT and UNTIL end the series; UNTIL in UTC is compared as an instant', async () => {
		await series('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4');
		expect(await march()).toHaveLength(4);
		sandbox.reset();
		// 13:00Z on the 18th is 09:00 New York that day: inclusive
		await series('RRULE:FREQ=WEEKLY;UNTIL=20300318T130000Z');
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-11T09:00:00-04:00',
			'2030-03-18T09:00:00-04:00',
		]);
		sandbox.reset();
		await series('RRULE:FREQ=WEEKLY;UNTIL=20300318T125959Z');
		expect(await march()).toHaveLength(2);
		sandbox.reset();
		await series('RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3');
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-06T09:00:00-05:00',
			'2030-03-08T09:00:00-05:00',
		]);
	});

	test('EXDATE lines skip occurrences (UTC, TZID or whole date); COUNT still counts them', async () => {
		const created = await series(
			'RRULE:FREQ=WEEKLY;COUNT=5\nEXDATE:20300311T130000Z\nEXDATE;TZID=America/New_York:20300325T090000',
		);
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-18T09:00:00-04:00',
			'2030-04-01T09:00:00-04:00',
		]);
		// an EXDATE'd occurrence does not exist
		expect(
			await call('GET', `${APPOINTMENTS}/${instance(created.body.id, '2030-03-11T13:00:00Z')}`),
		).toEqual(notFound);
		sandbox.reset();
		await series('RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE;VALUE=DATE:20300311,20300318');
		expect(starts(await march())).toEqual(['2030-03-04T09:00:00-05:00']);
	});

	test('an endless rule is expanded only inside the window, at most 1,000 occurrences per series', async () => {
		await series('RRULE:FREQ=DAILY');
		const june = (await listWindow('2031-06-01T00:00:00-04:00', '2031-06-08T00:00:00-04:00')).body
			.events;
		expect(starts(june)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `2031-06-0${d}T09:00:00-04:00`));
		sandbox.reset();
		await series('RRULE:FREQ=HOURLY');
		const hourly = (await listWindow('2030-03-04T00:00:00Z', '2030-05-01T00:00:00Z')).body.events;
		expect(hourly).toHaveLength(1000);
		expect(hourly[0].startTime).toBe(FIRST);
	});

	test('an rrule that would be applied must be readable (422); RDATE is not modelled (501)', async () => {
		expect(await series('RRULE:FREQ=SOMETIMES;COUNT=2')).toEqual(
			unprocessable([
				'rrule: FREQ must be one of YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY, got "SOMETIMES"',
			]),
		);
		expect((await series('RRULE:FREQ=DAILY;COUNT=2;UNTIL=20300401T000000Z')).body.message).toEqual([
			'rrule: COUNT and UNTIL cannot both be set',
		]);
		// a literal backslash-n is not the newline EXDATE needs
		expect((await series('RRULE:FREQ=DAILY;COUNT=2\\nEXDATE:20300305T140000Z')).status).toBe(422);
		expect(await series('RRULE:FREQ=DAILY;COUNT=2\nRDATE:20300310T140000Z')).toEqual({
			status: 501,
			body: { statusCode: 501, message: 'rrule RDATE lines are not modelled by the sandbox' },
		});
		// without ignoreFreeSlotValidation the rule is dropped, so it is not read either
		expect(
			(await series('RRULE:FREQ=SOMETIMES', { ignoreFreeSlotValidation: undefined })).body,
		).toMatchObject({ isRecurring: false });
	});

	test('PUT with an instance id changes that occurrence only; lists and GET show it; stats record the instance id', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const before = await march();
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		sandbox.resetStats();

		const moved = {
			title: 'Moved check-in',
			appointmentStatus: 'showed',
			startTime: '2030-03-12T14:00:00-04:00',
			endTime: '2030-03-12T15:00:00-04:00',
		};
		const updated = await call('PUT', `${APPOINTMENTS}/${second}`, { ...moved, toNotify: false });
		expect(updated.status).toBe(200);
		conforms('calendars', 'AppointmentSchemaResponse', updated.body);
		expect(updated.body).toMatchObject({
			id: second,
			masterEventId: master,
			isRecurring: true,
			...moved,
		});

		const after = await march();
		// the same instance id (its place in the series), at its new time, with its new fields
		expect(ids(after)).toEqual(ids(before));
		expect(after[1]).toEqual({ ...before[1], ...moved, dateUpdated: expect.any(String) });
		expect([after[0], after[2], after[3]]).toEqual([before[0], before[2], before[3]]);
		// moved out of its old day and into its new one
		expect(
			(await listWindow('2030-03-11T00:00:00-04:00', '2030-03-12T00:00:00-04:00')).body.events,
		).toEqual([]);
		expect(
			ids((await listWindow('2030-03-12T00:00:00-04:00', '2030-03-13T00:00:00-04:00')).body.events),
		).toEqual([second]);

		const got = await call('GET', `${APPOINTMENTS}/${second}`);
		expect(got.status).toBe(200);
		conforms('calendars', 'GetCalendarEventSuccessfulResponseDTO', got.body);
		expect(got.body.event).toEqual(after[1]);
		// an occurrence not changed is its generated self
		expect((await call('GET', `${APPOINTMENTS}/${ids(before)[2]}`)).body.event).toEqual(before[2]);

		// a later PUT of the same occurrence adds to what was changed
		expect(
			(await call('PUT', `${APPOINTMENTS}/${second}`, { address: 'Room 4' })).body,
		).toMatchObject({
			title: 'Moved check-in',
			address: 'Room 4',
		});
		// the series itself is as it was
		expect(sandbox.store.appointments.get(master)).toMatchObject({
			title: 'Weekly check-in',
			startTime: FIRST,
			appointmentStatus: 'confirmed',
		});
		expect(
			sandbox.stats.applied.map(({ method, path: p, kind, id }) => [method, p, kind, id]),
		).toEqual([
			['PUT', `${APPOINTMENTS}/${second}`, 'appointment', second],
			['PUT', `${APPOINTMENTS}/${second}`, 'appointment', second],
		]);

		// the live envelope carries masterEventId and deleted like any appointment
		sandbox.options.getAppointmentEnvelope = 'appointment';
		expect((await call('GET', `${APPOINTMENTS}/${second}`)).body.appointment).toMatchObject({
			id: second,
			masterEventId: master,
			deleted: false,
		});
	});

	test('an instance id whose occurrence the series does not have is 404, and nothing is applied', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		sandbox.resetStats();
		const missing = [
			instance(master, '2030-03-12T09:00:00-04:00'), // not a Monday
			instance(master, '2030-04-01T09:00:00-04:00'), // after COUNT
			instance(master, '2030-02-25T09:00:00-05:00'), // before the start
			instance(master, '2030-03-11T09:00:00-04:00', 900), // wrong length
			instance(master, '2030-03-11T09:00:00-05:00'), // 09:00 at the winter offset: 10:00 New York
			instance('zzzzzzzzzzzzzzzzzzzz', '2030-03-11T09:00:00-04:00'),
			instance(SANDBOX_APPOINTMENT_ID, '2030-01-14T10:00:00+01:00'), // not a series
		];
		for (const id of missing) {
			expect(await call('PUT', `${APPOINTMENTS}/${id}`, { title: 'x' })).toEqual(notFound);
			expect(await call('GET', `${APPOINTMENTS}/${id}`)).toEqual(notFound);
		}
		expect(sandbox.stats.applied).toEqual([]);
		expect(sandbox.store.appointments.get(master)!.overrides).toBeUndefined();
		// an rrule belongs to the series, not to one occurrence
		expect(
			await call('PUT', `${APPOINTMENTS}/${instance(master, FIRST)}`, {
				rrule: 'RRULE:FREQ=DAILY;COUNT=2',
				ignoreFreeSlotValidation: true,
			}),
		).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message:
					'rrule can only be changed on the whole series: send the master event id, not an instance id',
			},
		});
		// another location's series is 403, as for any appointment
		expect(
			(
				await call('GET', `${APPOINTMENTS}/${instance(master, FIRST)}`, undefined, {
					token: OTHER_LOCATION_TOKEN,
				})
			).status,
		).toBe(403);
	});

	test('PUT with the master id changes every occurrence; fields changed on one occurrence stay changed', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		await call('PUT', `${APPOINTMENTS}/${second}`, { appointmentStatus: 'cancelled' });

		const updated = await call('PUT', `${APPOINTMENTS}/${master}`, {
			title: 'Weekly sync',
			address: 'Zoom',
		});
		expect(updated.status).toBe(200);
		expect(updated.body).not.toHaveProperty('masterEventId');
		const events = await march();
		expect(events.map((e) => [e.title, e.address, e.appointmentStatus])).toEqual([
			['Weekly sync', 'Zoom', 'confirmed'],
			['Weekly sync', 'Zoom', 'cancelled'],
			['Weekly sync', 'Zoom', 'confirmed'],
			['Weekly sync', 'Zoom', 'confirmed'],
		]);

		// moving the series moves every occurrence and so every instance id; the old ones are gone
		await call('PUT', `${APPOINTMENTS}/${master}`, {
			startTime: '2030-03-04T10:00:00-05:00',
			endTime: '2030-03-04T10:30:00-05:00',
		});
		const moved = await march();
		expect(starts(moved)).toEqual([
			'2030-03-04T10:00:00-05:00',
			'2030-03-11T10:00:00-04:00',
			'2030-03-18T10:00:00-04:00',
			'2030-03-25T10:00:00-04:00',
		]);
		expect(ids(moved)[1]).toBe(instance(master, '2030-03-11T10:00:00-04:00'));
		expect(moved.map((e) => e.appointmentStatus)).toEqual([
			'confirmed',
			'confirmed',
			'confirmed',
			'confirmed',
		]);
		expect(await call('GET', `${APPOINTMENTS}/${second}`)).toEqual(notFound);
		expect(sandbox.store.appointments.get(master)!.overrides).toBeUndefined();

		// a new rule applies to the whole series
		await call('PUT', `${APPOINTMENTS}/${master}`, {
			rrule: 'RRULE:FREQ=WEEKLY;COUNT=2',
			ignoreFreeSlotValidation: true,
		});
		expect(await march()).toHaveLength(2);
	});

	test('occurrences occupy their slots: bookings, moves and free slots see them', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const taken = {
			status: 400,
			body: { statusCode: 400, message: 'The slot you have selected is no longer available.' },
		};
		expect(
			await call('POST', APPOINTMENTS, newAppointment({ startTime: '2030-03-18T09:15:00-04:00' })),
		).toEqual(taken);
		// one occurrence moved onto another
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		const onto = { startTime: '2030-03-18T09:00:00-04:00', endTime: '2030-03-18T09:30:00-04:00' };
		expect(await call('PUT', `${APPOINTMENTS}/${second}`, onto)).toEqual(taken);
		expect(
			(await call('PUT', `${APPOINTMENTS}/${second}`, { ...onto, ignoreFreeSlotValidation: true }))
				.status,
		).toBe(200);
		// moving an occurrence a little does not collide with itself
		const later = { startTime: '2030-03-04T09:15:00-05:00', endTime: '2030-03-04T09:45:00-05:00' };
		expect((await call('PUT', `${APPOINTMENTS}/${instance(master, FIRST)}`, later)).status).toBe(
			200,
		);
		const day = `startDate=${ms('2030-03-25T00:00:00-04:00')}&endDate=${ms('2030-03-25T23:59:59-04:00')}`;
		const slots = (await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}/free-slots?${day}`)).body[
			'2030-03-25'
		].slots as string[];
		expect(slots).not.toContain('2030-03-25T09:00:00-04:00');
		expect(slots).toContain('2030-03-25T09:30:00-04:00');
	});

	test('DELETE with an instance id deletes that occurrence; with the master id, the series', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		sandbox.resetStats();
		expect(await call('DELETE', `/calendars/events/${second}`, {})).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-18T09:00:00-04:00',
			'2030-03-25T09:00:00-04:00',
		]);
		expect(await call('GET', `${APPOINTMENTS}/${second}`)).toEqual(notFound);
		expect(await call('PUT', `${APPOINTMENTS}/${second}`, { title: 'x' })).toEqual(notFound);
		expect((await call('DELETE', `/calendars/events/${second}`, {})).status).toBe(404);
		expect(await call('DELETE', `/calendars/events/${master}`, {})).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		expect(await march()).toEqual([]);
		expect(sandbox.stats.applied.map(({ kind, id }) => [kind, id])).toEqual([
			['appointment', second],
			['appointment', master],
		]);
	});
});

describe('free slots', () => {
	const MONDAY = '2030-01-14';
	const ALL_DAY = [9, 10, 11, 12, 13, 14, 15, 16].flatMap((h) => [
		`${String(h).padStart(2, '0')}:00`,
		`${String(h).padStart(2, '0')}:30`,
	]);
	const slotsOn = (day: string, times: string[], offset: string) =>
		times.map((t) => `${day}T${t}:00${offset}`);
	const free = (query: string, calendarId = SANDBOX_CALENDAR_ID) =>
		call('GET', `/calendars/${calendarId}/free-slots?${query}`);
	const monday = `startDate=${ms(`${MONDAY}T00:00:00-05:00`)}&endDate=${ms(`${MONDAY}T23:59:59.999-05:00`)}`;
	const without = (...times: string[]) => ALL_DAY.filter((t) => !times.includes(t));

	test('09:00-17:00 on weekdays in the location zone by default, every 30 minutes, keyed by date', async () => {
		const res = await free(monday);
		expect(res).toEqual({
			status: 200,
			body: { [MONDAY]: { slots: slotsOn(MONDAY, ALL_DAY, '-05:00') } },
		});
		conforms(
			'calendars',
			'/paths/~1calendars~1{calendarId}~1free-slots/get/responses/200/content/application~1json/schema',
			res.body,
		);

		// Friday to Monday: the weekend has no entry
		const res2 = await free(
			`startDate=${ms('2030-01-11T00:00:00-05:00')}&endDate=${ms(`${MONDAY}T23:59:59-05:00`)}`,
		);
		expect(Object.keys(res2.body)).toEqual(['2030-01-11', MONDAY]);
		// slots start inside the window
		const noon = await free(
			`startDate=${ms(`${MONDAY}T12:00:00-05:00`)}&endDate=${ms(`${MONDAY}T13:00:00-05:00`)}`,
		);
		expect(noon.body[MONDAY].slots).toEqual(slotsOn(MONDAY, ['12:00', '12:30', '13:00'], '-05:00'));
	});

	test('timezone moves the open hours and the offsets; an unknown zone is 400', async () => {
		const res = await free(
			`startDate=${ms(`${MONDAY}T00:00:00+05:30`)}&endDate=${ms(`${MONDAY}T23:59:59+05:30`)}&timezone=Asia/Kolkata`,
		);
		// the seeded appointment (09:00Z) and block slot (11:00Z) land at 14:30 and 16:30 in Kolkata
		expect(res.body).toEqual({
			[MONDAY]: { slots: slotsOn(MONDAY, without('14:30', '16:30'), '+05:30') },
		});
		// summer time in New York
		const june = await free(
			`startDate=${ms('2030-06-03T00:00:00-04:00')}&endDate=${ms('2030-06-03T10:00:00-04:00')}`,
		);
		expect(june.body['2030-06-03'].slots).toEqual(
			slotsOn('2030-06-03', ['09:00', '09:30', '10:00'], '-04:00'),
		);
		expect(await free(`${monday}&timezone=Mars/Olympus`)).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message: 'timezone must be a valid IANA time zone, got "Mars/Olympus"',
			},
		});
	});

	test("subtracts the calendar's appointments and block slots, but not cancelled ones or other calendars'", async () => {
		// in Berlin the seeded appointment (10:00-10:30) and block slot (12:00-13:00) fall in open hours
		const berlin = `startDate=${ms(`${MONDAY}T00:00:00+01:00`)}&endDate=${ms(`${MONDAY}T23:59:59+01:00`)}&timezone=Europe/Berlin`;
		expect((await free(berlin)).body[MONDAY].slots).toEqual(
			slotsOn(MONDAY, without('10:00', '12:00', '12:30'), '+01:00'),
		);
		expect((await free(berlin, SANDBOX_CALENDAR_2_ID)).body[MONDAY].slots).toEqual(
			slotsOn(MONDAY, ALL_DAY, '+01:00'),
		);

		// a 30-minute appointment at 14:15 New York time takes both slots it overlaps
		const booked = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ startTime: `${MONDAY}T14:15:00-05:00` }),
		);
		expect((await free(monday)).body[MONDAY].slots).toEqual(
			slotsOn(MONDAY, without('14:00', '14:30'), '-05:00'),
		);
		await call('PUT', `${APPOINTMENTS}/${booked.body.id}`, { appointmentStatus: 'cancelled' });
		expect((await free(monday)).body[MONDAY].slots).toEqual(slotsOn(MONDAY, ALL_DAY, '-05:00'));
	});

	test("userId / userIds also subtract those users' time; userIds repeat, comma-separate, or bracket", async () => {
		const block = (assignedUserId: string) =>
			call('POST', BLOCK_SLOTS, {
				locationId: SANDBOX_LOCATION_ID,
				assignedUserId,
				startTime: `${MONDAY}T15:00:00-05:00`,
				endTime: `${MONDAY}T16:00:00-05:00`,
			});
		await block(SANDBOX_USER_2_ID);
		const busy = slotsOn(MONDAY, without('15:00', '15:30'), '-05:00');
		const open = slotsOn(MONDAY, ALL_DAY, '-05:00');
		expect((await free(monday)).body[MONDAY].slots).toEqual(open);
		expect((await free(`${monday}&userId=${SANDBOX_USER_2_ID}`)).body[MONDAY].slots).toEqual(busy);
		// round robin: while one of the users is free the slot stays
		expect(
			(await free(`${monday}&userIds=${SANDBOX_USER_2_ID},${SANDBOX_USER_3_ID}`)).body[MONDAY]
				.slots,
		).toEqual(open);
		await block(SANDBOX_USER_3_ID);
		for (const users of [
			`userIds=${SANDBOX_USER_2_ID},${SANDBOX_USER_3_ID}`,
			`userIds=${SANDBOX_USER_2_ID}&userIds=${SANDBOX_USER_3_ID}`,
			`userIds[]=${SANDBOX_USER_2_ID}&userIds[]=${SANDBOX_USER_3_ID}`,
			`userId=${SANDBOX_USER_2_ID}&userIds=${SANDBOX_USER_3_ID}`,
		]) {
			expect((await free(`${monday}&${users}`)).body[MONDAY].slots).toEqual(busy);
		}
		// the seeded appointment's user, at 04:00 New York time, is outside open hours anyway
		expect((await free(`${monday}&userId=${SANDBOX_USER_ID}`)).body[MONDAY].slots).toEqual(open);
		expect(await free(`${monday}&userIds=usr_missing`)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'User not found: usr_missing' },
		});
		expect((await free(`${monday}&userId=a&userId=b`)).body.message).toEqual([
			'userId must be a single value',
		]);
	});

	test('the range may not exceed 31 days (400); dates are required numbers (422); unknown calendar 404', async () => {
		const start = Date.parse('2030-01-01T00:00:00Z');
		const DAY = 86_400_000;
		const month = await free(`startDate=${start}&endDate=${start + 31 * DAY}`);
		expect(month.status).toBe(200);
		expect(Object.keys(month.body)).toHaveLength(23); // weekdays from Jan 1 to Feb 1, 2030
		expect(await free(`startDate=${start}&endDate=${start + 31 * DAY + 1}`)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'Date range cannot be more than 31 days' },
		});
		expect(await free(`startDate=${start}&endDate=${start - 1}`)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'endDate must not be before startDate' },
		});
		expect(await free('')).toEqual(
			unprocessable(['startDate should not be empty', 'endDate should not be empty']),
		);
		expect(await free(`startDate=2030-01-01&endDate=${start}`)).toEqual(
			unprocessable(['startDate must be a number conforming to the specified constraints']),
		);
		expect(await free(monday, 'cal_missing')).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Calendar not found' },
		});
		expect((await free(monday, SANDBOX_CALENDAR_ID)).status).toBe(200);
		expect(
			(
				await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}/free-slots?${monday}`, undefined, {
					token: READONLY_TOKEN,
				})
			).status,
		).toBe(401);
	});

	test('live style adds a traceId beside the dates', async () => {
		sandbox.options.responseStyle = 'live';
		const res = await free(monday);
		expect(Object.keys(res.body).sort()).toEqual([MONDAY, 'traceId']);
		expect(res.body.traceId).toEqual(expect.any(String));
	});
});

describe('users', () => {
	const SAM = { id: SANDBOX_USER_ID, name: 'Sam Sandbox', email: 'sam.sandbox@example.com' };
	const RILEY = { id: SANDBOX_USER_2_ID, name: 'Riley Reyes', email: 'riley.reyes@example.com' };
	const JORDAN = { id: SANDBOX_USER_3_ID, name: 'Jordan Lee', email: 'jordan.lee@example.com' };

	test("GET /users/?locationId lists the sub-account's users (UserSchema)", async () => {
		const res = await call('GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`);
		expect(res.status).toBe(200);
		expect(res.body.users).toEqual([
			expect.objectContaining(SAM),
			expect.objectContaining(RILEY),
			expect.objectContaining(JORDAN),
		]);
		expect(res.body.users[0]).toEqual({
			...SAM,
			firstName: 'Sam',
			lastName: 'Sandbox',
			phone: '+12025550201',
			extension: '',
			roles: {
				type: 'account',
				role: 'admin',
				locationIds: [SANDBOX_LOCATION_ID],
				restrictSubAccount: false,
			},
			deleted: false,
		});
		conforms('users', 'LocationSuccessfulResponseDto', res.body);
		expect(await call('GET', '/users/')).toEqual(unprocessable(['locationId should not be empty']));
		expect((await call('GET', '/users/?locationId=loc_other')).status).toBe(403);
	});

	test('GET /users/search: companyId required and checked; query, skip and limit; {users, count}', async () => {
		const search = (q: string) => call('GET', `/users/search?companyId=${SANDBOX_COMPANY_ID}&${q}`);
		const all = await search('');
		expect(all.body.count).toBe(3);
		conforms('users', 'SearchUserSuccessfulResponseDto', all.body);

		expect((await search('query=RIL')).body).toEqual({
			users: [expect.objectContaining(RILEY)],
			count: 1,
		});
		expect((await search('query=lee@example')).body.users).toEqual([
			expect.objectContaining(JORDAN),
		]);
		expect((await search(`locationId=${SANDBOX_LOCATION_ID}&skip=1&limit=1`)).body).toEqual({
			users: [expect.objectContaining(RILEY)],
			count: 3,
		});
		expect((await search('role=user')).body.count).toBe(2);
		expect(
			(await search(`ids=${SANDBOX_USER_3_ID},${SANDBOX_USER_ID}`)).body.users.map(
				(u: { id: string }) => u.id,
			),
		).toEqual([SANDBOX_USER_ID, SANDBOX_USER_3_ID]);

		expect(await search('skip=-1&limit=ten')).toEqual(
			unprocessable([
				'skip must be a non-negative integer string',
				'limit must be a non-negative integer string',
			]),
		);
		expect(await call('GET', '/users/search')).toEqual(
			unprocessable(['companyId should not be empty']),
		);
		expect(await call('GET', '/users/search?companyId=cmp_other')).toEqual({
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this company' },
		});
	});
});

describe('locations', () => {
	test('GET /locations/{locationId} → {location} with the zone; another location 403', async () => {
		const res = await call('GET', `/locations/${SANDBOX_LOCATION_ID}`);
		expect(res.status).toBe(200);
		expect(res.body.location).toMatchObject({
			id: SANDBOX_LOCATION_ID,
			companyId: SANDBOX_COMPANY_ID,
			name: 'Sandbox Dental',
			timezone: 'America/New_York',
		});
		conforms('locations', 'GetLocationByIdSuccessfulResponseDto', res.body);
		expect(await call('GET', '/locations/loc_other')).toEqual({
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this location' },
		});
	});
});

describe('contacts', () => {
	const search = (body: Record<string, unknown>) =>
		call('POST', '/contacts/search', { locationId: SANDBOX_LOCATION_ID, ...body });

	test('search pages by page and pageLimit, and by searchAfter; total counts every match', async () => {
		expect(sandbox.store.contacts.size).toBe(25);
		const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ page, pageLimit: 10 })));
		expect(pages.map((p) => [p.status, p.body.contacts.length, p.body.total])).toEqual([
			[200, 10, 25],
			[200, 10, 25],
			[200, 5, 25],
			[200, 0, 25],
		]);
		const seen = pages.flatMap((p) => ids(p.body.contacts));
		expect(new Set(seen).size).toBe(25);
		expect(seen[0]).toBe(SANDBOX_CONTACT_ID);
		expect(pages[0].body.contacts[0]).toEqual({
			id: SANDBOX_CONTACT_ID,
			locationId: SANDBOX_LOCATION_ID,
			firstName: 'Casey',
			lastName: 'Contact',
			firstNameLowerCase: 'casey',
			lastNameLowerCase: 'contact',
			email: 'casey.contact@example.com',
			phone: '+12025551001',
			tags: [],
			dateAdded: '2029-11-01T09:00:00.000Z',
			dateUpdated: '2029-11-01T09:00:00.000Z',
			searchAfter: [Date.parse('2029-11-01T09:00:00.000Z'), SANDBOX_CONTACT_ID],
		});
		// page 1 is the default, and the last contact's cursor leads to page 2
		expect(ids((await search({ pageLimit: 10 })).body.contacts)).toEqual(
			ids(pages[0].body.contacts),
		);
		const cursor = pages[0].body.contacts[9].searchAfter;
		expect(ids((await search({ pageLimit: 10, searchAfter: cursor })).body.contacts)).toEqual(
			ids(pages[1].body.contacts),
		);
	});

	test('query matches name, email or phone, case-insensitively, and pages within the matches', async () => {
		const names = async (body: Record<string, unknown>) =>
			(await search({ pageLimit: 100, ...body })).body.contacts.map(
				(c: { lastName: string }) => c.lastName,
			);
		expect(await names({ query: 'SON' })).toEqual([
			'Johnson',
			'Jackson',
			'Allison',
			'Svensson',
			'Robertson',
		]);
		expect(await names({ query: 'dana.WHIT' })).toEqual(['Whitfield']);
		expect(await names({ query: '(202) 555-1004' })).toEqual(['Price']);
		expect(await names({ query: 'nobody' })).toEqual([]);
		const second = await search({ query: 'son', page: 2, pageLimit: 2 });
		expect(second.body).toMatchObject({ total: 5 });
		expect(second.body.contacts.map((c: { lastName: string }) => c.lastName)).toEqual([
			'Allison',
			'Svensson',
		]);
	});

	test('the search body is checked against the Search Contacts guide', async () => {
		expect(await search({})).toEqual(unprocessable(['pageLimit should not be empty']));
		expect(await call('POST', '/contacts/search', { pageLimit: 10 })).toEqual(
			unprocessable(['locationId should not be empty']),
		);
		expect((await search({ pageLimit: 501, page: 0, limit: 5 })).body.message).toEqual([
			'property limit should not exist',
			'page must not be less than 1',
			'pageLimit must not be greater than 500',
		]);
		expect(await search({ pageLimit: 10, page: 2, searchAfter: [1, 'x'] })).toEqual(
			unprocessable(['page and searchAfter cannot be used together']),
		);
		expect(await search({ pageLimit: 10, searchAfter: ['x'] })).toEqual(
			unprocessable(["searchAfter must be a contact's searchAfter value from an earlier page"]),
		);
		expect((await search({ pageLimit: 10, query: 'x'.repeat(76) })).body.message).toEqual([
			'query must be shorter than or equal to 75 characters',
		]);
		expect(
			await search({ pageLimit: 10, filters: [{ field: 'dnd', operator: 'eq', value: true }] }),
		).toEqual({
			status: 501,
			body: { statusCode: 501, message: 'filters and sort are not modelled by the sandbox' },
		});
		expect(
			(await call('POST', '/contacts/search', { locationId: 'loc_other', pageLimit: 10 })).status,
		).toBe(403);
	});

	test("a contact's appointments: GetEventSchema, times on the location's clock, deleted left out", async () => {
		const created = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ startTime: '2030-06-03T14:00:00Z', title: 'Check-up' }),
		);
		await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ contactId: 'con_sandbox_002', startTime: '2030-06-04T14:00:00Z' }),
		);
		const res = await call('GET', `/contacts/${SANDBOX_CONTACT_ID}/appointments`);
		expect(res.status).toBe(200);
		expect(res.body.events).toEqual([
			{
				id: SANDBOX_APPOINTMENT_ID,
				calendarId: SANDBOX_CALENDAR_ID,
				status: 'booked',
				title: 'Casey Contact',
				assignedUserId: SANDBOX_USER_ID,
				startTime: '2030-01-14 04:00:00', // 10:00 +01:00, in New York
				endTime: '2030-01-14 04:30:00',
				address: 'Zoom',
				locationId: SANDBOX_LOCATION_ID,
				contactId: SANDBOX_CONTACT_ID,
				groupId: SANDBOX_GROUP_ID,
				appointmentStatus: 'confirmed',
				users: [SANDBOX_USER_ID],
				dateAdded: '2029-12-01 04:00:00',
				dateUpdated: '2029-12-01 04:00:00',
			},
			expect.objectContaining({
				id: created.body.id,
				title: 'Check-up',
				startTime: '2030-06-03 10:00:00',
				endTime: '2030-06-03 10:30:00',
			}),
		]);
		conforms('contacts', 'GetEventsSuccessfulResponseDto', res.body);

		await call('DELETE', `/calendars/events/${created.body.id}`, {});
		expect(
			ids((await call('GET', `/contacts/${SANDBOX_CONTACT_ID}/appointments`)).body.events),
		).toEqual([SANDBOX_APPOINTMENT_ID]);
		expect(await call('GET', '/contacts/con_missing/appointments')).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Contact not found' },
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Rate limits, latency, faults and counting: what the node's pacing and retries are tested on.

const RATE_HEADERS = [
	'x-ratelimit-max',
	'x-ratelimit-remaining',
	'x-ratelimit-interval-milliseconds',
	'x-ratelimit-limit-daily',
	'x-ratelimit-daily-remaining',
];
const rateHeaders = (headers: Record<string, string>) =>
	Object.fromEntries(RATE_HEADERS.map((h) => [h, headers[h]]));
const limits = (
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
const TOO_MANY = { statusCode: 429, message: 'Too Many Requests' };
const APPOINTMENT_URL = `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `ms` have passed since `since` (a performance.now() reading). */
const waitUntil = (since: number, ms: number) => sleep(Math.max(0, since + ms - performance.now()));
const title = () => sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.title;
/** What a request came to: its status, or 'reset' when the socket was dropped. */
async function outcome(
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

describe('rate limits', () => {
	test('every answer, errors included, carries the five headers; the counts fall with each request of the location', async () => {
		const answers = [
			await exchange('GET', APPOINTMENT_URL),
			await exchange('GET', `${APPOINTMENTS}/apt_missing`),
			await exchange('POST', APPOINTMENTS, { locationId: SANDBOX_LOCATION_ID }),
			await exchange('PUT', APPOINTMENT_URL, { title: 'x' }, { token: READONLY_TOKEN }),
			await exchange('GET', '/calendars/nothing/here/at/all'),
		];
		expect(answers.map((a) => a.status)).toEqual([200, 404, 422, 401, 404]);
		// HighLevel's defaults: 100 per 10 s, 200,000 a day; two tokens of one location share them.
		expect(answers.map((a) => rateHeaders(a.headers))).toEqual(
			[99, 98, 97, 96, 95].map((left, i) => limits(100, left, 10_000, 200_000, 199_999 - i)),
		);
		// a token the sandbox does not know belongs to no location: nothing is counted
		const unknown = await exchange('GET', APPOINTMENT_URL, undefined, { token: 'nope' });
		expect(unknown.status).toBe(401);
		expect(rateHeaders(unknown.headers)).toEqual(limits(100, 100, 10_000, 200_000, 200_000));
		expect(sandbox.requests[5].responseHeaders).toEqual(limits(100, 100, 10_000, 200_000, 200_000));
		expect(answers[0].headers).not.toHaveProperty('retry-after');
	});

	test('the (max+1)-th request inside the window is 429 and changes nothing; 429s do not fill the window; it slides', async () => {
		sandbox.options.rateLimit = { max: 3, windowMs: 300, dailyMax: 1000 };
		const first = await exchange('PUT', APPOINTMENT_URL, { title: 'one' });
		const firstDone = performance.now();
		expect(rateHeaders(first.headers)).toEqual(limits(3, 2, 300, 1000, 999));
		expect(
			(await exchange('PUT', APPOINTMENT_URL, { title: 'two' })).headers['x-ratelimit-remaining'],
		).toBe('1');
		expect(
			(await exchange('PUT', APPOINTMENT_URL, { title: 'three' })).headers['x-ratelimit-remaining'],
		).toBe('0');

		const refused = await exchange('PUT', APPOINTMENT_URL, { title: 'four' });
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual(TOO_MANY);
		// the day counts the refused request too
		expect(rateHeaders(refused.headers)).toEqual(limits(3, 0, 300, 1000, 996));
		expect(refused.headers).not.toHaveProperty('retry-after');
		expect(title()).toBe('three');
		// what was sent is recorded all the same
		expect(sandbox.requests[3]).toMatchObject({
			body: { title: 'four' },
			status: 429,
			response: TOO_MANY,
		});
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(429);

		// once the first accepted request is windowMs old its slot is free again
		await waitUntil(firstDone, 300 + 5);
		const again = await exchange('PUT', APPOINTMENT_URL, { title: 'five' });
		expect(again.status).toBe(200);
		expect(title()).toBe('five');
		expect(again.headers['x-ratelimit-daily-remaining']).toBe('994');
		expect(sandbox.stats.rateLimited).toBe(2);
		expect(sandbox.stats.byStatus).toEqual({ 200: 4, 429: 2 });
		expect(sandbox.stats.applied.map((w) => (w.body as { title: string }).title)).toEqual([
			'one',
			'two',
			'three',
			'five',
		]);
	});

	test('each location has its own window, whichever of its tokens is used', async () => {
		sandbox.options.rateLimit = { max: 2, windowMs: 60_000, dailyMax: 1000 };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200);
		expect(
			(await exchange('GET', APPOINTMENT_URL, undefined, { token: READONLY_TOKEN })).status,
		).toBe(200);
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(429);
		expect(
			(await exchange('GET', APPOINTMENT_URL, undefined, { token: READONLY_TOKEN })).status,
		).toBe(429);

		const other = await exchange('GET', '/calendars/?locationId=loc_other', undefined, {
			token: OTHER_LOCATION_TOKEN,
		});
		expect(other.status).toBe(200);
		expect(rateHeaders(other.headers)).toEqual(limits(2, 1, 60_000, 1000, 999));
	});

	test('Retry-After comes only when enabled: whole seconds, rounded up, until a request is accepted again', async () => {
		sandbox.options.rateLimit = { max: 1, windowMs: 60_000, dailyMax: 1000 };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200);
		const plain = await exchange('GET', APPOINTMENT_URL);
		expect(plain.status).toBe(429);
		expect(plain.headers).not.toHaveProperty('retry-after');

		sandbox.options.rateLimit.retryAfterHeader = true;
		const told = await exchange('GET', APPOINTMENT_URL);
		expect(told).toMatchObject({ status: 429, body: TOO_MANY, headers: { 'retry-after': '60' } });

		sandbox.options.rateLimit = { max: 1, windowMs: 250, dailyMax: 1000, retryAfterHeader: true };
		sandbox.resetLimits();
		await exchange('GET', APPOINTMENT_URL);
		expect((await exchange('GET', APPOINTMENT_URL)).headers['retry-after']).toBe('1');
	});

	test('a used-up day is 429 "Daily limit exceeded" with daily-remaining 0 until the day ends', async () => {
		sandbox.options.rateLimit = {
			max: 100,
			windowMs: 60_000,
			dailyMax: 3,
			dailyWindowMs: 300,
			retryAfterHeader: true,
		};
		const days = [];
		let firstAnswered = 0;
		for (let i = 0; i < 3; i++) {
			days.push((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-daily-remaining']);
			// The day starts when the sandbox admits the first request, which is before its answer.
			if (i === 0) firstAnswered = performance.now();
		}
		expect(days).toEqual(['2', '1', '0']);

		const refused = await exchange('PUT', APPOINTMENT_URL, { title: 'late' });
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({ statusCode: 429, message: 'Daily limit exceeded' });
		// the burst window still has room: only the day is used up
		expect(rateHeaders(refused.headers)).toEqual(limits(100, 97, 60_000, 3, 0));
		expect(refused.headers['retry-after']).toBe('1');
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats.rateLimited).toBe(1);

		// the day started with the first request, so it has ended 300 ms after its answer at the latest
		await waitUntil(firstAnswered, 300 + 5);
		const nextDay = await exchange('PUT', APPOINTMENT_URL, { title: 'next day' });
		expect(nextDay.status).toBe(200);
		expect(nextDay.headers['x-ratelimit-daily-remaining']).toBe('2');
	});

	test('rateLimit null: no limit and no headers', async () => {
		sandbox.options.rateLimit = null;
		for (let i = 0; i < 120; i++) {
			const res = await exchange('GET', APPOINTMENT_URL);
			expect(res.status).toBe(200);
			expect(Object.keys(res.headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
		}
	});
});

describe('latency', () => {
	test('every answer waits latencyMs, and a write is applied only after the wait', async () => {
		sandbox.options.latencyMs = 150;
		const started = performance.now();
		const pending = exchange('PUT', APPOINTMENT_URL, { title: 'Later' });
		await sleep(50);
		expect(title()).toBe('Casey Contact');
		expect((await pending).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(150);
		expect(title()).toBe('Later');

		// errors and 429s wait too, and concurrent requests wait side by side
		sandbox.options.rateLimit = { max: 1, windowMs: 60_000, dailyMax: 1000 };
		sandbox.resetLimits();
		const burst = performance.now();
		const statuses = await Promise.all(
			[0, 1, 2].map(() => exchange('GET', `${APPOINTMENTS}/apt_missing`).then((r) => r.status)),
		);
		expect(statuses.sort()).toEqual([404, 429, 429]);
		expect(performance.now() - burst).toBeGreaterThanOrEqual(150);
	});
});

describe('faults', () => {
	test('a scripted 503 answers without applying; the script entry is then used up', async () => {
		sandbox.options.faults = { script: [{ method: 'put', fault: '503' }] };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200); // not a PUT
		const failed = await exchange('PUT', APPOINTMENT_URL, { title: 'lost?' });
		expect(failed.status).toBe(503);
		expect(failed.body).toEqual({ statusCode: 503, message: 'Service Unavailable' });
		expect(failed.headers['x-ratelimit-remaining']).toBe('98');
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats.applied).toEqual([]);

		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'retried' })).status).toBe(200);
		expect(title()).toBe('retried');
		expect(sandbox.stats).toMatchObject({
			injected: { 503: 1 },
			byStatus: { 200: 2, 503: 1 },
			rateLimited: 0,
		});
		expect(sandbox.requests.map((r) => r.injected)).toEqual([undefined, '503', undefined]);
	});

	test('reset-after-apply: the create is applied exactly once, and the client only sees ECONNRESET', async () => {
		sandbox.options.faults = {
			script: [{ method: 'POST', pathIncludes: '/appointments', fault: 'reset-after-apply' }],
		};
		const err = await exchange(
			'POST',
			APPOINTMENTS,
			newAppointment({ title: 'Booked blind' }),
		).catch((e) => e);
		expect(err.message).toBe('fetch failed');
		expect(err.cause).toMatchObject({ code: 'ECONNRESET' });

		const created = [...sandbox.store.appointments.values()].filter(
			(a) => a.title === 'Booked blind',
		);
		expect(created).toHaveLength(1);
		expect(sandbox.stats.applied).toEqual([
			{
				method: 'POST',
				path: APPOINTMENTS,
				kind: 'appointment',
				id: created[0].id,
				body: newAppointment({ title: 'Booked blind' }),
				at: expect.any(Number),
			},
		]);
		expect(sandbox.stats).toMatchObject({
			received: 1,
			byStatus: { reset: 1 },
			injected: { 'reset-after-apply': 1 },
		});
		expect(sandbox.requests[0]).toMatchObject({
			status: 0,
			response: undefined,
			injected: 'reset-after-apply',
		});

		// a retry of the same create would book it twice, which the slot check here refuses
		expect(
			(await exchange('POST', APPOINTMENTS, newAppointment({ title: 'Booked blind' }))).status,
		).toBe(400);
		expect(sandbox.stats.applied).toHaveLength(1);
	});

	test('reset-before-apply: nothing is applied and the client sees ECONNRESET', async () => {
		sandbox.options.faults = { script: [{ fault: 'reset-before-apply', times: 2 }] };
		expect(await outcome('PUT', APPOINTMENT_URL, { title: 'never' })).toBe('reset');
		expect(await outcome('DELETE', `/calendars/events/${SANDBOX_APPOINTMENT_ID}`, {})).toBe(
			'reset',
		);
		expect(title()).toBe('Casey Contact');
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.deleted).toBe(false);
		expect(sandbox.stats).toMatchObject({
			applied: [],
			byStatus: { reset: 2 },
			injected: { 'reset-before-apply': 2 },
		});
		expect(await outcome('PUT', APPOINTMENT_URL, { title: 'now' })).toBe(200);
	});

	test('a scripted 429 carries Retry-After when given, reports the window as used up, and is not the limiter', async () => {
		sandbox.options.faults = { script: [{ fault: '429', retryAfterSeconds: 7 }, { fault: '429' }] };
		const told = await exchange('PUT', APPOINTMENT_URL, { title: 'x' });
		expect(told).toMatchObject({
			status: 429,
			body: TOO_MANY,
			headers: { 'retry-after': '7', 'x-ratelimit-remaining': '0' },
		});
		const untold = await exchange('PUT', APPOINTMENT_URL, { title: 'y' });
		expect(untold.status).toBe(429);
		expect(untold.headers).not.toHaveProperty('retry-after');
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats).toMatchObject({
			rateLimited: 0,
			injected: { 429: 2 },
			byStatus: { 429: 2 },
			applied: [],
		});
		// the limiter counted both: they got past it
		expect((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-remaining']).toBe('97');
	});

	test("502 and 504 are a load balancer's HTML pages; slow answers late but applies", async () => {
		sandbox.options.faults = {
			script: [{ fault: '502' }, { fault: '504' }, { fault: 'slow', slowMs: 120 }],
		};
		const bad = await exchange('PUT', APPOINTMENT_URL, { title: 'a' });
		expect(bad.status).toBe(502);
		expect(bad.headers['content-type']).toMatch(/^text\/html/);
		expect(bad.body).toContain('502 Bad Gateway');
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'b' })).status).toBe(504);
		expect(title()).toBe('Casey Contact');

		const started = performance.now();
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'c' })).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(120);
		expect(title()).toBe('c');
		expect(sandbox.stats.injected).toEqual({ 502: 1, 504: 1, slow: 1 });
	});

	test('faults never hide what a request earned: 4xx come first and do not use up the script', async () => {
		sandbox.options.faults = { script: [{ fault: '503' }] };
		expect((await exchange('PUT', APPOINTMENT_URL, { titel: 'x' })).status).toBe(422);
		expect(
			(await exchange('PUT', APPOINTMENT_URL, { title: 'x' }, { token: READONLY_TOKEN })).status,
		).toBe(401);
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'x' })).status).toBe(503);
		expect(sandbox.stats.injected).toEqual({ 503: 1 });
	});

	test('methods limits random faults to those methods', async () => {
		sandbox.options.faults = { status503Rate: 1, methods: ['POST', 'PUT'] };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200);
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'x' })).status).toBe(503);
		expect((await exchange('POST', APPOINTMENTS, newAppointment())).status).toBe(503);
		expect(sandbox.store.appointments.size).toBe(1);
	});

	test('a seeded random run is reproducible, and stats.applied is exactly what reached the store', async () => {
		const run = async (seed: number) => {
			sandbox.reset();
			sandbox.options.faults = {
				seed,
				status503Rate: 0.15,
				burst429Rate: 0.1,
				burst429Length: 3,
				resetAfterApplyRate: 0.1,
				resetBeforeApplyRate: 0.1,
				slowRate: 0.1,
				slowMs: 1,
			};
			const outcomes: Array<number | 'reset'> = [];
			for (let i = 0; i < 60; i++)
				outcomes.push(await outcome('PUT', APPOINTMENT_URL, { title: `t${i}` }));
			const injected = sandbox.requests.map((r) => r.injected ?? '-');
			// every write that got a 200, or was applied before its socket was reset, and only those
			const landed = sandbox.requests
				.filter((r) => r.status === 200 || r.injected === 'reset-after-apply')
				.map((r) => (r.body as { title: string }).title);
			expect(sandbox.stats.applied.map((w) => (w.body as { title: string }).title)).toEqual(landed);
			expect(
				sandbox.stats.applied.every(
					(w) => w.id === SANDBOX_APPOINTMENT_ID && w.kind === 'appointment',
				),
			).toBe(true);
			expect(title()).toBe(landed[landed.length - 1]);
			expect(sandbox.stats.received).toBe(60);
			return {
				outcomes,
				injected,
				stats: structuredClone({
					...sandbox.stats,
					applied: sandbox.stats.applied.length,
					firstAt: undefined,
					lastAt: undefined,
				}),
			};
		};

		const first = await run(42);
		const second = await run(42);
		expect(second).toEqual(first);
		// every kind shows up in 60 draws at these rates (a property of seed 42, checked here)
		expect(new Set(first.injected)).toEqual(
			new Set(['-', '503', '429', 'reset-after-apply', 'reset-before-apply', 'slow']),
		);
		// a burst is burst429Length 429s in a row (bursts may follow each other; the last may be cut off)
		const runs: number[] = [];
		first.injected.forEach((kind, i) => {
			if (kind !== '429') return;
			if (first.injected[i - 1] === '429') runs[runs.length - 1]++;
			else runs.push(1);
		});
		if (first.injected[59] === '429') runs.pop();
		expect(runs.length).toBeGreaterThan(0);
		for (const length of runs) expect(length % 3).toBe(0);
		expect(first.stats.byStatus.reset).toBe(
			(first.stats.injected['reset-after-apply'] ?? 0) +
				(first.stats.injected['reset-before-apply'] ?? 0),
		);

		const other = await run(7);
		expect(other.injected).not.toEqual(first.injected);
	});

	test('a new faults object starts the sequence afresh; resetLimits does too', async () => {
		const sequence = async () => {
			const kinds: Array<FaultKind | undefined> = [];
			for (let i = 0; i < 20; i++) {
				await outcome('GET', APPOINTMENT_URL);
				kinds.push(sandbox.requests[sandbox.requests.length - 1].injected);
			}
			return kinds;
		};
		sandbox.options.faults = { seed: 3, status503Rate: 0.3 };
		const a = await sequence();
		sandbox.options.faults = { seed: 3, status503Rate: 0.3 };
		expect(await sequence()).toEqual(a);
		sandbox.resetLimits();
		expect(await sequence()).toEqual(a);
		expect(a).toContain('503');
	});
});

describe('stats', () => {
	test('applied lists exactly the writes that changed the store, in order', async () => {
		const apt = await exchange('POST', APPOINTMENTS, newAppointment({ title: 'A' }));
		await exchange('PUT', `${APPOINTMENTS}/${apt.body.id}`, { title: 'A2' });
		const slot = await exchange('POST', BLOCK_SLOTS, {
			locationId: SANDBOX_LOCATION_ID,
			calendarId: SANDBOX_CALENDAR_ID,
			startTime: '2030-05-01T10:00:00Z',
			endTime: '2030-05-01T11:00:00Z',
		});
		await exchange(
			'PUT',
			`${BLOCK_SLOTS}/${slot.body.id}`,
			blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID, title: 'S2' }),
		);
		await exchange('DELETE', `/calendars/events/${apt.body.id}`, {});
		await exchange('DELETE', `/calendars/events/${slot.body.id}`, {});
		// none of these change anything
		await exchange('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`);
		await exchange('PUT', `${APPOINTMENTS}/apt_missing`, { title: 'x' }); // 404
		await exchange('POST', APPOINTMENTS, newAppointment({ startTime: '2030-01-14T09:15:00Z' })); // 400 slot taken
		await exchange('POST', APPOINTMENTS, newAppointment({ titel: 'x' })); // 422
		await exchange('DELETE', `/calendars/events/${slot.body.id}`, {}); // 404: already gone

		const writes = sandbox.stats.applied.map(({ method, path: p, kind, id }) => [
			method,
			p,
			kind,
			id,
		]);
		expect(writes).toEqual([
			['POST', APPOINTMENTS, 'appointment', apt.body.id],
			['PUT', `${APPOINTMENTS}/${apt.body.id}`, 'appointment', apt.body.id],
			['POST', BLOCK_SLOTS, 'blockSlot', slot.body.id],
			['PUT', `${BLOCK_SLOTS}/${slot.body.id}`, 'blockSlot', slot.body.id],
			['DELETE', `/calendars/events/${apt.body.id}`, 'appointment', apt.body.id],
			['DELETE', `/calendars/events/${slot.body.id}`, 'blockSlot', slot.body.id],
		]);
		expect(sandbox.stats.applied[1].body).toEqual({ title: 'A2' });
		const at = sandbox.stats.applied.map((w) => w.at);
		expect([...at].sort((x, y) => x - y)).toEqual(at);
		expect(sandbox.stats).toMatchObject({
			received: 11,
			byStatus: { 200: 3, 201: 4, 400: 1, 404: 2, 422: 1 },
		});
	});

	test('resetStats keeps the store; record false keeps requests empty while stats still count', async () => {
		await exchange('PUT', APPOINTMENT_URL, { title: 'kept' });
		sandbox.resetStats();
		expect(sandbox.stats).toEqual({
			received: 0,
			byStatus: {},
			rateLimited: 0,
			injected: {},
			applied: [],
		});
		expect(sandbox.requests).toEqual([]);
		expect(title()).toBe('kept');
		// the rate-limit window is not stats: it still holds the first request
		expect((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-remaining']).toBe('98');

		sandbox.options.record = false;
		await exchange('PUT', APPOINTMENT_URL, { title: 'unrecorded' });
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.stats).toMatchObject({
			received: 2,
			byStatus: { 200: 2 },
			applied: [{ body: { title: 'unrecorded' } }],
		});

		sandbox.reset();
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats.received).toBe(0);
		expect((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-remaining']).toBe('99');
	});
});
