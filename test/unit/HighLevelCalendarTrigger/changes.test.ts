import {
	BOOKED_SLACK_MS,
	changesOf,
	diffPoll,
	isBooking,
	momentsOf,
	passesFilters,
	previousOf,
	snapshotOf,
	type FiringRules,
	type TriggerState,
} from '../../../nodes/HighLevelCalendarTrigger/changes';
import { SERVICE_BOOKINGS } from '../../../nodes/HighLevelCalendarTrigger/kinds';

const MINUTE = 60_000;
const T0 = Date.parse('2031-05-05T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const rules = (overrides: Partial<FiringRules> = {}): FiringRules => ({
	events: [
		'appointmentBooked',
		'appointmentUpdated',
		'appointmentRescheduled',
		'appointmentStatusChanged',
		'appointmentStarting',
		'appointmentEnded',
	],
	toStatuses: [],
	minutesBefore: 15,
	statuses: [],
	calendarIds: [],
	assignedUserIds: [],
	...overrides,
});

const appointment = (fields: Record<string, unknown> = {}) => ({
	id: 'a1',
	calendarId: 'cal1',
	assignedUserId: 'usr1',
	appointmentStatus: 'new',
	startTime: iso(T0 + 60 * MINUTE),
	endTime: iso(T0 + 90 * MINUTE),
	dateAdded: iso(T0 - MINUTE),
	dateUpdated: iso(T0 - MINUTE),
	...fields,
});

describe('snapshotOf', () => {
	it('keeps dateUpdated, status, start and end as numbers', () => {
		expect(snapshotOf(appointment())).toEqual([
			T0 - MINUTE,
			'new',
			T0 + 60 * MINUTE,
			T0 + 90 * MINUTE,
		]);
	});

	it('reads offsets as instants and missing times as 0', () => {
		expect(snapshotOf({ startTime: '2031-05-05T14:00:00+02:00' })).toEqual([0, '', T0, 0]);
	});
});

describe('changesOf', () => {
	const before = snapshotOf(appointment());

	it('nothing changed: nothing fires', () => {
		expect(changesOf(before, appointment(), rules())).toEqual([]);
	});

	it('a move fires Updated and Rescheduled, with what was remembered', () => {
		const moved = appointment({ startTime: iso(T0 + 2 * 60 * MINUTE), dateUpdated: iso(T0) });
		const fired = changesOf(before, moved, rules());
		expect(fired.map((f) => f.event)).toEqual(['appointmentUpdated', 'appointmentRescheduled']);
		expect(fired[1].previous).toEqual({
			startTime: iso(T0 + 60 * MINUTE),
			endTime: iso(T0 + 90 * MINUTE),
			appointmentStatus: 'new',
		});
	});

	it('a status change fires only for the wanted new statuses', () => {
		const confirmed = appointment({ appointmentStatus: 'confirmed', dateUpdated: iso(T0) });
		expect(
			changesOf(before, confirmed, rules({ events: ['appointmentStatusChanged'] })),
		).toHaveLength(1);
		expect(
			changesOf(
				before,
				confirmed,
				rules({ events: ['appointmentStatusChanged'], toStatuses: ['cancelled'] }),
			),
		).toEqual([]);
	});

	it('a change of dateUpdated alone is an update, not a move or a status change', () => {
		const touched = appointment({ dateUpdated: iso(T0) });
		expect(changesOf(before, touched, rules()).map((f) => f.event)).toEqual(['appointmentUpdated']);
	});
});

describe('momentsOf', () => {
	const start = T0 + 60 * MINUTE;

	it('Starting fires when start minus the lead falls in (since, until]', () => {
		const a = appointment();
		const lead = start - 15 * MINUTE;
		expect(momentsOf(a, lead - MINUTE, lead, rules()).map((f) => f.event)).toEqual([
			'appointmentStarting',
		]);
		expect(momentsOf(a, lead, lead + MINUTE, rules())).toEqual([]);
		expect(momentsOf(a, lead - 2 * MINUTE, lead - MINUTE, rules())).toEqual([]);
	});

	it('Ended fires when the end falls in (since, until]', () => {
		const end = T0 + 90 * MINUTE;
		expect(momentsOf(appointment(), end - 1, end, rules()).map((f) => f.event)).toEqual([
			'appointmentEnded',
		]);
	});

	it('never for cancelled or invalid appointments', () => {
		for (const appointmentStatus of ['cancelled', 'invalid']) {
			expect(
				momentsOf(appointment({ appointmentStatus }), T0, T0 + 3 * 60 * MINUTE, rules()),
			).toEqual([]);
		}
	});
});

