// The trigger watching service bookings (Trigger On: Service Bookings, Calendars API v3), polled as
// n8n polls it (n8n-core's PollContext, the workflow's static data) against the sandbox while
// bookings change under its feet. The same exactly-once rules as appointments (trigger.test.ts):
// each change fires once, a failed poll stores nothing, a restart starts from the saved state.
// Only Date is faked (jest), so "time passing" is the clock n8n, the node and the sandbox read.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { startHighLevelPoller } from './harness/highLevel';
import { TRIGGER_NAME, type Poller } from './harness/poller';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_LOCATION_TIMEZONE,
	SANDBOX_USER_ID,
} from '../sandbox';
import {
	SANDBOX_SERVICE_BOOKING_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_SERVICE_LOCATION_ID,
} from '../sandbox/seedIds';
import type { ServiceBookingRecord } from '../sandbox/serviceMenu';
import {
	advance,
	byId,
	DAY,
	HOUR,
	iso,
	MINUTE,
	sandbox,
	useSandbox,
	useWeeklyClock,
} from './testing';

useSandbox({ rateLimit: null });

const BOOKINGS_PATH = '/calendars/services/bookings';

useWeeklyClock('2031-03-03T08:00:00Z');

/** A service booking made in HighLevel just now (a booking widget or a user). */
function book(id: string, startMs: number, fields: Partial<ServiceBookingRecord> = {}): void {
	const now = iso(Date.now());
	const startTime = iso(startMs);
	const endTime = iso(startMs + 30 * MINUTE);
	sandbox.store.serviceBookings.set(id, {
		id,
		locationId: SANDBOX_LOCATION_ID,
		contactId: SANDBOX_CONTACT_ID,
		serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
		title: id,
		startTime,
		endTime,
		timezone: SANDBOX_LOCATION_TIMEZONE,
		services: [
			{
				id: SANDBOX_SERVICE_ID,
				serviceCategoryId: 'cat',
				serviceStaffId: SANDBOX_USER_ID,
				serviceStartTime: startTime,
				serviceEndTime: endTime,
			},
		],
		status: 'confirmed',
		deleted: false,
		dateAdded: now,
		dateUpdated: now,
		createdBy: { userId: SANDBOX_USER_ID, source: 'third_party' },
		...fields,
	});
}

/** A change made in HighLevel: dateUpdated moves. */
function change(id: string, fields: Partial<ServiceBookingRecord>): void {
	const booking = sandbox.store.serviceBookings.get(id)!;
	sandbox.store.serviceBookings.set(id, {
		...booking,
		...fields,
		dateUpdated: iso(Date.now()),
	});
}

function trigger(parameters: INodeParameters = {}) {
	return startHighLevelPoller(sandbox, {
		triggerOn: 'serviceBookings',
		bookingEvents: ['serviceBookingBooked'],
		...parameters,
	});
}

const stateOf = (poller: Poller) =>
	((poller.saved()[`node:${TRIGGER_NAME}`] ?? {}) as IDataObject).state as IDataObject | undefined;

const events = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => `${String(item.json.event)} ${String(item.json.bookingId)}`);

const sent = () => sandbox.requests.map((r) => `${r.method} ${r.path}`);

