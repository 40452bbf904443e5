// Service Booking (Calendars API v3): every operation in n8n's engine against the sandbox, with the
// exact requests HighLevel receives (Version v3, the query flags), the outputs, bad input refused
// before any request, Continue On Fail, scopes and the booking picker.
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { SIMPLIFIED_SERVICE_BOOKING_FIELDS } from '../../nodes/HighLevelCalendar/helpers/simplify';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	ALL_SCOPES,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import {
	SANDBOX_SERVICE_2_ID,
	SANDBOX_SERVICE_BOOKING_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_SERVICE_LOCATION_ID,
} from '../sandbox/seedIds';
import { byId, sandbox, useSandbox } from './testing';

const READ_ONLY_TOKEN = 'pit-events-readonly-4242';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[READ_ONLY_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ALL_SCOPES.filter((scope) => scope !== 'calendars/events.write'),
		},
	},
});

const resource = { resource: 'serviceBooking' };
const BOOKINGS = '/calendars/services/bookings';
const SEEDED_PATH = `${BOOKINGS}/${SANDBOX_SERVICE_BOOKING_ID}`;
const user = (id: string) => ({ __rl: true, mode: 'list', value: id });

const create = (extra: Record<string, unknown> = {}) => ({
	...resource,
	operation: 'create',
	contactId: byId(SANDBOX_CONTACT_ID),
	startTime: '2030-01-18T10:00:00',
	endTime: '2030-01-18T11:00:00',
	services: { service: [{ id: SANDBOX_SERVICE_ID, staffId: user(SANDBOX_USER_ID), addOns: '' }] },
	...extra,
});

describe('Service Booking: Create', () => {
	it('books with Version v3, times and the booking zone from the Time Zone option, the query flags', async () => {
		const { items, error } = await runHighLevel(
			sandbox,
			create({
				serviceBookingAdditionalFields: {
					serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
					title: 'Casey - Haircut',
					meetingLocation: 'Front desk',
					status: 'New',
				},
				options: {
					timeZone: 'America/New_York',
					overrideAvailability: true,
					skipSchedulingNotice: false,
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: BOOKINGS,
			query: { overrideAvailability: 'true', skipSchedulingNotice: 'false' },
			status: 201,
		});
		expect(request.headers.version).toBe('v3');
		expect(request.body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2030-01-18T10:00:00-05:00',
			endTime: '2030-01-18T11:00:00-05:00',
			timezone: 'America/New_York',
			services: [{ id: SANDBOX_SERVICE_ID, staffId: SANDBOX_USER_ID, position: 0 }],
			serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
			title: 'Casey - Haircut',
			meetingLocation: 'Front desk',
			status: 'new',
		});
		expect(items.map((item) => item.json)).toEqual([request.response]);
		expect(items[0].json).toMatchObject({
			contactId: SANDBOX_CONTACT_ID,
			status: 'new',
			startTime: '2030-01-18T10:00:00-05:00',
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'serviceBooking', id: items[0].json.bookingId }),
		]);
	});

	it("without a booking zone or Time Zone option, the workflow's zone is the booking's", async () => {
		const { error } = await runHighLevel(sandbox, create(), { timezone: 'Europe/Berlin' });
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].query).toEqual({});
		expect(sandbox.requests[0].body).toMatchObject({
			startTime: '2030-01-18T10:00:00+01:00',
			timezone: 'Europe/Berlin',
		});
	});

	it('a contact By Email is looked up, once the input is known to be good', async () => {
		const email = sandbox.store.contacts.get(SANDBOX_CONTACT_ID)!.email;
		const { error } = await runHighLevel(
			sandbox,
			create({ contactId: { __rl: true, mode: 'email', value: email } }),
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /contacts/search',
			`POST ${BOOKINGS}`,
		]);
		expect(sandbox.requests[1].body).toMatchObject({ contactId: SANDBOX_CONTACT_ID });
	});

	it('refuses bad input before any request; with Continue On Fail the other items run', async () => {
		const { items } = await runHighLevel(
			sandbox,
			create({
				endTime: '={{ $json.end }}',
				services: {
					service: [{ id: '={{ $json.service }}', staffId: user(''), addOns: '' }],
				},
				serviceBookingAdditionalFields: { status: '={{ $json.status }}' },
				options: { timeZone: 'America/New_York' },
			}),
			{
				continueOnFail: true,
				items: [
					{ end: '2030-01-18T09:00:00', service: SANDBOX_SERVICE_ID, status: 'confirmed' },
					{ end: '2030-01-18T11:00:00', service: '', status: 'confirmed' },
					{ end: '2030-01-18T11:00:00', service: SANDBOX_SERVICE_ID, status: 'Showed' },
					{ end: '2030-01-18T11:00:00', service: SANDBOX_SERVICE_ID, status: 'CONFIRMED' },
				],
			},
		);
		expect(items[0].json.error).toBe(
			'End Time (endTime) "2030-01-18T09:00:00-05:00" is not after Start Time (startTime). Set an End Time after Start Time (2030-01-18T10:00:00-05:00).',
		);
		expect(items[1].json.error).toBe(
			'Services "" has a service without a Service ID (service 1). Add each service booked under Services, with its Service ID (from Service: Get Many).',
		);
		expect(items[2].json.error).toBe(
			'Additional Fields > Status "Showed" is not an allowed value. Use one of: confirmed, new.',
		);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toMatchObject({ status: 'confirmed' });
		expect(items[3].json).toMatchObject({ status: 'confirmed' });
	});

	it('refuses an empty Services list before any request', async () => {
		const { error } = await runHighLevel(sandbox, create({ services: {} }));
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe(
			'Services {} is empty. Add each service booked under Services, with its Service ID (from Service: Get Many).',
		);
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');
	});

	it("answers HighLevel's refusal (a staff member already booked) as the item's error", async () => {
		const { error } = await runHighLevel(
			sandbox,
			create({
				startTime: '2030-01-17T10:00:00-05:00',
				endTime: '2030-01-17T10:30:00-05:00',
			}),
		);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].status).toBe(400);
		expect(error?.message).toContain('The slot you have selected is no longer available');
	});

	it('names the write scope a token lacks', async () => {
		const { error } = await runHighLevel(sandbox, create(), {
			credentials: sandboxCredentials(sandbox, { accessToken: READ_ONLY_TOKEN }),
		});
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars/events.write');
	});
});

