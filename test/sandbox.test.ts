// Tests of the HighLevel sandbox itself, over real HTTP with Node's fetch.
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import {
	CALENDAR_SCOPES,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_ID,
	startSandbox,
	type Sandbox,
} from './sandbox';

const VERSION = '2021-04-15';
const READONLY_TOKEN = 'pit-readonly';
const OTHER_LOCATION_TOKEN = 'pit-other-location';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({
		tokens: {
			[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: CALENDAR_SCOPES },
			[READONLY_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ['calendars/events.readonly'] },
			[OTHER_LOCATION_TOKEN]: { locationId: 'loc_other', scopes: CALENDAR_SCOPES },
		},
	});
});
afterAll(() => sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.options.getAppointmentEnvelope = 'event';
	sandbox.options.responseStyle = 'spec';
});

interface CallOptions {
	token?: string | null;
	version?: string | null;
}

async function call(method: string, urlPath: string, body?: unknown, opts: CallOptions = {}) {
	const headers: Record<string, string> = {};
	const token = opts.token === undefined ? SANDBOX_TOKEN : opts.token;
	const version = opts.version === undefined ? VERSION : opts.version;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	if (version !== null) headers.Version = version;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(sandbox.baseUrl + urlPath, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const newAppointment = (extra: Record<string, unknown> = {}) => ({
	calendarId: SANDBOX_CALENDAR_ID,
	locationId: SANDBOX_LOCATION_ID,
	contactId: SANDBOX_CONTACT_ID,
	startTime: '2030-03-04T15:00:00+05:30',
	...extra,
});

const blockSlotUpdate = (extra: Record<string, unknown> = {}) => ({ locationId: SANDBOX_LOCATION_ID, ...extra });

const APPOINTMENTS = '/calendars/events/appointments';
const BLOCK_SLOTS = '/calendars/events/block-slots';

describe('auth and headers', () => {
	test('an unknown or missing token is 401 Invalid token, and the request is recorded', async () => {
		const expected = { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' };
		expect(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: 'nope' })).toEqual({
			status: 401,
			body: expected,
		});
		expect((await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: null })).body).toEqual(expected);

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
		expect(await call('PUT', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, { title: 'x' }, { token: READONLY_TOKEN })).toEqual({
			status: 401,
			body: { statusCode: 401, message: 'This authClass type is not allowed to access this scope', error: 'Unauthorized' },
		});
		// the same token holds calendars/events.readonly, which is what GET needs
		expect((await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: READONLY_TOKEN })).status).toBe(200);
	});

	test('a wrong or missing Version header is 400 naming the expected version', async () => {
		for (const version of ['2021-07-28', null]) {
			const res = await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { version });
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
			expect(res.body.calendars.map((c: { id: string }) => c.id)).toEqual([SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID]);
		}
		expect((await call('GET', '/calendars/')).body).toEqual({
			statusCode: 422,
			message: ['locationId should not be empty'],
			error: 'Unprocessable Entity',
		});
	});

	test('an encoded slash stays inside its path parameter', async () => {
		// Decoding before splitting would turn this into GET /calendars/appointments/{id}/notes.
		const res = await call('GET', `/calendars/appointments/${SANDBOX_APPOINTMENT_ID}%2Fnotes?limit=10&offset=0`);
		expect(res.status).toBe(404);
		expect(res.body.message).toBe(`Cannot GET /calendars/appointments/${SANDBOX_APPOINTMENT_ID}%2Fnotes?limit=10&offset=0`);

		// ...and the parameter is decoded once matched.
		const seeded = sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!;
		sandbox.store.appointments.set('odd/id', { ...seeded, id: 'odd/id' });
		expect((await call('GET', `${APPOINTMENTS}/odd%2Fid`)).body.event.id).toBe('odd/id');
		expect(sandbox.requests[sandbox.requests.length - 1].path).toBe(`${APPOINTMENTS}/odd%2Fid`);
	});

	test('spec paths the sandbox does not model answer 501 after validation', async () => {
		expect((await call('DELETE', '/calendars/events/abc', { x: 1 })).status).toBe(422);
		expect(await call('DELETE', '/calendars/events/abc', {})).toEqual({
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
			body: { statusCode: 422, message: expect.arrayContaining(messages), error: 'Unprocessable Entity' },
		});
		expect(sandbox.store.appointments.size).toBe(1); // nothing was created
	};

	test('unknown (misspelt) fields and wrong types are rejected, naming the field', async () => {
		await expect422('POST', APPOINTMENTS, newAppointment({ titel: 'Intro', toNotify: 'false' }), [
			'property titel should not exist',
			'toNotify must be a boolean value',
		]);
		await expect422('POST', APPOINTMENTS, { locationId: SANDBOX_LOCATION_ID }, ['calendarId should not be empty']);
	});

	test('enums are enforced', async () => {
		await expect422('POST', APPOINTMENTS, newAppointment({ appointmentStatus: 'booked' }), [
			'appointmentStatus must be one of the following values: new, confirmed, cancelled, showed, noshow, invalid',
		]);
	});

	test('times must be ISO 8601 with an offset, and end after start', async () => {
		for (const startTime of ['2030-03-04T15:00:00', '2030-03-04 15:00:00Z', '2030-02-30T15:00:00Z', '1893456000000']) {
			const res = await call('POST', APPOINTMENTS, newAppointment({ startTime }));
			expect(res.status).toBe(422);
			expect(res.body.message).toEqual([expect.stringMatching(/^startTime must be a valid ISO 8601/)]);
		}
		await expect422('POST', APPOINTMENTS, newAppointment({ endTime: '2030-03-04T15:00:00+05:30' }), [
			'endTime must be after startTime',
		]);
	});

	test('a block slot takes exactly one of calendarId and assignedUserId, and needs locationId', async () => {
		const url = `${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`;
		const both = await call('PUT', url, blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID, assignedUserId: SANDBOX_USER_ID }));
		expect(both).toEqual({
			status: 422,
			body: { statusCode: 422, message: ['Either calendarId or assignedUserId can be set, not both'], error: 'Unprocessable Entity' },
		});
		expect((await call('PUT', url, blockSlotUpdate({ title: 'x' }))).body.message).toEqual([
			'Either calendarId or assignedUserId must be set',
		]);
		expect((await call('PUT', url, { calendarId: SANDBOX_CALENDAR_ID })).body.message).toEqual(['locationId should not be empty']);
	});

	test('a locationId other than the token\'s is 403', async () => {
		const forbidden = { status: 403, body: { statusCode: 403, message: 'The token does not have access to this location' } };
		expect(await call('POST', APPOINTMENTS, newAppointment({ locationId: 'loc_other' }))).toEqual(forbidden);
		expect(await call('GET', '/calendars/?locationId=loc_other')).toEqual(forbidden);
		// records of another location are refused too
		expect(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: OTHER_LOCATION_TOKEN })).toEqual(
			forbidden,
		);
	});
});

