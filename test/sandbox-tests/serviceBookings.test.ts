// The HighLevel sandbox itself, over real HTTP: service bookings (Calendars API v3 only).
import {
	OTHER_LOCATION_TOKEN,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
	VERSION_2021_04_15,
	call,
	conforms,
	ms,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';
import { SANDBOX_SERVICE_CATEGORY_ID } from '../sandbox/serviceMenu';
import {
	SANDBOX_SERVICE_2_ID,
	SANDBOX_SERVICE_BOOKING_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_SERVICE_LOCATION_ID,
} from '../sandbox/seedIds';

useSandbox();

const BOOKINGS = '/calendars/services/bookings';
const SEEDED = `${BOOKINGS}/${SANDBOX_SERVICE_BOOKING_ID}`;
const window = (start: string, end: string, extra = '') =>
	`${BOOKINGS}?locationId=${SANDBOX_LOCATION_ID}&startTime=${ms(start)}&endTime=${ms(end)}${extra}`;
const newBooking = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	contactId: SANDBOX_CONTACT_ID,
	startTime: '2030-01-18T15:00:00Z',
	endTime: '2030-01-18T16:00:00Z',
	timezone: 'America/New_York',
	services: [{ id: SANDBOX_SERVICE_ID, staffId: SANDBOX_USER_ID }],
	...extra,
});

const seeded = {
	bookingId: SANDBOX_SERVICE_BOOKING_ID,
	locationId: SANDBOX_LOCATION_ID,
	contactId: SANDBOX_CONTACT_ID,
	serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
	title: 'Casey Contact - Haircut',
	startTime: '2030-01-17T10:00:00-05:00',
	endTime: '2030-01-17T10:30:00-05:00',
	services: [
		{
			id: SANDBOX_SERVICE_ID,
			serviceCategoryId: SANDBOX_SERVICE_CATEGORY_ID,
			serviceStaffId: SANDBOX_USER_ID,
			serviceStartTime: '2030-01-17T10:00:00-05:00',
			serviceEndTime: '2030-01-17T10:30:00-05:00',
		},
	],
	timezone: 'America/New_York',
	status: 'confirmed',
	deleted: false,
	dateAdded: '2029-12-01T09:00:00.000Z',
	dateUpdated: '2029-12-01T09:00:00.000Z',
	createdBy: { userId: SANDBOX_USER_ID, source: 'third_party' },
};

describe('the seed', () => {
	test('one booking, three days after the seeded appointments, in the location time zone', () => {
		expect([...sandbox.store.serviceBookings.keys()]).toEqual([SANDBOX_SERVICE_BOOKING_ID]);
	});
});

describe('Version', () => {
	test('v3 only: the 2021-04-15 Version is refused before any handler runs', async () => {
		const res = await call('GET', SEEDED, undefined, { version: VERSION_2021_04_15 });
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(res.status).toBeLessThan(500);
	});
});

describe('list', () => {
	test('ServiceBookingsListResponseDTO with the bookings overlapping the window', async () => {
		const res = await call('GET', window('2030-01-17T15:15:00Z', '2030-01-17T15:20:00Z'));
		expect(res).toEqual({ status: 200, body: { bookings: [seeded] } });
		conforms('calendars-v3', 'ServiceBookingsListResponseDTO', res.body);
	});

	test('a booking that ends where the window starts, or starts where it ends, is outside', async () => {
		for (const [start, end] of [
			['2030-01-17T15:30:00Z', '2030-01-17T18:00:00Z'],
			['2030-01-17T12:00:00Z', '2030-01-17T15:00:00Z'],
		])
			expect((await call('GET', window(start, end))).body).toEqual({ bookings: [] });
	});

	test('timezone re-renders the times; serviceLocationId filters', async () => {
		const tokyo = await call(
			'GET',
			window('2030-01-17T00:00:00Z', '2030-01-18T00:00:00Z', '&timezone=Asia%2FTokyo'),
		);
		expect(tokyo.body.bookings[0]).toMatchObject({
			startTime: '2030-01-18T00:00:00+09:00',
			timezone: 'America/New_York',
		});
		const other = await call(
			'GET',
			window('2030-01-17T00:00:00Z', '2030-01-18T00:00:00Z', '&serviceLocationId=elsewhere'),
		);
		expect(other.body).toEqual({ bookings: [] });
	});

	test('the window is required and in milliseconds (422); a bad timezone 400', async () => {
		expect(
			(await call('GET', `${BOOKINGS}?locationId=${SANDBOX_LOCATION_ID}&startTime=1`)).status,
		).toBe(422);
		expect(
			await call(
				'GET',
				`${BOOKINGS}?locationId=${SANDBOX_LOCATION_ID}&startTime=2030-01-17&endTime=1`,
			),
		).toEqual(unprocessable(['startTime must be a number string (milliseconds since the epoch)']));
		expect(
			(
				await call(
					'GET',
					window('2030-01-17T00:00:00Z', '2030-01-18T00:00:00Z', '&timezone=Mars%2FBase'),
				)
			).status,
		).toBe(400);
	});
});