describe('baseline and Service Booking Booked', () => {
	it('records a baseline, then fires each booking once, with one v3 list per poll', async () => {
		book('svb_before', Date.now() + 2 * HOUR);
		const poller = trigger();
		sandbox.resetStats();
		expect(await poller.poll()).toBeNull();
		expect(stateOf(poller)).toMatchObject({
			watchKey: 'serviceBookings:',
			seen: { svb_before: expect.any(Array) },
		});

		advance(MINUTE);
		const start = Math.ceil((Date.now() + 3 * HOUR) / MINUTE) * MINUTE; // answered in whole seconds
		book('svb_new', start);
		sandbox.resetStats();
		const polledAt = Date.now();
		const fired = await poller.poll();
		expect(events(fired)).toEqual(['serviceBookingBooked svb_new']);
		expect(sent()).toEqual([`GET ${BOOKINGS_PATH}`]);
		const [request] = sandbox.requests;
		expect(request.headers.version).toBe('v3');
		// The window in milliseconds: Look Back 24 hours, Look Ahead 30 days, from the poll's start.
		const { startTime, endTime, ...rest } = request.query;
		expect(rest).toEqual({ locationId: SANDBOX_LOCATION_ID });
		expect(Number(endTime) - Number(startTime)).toBe(31 * DAY);
		expect(Number(startTime) + DAY).toBeGreaterThanOrEqual(polledAt);
		expect(Number(startTime) + DAY).toBeLessThanOrEqual(Date.now());
		// Simplify is on by default: the booking's own fields, not createdBy.
		expect(fired![0].json).toMatchObject({
			event: 'serviceBookingBooked',
			bookingId: 'svb_new',
			status: 'confirmed',
			serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			services: [expect.objectContaining({ id: SANDBOX_SERVICE_ID })],
		});
		expect(Date.parse(String(fired![0].json.startTime))).toBe(start);
		expect(fired![0].json.createdBy).toBeUndefined();

		sandbox.resetStats();
		expect(await poller.poll()).toBeNull();
		expect(sent()).toEqual([`GET ${BOOKINGS_PATH}`]);
	});

	it('does not fire again after n8n restarts from the static data it saved', async () => {
		const poller = trigger();
		await poller.poll();
		book('svb_once', Date.now() + HOUR);
		expect(events(await poller.poll())).toEqual(['serviceBookingBooked svb_once']);
		poller.restart();
		expect(await poller.poll()).toBeNull();
	});

	it('Simplify off: HighLevel’s whole booking', async () => {
		const poller = trigger({ simplify: false });
		await poller.poll();
		book('svb_full', Date.now() + HOUR);
		const [item] = (await poller.poll())!;
		expect(item.json).toMatchObject({
			event: 'serviceBookingBooked',
			bookingId: 'svb_full',
			createdBy: { source: 'third_party' },
			deleted: false,
		});
	});
});

describe('changes', () => {
	const all = [
		'serviceBookingUpdated',
		'serviceBookingRescheduled',
		'serviceBookingStatusChanged',
		'serviceBookingCancelled',
		'serviceBookingDeleted',
	];

	it('a move fires Updated and Rescheduled, with the previous times', async () => {
		const start = Date.now() + 2 * HOUR;
		book('svb_move', start);
		const poller = trigger({ bookingEvents: all });
		await poller.poll();
		advance(MINUTE);
		change('svb_move', { startTime: iso(start + HOUR), endTime: iso(start + HOUR + 30 * MINUTE) });
		const fired = await poller.poll();
		expect(events(fired)).toEqual([
			'serviceBookingUpdated svb_move',
			'serviceBookingRescheduled svb_move',
		]);
		expect(fired![1].json.previous).toEqual({
			startTime: iso(start),
			endTime: iso(start + 30 * MINUTE),
			status: 'confirmed',
		});
		expect(await poller.poll()).toBeNull();
	});

	it('a cancellation fires Status Changed and Cancelled once, with the previous status', async () => {
		book('svb_cancel', Date.now() + HOUR);
		const poller = trigger({
			bookingEvents: ['serviceBookingStatusChanged', 'serviceBookingCancelled'],
		});
		await poller.poll();
		change('svb_cancel', { status: 'cancelled' });
		const fired = await poller.poll();
		expect(events(fired)).toEqual([
			'serviceBookingStatusChanged svb_cancel',
			'serviceBookingCancelled svb_cancel',
		]);
		expect(fired![1].json).toMatchObject({
			status: 'cancelled',
			previous: { status: 'confirmed' },
		});
		expect(await poller.poll()).toBeNull();
	});

	it('To Statuses narrows Status Changed; a status the trigger does not know still compares', async () => {
		book('svb_status', Date.now() + HOUR);
		const poller = trigger({
			bookingEvents: ['serviceBookingStatusChanged'],
			bookingToStatuses: ['showed'],
		});
		await poller.poll();
		change('svb_status', { status: 'pending_payment' });
		expect(await poller.poll()).toBeNull();
		change('svb_status', { status: 'showed' });
		const fired = await poller.poll();
		expect(events(fired)).toEqual(['serviceBookingStatusChanged svb_status']);
		expect(fired![0].json.previous).toMatchObject({ status: 'pending_payment' });
	});

	it('Deleted fires once, after HighLevel confirms the booking is gone (one GET more)', async () => {
		book('svb_gone', Date.now() + HOUR);
		const poller = trigger({ bookingEvents: all });
		await poller.poll();
		sandbox.store.serviceBookings.delete('svb_gone');
		sandbox.resetStats();
		const fired = await poller.poll();
		expect(events(fired)).toEqual(['serviceBookingDeleted svb_gone']);
		expect(fired![0].json).toMatchObject({
			bookingId: 'svb_gone',
			previous: { status: 'confirmed' },
		});
		expect(sent()).toEqual([`GET ${BOOKINGS_PATH}`, `GET ${BOOKINGS_PATH}/svb_gone`]);
		expect(sandbox.requests.map((r) => r.headers.version)).toEqual(['v3', 'v3']);
		sandbox.resetStats();
		expect(await poller.poll()).toBeNull();
		expect(sent()).toEqual([`GET ${BOOKINGS_PATH}`]);
	});

	it('a booking moved to another service location stops firing, and is not Deleted', async () => {
		book('svb_moved', Date.now() + HOUR);
		const poller = trigger({
			bookingEvents: all,
			bookingFilters: { serviceLocationId: SANDBOX_SERVICE_LOCATION_ID },
		});
		await poller.poll();
		advance(MINUTE);
		change('svb_moved', { serviceLocationId: 'svl_elsewhere' });
		sandbox.resetStats();
		expect(await poller.poll()).toBeNull();
		expect(sent()).toEqual([`GET ${BOOKINGS_PATH}`, `GET ${BOOKINGS_PATH}/svb_moved`]);
		expect(sandbox.requests[0].query.serviceLocationId).toBe(SANDBOX_SERVICE_LOCATION_ID);
		expect(await poller.poll()).toBeNull();
	});
});