describe('passesFilters', () => {
	it('an empty filter lets everything through; a set one only its values', () => {
		expect(passesFilters(appointment(), rules())).toBe(true);
		expect(passesFilters(appointment(), rules({ calendarIds: ['cal2'] }))).toBe(false);
		expect(passesFilters(appointment(), rules({ assignedUserIds: ['usr1', 'usr2'] }))).toBe(true);
		expect(passesFilters(appointment(), rules({ statuses: ['confirmed'] }))).toBe(false);
	});
});

describe('isBooking', () => {
	it('new since the previous poll, with slack for late listing', () => {
		expect(isBooking(appointment({ dateAdded: iso(T0) }), T0)).toBe(true);
		expect(isBooking(appointment({ dateAdded: iso(T0 - BOOKED_SLACK_MS) }), T0)).toBe(true);
		expect(isBooking(appointment({ dateAdded: iso(T0 - BOOKED_SLACK_MS - 1) }), T0)).toBe(false);
		expect(isBooking(appointment({ dateAdded: undefined }), T0)).toBe(true);
	});
});

describe('diffPoll', () => {
	const window = { startMs: T0 - 24 * 60 * MINUTE, endMs: T0 + 30 * 24 * 60 * MINUTE };
	const state = (seen: TriggerState['seen']): TriggerState => ({
		watchKey: 'calendar:cal1',
		polledAt: T0 - MINUTE,
		seen,
	});

	it('a new appointment is booked; the new state holds it', () => {
		const diff = diffPoll(state({}), [appointment({ dateAdded: iso(T0) })], T0, window, rules());
		expect(diff.fired.map((f) => f.event)).toEqual(['appointmentBooked']);
		expect(Object.keys(diff.seen)).toEqual(['a1']);
	});

	it('a remembered appointment gone from the list is missing while in the window, forgotten after', () => {
		const inWindow = snapshotOf(appointment());
		const past = snapshotOf(
			appointment({
				startTime: iso(window.startMs - 60 * MINUTE),
				endTime: iso(window.startMs - 30 * MINUTE),
			}),
		);
		const diff = diffPoll(state({ a1: inWindow, old: past }), [], T0, window, rules());
		expect(diff.missing).toEqual(['a1']);
		expect(diff.seen).toEqual({});
	});

	it('an appointment the filters exclude is remembered but fires nothing', () => {
		const diff = diffPoll(
			state({}),
			[appointment({ dateAdded: iso(T0) })],
			T0,
			window,
			rules({ calendarIds: ['cal2'] }),
		);
		expect(diff.fired).toEqual([]);
		expect(Object.keys(diff.seen)).toEqual(['a1']);
	});
});