describe('Service Booking: Get', () => {
	it('gets the booking by ID, whole or simplified', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			bookingId: byId(SANDBOX_SERVICE_BOOKING_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: SEEDED_PATH,
			query: {},
			status: 200,
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([sandbox.requests[0].response]);
		expect(items[0].json).toMatchObject({ createdBy: expect.any(Object), deleted: false });

		const simplified = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			bookingId: byId(SANDBOX_SERVICE_BOOKING_ID),
			simplify: true,
		});
		expect(Object.keys(simplified.items[0].json).sort()).toEqual(
			SIMPLIFIED_SERVICE_BOOKING_FIELDS.filter((field) => field !== 'meetingLocation').sort(),
		);
	});

	it('names an unknown booking', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			bookingId: byId('svb_nope'),
		});
		expect(error?.message).toBe(
			'HighLevel found no service booking with bookingId "svb_nope" (404)',
		);
	});

	it('a status HighLevel adds later does not break Get or Simplify', async () => {
		sandbox.store.serviceBookings.get(SANDBOX_SERVICE_BOOKING_ID)!.status = 'rescheduled';
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			bookingId: byId(SANDBOX_SERVICE_BOOKING_ID),
			simplify: true,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('rescheduled');
	});
});

describe('Service Booking: Get Many', () => {
	const window = {
		startTime: '2030-01-17T00:00:00',
		endTime: '2030-01-18T00:00:00',
		options: { timeZone: 'America/New_York' },
	};

	/** Adds bookings on 2030-01-17 at 11:00, 11:30, ... New York time, for `contactId`. */
	function addBookings(count: number, contactId = SANDBOX_CONTACT_ID) {
		const seeded = sandbox.store.serviceBookings.get(SANDBOX_SERVICE_BOOKING_ID)!;
		for (let i = 0; i < count; i++) {
			const start = Date.parse('2030-01-17T16:00:00Z') + i * 30 * 60000;
			const startTime = new Date(start).toISOString().replace('.000Z', 'Z');
			const endTime = new Date(start + 30 * 60000).toISOString().replace('.000Z', 'Z');
			const id = `svb_extra_${i}`;
			sandbox.store.serviceBookings.set(id, { ...seeded, id, contactId, startTime, endTime });
		}
	}

	it('sends the window in milliseconds with the reading zone; one item per booking, simplified', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			...window,
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: BOOKINGS,
			query: {
				locationId: SANDBOX_LOCATION_ID,
				startTime: String(Date.parse('2030-01-17T05:00:00Z')),
				endTime: String(Date.parse('2030-01-18T05:00:00Z')),
				timezone: 'America/New_York',
			},
			status: 200,
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([
			{
				bookingId: SANDBOX_SERVICE_BOOKING_ID,
				title: 'Casey Contact - Haircut',
				status: 'confirmed',
				startTime: '2030-01-17T10:00:00-05:00',
				endTime: '2030-01-17T10:30:00-05:00',
				timezone: 'America/New_York',
				contactId: SANDBOX_CONTACT_ID,
				serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
				services: [expect.objectContaining({ id: SANDBOX_SERVICE_ID })],
			},
		]);
	});

	it('Limit cuts the whole list HighLevel answers; Return All keeps it', async () => {
		addBookings(5);
		const limited = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			...window,
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
		const all = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			...window,
			returnAll: true,
			simplify: false,
		});
		expect(all.items).toHaveLength(6);
		expect(all.items[0].json).toHaveProperty('createdBy');
		expect(sandbox.requests).toHaveLength(2);
	});

	it('Filter By: Contact keeps one contact’s bookings; Service Location is sent', async () => {
		addBookings(2, 'con_someone_else');
		const { items } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			...window,
			filterBy: 'contactInWindow',
			contactId: byId(SANDBOX_CONTACT_ID),
			options: { ...window.options, serviceLocationId: SANDBOX_SERVICE_LOCATION_ID },
		});
		expect(sandbox.requests[0].query).toMatchObject({
			serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
		});
		expect(sandbox.requests[0].query).not.toHaveProperty('contactId');
		expect((sandbox.requests[0].response as { bookings: unknown[] }).bookings).toHaveLength(3);
		expect(items.map((item) => item.json.bookingId)).toEqual([SANDBOX_SERVICE_BOOKING_ID]);
	});

	it('refuses a window that ends before it starts, before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			...window,
			endTime: '2030-01-16T00:00:00',
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain('End Time (endTime) "2030-01-16T00:00:00-05:00" is not after');
	});
});

