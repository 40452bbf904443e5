import { RRule, Weekday, type RRuleOptions } from './rrule';
import {
	assertEndAfterStart,
	assertTimeZone,
	epochToWallTime,
	formatInTimeZone,
	toApiTime,
	wallTimeToEpoch,
} from '../../../helpers/time';
import {
	DAY_MS,
	MAX_LISTED,
	Occurrence,
	OccurrenceOptions,
	ParsedRecurrence,
	RRULE_FREQ,
	RecurrenceOptions,
	WEEKDAYS,
	WeekdayCode,
} from './rule';
import { wholeNumber } from './build';

// ---------------------------------------------------------------------------------------------------
// Occurrences

function toRruleOptions(options: RecurrenceOptions, dtstart: Date): Partial<RRuleOptions> {
	const weekday = (code: WeekdayCode, n?: number) => new Weekday(WEEKDAYS.indexOf(code), n);
	return {
		freq: RRULE_FREQ[options.freq],
		interval: options.interval,
		dtstart,
		count: options.count ?? null,
		wkst: options.wkst ? WEEKDAYS.indexOf(options.wkst) : null,
		byweekday: options.byDay ? options.byDay.map((day) => weekday(day.weekday, day.n)) : null,
		bymonthday: options.byMonthDay ?? null,
		bymonth: options.byMonth ?? null,
		byyearday: options.byYearDay ?? null,
		byweekno: options.byWeekNo ?? null,
		bysetpos: options.bySetPos ?? null,
	};
}

/** Rules that can never produce an occurrence from this start, which rrule would search until year 9999. */
function neverOccurs(options: RecurrenceOptions, startWall: number): boolean {
	if (options.freq !== 'DAILY' || options.interval % 7 !== 0 || !options.byDay) return false;
	const startWeekday = WEEKDAYS[(new Date(startWall).getUTCDay() + 6) % 7];
	return !options.byDay.some((day) => day.weekday === startWeekday);
}

function optionalTime(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/**
 * The next occurrences of the series that starts at startTime, as HighLevel would create them: each
 * keeps startTime's wall clock in timeZone (the offset follows daylight saving), occurrences listed in
 * EXDATE are skipped (COUNT still counts them, as RFC 5545 says), and the series stops at UNTIL.
 */
export function nextOccurrences(
	parsed: ParsedRecurrence,
	options: OccurrenceOptions,
): Occurrence[] {
	const timeZone = assertTimeZone(options.timeZone);
	const count = Math.min(
		wholeNumber(options.count, 'count', 0, MAX_LISTED, `Ask for 0 to ${MAX_LISTED} occurrences.`),
		MAX_LISTED,
	);
	const start = toApiTime(options.startTime, 'startTime', timeZone);
	const end = optionalTime(options.endTime)
		? toApiTime(options.endTime, 'endTime', timeZone)
		: undefined;
	if (end) assertEndAfterStart(start, end);
	const after = optionalTime(options.after)
		? toApiTime(options.after, 'after', timeZone).epochMs
		: undefined;
	if (count === 0) return [];

	const millis = ((start.epochMs % 1000) + 1000) % 1000;
	const startWall = epochToWallTime(start.epochMs - millis, timeZone);
	if (neverOccurs(parsed.options, startWall)) return [];
	const rule = new RRule(toRruleOptions(parsed.options, new Date(startWall)), true);
	const until = parsed.options.until;
	const exdates = new Set(parsed.exdates);
	const duration = end ? end.epochMs - start.epochMs : undefined;
	// Wall times a day or more before `after` are skipped without the (Intl-based) conversion.
	const skipBelowWall = after === undefined ? undefined : epochToWallTime(after, timeZone) - DAY_MS;
	const occurrences: Occurrence[] = [];
	rule.all((date) => {
		const wall = date.getTime();
		if (until?.dateOnly && wall >= until.epochMs + DAY_MS) return false;
		if (skipBelowWall !== undefined && wall < skipBelowWall) return true;
		const epochMs = wallTimeToEpoch(wall, timeZone);
		if (until && !until.dateOnly && epochMs > until.epochMs) return false;
		if (exdates.has(epochMs)) return true;
		if (after !== undefined && epochMs + millis <= after) return true;
		const occurrence: Occurrence = { start: formatInTimeZone(epochMs + millis, timeZone) };
		if (duration !== undefined)
			occurrence.end = formatInTimeZone(epochMs + millis + duration, timeZone);
		occurrences.push(occurrence);
		return occurrences.length < count;
	});
	return occurrences;
}
