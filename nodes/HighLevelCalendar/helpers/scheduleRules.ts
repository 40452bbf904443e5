import type { IDataObject } from 'n8n-workflow';
import { matchOption } from './bodyChecks';
import { InputError } from './inputError';

/**
 * A schedule's `rules` (ScheduleRuleDTO in the spec): a weekday rule (`type: wday`, a `day`) or a
 * date rule (`type: date`, a `date`), each with the `intervals` a user is available then. The
 * editor builds them from Weekly Hours and Date Overrides; Rules (JSON) takes them as HighLevel
 * writes them. Both are checked here, before anything is sent.
 */

export const WEEKDAY_NAMES = {
	monday: 'Monday',
	tuesday: 'Tuesday',
	wednesday: 'Wednesday',
	thursday: 'Thursday',
	friday: 'Friday',
	saturday: 'Saturday',
	sunday: 'Sunday',
} as const;

export type Weekday = keyof typeof WEEKDAY_NAMES;
const WEEKDAYS = Object.keys(WEEKDAY_NAMES) as Weekday[];

export interface ScheduleInterval {
	from: string;
	to: string;
}

export interface ScheduleRule {
	type: 'wday' | 'date';
	day?: Weekday;
	date?: string;
	intervals: ScheduleInterval[];
}

const TIME_FIX = 'Use 24-hour HH:mm, such as 09:00 or 17:30.';
export const RULES_EXAMPLE =
	'[{"type":"wday","day":"monday","intervals":[{"from":"09:00","to":"17:00"}]}]';

/** HH:mm as the spec's pattern allows it (`9:00` too), written with two digits. */
export function scheduleTime(value: unknown, field: string): string {
	const text = typeof value === 'string' ? value.trim() : value;
	const match = typeof text === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(text) : null;
	if (match && Number(match[1]) <= 23 && Number(match[2]) <= 59)
		return `${match[1].padStart(2, '0')}:${match[2]}`;
	// The spec's pattern ends at 23:59; 24:00 is the one "end of day" people write.
	const fix = text === '24:00' ? 'HighLevel days end at 23:59: use 23:59.' : TIME_FIX;
	throw new InputError(field, value, fix, 'is not a time of day');
}

interface DateLike {
	toISODate(): string | null;
}

const isDateLike = (value: unknown): value is DateLike =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as DateLike).toISODate === 'function';

/** A calendar date as YYYY-MM-DD: typed so, a date-time (its date as written), or a DateTime. */
export function scheduleDate(value: unknown, field: string): string {
	const text = isDateLike(value)
		? value.toISODate()
		: typeof value === 'string'
			? value.trim()
			: '';
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text ?? '');
	if (match) {
		const [year, month, day] = match.slice(1).map(Number);
		const check = new Date(Date.UTC(year, month - 1, day));
		if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day)
			return `${match[1]}-${match[2]}-${match[3]}`;
	}
	throw new InputError(
		field,
		value,
		'Use a date such as 2026-12-24 (YYYY-MM-DD).',
		'is not a date',
	);
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Each interval ends after it starts, and the intervals of one day do not overlap. */
export function checkIntervals(
	intervals: ScheduleInterval[],
	fields: string[],
	what: string,
): void {
	intervals.forEach((interval, index) => {
		if (minutes(interval.to) <= minutes(interval.from))
			throw new InputError(
				`${fields[index]}.to`,
				interval.to,
				`Set an end after the start (${interval.from}).`,
				'is not after from',
			);
	});
	const order = intervals
		.map((_, index) => index)
		.sort((a, b) => {
			return minutes(intervals[a].from) - minutes(intervals[b].from);
		});
	for (let i = 1; i < order.length; i++) {
		const [before, after] = [intervals[order[i - 1]], intervals[order[i]]];
		if (minutes(after.from) < minutes(before.to))
			throw new InputError(
				`${fields[order[i]]}.from`,
				after.from,
				`It overlaps ${before.from}-${before.to} on ${what}: make the hours of one day not overlap.`,
				'overlaps another interval',
			);
	}
}