describe('Starting and Ended: time passing', () => {
	it('each fires once, in the first poll after its moment; not for a cancelled booking', async () => {
		const start = Date.now() + HOUR;
		book('svb_soon', start);
		book('svb_cancelled', start, { status: 'cancelled', services: [] });
		const poller = trigger({
			bookingEvents: ['serviceBookingStarting', 'serviceBookingEnded'],
			minutesBefore: 15,
		});
		await poller.poll();
		jest.setSystemTime(start - 16 * MINUTE);
		expect(await poller.poll()).toBeNull();
		jest.setSystemTime(start - 14 * MINUTE);
		expect(events(await poller.poll())).toEqual(['serviceBookingStarting svb_soon']);
		expect(await poller.poll()).toBeNull();
		jest.setSystemTime(start + 31 * MINUTE);
		expect(events(await poller.poll())).toEqual(['serviceBookingEnded svb_soon']);
		expect(await poller.poll()).toBeNull();
	});
});

describe('failures, filters and manual mode', () => {
	it('a failed poll stores nothing: the next one fires what it missed', async () => {
		const poller = trigger({ rateLimit: { maxRetrySeconds: 0 } });
		await poller.poll();
		const before = poller.saved();
		book('svb_during_outage', Date.now() + HOUR);
		sandbox.options.faults = { script: [{ pathIncludes: BOOKINGS_PATH, fault: '503' }] };
		await expect(poller.poll()).rejects.toThrow(/Service Unavailable|503/);
		expect(poller.saved()).toEqual(before);
		expect(events(await poller.poll())).toEqual(['serviceBookingBooked svb_during_outage']);
		expect(await poller.poll()).toBeNull();
	});

	it('a failed look-up of a vanished booking stores nothing either', async () => {
		book('svb_flaky', Date.now() + HOUR);
		const poller = trigger({
			bookingEvents: ['serviceBookingDeleted'],
			rateLimit: { maxRetrySeconds: 0 },
		});
		await poller.poll();
		const before = poller.saved();
		sandbox.store.serviceBookings.delete('svb_flaky');
		sandbox.options.faults = {
			script: [{ pathIncludes: `${BOOKINGS_PATH}/svb_flaky`, fault: '503' }],
		};
		await expect(poller.poll()).rejects.toThrow(/Service Unavailable|503/);
		expect(poller.saved()).toEqual(before);
		expect(events(await poller.poll())).toEqual(['serviceBookingDeleted svb_flaky']);
	});

	it('the status filter and the service location narrow what fires', async () => {
		const poller = trigger({
			bookingFilters: { status: ['New'], serviceLocationId: SANDBOX_SERVICE_LOCATION_ID },
		});
		await poller.poll();
		book('svb_confirmed', Date.now() + HOUR);
		book('svb_new_status', Date.now() + HOUR, { status: 'new', services: [] });
		book('svb_other_place', Date.now() + HOUR, {
			status: 'new',
			serviceLocationId: 'svl_elsewhere',
			services: [],
		});
		sandbox.resetStats();
		expect(events(await poller.poll())).toEqual(['serviceBookingBooked svb_new_status']);
		expect(sandbox.requests[0].query.serviceLocationId).toBe(SANDBOX_SERVICE_LOCATION_ID);
	});

	it('Fetch Test Event returns the newest match and leaves the state alone', async () => {
		book('svb_older', Date.now() + HOUR, { dateUpdated: iso(Date.now() - HOUR) });
		book('svb_newer', Date.now() + 2 * HOUR, { services: [] });
		const poller = trigger();
		const fired = await poller.poll('manual');
		expect(events(fired)).toEqual(['serviceBookingBooked svb_newer']);
		expect(stateOf(poller)).toBeUndefined();
	});

	it('Fetch Test Event says so when nothing matches', async () => {
		const poller = trigger({ bookingFilters: { status: ['showed'] } });
		await expect(poller.poll('manual')).rejects.toThrow(
			'No service booking in the window matches the trigger',
		);
	});
});