describe('get', () => {
	test('ServiceBookingResponseDTO; unknown ids 404, another location 403', async () => {
		const res = await call('GET', SEEDED);
		expect(res).toEqual({ status: 200, body: seeded });
		conforms('calendars-v3', 'ServiceBookingResponseDTO', res.body);
		expect((await call('GET', `${BOOKINGS}/nope`)).status).toBe(404);
		expect((await call('GET', SEEDED, undefined, { token: OTHER_LOCATION_TOKEN })).status).toBe(
			403,
		);
	});
});

describe('create', () => {
	test('201 with CreateOrUpdateServiceBookingResponseDTO, times in the booking zone; recorded', async () => {
		const res = await call(
			'POST',
			`${BOOKINGS}?overrideAvailability=false&skipSchedulingNotice=true`,
			newBooking({ meetingLocation: 'Front desk', status: 'new' }),
		);
		expect(res.status).toBe(201);
		conforms('calendars-v3', 'CreateOrUpdateServiceBookingResponseDTO', res.body);
		expect(res.body).toMatchObject({
			contactId: SANDBOX_CONTACT_ID,
			serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
			title: 'Casey Contact',
			startTime: '2030-01-18T10:00:00-05:00',
			endTime: '2030-01-18T11:00:00-05:00',
			timezone: 'America/New_York',
			status: 'new',
			meetingLocation: 'Front desk',
			deleted: false,
			services: [
				{
					id: SANDBOX_SERVICE_ID,
					serviceCategoryId: SANDBOX_SERVICE_CATEGORY_ID,
					serviceStaffId: SANDBOX_USER_ID,
					serviceStartTime: '2030-01-18T10:00:00-05:00',
					serviceEndTime: '2030-01-18T11:00:00-05:00',
				},
			],
		});
		expect(sandbox.store.serviceBookings.has(res.body.bookingId)).toBe(true);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'POST',
				kind: 'serviceBooking',
				id: res.body.bookingId,
				body: newBooking({ meetingLocation: 'Front desk', status: 'new' }),
			}),
		]);
	});

	test('status defaults to confirmed; services in position order with their add-ons', async () => {
		const res = await call(
			'POST',
			BOOKINGS,
			newBooking({
				services: [
					{ id: SANDBOX_SERVICE_2_ID, position: 1, addOns: [{ id: 'addon1', quantity: 2 }] },
					{ id: SANDBOX_SERVICE_ID, staffId: SANDBOX_USER_2_ID, position: 0 },
				],
			}),
		);
		expect(res.status).toBe(201);
		expect(res.body.status).toBe('confirmed');
		expect(res.body.services.map((s: { id: string }) => s.id)).toEqual([
			SANDBOX_SERVICE_ID,
			SANDBOX_SERVICE_2_ID,
		]);
		expect(res.body.services[1]).toMatchObject({
			serviceStaffId: '',
			serviceAddOns: [{ id: 'addon1', quantity: 2 }],
		});
	});

	test('required fields and the status enum (422); end after start (422)', async () => {
		const { services: _services, timezone: _timezone, ...partial } = newBooking();
		expect((await call('POST', BOOKINGS, partial)).status).toBe(422);
		expect((await call('POST', BOOKINGS, newBooking({ status: 'showed' }))).status).toBe(422);
		expect(await call('POST', BOOKINGS, newBooking({ endTime: '2030-01-18T15:00:00Z' }))).toEqual(
			unprocessable(['endTime must be after startTime']),
		);
		expect(sandbox.stats.applied).toEqual([]);
	});

	test('400: unknown contact, empty services, unknown staff, bad timezone', async () => {
		for (const extra of [
			{ contactId: 'nobody' },
			{ services: [] },
			{ services: [{ id: SANDBOX_SERVICE_ID, staffId: 'ghost' }] },
			{ timezone: 'Mars/Base' },
		]) {
			const res = await call('POST', BOOKINGS, newBooking(extra));
			expect(res.status).toBe(400);
		}
		expect((await call('POST', BOOKINGS, newBooking({ contactId: 'nobody' }))).body).toEqual({
			statusCode: 400,
			message: 'Contact not found: nobody',
		});
		expect(sandbox.stats.applied).toEqual([]);
	});

	test('services are checked against the catalog only when it has entries', async () => {
		expect((await call('POST', BOOKINGS, newBooking({ services: [{ id: 'any' }] }))).status).toBe(
			201,
		);
		sandbox.store.services.set(SANDBOX_SERVICE_ID, {
			id: SANDBOX_SERVICE_ID,
			locationId: SANDBOX_LOCATION_ID,
			categoryId: 'cat_1',
		});
		const unknown = await call(
			'POST',
			BOOKINGS,
			newBooking({
				startTime: '2030-02-01T15:00:00Z',
				endTime: '2030-02-01T16:00:00Z',
				services: [{ id: 'any' }],
			}),
		);
		expect(unknown.body).toEqual({ statusCode: 400, message: 'Service not found: any' });
		const known = await call(
			'POST',
			BOOKINGS,
			newBooking({ startTime: '2030-02-02T15:00:00Z', endTime: '2030-02-02T16:00:00Z' }),
		);
		expect(known.body.services[0].serviceCategoryId).toBe('cat_1');
	});

	test('a staff member in an overlapping booking: 400 unless overrideAvailability', async () => {
		const clash = newBooking({
			startTime: '2030-01-17T15:15:00Z',
			endTime: '2030-01-17T15:45:00Z',
		});
		expect(await call('POST', BOOKINGS, clash)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'The slot you have selected is no longer available' },
		});
		expect((await call('POST', `${BOOKINGS}?overrideAvailability=true`, clash)).status).toBe(201);
	});
});