const sortedByStart = (intervals: ScheduleInterval[]) =>
	[...intervals].sort((a, b) => minutes(a.from) - minutes(b.from));

export function entriesOf(value: unknown, field: string, fix: string): IDataObject[] {
	const list = Array.isArray(value) ? value : [];
	if (!Array.isArray(value) || list.some((entry) => typeof entry !== 'object' || entry === null))
		throw new InputError(field, value, fix, 'is not a list of entries');
	return list as IDataObject[];
}

/** A multi-select's days, or days an expression gives as a list or "monday,tuesday". */
function daysOf(value: unknown, field: string): Weekday[] {
	const list = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',').filter((day) => day.trim() !== '')
			: [];
	if (list.length === 0)
		throw new InputError(field, value, 'Choose at least one day, such as Monday.', 'is empty');
	return list.map(
		(day) =>
			matchOption(field, typeof day === 'string' ? day.trim() : day, WEEKDAY_NAMES) as Weekday,
	);
}

/**
 * Weekly Hours: entries of days with one interval each (`{ days, from, to }`), one rule per day
 * with its intervals in time order (two entries for Monday give Monday two intervals).
 */
export function weeklyHoursRules(value: unknown): ScheduleRule[] {
	const entries = entriesOf(value, 'weeklyHours', 'Add hours with days, from and to.');
	const byDay = new Map<Weekday, { intervals: ScheduleInterval[]; fields: string[] }>();
	entries.forEach((entry, index) => {
		const field = `weeklyHours[${index}]`;
		const interval = {
			from: scheduleTime(entry.from, `${field}.from`),
			to: scheduleTime(entry.to, `${field}.to`),
		};
		for (const day of daysOf(entry.days, `${field}.days`)) {
			const hours = byDay.get(day) ?? { intervals: [], fields: [] };
			if (
				!hours.intervals.some((known) => known.from === interval.from && known.to === interval.to)
			) {
				hours.intervals.push(interval);
				hours.fields.push(field);
			}
			byDay.set(day, hours);
		}
	});
	return WEEKDAYS.filter((day) => byDay.has(day)).map((day) => {
		const { intervals, fields } = byDay.get(day)!;
		checkIntervals(intervals, fields, WEEKDAY_NAMES[day]);
		return { type: 'wday', day, intervals: sortedByStart(intervals) };
	});
}

/**
 * Date Overrides: entries of one date with one interval, or with From and To left empty for a day
 * off (a date rule without intervals). One rule per date, in date order.
 */
export function dateOverrideRules(value: unknown): ScheduleRule[] {
	const entries = entriesOf(value, 'dateOverrides', 'Add dates with from and to.');
	const byDate = new Map<
		string,
		{ intervals: ScheduleInterval[]; fields: string[]; off?: string }
	>();
	entries.forEach((entry, index) => {
		const field = `dateOverrides[${index}]`;
		const date = scheduleDate(entry.date, `${field}.date`);
		const hours = byDate.get(date) ?? { intervals: [], fields: [] };
		const blank = (time: unknown) =>
			time === undefined || time === null || String(time).trim() === '';
		if (blank(entry.from) && blank(entry.to)) hours.off ??= field;
		else {
			hours.intervals.push({
				from: scheduleTime(entry.from, `${field}.from`),
				to: scheduleTime(entry.to, `${field}.to`),
			});
			hours.fields.push(field);
		}
		if (hours.off && hours.intervals.length > 0)
			throw new InputError(
				`${hours.off}.from`,
				'',
				`${date} has hours in ${hours.fields[0]}: remove one of the two (empty From and To mean unavailable all day).`,
				'leaves the date unavailable',
			);
		byDate.set(date, hours);
	});
	return [...byDate.keys()].sort().map((date) => {
		const { intervals, fields } = byDate.get(date)!;
		checkIntervals(intervals, fields, date);
		return { type: 'date', date, intervals: sortedByStart(intervals) };
	});
}