describe('appointments', () => {
	test('create, get, then a partial update that changes only the fields sent', async () => {
		const created = await call('POST', APPOINTMENTS, newAppointment({ title: 'Intro call', toNotify: false }));
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

		const updated = await call('PUT', `${APPOINTMENTS}/${id}`, { title: 'Renamed', toNotify: false });
		expect(updated).toEqual({ status: 200, body: { ...created.body, title: 'Renamed' } });
		expect(sandbox.store.appointments.get(id)).toMatchObject({ title: 'Renamed', startTime: '2030-03-04T15:00:00+05:30' });
	});

	test('an overlapping slot is refused unless ignoreFreeSlotValidation, which alone lets rrule through', async () => {
		// the seeded appointment is 10:00-10:30 +01:00 on the first calendar
		const overlap = newAppointment({ startTime: '2030-01-14T09:15:00Z' });
		expect(await call('POST', APPOINTMENTS, overlap)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'The slot you have selected is no longer available.' },
		});
		expect((await call('POST', APPOINTMENTS, { ...overlap, calendarId: SANDBOX_CALENDAR_2_ID })).status).toBe(200);

		const rrule = 'RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5';
		const forced = await call('POST', APPOINTMENTS, { ...overlap, rrule, ignoreFreeSlotValidation: true });
		expect(forced.body).toMatchObject({ isRecurring: true, rrule });

		const ignored = await call('POST', APPOINTMENTS, newAppointment({ rrule }));
		expect(ignored.body.isRecurring).toBe(false);
		expect(ignored.body).not.toHaveProperty('rrule');
	});

	test('unknown calendar or contact is 400; unknown appointment is 404', async () => {
		const calendar = await call('POST', APPOINTMENTS, newAppointment({ calendarId: 'cal_missing' }));
		expect(calendar).toEqual({ status: 400, body: { statusCode: 400, message: expect.stringContaining('cal_missing') } });
		expect((await call('POST', APPOINTMENTS, newAppointment({ contactId: 'con_missing' }))).status).toBe(400);

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
		expect(res.body.appointment).toMatchObject({ id: SANDBOX_APPOINTMENT_ID, deleted: true, startTime: '2030-01-14T10:00:00+01:00' });
	});

	test('live response style for create and update', async () => {
		sandbox.options.responseStyle = 'live';
		const created = await call('POST', APPOINTMENTS, newAppointment({ appointmentStatus: 'new' }));
		const updated = await call('PUT', `${APPOINTMENTS}/${created.body.id}`, { appointmentStatus: 'showed' });
		for (const [res, status] of [[created, 'new'], [updated, 'showed']] as const) {
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
		expect(sandbox.store.appointments.get(created.body.id)!.endTime).toBe('2030-03-04T15:30:00+05:30');
	});

	test('spec-style responses conform to the spec\'s response schemas', async () => {
		const ajv = new Ajv({ strict: false, allErrors: true });
		const base = 'https://sandbox.invalid/apps/calendars.json';
		const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'sandbox/spec/apps/calendars.json'), 'utf8'));
		ajv.addSchema({ ...spec, $id: base });
		const validate = (schema: string, data: unknown) => {
			const ok = ajv.validate({ $ref: `${base}#/components/schemas/${schema}` }, data);
			expect(ajv.errors ?? []).toEqual([]);
			expect(ok).toBe(true);
		};
		validate('AppointmentSchemaResponse', (await call('POST', APPOINTMENTS, newAppointment())).body);
		validate('CalendarsGetSuccessfulResponseDTO', (await call('GET', `/calendars/?locationId=${SANDBOX_LOCATION_ID}`)).body);
	});
});