describe('update', () => {
	test('changes what is sent; services replace the existing ones; recorded', async () => {
		const body = {
			status: 'no_show',
			title: 'Renamed',
			startTime: '2030-01-17T16:00:00Z',
			endTime: '2030-01-17T17:00:00Z',
			services: [{ id: SANDBOX_SERVICE_2_ID, staffId: SANDBOX_USER_2_ID }],
		};
		const res = await call('PUT', SEEDED, body);
		expect(res.status).toBe(200);
		conforms('calendars-v3', 'CreateOrUpdateServiceBookingResponseDTO', res.body);
		expect(res.body).toMatchObject({
			bookingId: SANDBOX_SERVICE_BOOKING_ID,
			status: 'no_show',
			title: 'Renamed',
			startTime: '2030-01-17T11:00:00-05:00',
			endTime: '2030-01-17T12:00:00-05:00',
			services: [
				expect.objectContaining({ id: SANDBOX_SERVICE_2_ID, serviceStaffId: SANDBOX_USER_2_ID }),
			],
		});
		expect(res.body.services).toHaveLength(1);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'PUT',
				kind: 'serviceBooking',
				id: SANDBOX_SERVICE_BOOKING_ID,
				body,
			}),
		]);
	});

	test('a time zone alone re-renders the kept times; services keep theirs, moved with the booking', async () => {
		const res = await call('PUT', SEEDED, { timezone: 'Europe/Paris' });
		expect(res.body).toMatchObject({
			startTime: '2030-01-17T16:00:00+01:00',
			timezone: 'Europe/Paris',
			services: [expect.objectContaining({ id: SANDBOX_SERVICE_ID })],
		});
		const moved = await call('PUT', SEEDED, { endTime: '2030-01-17T16:00:00Z' });
		expect(moved.body.services[0].serviceEndTime).toBe('2030-01-17T17:00:00+01:00');
	});

	test('end not after the kept start: 400; a bad status 422; unknown ids 404', async () => {
		expect((await call('PUT', SEEDED, { endTime: '2030-01-17T15:00:00Z' })).body).toEqual({
			statusCode: 400,
			message: 'endTime must be after startTime',
		});
		expect((await call('PUT', SEEDED, { status: 'noshow' })).status).toBe(422);
		expect((await call('PUT', `${BOOKINGS}/nope`, { title: 'x' })).status).toBe(404);
		expect(sandbox.stats.applied).toEqual([]);
	});
});

describe('delete', () => {
	test('DeleteServiceBookingResponseDTO; the booking is gone; recorded', async () => {
		const res = await call('DELETE', SEEDED);
		expect(res).toEqual({
			status: 200,
			body: { success: true, message: 'Service booking deleted successfully' },
		});
		conforms('calendars-v3', 'DeleteServiceBookingResponseDTO', res.body);
		expect(sandbox.store.serviceBookings.size).toBe(0);
		expect((await call('GET', SEEDED)).status).toBe(404);
		expect((await call('DELETE', SEEDED)).status).toBe(404);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'DELETE',
				kind: 'serviceBooking',
				id: SANDBOX_SERVICE_BOOKING_ID,
			}),
		]);
	});
});
