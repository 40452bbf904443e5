// Availability schedules (the spec's "Availability" tag): a user's weekly hours and date
// overrides, applied to team calendars through associations.
import type { ScheduleRecord, ScheduleRuleRecord } from '../records';
import { newId } from '../store';
import { isTimeZone } from '../zones';
import {
	fail,
	findCalendar,
	findUser,
	type Handler,
	type HandlerContext,
	ownedOrThrow,
	single,
} from './common';

/** CreateScheduleDTO / UpdateScheduleDTO (and the event calendar's), as validation.ts let them through. */
export interface ScheduleBody {
	name?: string;
	userId?: string;
	timezone?: string;
	rules?: ScheduleRuleRecord[];
	calendarIds?: string[];
}

const SCHEDULE_NOT_FOUND = 'Schedule not found';
const KIND = 'availabilitySchedule' as const;

/** ScheduleObjectResponseDTO. Deleted schedules are gone (the spec: "Permanently remove"). */
const scheduleDto = (s: ScheduleRecord) => ({
	id: s.id,
	name: s.name,
	locationId: s.locationId,
	rules: structuredClone(s.rules),
	timezone: s.timezone,
	dateAdded: s.dateAdded,
	dateUpdated: s.dateUpdated,
	userId: s.userId,
	calendarIds: [...s.calendarIds],
	deleted: false,
});

const minutes = (time: string) => {
	const [hours, mins] = time.split(':').map(Number);
	return hours * 60 + mins;
};