describe('block slots', () => {
	test('update answers 201 with the flat block slot; setting one target clears the other', async () => {
		const url = `${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`;
		const toUser = await call('PUT', url, blockSlotUpdate({ assignedUserId: SANDBOX_USER_ID, title: 'Dentist' }));
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
			blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_2_ID, startTime: '2030-01-14T11:00:00Z', endTime: '2030-01-14T12:00:00Z' }),
		);
		const { assignedUserId: _dropped, ...unchanged } = toUser.body;
		expect(toCalendar).toEqual({
			status: 201,
			body: { ...unchanged, calendarId: SANDBOX_CALENDAR_2_ID, startTime: '2030-01-14T11:00:00Z', endTime: '2030-01-14T12:00:00Z' },
		});
		expect(sandbox.store.blockSlots.get(SANDBOX_BLOCK_SLOT_ID)).not.toHaveProperty('assignedUserId');
	});

	test('unknown id, or an appointment id, is 404 Block slot not found', async () => {
		const notFound = { status: 404, body: { statusCode: 404, message: 'Block slot not found' } };
		const body = blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID });
		expect(await call('PUT', `${BLOCK_SLOTS}/blk_missing`, body)).toEqual(notFound);
		expect(await call('PUT', `${BLOCK_SLOTS}/${SANDBOX_APPOINTMENT_ID}`, body)).toEqual(notFound);
	});
});