describe('Service Booking: Update', () => {
	it('sends only what is set; services replace; the status is matched from an expression', async () => {
		const { items, error } = await runHighLevel(
			sandbox,
			{
				...resource,
				operation: 'update',
				bookingId: byId(SANDBOX_SERVICE_BOOKING_ID),
				services: {
					service: [{ id: SANDBOX_SERVICE_2_ID, staffId: user(SANDBOX_USER_2_ID), addOns: 'a1' }],
				},
				serviceBookingUpdateFields: {
					status: '={{ $json.status }}',
					startTime: '2030-01-17T11:00:00',
					endTime: '2030-01-17T12:00:00',
				},
				options: { timeZone: 'America/New_York', overrideAvailability: true },
			},
			{ items: [{ status: 'NO_SHOW' }] },
		);
		expect(error).toBeUndefined();
		const [request] = sandbox.requests;
		expect(request).toMatchObject({
			method: 'PUT',
			path: SEEDED_PATH,
			query: { overrideAvailability: 'true' },
			status: 200,
		});
		expect(request.headers.version).toBe('v3');
		expect(request.body).toEqual({
			status: 'no_show',
			startTime: '2030-01-17T11:00:00-05:00',
			endTime: '2030-01-17T12:00:00-05:00',
			services: [
				{
					id: SANDBOX_SERVICE_2_ID,
					staffId: SANDBOX_USER_2_ID,
					position: 0,
					addOns: [{ id: 'a1' }],
				},
			],
		});
		expect(items.map((item) => item.json)).toEqual([request.response]);
		expect(sandbox.store.serviceBookings.get(SANDBOX_SERVICE_BOOKING_ID)).toMatchObject({
			status: 'no_show',
			services: [expect.objectContaining({ id: SANDBOX_SERVICE_2_ID })],
		});
	});

	it.each([
		['No Show', undefined],
		[
			'noshw',
			'Update Fields > Status "noshw" is not an allowed value. Did you mean no_show? Use one of: confirmed, cancelled, invalid, new, showed, no_show.',
		],
	])('status %s from an expression', async (status, message) => {
		const { error } = await runHighLevel(
			sandbox,
			{
				...resource,
				operation: 'update',
				bookingId: byId(SANDBOX_SERVICE_BOOKING_ID),
				serviceBookingUpdateFields: { status: '={{ $json.status }}' },
			},
			{ items: [{ status }] },
		);
		expect(error?.message).toBe(message);
		if (message) expect(sandbox.requests).toHaveLength(0);
		else expect(sandbox.requests[0].body).toEqual({ status: 'no_show' });
	});

	it('refuses an update with nothing to change before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'update',
			bookingId: byId(SANDBOX_SERVICE_BOOKING_ID),
			serviceBookingUpdateFields: {},
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe(
			"Update Fields (serviceBookingUpdateFields) (not set) is empty. Add at least one field to Update Fields, or the services that replace the booking's.",
		);
	});
});