function realDate(date: string): boolean {
	const [year, month, day] = date.split('-').map(Number);
	const check = new Date(Date.UTC(year, month - 1, day));
	return check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/**
 * What the spec documents as "Validation errors in schedule rules or conflicting data" (422)
 * beyond its schemas, which already checked types, enums and the HH:mm and YYYY-MM-DD patterns:
 * a weekday rule names a day and a date rule a date (the field texts: "only for weekday-type
 * rules", "only for date-type rules"), intervals end after they start and do not overlap, a
 * day or date has one rule, the timezone is an IANA zone. Checked here rather than in rules.ts,
 * but first, as Nest's pipes would. Event calendar schedules (eventCalendarSchedules.ts) take the same.
 */
export function ruleErrors(body: ScheduleBody): string[] {
	const errors: string[] = [];
	if (body.name !== undefined && body.name.trim() === '') errors.push('name should not be empty');
	if (body.timezone !== undefined && !isTimeZone(body.timezone))
		errors.push('timezone must be a valid IANA time zone');
	const seen = new Set<string>();
	(body.rules ?? []).forEach((rule, i) => {
		const at = `rules.${i}`;
		const [needed, other] = rule.type === 'wday' ? ['day', 'date'] : ['date', 'day'];
		if (rule[needed as 'day' | 'date'] === undefined)
			errors.push(`${at}.${needed} should not be empty`);
		if (rule[other as 'day' | 'date'] !== undefined)
			errors.push(`${at}.${other} must not be set for a ${rule.type} rule`);
		if (rule.date !== undefined && !realDate(rule.date))
			errors.push(`${at}.date must be a valid date`);
		const key = rule.day ?? rule.date;
		if (key !== undefined && seen.has(key)) errors.push(`${at}: ${key} has more than one rule`);
		if (key !== undefined) seen.add(key);
		const sorted = [...rule.intervals].sort((a, b) => minutes(a.from) - minutes(b.from));
		rule.intervals.forEach((interval, j) => {
			if (minutes(interval.to) <= minutes(interval.from))
				errors.push(`${at}.intervals.${j}.to must be after from`);
		});
		for (let j = 1; j < sorted.length; j++)
			if (minutes(sorted[j].from) < minutes(sorted[j - 1].to))
				errors.push(`${at}.intervals must not overlap`);
	});
	return errors;
}

function checkBody(ctx: HandlerContext, body: ScheduleBody): void {
	const errors = ruleErrors(body);
	if (errors.length > 0) throw fail(422, errors);
	// Ids in the body that do not exist are a bad request (see findCalendar in common.ts).
	if (body.userId !== undefined) findUser(ctx, body.userId);
	body.calendarIds?.forEach((id) => findCalendar(ctx, id));
}

const scheduleOf = (ctx: HandlerContext) =>
	ownedOrThrow(ctx, ctx.store.schedules.get(ctx.params.id), SCHEDULE_NOT_FOUND);

/**
 * Search: the user's schedules (userId is required), optionally only those applied to one
 * calendar, `skip` and `limit` (1 to 500, default 50) counting schedules in the order created.
 * validation.ts checks only that they are numbers; their bounds are checked here, as a 422 like
 * every query validation of the sandbox (the spec lists only 400 for this operation).
 */
export const searchSchedules: Handler = (ctx) => {
	const skip = Number(single(ctx.query.skip) ?? '0');
	const limit = Number(single(ctx.query.limit) ?? '50');
	const errors = [
		...(Number.isInteger(skip) && skip >= 0 ? [] : ['skip must not be less than 0']),
		...(Number.isInteger(limit) && limit >= 1 ? [] : ['limit must not be less than 1']),
		...(limit > 500 ? ['limit must not be greater than 500'] : []),
	];
	if (errors.length > 0) throw fail(422, errors);
	const userId = findUser(ctx, String(ctx.query.userId)).id;
	const calendarId = single(ctx.query.calendarId);
	if (calendarId !== undefined) findCalendar(ctx, calendarId);
	const matches = [...ctx.store.schedules.values()].filter(
		(s) =>
			s.locationId === ctx.locationId &&
			s.userId === userId &&
			(calendarId === undefined || s.calendarIds.includes(calendarId)),
	);
	return { status: 200, body: { schedules: matches.slice(skip, skip + limit).map(scheduleDto) } };
};

export const getSchedule: Handler = (ctx) => ({
	status: 200,
	body: { schedule: scheduleDto(scheduleOf(ctx)) },
});

export const createSchedule: Handler = (ctx) => {
	// validation.ts made sure name, timezone, userId and locationId are there.
	const body = ctx.body as unknown as Required<Pick<ScheduleBody, 'name' | 'userId' | 'timezone'>> &
		ScheduleBody;
	checkBody(ctx, body);
	const now = new Date().toISOString();
	const schedule: ScheduleRecord = {
		id: newId(),
		locationId: ctx.locationId,
		name: body.name,
		userId: body.userId,
		timezone: body.timezone,
		rules: structuredClone(body.rules ?? []),
		calendarIds: [...new Set(body.calendarIds ?? [])],
		dateAdded: now,
		dateUpdated: now,
	};
	ctx.store.schedules.set(schedule.id, schedule);
	return {
		status: 201,
		body: { schedule: scheduleDto(schedule) },
		applied: { kind: KIND, id: schedule.id },
	};
};

/** "All fields are optional - only provided fields will be updated"; rules are replaced whole. */
export const updateSchedule: Handler = (ctx) => {
	const body = ctx.body as ScheduleBody;
	const errors = ruleErrors(body);
	if (errors.length > 0) throw fail(422, errors);
	const schedule = scheduleOf(ctx);
	if (body.name !== undefined) schedule.name = body.name;
	if (body.timezone !== undefined) schedule.timezone = body.timezone;
	if (body.rules !== undefined) schedule.rules = structuredClone(body.rules);
	schedule.dateUpdated = new Date().toISOString();
	return {
		status: 200,
		body: { schedule: scheduleDto(schedule) },
		applied: { kind: KIND, id: schedule.id },
	};
};

export const deleteSchedule: Handler = (ctx) => {
	const schedule = scheduleOf(ctx);
	ctx.store.schedules.delete(schedule.id);
	return { status: 200, body: { success: true }, applied: { kind: KIND, id: schedule.id } };
};

/**
 * The association's calendar: unknown is the documented 404 ("Schedule or calendar not found"),
 * another location's the documented 400 ("Schedule and calendar must belong to the same location").
 */
function associationOf(ctx: HandlerContext): { schedule: ScheduleRecord; calendarId: string } {
	const schedule = scheduleOf(ctx);
	const calendar = ctx.store.calendars.get(ctx.params.calendarId);
	if (!calendar) throw fail(404, 'Calendar not found');
	if (calendar.locationId !== schedule.locationId)
		throw fail(400, 'Schedule and calendar must belong to the same location');
	return { schedule, calendarId: calendar.id };
}

/** Adding a calendar the schedule already has answers success and changes nothing. */
export const addScheduleCalendar: Handler = (ctx) => {
	const { schedule, calendarId } = associationOf(ctx);
	if (schedule.calendarIds.includes(calendarId)) return { status: 200, body: { success: true } };
	schedule.calendarIds.push(calendarId);
	schedule.dateUpdated = new Date().toISOString();
	return { status: 200, body: { success: true }, applied: { kind: KIND, id: schedule.id } };
};

/** Removing a calendar the schedule does not have answers success and changes nothing. */
export const removeScheduleCalendar: Handler = (ctx) => {
	const { schedule, calendarId } = associationOf(ctx);
	if (!schedule.calendarIds.includes(calendarId)) return { status: 200, body: { success: true } };
	schedule.calendarIds = schedule.calendarIds.filter((id) => id !== calendarId);
	schedule.dateUpdated = new Date().toISOString();
	return { status: 200, body: { success: true }, applied: { kind: KIND, id: schedule.id } };
};
