// Calendars: the list, one calendar, and its free slots (writes are in calendarWrites.ts).
import { randomUUID } from 'crypto';
import { appointmentsIn } from '../recurrence';
import type { CalendarHour, CalendarRecord } from '../records';
import { dateKey, instantOf, isoInZone, isTimeZone, wallClock } from '../zones';
import {
	blocksTime,
	fail,
	findUser,
	type Handler,
	type HandlerContext,
	overlaps,
	ownedOrThrow,
	single,
	slotMinutes,
	time,
	tokenLocation,
} from './common';

export const listCalendars: Handler = (ctx) => {
	const { groupId, showDrafted } = ctx.query;
	const calendars = [...ctx.store.calendars.values()].filter(
		(c) =>
			c.locationId === ctx.locationId &&
			(groupId === undefined || c.groupId === groupId) &&
			(showDrafted !== 'false' || c.isActive),
	);
	return { status: 200, body: { calendars: calendars.map((c) => ({ ...c })) } };
};

export const getCalendar: Handler = (ctx) => {
	const calendar = ownedOrThrow(
		ctx,
		ctx.store.calendars.get(ctx.params.calendarId),
		'Calendar not found',
	);
	return { status: 200, body: { calendar: { ...calendar } } };
};

const DAY_MS = 86_400_000;
/** The spec: "Date range cannot be more than 31 days". */
const MAX_RANGE_MS = 31 * DAY_MS;
/** A calendar without open hours (the seed's) is open 09:00-17:00, Monday to Friday. */
const OPENS_AT = 9 * 60;
const CLOSES_AT = 17 * 60;

type Interval = [number, number];

const minutesOf = (h: CalendarHour): Interval => [
	h.openHour * 60 + h.openMinute,
	h.closeHour * 60 + h.closeMinute,
];

/**
 * The day's open ranges in minutes, on the requested zone's clock: a custom availability of that
 * date replaces the open hours (availabilityType 0 ignores custom days, 1 uses only them).
 */
function openRanges(calendar: CalendarRecord, date: string, weekday: number): Interval[] {
	const custom =
		calendar.availabilityType === 0
			? []
			: (calendar.availabilities ?? []).filter((a) => !a.deleted && a.date.startsWith(date));
	if (custom.length > 0) return custom.flatMap((a) => a.hours.map(minutesOf));
	if (calendar.availabilityType === 1) return [];
	if (!calendar.openHours) return weekday >= 1 && weekday <= 5 ? [[OPENS_AT, CLOSES_AT]] : [];
	return calendar.openHours
		.filter((o) => o.daysOfTheWeek.includes(weekday))
		.flatMap((o) => o.hours.map(minutesOf));
}

/** userId and userIds together; userIds may repeat (`a&userIds=b`) or be comma-separated. */
function requestedUsers(ctx: HandlerContext): string[] {
	const raw = [ctx.query.userId ?? [], ctx.query.userIds ?? []].flat();
	const ids = [
		...new Set(
			raw
				.flatMap((v) => v.split(','))
				.map((v) => v.trim())
				.filter((v) => v !== ''),
		),
	];
	ids.forEach((id) => findUser(ctx, id));
	return ids;
}

/** What is busy in [from, to): appointments, occurrences of recurring series, and block slots. */
function busyTimes(
	ctx: HandlerContext,
	calendar: CalendarRecord,
	userIds: string[],
	from: number,
	to: number,
) {
	const appointments = appointmentsIn(ctx.store, ctx.locationId, from, to).filter(blocksTime);
	const slots = [...ctx.store.blockSlots.values()].filter((s) => s.locationId === ctx.locationId);
	const span = (e: { startTime: string; endTime: string }): Interval => [
		time(e.startTime),
		time(e.endTime),
	];
	const calendarBusy = [
		...appointments.filter((a) => a.calendarId === calendar.id),
		...slots.filter((s) => s.calendarId === calendar.id),
	].map(span);
	const userBusy = userIds.map((u) =>
		[
			...appointments.filter((a) => a.assignedUserId === u || a.users.includes(u)),
			...slots.filter((s) => s.assignedUserId === u),
		].map(span),
	);
	const hits = (busy: Interval[], s: number, e: number) =>
		busy.some(([bs, be]) => overlaps(bs, be, s, e));
	// With users named, a slot stays while one of them is free: the calendars are round robin.
	return (s: number, e: number) =>
		hits(calendarBusy, s, e) || (userBusy.length > 0 && userBusy.every((busy) => hits(busy, s, e)));
}

/**
 * The availability map keyed by date (spec: additionalProperties of SlotsSchema). Days with no
 * free slot are left out. Slots start inside [startDate, endDate]; past slots are not dropped,
 * so a test's answer does not depend on when it runs.
 */
export const freeSlots: Handler = (ctx) => {
	const calendar = ownedOrThrow(
		ctx,
		ctx.store.calendars.get(ctx.params.calendarId),
		'Calendar not found',
	);
	const start = Number(ctx.query.startDate);
	const end = Number(ctx.query.endDate);
	// The operation documents 400 as its only client error, so these are 400s, not 422s.
	if (end < start) throw fail(400, 'endDate must not be before startDate');
	if (end - start > MAX_RANGE_MS) throw fail(400, 'Date range cannot be more than 31 days');
	const zone = single(ctx.query.timezone) ?? tokenLocation(ctx).timezone;
	if (!isTimeZone(zone)) throw fail(400, `timezone must be a valid IANA time zone, got "${zone}"`);
	const length = slotMinutes(calendar);
	const isBusy = busyTimes(ctx, calendar, requestedUsers(ctx), start, end + length * 60_000);

	const days: Record<string, { slots: string[] }> = {};
	const first = wallClock(start, zone);
	const lastKey = dateKey(wallClock(end, zone));
	for (let i = 0; ; i++) {
		const date = new Date(Date.UTC(first.year, first.month - 1, first.day + i));
		const day = {
			year: date.getUTCFullYear(),
			month: date.getUTCMonth() + 1,
			day: date.getUTCDate(),
		};
		const key = dateKey(day);
		if (key > lastKey) break;
		const starts = new Set<number>();
		for (const [opens, closes] of openRanges(calendar, key, date.getUTCDay())) {
			for (let minute = opens; minute + length <= closes; minute += length) starts.add(minute);
		}
		const slots: string[] = [];
		for (const minute of [...starts].sort((a, b) => a - b)) {
			const slotStart = instantOf(
				{ ...day, hour: Math.floor(minute / 60), minute: minute % 60 },
				zone,
			);
			if (slotStart < start || slotStart > end || isBusy(slotStart, slotStart + length * 60_000))
				continue;
			slots.push(isoInZone(slotStart, zone));
		}
		if (slots.length > 0) days[key] = { slots };
	}
	// The live style adds a traceId beside the dates, as live answers have been described; the
	// spec's map has no room for it, and a client that treats every key as a date trips on it.
	return {
		status: 200,
		body: ctx.responseStyle === 'live' ? { ...days, traceId: randomUUID() } : days,
	};
};
