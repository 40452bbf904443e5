import type { IDataObject } from 'n8n-workflow';
import { APPOINTMENTS, idOf, type Kind } from './kinds';

/**
 * What the trigger remembers between polls and how it decides what fired: pure functions, so each
 * rule is tested alone (test/unit/HighLevelCalendarTrigger/changes.test.ts) and poll.ts only fetches and stores.
 *
 * Each change fires exactly once because the trigger compares what HighLevel says now with what
 * it recorded at the last successful poll, never with a clock: a poll that fails records nothing,
 * so the next one still sees the change. Starting and Ended are moments (start minus the lead
 * time, the end): each fires in the one poll whose interval (last poll, this poll] holds it.
 * The same rules serve appointments and service bookings: each function takes the kind
 * (kinds.ts), appointments unless told.
 */

/** Each event and its name in the editor (an expression may give either). */
export const TRIGGER_EVENT_NAMES = {
	appointmentBooked: 'Appointment Booked',
	appointmentUpdated: 'Appointment Updated',
	appointmentRescheduled: 'Appointment Rescheduled',
	appointmentStatusChanged: 'Appointment Status Changed',
	appointmentDeleted: 'Appointment Deleted',
	appointmentStarting: 'Appointment Starting',
	appointmentEnded: 'Appointment Ended',
} as const;
export type AppointmentEvent = keyof typeof TRIGGER_EVENT_NAMES;

/** The events of a service booking (Calendars API v3) and their names in the editor. */
export const BOOKING_EVENT_NAMES = {
	serviceBookingBooked: 'Service Booking Booked',
	serviceBookingUpdated: 'Service Booking Updated',
	serviceBookingRescheduled: 'Service Booking Rescheduled',
	serviceBookingStatusChanged: 'Service Booking Status Changed',
	serviceBookingCancelled: 'Service Booking Cancelled',
	serviceBookingDeleted: 'Service Booking Deleted',
	serviceBookingStarting: 'Service Booking Starting',
	serviceBookingEnded: 'Service Booking Ended',
} as const;
export type BookingEvent = keyof typeof BOOKING_EVENT_NAMES;
export type TriggerEvent = AppointmentEvent | BookingEvent;

/** One appointment (or booking) as the trigger remembers it: [dateUpdated, status, start, end] (ms). */
export type Snapshot = [updatedMs: number, status: string, startMs: number, endMs: number];

export interface TriggerState {
	/** Which watch the snapshot belongs to; another watch starts a new baseline. */
	watchKey: string;
	/** When the last successful poll started (ms). */
	polledAt: number;
	seen: Record<string, Snapshot>;
}

/** The trigger's settings that decide what fires (filters included). */
export interface FiringRules {
	events: TriggerEvent[];
	/** Appointment Status Changed fires only for these new statuses; empty: any. */
	toStatuses: string[];
	/** Appointment Starting fires this many minutes before the start. */
	minutesBefore: number;
	/** Only appointments with one of these statuses fire; empty: any. */
	statuses: string[];
	calendarIds: string[];
	assignedUserIds: string[];
	/** Service bookings only: the service locations that fire; empty or absent: any. */
	serviceLocationIds?: string[];
}

/** What the trigger had recorded: the times, and the status under the kind's field name. */
export type Previous = { startTime: string; endTime: string } & Record<string, string>;

export interface Fired {
	event: TriggerEvent;
	/** The appointment, or the service booking, as HighLevel answered. */
	appointment: IDataObject;
	/** What the trigger had recorded before the change (Rescheduled, Status Changed, Updated). */
	previous?: Previous;
}

/**
 * An appointment not seen before counts as booked when HighLevel added it at most this long
 * before the previous poll: a booking may show up in the list a little after it was made. Older
 * ones merely entered the window as time passed, and are recorded silently.
 */
export const BOOKED_SLACK_MS = 10 * 60_000;

/** Starting and Ended do not fire for appointments (or bookings) that will not take place. */
const NOT_TAKING_PLACE = new Set(['cancelled', 'invalid']);

const timeOf = (value: unknown): number => {
	const ms =
		typeof value === 'string' || typeof value === 'number' ? Date.parse(String(value)) : NaN;
	return Number.isFinite(ms) ? ms : 0;
};

export function snapshotOf(appointment: IDataObject, kind: Kind = APPOINTMENTS): Snapshot {
	return [
		timeOf(appointment.dateUpdated),
		String(appointment[kind.statusField] ?? ''),
		timeOf(appointment.startTime),
		timeOf(appointment.endTime),
	];
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
	return a.every((value, index) => value === b[index]);
}

