// What HighLevel refuses with a 422 although the spec's schemas allow it: event times without an
// offset, an rrule that does not parse, a block slot with no owner or two, list windows, mixed
// paging modes.
import { rruleErrors } from './recurrence';
import type { Json, Route } from './spec';

// The spec types event times as plain strings; HighLevel reads them as ISO 8601 instants and
// an instant needs an offset. Without one the server would guess a time zone.
const ISO_WITH_OFFSET =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or undefined unless `s` is ISO 8601 with seconds and an offset. */
export function parseIsoTime(s: string): number | undefined {
	const m = ISO_WITH_OFFSET.exec(s);
	if (!m) return undefined;
	const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
	const calendarDay = new Date(Date.UTC(year, month - 1, day));
	// Date.parse rolls 2021-02-30 over into March; a real API would reject it.
	if (calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	return Date.parse(s);
}

function validateTimes(body: Json): string[] {
	const errors: string[] = [];
	const times: Record<string, number | undefined> = {};
	for (const field of ['startTime', 'endTime']) {
		const value = body[field];
		if (typeof value !== 'string') continue; // absent, or already a type error
		times[field] = parseIsoTime(value);
		if (times[field] === undefined) {
			errors.push(
				`${field} must be a valid ISO 8601 date string with an offset, e.g. 2021-06-23T03:30:00+05:30`,
			);
		}
	}
	if (
		times.startTime !== undefined &&
		times.endTime !== undefined &&
		times.endTime <= times.startTime
	) {
		errors.push('endTime must be after startTime');
	}
	return errors;
}

/** See applyLiveRelaxations (validation.ts): a block slot belongs to exactly one calendar or one user. */
function blockSlotTarget(body: Json): string[] {
	const set = ['calendarId', 'assignedUserId'].filter((f) => body[f] !== undefined);
	if (set.length === 2) return ['Either calendarId or assignedUserId can be set, not both'];
	if (set.length === 0) return ['Either calendarId or assignedUserId must be set'];
	return [];
}

/** The create schema leaves both times optional, but a block slot without them blocks nothing. */
const blockSlotTimes = (body: Json): string[] =>
	['startTime', 'endTime']
		.filter((f) => body[f] === undefined)
		.map((f) => `${f} should not be empty`);

type Query = Record<string, string | string[]>;
const single = (v: string | string[] | undefined): string | undefined =>
	typeof v === 'string' && v !== '' ? v : undefined;

/**
 * A list's window in milliseconds: the spec types startTime and endTime as strings ("in millis",
 * "timestamp in milliseconds as string"); both are numbers, and the end is not before the start.
 */
function millisecondWindow(query: Query): string[] {
	const errors: string[] = [];
	const times: Record<string, number> = {};
	for (const field of ['startTime', 'endTime']) {
		const value = single(query[field]);
		if (value === undefined) continue; // missing: already reported as required
		if (/^\d+$/.test(value)) times[field] = Number(value);
		else errors.push(`${field} must be a number string (milliseconds since the epoch)`);
	}
	if (
		times.startTime !== undefined &&
		times.endTime !== undefined &&
		times.endTime < times.startTime
	) {
		errors.push('endTime must not be before startTime');
	}
	return errors;
}

/**
 * List events and list blocked slots: the window, and one of calendarId, userId, groupId, which
 * the spec says in each filter's text is required. HighLevel answers for one owner at a time, so
 * two at once is refused too rather than guessed at.
 */
function eventWindow(query: Query): string[] {
	const errors = millisecondWindow(query);
	const owners = ['calendarId', 'userId', 'groupId'].filter(
		(f) => query[f] !== undefined && query[f] !== '',
	);
	if (owners.length === 0) errors.push('Either of calendarId, userId or groupId is required');
	if (owners.length > 1)
		errors.push(`Only one of calendarId, userId or groupId can be set, got ${owners.join(', ')}`);
	return errors;
}

/** The users search types skip and limit as strings; they are still counts. */
function userSearchPaging(query: Query): string[] {
	return ['skip', 'limit']
		.filter((f) => query[f] !== undefined && !/^\d+$/.test(single(query[f]) ?? ''))
		.map((f) => `${f} must be a non-negative integer string`);
}

/** The Search Contacts guide: page and searchAfter are two paging modes, never combined. */
function contactSearchPaging(body: Json): string[] {
	return body.page !== undefined && body.searchAfter !== undefined
		? ['page and searchAfter cannot be used together']
		: [];
}

/**
 * Rules HighLevel enforces with a 422 that the schemas cannot express, keyed like handlers.
 * Each runs only when the spec's own checks left a body that is an object.
 */
const RULES: Record<string, (query: Query, body: Json) => string[]> = {
	'POST /calendars/events/appointments': (_q, body) => [
		...validateTimes(body),
		...rruleErrors(body),
	],
	'PUT /calendars/events/appointments/{eventId}': (_q, body) => [
		...validateTimes(body),
		...rruleErrors(body),
	],
	'POST /calendars/events/block-slots': (_q, body) => [
		...blockSlotTimes(body),
		...validateTimes(body),
		...blockSlotTarget(body),
	],
	'PUT /calendars/events/block-slots/{eventId}': (_q, body) => [
		...validateTimes(body),
		...blockSlotTarget(body),
	],
	'GET /calendars/events': (query) => eventWindow(query),
	'GET /calendars/blocked-slots': (query) => eventWindow(query),
	'GET /calendars/services/bookings': (query) => millisecondWindow(query),
	'POST /calendars/services/bookings': (_q, body) => validateTimes(body),
	'PUT /calendars/services/bookings/{bookingId}': (_q, body) => validateTimes(body),
	'GET /users/search': (query) => userSearchPaging(query),
	'POST /contacts/search': (_q, body) => contactSearchPaging(body),
};

export function validateRules(route: Route, query: Query, body: Json): string[] {
	return RULES[`${route.method} ${route.template}`]?.(query, body) ?? [];
}