describe('switching what is watched', () => {
	it('an appointment trigger never lists bookings; switching to bookings starts a new baseline', async () => {
		book('svb_existing', Date.now() + HOUR);
		const poller = startHighLevelPoller(sandbox, {
			watch: 'calendar',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			events: ['appointmentBooked'],
		});
		sandbox.resetStats();
		await poller.poll();
		expect(sent().some((path) => path.includes('/services/'))).toBe(false);
		poller.setParameters({ triggerOn: 'serviceBookings', bookingEvents: ['serviceBookingBooked'] });
		sandbox.resetStats();
		expect(await poller.poll()).toBeNull();
		expect(sent()).toEqual([`GET ${BOOKINGS_PATH}`]);
		expect(stateOf(poller)).toMatchObject({ watchKey: 'serviceBookings:' });
		expect(Object.keys((stateOf(poller)!.seen ?? {}) as IDataObject)).toContain('svb_existing');
	});

	it('the seeded booking is outside the window and never fires', async () => {
		expect(sandbox.store.serviceBookings.has(SANDBOX_SERVICE_BOOKING_ID)).toBe(true);
		const poller = trigger();
		await poller.poll();
		expect(stateOf(poller)).toMatchObject({ seen: {} });
	});
});

describe('bad settings fail before any request, naming the field', () => {
	it.each([
		[{ bookingEvents: [] }, /^Events \(bookingEvents\) \[\] is empty.*Service Booking Booked/],
		[
			{ bookingFilters: { status: ['active'] } },
			/^Filters > Status "active" is not an allowed value\. Use one of: confirmed, cancelled, invalid, new, showed, no_show/,
		],
		[
			{ bookingEvents: ['serviceBookingStarting'], minutesBefore: -5 },
			/^Minutes Before Start \(minutesBefore\) -5 is out of range/,
		],
		[{ triggerOn: 'bookings' }, /^Trigger On \(triggerOn\) "bookings" is not an allowed value/],
	])('%j', async (parameters, message) => {
		sandbox.resetStats();
		const poller = trigger(parameters as INodeParameters);
		await expect(poller.poll()).rejects.toThrow(message);
		await expect(poller.poll('manual')).rejects.toThrow(message);
		expect(sandbox.requests).toHaveLength(0);
	});
});
