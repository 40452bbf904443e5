// Event calendars' availability schedules (Calendars API v3 only,
// /calendars/schedules/event-calendar/{calendarId}): one schedule per calendar of type event,
// made by Create, read by Get and changed by Update (only what is sent; rules replaced whole).
import type { CalendarRecord } from '../records';
import type { EventCalendarScheduleRecord } from '../serviceMenu';
import { fail, type Handler, type HandlerContext, ownedOrThrow } from './common';
import { ruleErrors, type ScheduleBody } from './schedules';

const KIND = 'eventCalendarSchedule' as const;

/** EventCalendarScheduleResponseDTO. */
const scheduleDto = (s: EventCalendarScheduleRecord) => ({
	calendarId: s.calendarId,
	timezone: s.timezone,
	rules: structuredClone(s.rules),
	dateAdded: s.dateAdded,
	dateUpdated: s.dateUpdated,
});

/**
 * The path's calendar: unknown is the spec's 404 ("Event calendar with the specified ID was not
 * found"), and so is a calendar of another type, which is not an event calendar; another
 * location's is refused as everywhere in the sandbox (common.ts, ownedOrThrow).
 */
function eventCalendarOf(ctx: HandlerContext): CalendarRecord {
	const calendar = ownedOrThrow(
		ctx,
		ctx.store.calendars.get(ctx.params.calendarId),
		'Event calendar not found',
	);
	if (calendar.calendarType !== 'event')
		throw fail(
			404,
			`Event calendar not found: ${calendar.id} is a calendar of type ${calendar.calendarType}`,
		);
	return calendar;
}

/** The schedule rules' and time zone's 422s, as for an availability schedule (schedules.ts). */
function checkBody(body: ScheduleBody): void {
	const errors = ruleErrors(body);
	if (errors.length > 0) throw fail(422, errors);
}

function scheduleOf(ctx: HandlerContext): EventCalendarScheduleRecord {
	const calendar = eventCalendarOf(ctx);
	const schedule = ctx.store.eventCalendarSchedules.get(calendar.id);
	if (!schedule) throw fail(404, 'Schedule not found for this event calendar');
	return schedule;
}

export const getEventCalendarSchedule: Handler = (ctx) => ({
	status: 200,
	body: { schedule: scheduleDto(scheduleOf(ctx)) },
});

/**
 * A calendar has one schedule: creating a second is the spec's 422 ("conflicting data"), which
 * names Update as the way to change it.
 */
export const createEventCalendarSchedule: Handler = (ctx) => {
	// validation.ts made sure rules and timezone are there.
	const body = ctx.body as unknown as Required<Pick<ScheduleBody, 'timezone' | 'rules'>>;
	const calendar = eventCalendarOf(ctx);
	checkBody(body);
	if (ctx.store.eventCalendarSchedules.has(calendar.id))
		throw fail(422, ['A schedule already exists for this event calendar: update it instead']);
	const now = new Date().toISOString();
	const schedule: EventCalendarScheduleRecord = {
		id: calendar.id,
		locationId: calendar.locationId,
		calendarId: calendar.id,
		timezone: body.timezone,
		rules: structuredClone(body.rules),
		dateAdded: now,
		dateUpdated: now,
	};
	ctx.store.eventCalendarSchedules.set(calendar.id, schedule);
	return {
		status: 201,
		body: { schedule: scheduleDto(schedule) },
		applied: { kind: KIND, id: calendar.id },
	};
};

/** "Only provided fields will be updated"; rules are replaced whole. */
export const updateEventCalendarSchedule: Handler = (ctx) => {
	const body = ctx.body as ScheduleBody;
	const schedule = scheduleOf(ctx);
	checkBody(body);
	if (body.timezone !== undefined) schedule.timezone = body.timezone;
	if (body.rules !== undefined) schedule.rules = structuredClone(body.rules);
	schedule.dateUpdated = new Date().toISOString();
	return {
		status: 200,
		body: { schedule: scheduleDto(schedule) },
		applied: { kind: KIND, id: schedule.calendarId },
	};
};