/** ISO 8601 in UTC for a remembered time (HighLevel's own offset is not remembered). */
const iso = (ms: number): string => (ms ? new Date(ms).toISOString() : '');

export function previousOf(snapshot: Snapshot, kind: Kind = APPOINTMENTS): Previous {
	return {
		startTime: iso(snapshot[2]),
		endTime: iso(snapshot[3]),
		[kind.statusField]: snapshot[1],
	};
}

export function passesFilters(
	appointment: IDataObject,
	rules: FiringRules,
	kind: Kind = APPOINTMENTS,
): boolean {
	const within = (list: string[] | undefined, value: unknown) =>
		!list?.length || list.includes(String(value));
	return (
		within(rules.statuses, appointment[kind.statusField]) &&
		kind.filters.every(([list, field]) => within(rules[list], appointment[field]))
	);
}

/** What changed between a remembered appointment and HighLevel's current one. */
export function changesOf(
	before: Snapshot,
	appointment: IDataObject,
	rules: FiringRules,
	kind: Kind = APPOINTMENTS,
): Fired[] {
	const now = snapshotOf(appointment, kind);
	if (sameSnapshot(before, now)) return [];
	const previous = previousOf(before, kind);
	const fired: Fired[] = [];
	const { events } = kind;
	const wants = (event: TriggerEvent | undefined): event is TriggerEvent =>
		event !== undefined && rules.events.includes(event);
	if (wants(events.updated)) fired.push({ event: events.updated, appointment, previous });
	if (wants(events.rescheduled) && (before[2] !== now[2] || before[3] !== now[3]))
		fired.push({ event: events.rescheduled, appointment, previous });
	const toStatusWanted = !rules.toStatuses.length || rules.toStatuses.includes(now[1]);
	if (wants(events.statusChanged) && before[1] !== now[1] && toStatusWanted)
		fired.push({ event: events.statusChanged, appointment, previous });
	if (wants(events.cancelled) && before[1] !== now[1] && now[1] === 'cancelled')
		fired.push({ event: events.cancelled, appointment, previous });
	return fired;
}

/** Starting and Ended: the moments that fall in (since, until]. */
export function momentsOf(
	appointment: IDataObject,
	since: number,
	until: number,
	rules: FiringRules,
	kind: Kind = APPOINTMENTS,
): Fired[] {
	const [, status, startMs, endMs] = snapshotOf(appointment, kind);
	if (NOT_TAKING_PLACE.has(status)) return [];
	const { starting, ended } = kind.events;
	const inInterval = (moment: number) => moment > since && moment <= until;
	const fired: Fired[] = [];
	if (
		rules.events.includes(starting) &&
		startMs &&
		inInterval(startMs - rules.minutesBefore * 60_000)
	)
		fired.push({ event: starting, appointment });
	if (rules.events.includes(ended) && endMs && inInterval(endMs))
		fired.push({ event: ended, appointment });
	return fired;
}

export function isBooking(appointment: IDataObject, previousPollAt: number): boolean {
	const added = timeOf(appointment.dateAdded);
	return !added || added >= previousPollAt - BOOKED_SLACK_MS;
}

export interface PollDiff {
	fired: Fired[];
	/** Remembered appointments HighLevel no longer lists although they are in the window. */
	missing: string[];
	seen: Record<string, Snapshot>;
}

/**
 * Compares this poll's appointments with the state. `window` is this poll's; a remembered
 * appointment outside it left the window and is forgotten; one inside it that HighLevel no longer
 * lists is `missing` (poll.ts asks HighLevel whether it was deleted).
 */
export function diffPoll(
	state: TriggerState,
	appointments: IDataObject[],
	now: number,
	window: { startMs: number; endMs: number },
	rules: FiringRules,
	kind: Kind = APPOINTMENTS,
): PollDiff {
	const fired: Fired[] = [];
	const seen: Record<string, Snapshot> = {};
	const { booked } = kind.events;
	for (const appointment of appointments) {
		const id = String(idOf(appointment, kind));
		seen[id] = snapshotOf(appointment, kind);
		const matches = passesFilters(appointment, rules, kind);
		const before = state.seen[id];
		if (!matches) continue;
		if (before) fired.push(...changesOf(before, appointment, rules, kind));
		else if (rules.events.includes(booked) && isBooking(appointment, state.polledAt))
			fired.push({ event: booked, appointment });
		fired.push(...momentsOf(appointment, state.polledAt, now, rules, kind));
	}
	const missing = Object.entries(state.seen)
		.filter(([id]) => !(id in seen))
		.filter(([, [, , startMs, endMs]]) => endMs > window.startMs && startMs < window.endMs)
		.map(([id]) => id);
	return { fired, missing, seen };
}