describe('Service Booking: Delete', () => {
	it('deletes and outputs { id, deleted: true }', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'delete',
			bookingId: byId(SANDBOX_SERVICE_BOOKING_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: SEEDED_PATH,
			status: 200,
			response: { success: true, message: 'Service booking deleted successfully' },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([
			{ id: SANDBOX_SERVICE_BOOKING_ID, deleted: true },
		]);
		expect(sandbox.store.serviceBookings.has(SANDBOX_SERVICE_BOOKING_ID)).toBe(false);
	});

	it('names the write scope a token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...resource, operation: 'delete', bookingId: byId(SANDBOX_SERVICE_BOOKING_ID) },
			{ credentials: sandboxCredentials(sandbox, { accessToken: READ_ONLY_TOKEN }) },
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars/events.write');
	});
});

describe('Service Booking: picker', () => {
	it('lists the bookings of the coming 30 days, filtered by title', async () => {
		const seeded = sandbox.store.serviceBookings.get(SANDBOX_SERVICE_BOOKING_ID)!;
		const soon = Date.now() + 2 * 24 * 60 * 60 * 1000;
		sandbox.store.serviceBookings.set('svb_soon', {
			...seeded,
			id: 'svb_soon',
			title: 'Soon - Colour',
			startTime: new Date(soon).toISOString().replace(/\.\d+Z$/, 'Z'),
			endTime: new Date(soon + 30 * 60000).toISOString().replace(/\.\d+Z$/, 'Z'),
		});
		const search = (filter?: string) =>
			runListSearch({
				nodeType: new HighLevelCalendar(),
				credentialType: new HighLevelCalendarApi(),
				credentials: sandboxCredentials(sandbox),
				method: 'searchServiceBookings',
				parameters: { ...resource, operation: 'get' } as never,
				filter,
			});
		const found = await search();
		expect(found.results).toEqual([
			{
				name: expect.stringMatching(/^Soon - Colour \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}\)$/),
				value: 'svb_soon',
			},
		]);
		const [request] = sandbox.requests;
		expect(request.headers.version).toBe('v3');
		expect(Number(request.query.endTime) - Number(request.query.startTime)).toBe(
			30 * 24 * 60 * 60 * 1000,
		);
		expect((await search('haircut')).results).toEqual([]);
	});
});
