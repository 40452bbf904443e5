import { assertTimeZone, epochToWallTime } from '../../../helpers/time';
import {
	MONTH_NAMES,
	OccurrenceOptions,
	ParsedRecurrence,
	RecurrenceByDay,
	RecurrenceOptions,
	RecurrenceSummary,
	RecurrenceUntil,
	WEEKDAYS,
	WEEKDAY_NAMES,
	WeekdayCode,
} from './rule';
import { pad } from './format';
import { parseRrule } from './parse';
import { ordinalNumber, position } from './ordinals';
import { nextOccurrences } from './occurrences';

// ---------------------------------------------------------------------------------------------------
// English

/** A day of the month: 15 -> 15th, -1 -> last day, -3 -> third-to-last day. */
function monthDay(n: number): string {
	return n > 0 ? ordinalNumber(n) : `${position(n)} day`;
}

function joinList(items: string[], conjunction = 'and'): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function isWeekdaySet(codes: WeekdayCode[]): boolean {
	return (
		codes.length === 5 &&
		['MO', 'TU', 'WE', 'TH', 'FR'].every((code) => codes.includes(code as WeekdayCode))
	);
}

function sortedDays(days: RecurrenceByDay[]): RecurrenceByDay[] {
	return [...days].sort(
		(a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || (a.n ?? 0) - (b.n ?? 0),
	);
}

/** "the first Friday", "the first and last Sunday", "the second Monday and last Friday". */
function nthDaysText(days: RecurrenceByDay[]): string {
	const sameWeekday = days.every((day) => day.weekday === days[0].weekday);
	const byPosition = [...days].sort((a, b) => positionOrder(a.n ?? 0) - positionOrder(b.n ?? 0));
	if (sameWeekday)
		return `the ${joinList(byPosition.map((day) => position(day.n ?? 0)))} ${WEEKDAY_NAMES[days[0].weekday]}`;
	return `the ${joinList(byPosition.map((day) => `${position(day.n ?? 0)} ${WEEKDAY_NAMES[day.weekday]}`))}`;
}

/** Sorts 1, 2, 3, ..., -3, -2, -1 (as they fall in a month). */
function positionOrder(n: number): number {
	return n > 0 ? n : 1000 + n;
}

function formatDateInZone(epochMs: number, timeZone: string, withTime: boolean): string {
	const wall = new Date(epochToWallTime(epochMs, timeZone));
	const date = `${MONTH_NAMES[wall.getUTCMonth()]} ${wall.getUTCDate()}, ${wall.getUTCFullYear()}`;
	if (!withTime) return date;
	return `${date} at ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}${timeZone === 'UTC' ? ' UTC' : ''}`;
}

function untilText(until: RecurrenceUntil, timeZone: string): string {
	if (until.dateOnly) return formatDateInZone(until.epochMs, 'UTC', false);
	const wall = new Date(epochToWallTime(until.epochMs, timeZone));
	// 23:59:59 is how buildRrule writes "until the end of that day".
	const endOfDay =
		wall.getUTCHours() === 23 && wall.getUTCMinutes() === 59 && wall.getUTCSeconds() === 59;
	return formatDateInZone(until.epochMs, timeZone, !endOfDay);
}

function periodText(options: RecurrenceOptions): { head: string; dayCovered: boolean } {
	const { freq, interval } = options;
	const unit = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[freq];
	const plain = options.byDay?.filter((day) => day.n === undefined).map((day) => day.weekday) ?? [];
	const onlyPlainDays = options.byDay !== undefined && plain.length === options.byDay.length;
	const simple = !options.byMonthDay && !options.bySetPos && !options.byMonth;
	// "every weekday", "every Monday and Friday" read better than "every day on ..." / "every week on ...".
	if (interval === 1 && onlyPlainDays && simple && (freq === 'DAILY' || freq === 'WEEKLY')) {
		if (isWeekdaySet(plain)) return { head: 'every weekday', dayCovered: true };
		if (plain.length === 7) return { head: 'every day', dayCovered: true };
		if (freq === 'DAILY') {
			return {
				head: `every ${joinList(plain.map((code) => WEEKDAY_NAMES[code]))}`,
				dayCovered: true,
			};
		}
	}
	return {
		head: interval === 1 ? `every ${unit}` : `every ${interval} ${unit}s`,
		dayCovered: false,
	};
}

/**
 * English for a rule, e.g. "every week on Monday and Wednesday, 10 times" or
 * "every month on the second-to-last Monday until December 31, 2026". UNTIL and EXDATE instants are
 * written in timeZone (default UTC), so the text never depends on the host's time zone.
 */
export function describeRecurrence(parsed: ParsedRecurrence, timeZone = 'UTC'): string {
	const zone = assertTimeZone(timeZone);
	const options = parsed.options;
	const { head, dayCovered } = periodText(options);
	const words: string[] = [head];
	const plural = options.freq === 'MONTHLY' || options.freq === 'YEARLY';
	const plainDays = sortedDays(options.byDay ?? []).filter((day) => day.n === undefined);
	const nthDays = (options.byDay ?? []).filter((day) => day.n !== undefined);
	const dayNames = (conjunction: string) =>
		joinList(
			plainDays.map((day) => `${WEEKDAY_NAMES[day.weekday]}${plural ? 's' : ''}`),
			conjunction,
		);

	if (options.byMonth)
		words.push(`in ${joinList(options.byMonth.map((month) => MONTH_NAMES[month - 1]))}`);
	if (options.byWeekNo) {
		words.push(
			`in week${options.byWeekNo.length > 1 ? 's' : ''} ${joinList(options.byWeekNo.map(String))}`,
		);
	}
	if (options.byYearDay) {
		words.push(
			`on the ${joinList(options.byYearDay.map((day) => (day > 0 ? ordinalNumber(day) : `${position(day)}`)))} day of the year`,
		);
	}

	let setPosDone = false;
	if (options.byMonthDay) {
		const days = [...options.byMonthDay].sort((a, b) => positionOrder(a) - positionOrder(b));
		const conjunction = options.byDay ? 'or' : 'and';
		words.push(`on the ${joinList(days.map(monthDay), conjunction)}`);
		if (plainDays.length)
			words.push(
				`when it is a ${joinList(
					plainDays.map((day) => WEEKDAY_NAMES[day.weekday]),
					'or',
				)}`,
			);
	} else if (options.bySetPos && plainDays.length && !nthDays.length) {
		// "the last weekday of the month", "the third day that is a Tuesday, Wednesday or Thursday".
		const positions = joinList(
			[...options.bySetPos].sort((a, b) => positionOrder(a) - positionOrder(b)).map(position),
		);
		const codes = plainDays.map((day) => day.weekday);
		const kind = isWeekdaySet(codes)
			? 'weekday'
			: codes.length === 7
				? 'day'
				: codes.length === 1
					? WEEKDAY_NAMES[codes[0]]
					: `day that is a ${joinList(
							codes.map((code) => WEEKDAY_NAMES[code]),
							'or',
						)}`;
		words.push(`on the ${positions} ${kind}`);
		setPosDone = true;
	} else if (!dayCovered) {
		const phrases: string[] = [];
		if (plainDays.length) {
			const codes = plainDays.map((day) => day.weekday);
			if (isWeekdaySet(codes)) phrases.push('weekdays');
			else if (codes.length === 7) phrases.push('every day of the week');
			else phrases.push(dayNames('and'));
		}
		if (nthDays.length) {
			let nth = nthDaysText(nthDays);
			if (options.freq === 'YEARLY' && !options.byMonth && !options.byWeekNo) nth += ' of the year';
			phrases.push(nth);
		}
		if (phrases.length) words.push(`on ${phrases.join(' and on ')}`);
	}
	if (options.bySetPos && !setPosDone) {
		const positions = joinList(
			[...options.bySetPos].sort((a, b) => positionOrder(a) - positionOrder(b)).map(position),
		);
		const period = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[options.freq];
		words.push(`(only the ${positions} of those each ${period})`);
	}

	let text = words.join(' ');
	if (options.count !== undefined)
		text += options.count === 1 ? ', once' : `, ${options.count} times`;
	if (options.until) text += ` until ${untilText(options.until, zone)}`;
	if (parsed.exdates.length) {
		const skipped =
			parsed.exdates.length <= 3
				? joinList(parsed.exdates.map((epochMs) => formatDateInZone(epochMs, zone, true)))
				: `${parsed.exdates.length} dates`;
		text += `, except ${skipped}`;
	}
	return text;
}

/** What the node outputs as `recurrence`: the rule as sent, its English text and the next occurrences. */
export function recurrenceSummary(
	rrule: string | ParsedRecurrence,
	options: Omit<OccurrenceOptions, 'count'> & { count?: number },
): RecurrenceSummary {
	const parsed = typeof rrule === 'string' ? parseRrule(rrule) : rrule;
	return {
		rule: parsed.rrule,
		text: describeRecurrence(parsed, options.timeZone),
		next: nextOccurrences(parsed, { ...options, count: options.count ?? 5 }),
	};
}