describe('service bookings (the same rules, another kind)', () => {
	const bookingRules = (overrides: Partial<FiringRules> = {}): FiringRules =>
		rules({
			events: [
				'serviceBookingBooked',
				'serviceBookingUpdated',
				'serviceBookingRescheduled',
				'serviceBookingStatusChanged',
				'serviceBookingCancelled',
				'serviceBookingDeleted',
				'serviceBookingStarting',
				'serviceBookingEnded',
			],
			...overrides,
		});
	const booking = (fields: Record<string, unknown> = {}) => ({
		bookingId: 'b1',
		serviceLocationId: 'sl1',
		status: 'confirmed',
		startTime: iso(T0 + 60 * MINUTE),
		endTime: iso(T0 + 90 * MINUTE),
		dateAdded: iso(T0 - MINUTE),
		dateUpdated: iso(T0 - MINUTE),
		...fields,
	});
	const before = snapshotOf(booking(), SERVICE_BOOKINGS);

	it('remembers the status from `status`', () => {
		expect(before).toEqual([T0 - MINUTE, 'confirmed', T0 + 60 * MINUTE, T0 + 90 * MINUTE]);
	});

	it('a cancellation fires Updated, Status Changed and Cancelled, with the previous status', () => {
		const cancelled = booking({ status: 'cancelled', dateUpdated: iso(T0) });
		const fired = changesOf(before, cancelled, bookingRules(), SERVICE_BOOKINGS);
		expect(fired.map((f) => f.event)).toEqual([
			'serviceBookingUpdated',
			'serviceBookingStatusChanged',
			'serviceBookingCancelled',
		]);
		expect(fired[2].previous).toEqual({
			startTime: iso(T0 + 60 * MINUTE),
			endTime: iso(T0 + 90 * MINUTE),
			status: 'confirmed',
		});
	});

	it('Cancelled does not fire for another new status, To Statuses narrows Status Changed only', () => {
		const showed = booking({ status: 'showed', dateUpdated: iso(T0) });
		const events = ['serviceBookingStatusChanged', 'serviceBookingCancelled'] as const;
		expect(
			changesOf(before, showed, bookingRules({ events: [...events] }), SERVICE_BOOKINGS).map(
				(f) => f.event,
			),
		).toEqual(['serviceBookingStatusChanged']);
		const cancelled = booking({ status: 'cancelled', dateUpdated: iso(T0) });
		const onlyShowed = bookingRules({ events: [...events], toStatuses: ['showed'] });
		expect(changesOf(before, cancelled, onlyShowed, SERVICE_BOOKINGS).map((f) => f.event)).toEqual([
			'serviceBookingCancelled',
		]);
	});

	it('a move fires Rescheduled; appointment events never fire for a booking', () => {
		const moved = booking({ startTime: iso(T0 + 2 * 60 * MINUTE), dateUpdated: iso(T0) });
		const both = rules({ events: [...rules().events, ...bookingRules().events] });
		expect(changesOf(before, moved, both, SERVICE_BOOKINGS).map((f) => f.event)).toEqual([
			'serviceBookingUpdated',
			'serviceBookingRescheduled',
		]);
	});

	it('a status HighLevel adds later is compared and passed on like any other', () => {
		const pending = booking({ status: 'pending_payment', dateUpdated: iso(T0) });
		const fired = changesOf(before, pending, bookingRules(), SERVICE_BOOKINGS);
		expect(fired.map((f) => f.event)).toEqual([
			'serviceBookingUpdated',
			'serviceBookingStatusChanged',
		]);
		expect(fired[1].appointment.status).toBe('pending_payment');
		expect(passesFilters(pending, bookingRules(), SERVICE_BOOKINGS)).toBe(true);
		expect(passesFilters(pending, bookingRules({ statuses: ['new'] }), SERVICE_BOOKINGS)).toBe(
			false,
		);
		// No status, or a status that is not text: remembered as text, nothing throws.
		expect(snapshotOf(booking({ status: undefined }), SERVICE_BOOKINGS)[1]).toBe('');
		expect(snapshotOf(booking({ status: { code: 3 } }), SERVICE_BOOKINGS)[1]).toBe(
			'[object Object]',
		);
	});

	it('filters by status and service location, not by the appointment fields', () => {
		expect(
			passesFilters(booking(), bookingRules({ statuses: ['confirmed'] }), SERVICE_BOOKINGS),
		).toBe(true);
		expect(
			passesFilters(booking(), bookingRules({ serviceLocationIds: ['sl2'] }), SERVICE_BOOKINGS),
		).toBe(false);
		// Appointment filters left over in the rules do not apply to bookings.
		expect(
			passesFilters(booking(), bookingRules({ calendarIds: ['cal9'] }), SERVICE_BOOKINGS),
		).toBe(true);
	});

	it('Starting and Ended fire for bookings that take place, not for cancelled or invalid ones', () => {
		const lead = T0 + 45 * MINUTE;
		expect(
			momentsOf(booking(), lead - MINUTE, lead, bookingRules(), SERVICE_BOOKINGS).map(
				(f) => f.event,
			),
		).toEqual(['serviceBookingStarting']);
		for (const status of ['cancelled', 'invalid'])
			expect(
				momentsOf(booking({ status }), T0, T0 + 3 * 60 * MINUTE, bookingRules(), SERVICE_BOOKINGS),
			).toEqual([]);
	});

	it('diffPoll keys bookings by bookingId and fires Booked', () => {
		const window = { startMs: T0 - 24 * 60 * MINUTE, endMs: T0 + 30 * 24 * 60 * MINUTE };
		const state: TriggerState = { watchKey: 'serviceBookings:', polledAt: T0 - MINUTE, seen: {} };
		const diff = diffPoll(
			state,
			[booking({ dateAdded: iso(T0) })],
			T0,
			window,
			bookingRules(),
			SERVICE_BOOKINGS,
		);
		expect(diff.fired.map((f) => f.event)).toEqual(['serviceBookingBooked']);
		expect(Object.keys(diff.seen)).toEqual(['b1']);
		const gone = diffPoll(
			{ ...state, seen: diff.seen },
			[],
			T0,
			window,
			bookingRules(),
			SERVICE_BOOKINGS,
		);
		expect(gone.missing).toEqual(['b1']);
	});

	it('previousOf names the status as the kind does', () => {
		expect(previousOf(before, SERVICE_BOOKINGS)).toEqual({
			startTime: iso(T0 + 60 * MINUTE),
			endTime: iso(T0 + 90 * MINUTE),
			status: 'confirmed',
		});
		expect(Object.keys(previousOf(snapshotOf(appointment())))).toEqual([
			'startTime',
			'endTime',
			'appointmentStatus',
		]);
	});
});
