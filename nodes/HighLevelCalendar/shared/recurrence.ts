import { RRule, Weekday } from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import { InputError } from './inputError';
import {
	assertTimeZone,
	epochToWallTime,
	formatInTimeZone,
	toApiTime,
	wallTimeToEpoch,
} from './time';
import { didYouMean } from './suggest';

/**
 * Recurring appointments. HighLevel takes an RFC 5545 RRULE on appointment create/update, such as
 * `RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5`, optionally followed by a line of UTC dates to skip
 * (`\nEXDATE:20211105T040000Z`). It derives DTSTART from the appointment's startTime, so a DTSTART is
 * refused here.
 *
 * Pure functions, no I/O: build a rule from simple fields, parse and check a rule (stricter than the
 * rrule package, which accepts unknown keys and more), describe it in English, and list the next
 * occurrences. Nothing here depends on the host's time zone.
 *
 * Expansion happens in wall-clock time: the startTime's wall clock in the appointment's time zone is
 * handed to rrule as if it were UTC (a "floating" DTSTART), rrule repeats that wall clock, and each
 * wall time is turned back into an instant in the time zone. So a 09:00 America/New_York series stays
 * at 09:00 local across daylight-saving changes (-05:00 before, -04:00 after). UNTIL and EXDATE are
 * instants (UTC) and are applied to the converted instants.
 */

export type Frequency = 'daily' | 'weekly' | 'monthly' | 'yearly';
export type WeekdayCode = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export type RuleFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export type RecurrenceEnd =
	| { type: 'never' }
	| { type: 'count'; count: number }
	| { type: 'until'; until: string };

export interface RecurrenceBuild {
	frequency: Frequency;
	/** Default 1; a whole number of 1 or more (2 = every other day/week/month/year). */
	interval?: number;
	/** BYDAY, for weekly (and daily) rules. */
	weekdays?: WeekdayCode[];
	/** Monthly rules: on a day of the month (BYMONTHDAY) or on the nth weekday (BYDAY=2MO). Unset: startTime's day. */
	monthlyBy?: 'dayOfMonth' | 'nthWeekday';
	/** 1..31, or -1 for the last day of the month. Months without that day are skipped (RFC 5545). */
	dayOfMonth?: number;
	/** With nthWeekday: 1..5, or -1 for the last one. */
	nthWeek?: 1 | 2 | 3 | 4 | 5 | -1;
	nthWeekday?: WeekdayCode;
	/**
	 * until: ISO 8601; without an offset read in the time zone. A date alone (`2026-03-31`) includes that
	 * whole day, like an RFC 5545 UNTIL date. Sent as UTC `YYYYMMDDTHHMMSSZ`.
	 */
	end: RecurrenceEnd;
	/** Start times of occurrences to skip (ISO 8601, read like until but with a time), sent on an EXDATE line in UTC. */
	exdates?: string[];
}

export interface RecurrenceByDay {
	weekday: WeekdayCode;
	/** Position in the month or year: 1 = first, -1 = last. Unset: every such weekday. */
	n?: number;
}

export interface RecurrenceUntil {
	/** The UNTIL instant; for a date-only UNTIL, that date at 00:00 as if in UTC (a floating date). */
	epochMs: number;
	/** UNTIL=YYYYMMDD: occurrences up to and including that date in the appointment's time zone. */
	dateOnly: boolean;
}

/** The checked rule parts, with RFC 5545 names. */
export interface RecurrenceOptions {
	freq: RuleFrequency;
	interval: number;
	count?: number;
	until?: RecurrenceUntil;
	byDay?: RecurrenceByDay[];
	byMonthDay?: number[];
	byMonth?: number[];
	byYearDay?: number[];
	byWeekNo?: number[];
	bySetPos?: number[];
	wkst?: WeekdayCode;
}

export interface ParsedRecurrence {
	/** The normalised RRULE line: `RRULE:FREQ=...;INTERVAL=...;...`, keys in a stable order. */
	rule: string;
	/** Occurrence start instants to skip, epoch milliseconds, sorted and without duplicates. */
	exdates: number[];
	options: RecurrenceOptions;
	/** What to send to HighLevel: the rule, plus `\nEXDATE:...` in UTC when there are dates to skip. */
	rrule: string;
}

export interface Occurrence {
	/** ISO 8601 with the time zone's offset at that date (it changes across daylight saving). */
	start: string;
	/** Only when an endTime was given: start plus the appointment's duration. */
	end?: string;
}

export interface OccurrenceOptions {
	/** The appointment's startTime (ISO 8601; without offset read in timeZone; DateTime or epoch ms also work). */
	startTime: unknown;
	endTime?: unknown;
	/** IANA zone whose wall clock the series keeps. */
	timeZone: string;
	/** How many occurrences to list (0..1000). */
	count: number;
	/** Only occurrences that start strictly after this time. */
	after?: unknown;
}

export interface RecurrenceSummary {
	/** The rule as sent to HighLevel. */
	rule: string;
	text: string;
	next: Occurrence[];
}

const FIELD = 'rrule';
const WEEKDAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAY_NAMES: Record<WeekdayCode, string> = {
	MO: 'Monday',
	TU: 'Tuesday',
	WE: 'Wednesday',
	TH: 'Thursday',
	FR: 'Friday',
	SA: 'Saturday',
	SU: 'Sunday',
};
const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];
/** Most days a month can have (February: 29). */
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FREQUENCIES: Record<Frequency, RuleFrequency> = {
	daily: 'DAILY',
	weekly: 'WEEKLY',
	monthly: 'MONTHLY',
	yearly: 'YEARLY',
};
const RULE_FREQUENCIES: readonly RuleFrequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const SUB_DAILY = ['HOURLY', 'MINUTELY', 'SECONDLY'];
const RRULE_FREQ: Record<RuleFrequency, number> = {
	YEARLY: RRule.YEARLY,
	MONTHLY: RRule.MONTHLY,
	WEEKLY: RRule.WEEKLY,
	DAILY: RRule.DAILY,
};
/** The keys we accept, in the order of the normalised rule. */
const KEYS = [
	'FREQ',
	'INTERVAL',
	'BYMONTH',
	'BYWEEKNO',
	'BYYEARDAY',
	'BYMONTHDAY',
	'BYDAY',
	'BYSETPOS',
	'WKST',
	'COUNT',
	'UNTIL',
] as const;
type Key = (typeof KEYS)[number];
const TIME_OF_DAY_KEYS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
const MAX_INTERVAL = 1000;
const MAX_COUNT = 999999999;
const MAX_LISTED = 1000;
const DAY_MS = 86400000;

const EXAMPLE = 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5';
const FREQ_FIX = 'Use FREQ=DAILY, FREQ=WEEKLY, FREQ=MONTHLY or FREQ=YEARLY.';
const WEEKDAY_FIX =
	'Use MO, TU, WE, TH, FR, SA or SU, with a position such as 1MO or -1FR only for monthly and yearly rules.';

// ---------------------------------------------------------------------------------------------------
// Parsing and checking

function ruleError(value: string, problem: string, fix: string): InputError {
	return new InputError(FIELD, value, fix, problem);
}

function unknownKeyFix(key: string): string {
	return `${didYouMean(key, KEYS)}Use only ${KEYS.join(', ')}.`;
}

/**
 * `YYYYMMDD` or `YYYYMMDDTHHMMSSZ` to epoch ms; 'format' when it is written differently, 'unreal'
 * for a calendar mistake such as February 31.
 */
function basicDateTime(
	text: string,
	requireTime: boolean,
): { epochMs: number; dateOnly: boolean } | 'format' | 'unreal' {
	const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(text);
	if (!match) return 'format';
	const [, year, month, day, hour, minute, second] = match;
	const dateOnly = hour === undefined;
	if (dateOnly && requireTime) return 'format';
	const parts = [year, month, day, hour ?? '0', minute ?? '0', second ?? '0'].map(Number);
	const epochMs = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]);
	const check = new Date(epochMs);
	const real =
		check.getUTCFullYear() === parts[0] &&
		check.getUTCMonth() === parts[1] - 1 &&
		check.getUTCDate() === parts[2] &&
		check.getUTCHours() === parts[3] &&
		check.getUTCMinutes() === parts[4] &&
		check.getUTCSeconds() === parts[5];
	return real ? { epochMs, dateOnly } : 'unreal';
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

/** Epoch ms to `YYYYMMDDTHHMMSSZ` (whole seconds). */
export function formatUtcBasic(epochMs: number): string {
	const date = new Date(Math.floor(epochMs / 1000) * 1000);
	return (
		`${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
		`T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
	);
}

function formatBasicDate(epochMs: number): string {
	const date = new Date(epochMs);
	return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

function integerList(
	key: string,
	value: string,
	part: string,
	range: { min: number; max: number; signed: boolean; what: string },
): number[] {
	const numbers: number[] = [];
	for (const item of value.split(',')) {
		const pattern = range.signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/;
		const number = Number(item);
		if (!pattern.test(item) || Math.abs(number) < range.min || Math.abs(number) > range.max) {
			const sign = range.signed
				? `${range.min}..${range.max} or -${range.max}..-${range.min}`
				: `${range.min}..${range.max}`;
			throw ruleError(
				part,
				`has ${item === '' ? 'an empty value' : item} in ${key}, which is not ${range.what}`,
				`Use numbers ${sign}, comma-separated.`,
			);
		}
		if (!numbers.includes(number)) numbers.push(number);
	}
	return numbers;
}

function wholeNumberPart(
	key: string,
	value: string,
	part: string,
	max: number,
	fix: string,
): number {
	const number = Number(value);
	if (!/^\d{1,9}$/.test(value) || number < 1 || number > max) {
		const range = max >= MAX_COUNT ? 'of 1 or more' : `from 1 to ${max}`;
		throw ruleError(
			part,
			`has ${/^[AEIOU]/.test(key) ? 'an' : 'a'} ${key} that is not a whole number ${range}`,
			fix,
		);
	}
	return number;
}

function parseByDay(value: string, part: string, freq: RuleFrequency): RecurrenceByDay[] {
	const days: RecurrenceByDay[] = [];
	for (const item of value.split(',')) {
		const match = /^([+-]?\d+)?([A-Z]*)$/.exec(item);
		const code = match?.[2] as WeekdayCode | undefined;
		if (!match || !code || !WEEKDAYS.includes(code)) {
			throw ruleError(
				part,
				`has an unknown weekday ${item === '' ? '(empty)' : item} in BYDAY`,
				WEEKDAY_FIX,
			);
		}
		const day: RecurrenceByDay = { weekday: code };
		if (match[1] !== undefined) {
			const n = Number(match[1]);
			if (freq !== 'MONTHLY' && freq !== 'YEARLY') {
				throw ruleError(
					part,
					`has a position (${item}) in BYDAY, which only works with FREQ=MONTHLY or FREQ=YEARLY`,
					`Use plain days such as BYDAY=${code} with FREQ=${freq}, or FREQ=MONTHLY;BYDAY=${item} for that weekday of each month.`,
				);
			}
			const max = freq === 'MONTHLY' ? 5 : 53;
			if (!Number.isInteger(n) || n === 0 || Math.abs(n) > max) {
				throw ruleError(
					part,
					`has a position (${item}) in BYDAY that is out of range`,
					`Use 1..${max} (first to ${position(max)}) or -1..-${max} (-1 the last, -2 the second-to-last), such as 2${code} or -1${code}.`,
				);
			}
			day.n = n;
		}
		if (!days.some((known) => known.weekday === day.weekday && known.n === day.n)) days.push(day);
	}
	return days;
}

function splitLines(raw: string): string[] {
	return raw
		.split(/\r\n|\r|\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

function parseExdateLine(line: string, exdates: Set<number>): void {
	const separator = line.slice('EXDATE'.length, 'EXDATE'.length + 1);
	if (separator !== ':') {
		throw ruleError(
			line,
			'has an EXDATE with parameters (such as TZID or VALUE=DATE), which HighLevel does not take',
			'Write each start to skip in UTC, comma-separated, such as EXDATE:20211105T040000Z,20211112T040000Z.',
		);
	}
	for (const item of line.slice('EXDATE:'.length).split(',')) {
		const value = item.trim().toUpperCase();
		const parsed = basicDateTime(value, true);
		if (typeof parsed === 'string') {
			const problem =
				parsed === 'unreal'
					? 'is not a real date and time'
					: 'is not a UTC date and time (YYYYMMDDTHHMMSSZ)';
			throw ruleError(
				line,
				`has an EXDATE value ${value === '' ? '(empty)' : value} that ${problem}`,
				'Write each start to skip in UTC, comma-separated, such as EXDATE:20211105T040000Z,20211112T040000Z.',
			);
		}
		exdates.add(parsed.epochMs);
	}
}

function parseRuleParts(body: string, line: string): Map<Key, string> {
	const parts = new Map<Key, string>();
	const pieces = body.split(';');
	// A trailing ";" is common (Google Calendar writes one) and harmless.
	if (pieces.length > 1 && pieces[pieces.length - 1].trim() === '') pieces.pop();
	for (const piece of pieces) {
		const part = piece.trim();
		const equals = part.indexOf('=');
		if (part === '' || equals < 1) {
			throw ruleError(
				part === '' ? line : part,
				part === '' ? 'has an empty part (two ; in a row)' : 'is not a KEY=VALUE part',
				`Write the rule as KEY=VALUE parts separated by ;, such as ${EXAMPLE}.`,
			);
		}
		const key = part.slice(0, equals).trim().toUpperCase();
		const value = part
			.slice(equals + 1)
			.trim()
			.toUpperCase();
		if (key === 'DTSTART') throw dtstartError(part);
		if (TIME_OF_DAY_KEYS.includes(key)) {
			throw ruleError(
				part,
				`uses ${key}, which this node does not support`,
				"Remove it: every occurrence starts at the time of day of the appointment's startTime.",
			);
		}
		if (!(KEYS as readonly string[]).includes(key)) {
			throw ruleError(part, `has an unknown key ${key}`, unknownKeyFix(key));
		}
		if (parts.has(key as Key))
			throw ruleError(part, `repeats ${key}`, `Give ${key} only once in the rule.`);
		if (value === '')
			throw ruleError(part, `has an empty ${key}`, `Give ${key} a value or remove it.`);
		parts.set(key as Key, value);
	}
	return parts;
}

function dtstartError(value: string): InputError {
	return ruleError(
		value,
		'has a DTSTART, which HighLevel does not take',
		"Remove it: HighLevel starts the series at the appointment's startTime.",
	);
}

function partText(key: Key, value: string): string {
	return `${key}=${value}`;
}

function checkRule(parts: Map<Key, string>, line: string): RecurrenceOptions {
	const freqValue = parts.get('FREQ');
	if (freqValue === undefined)
		throw ruleError(line, 'has no FREQ', `Add one, such as ${EXAMPLE}. ${FREQ_FIX}`);
	if (SUB_DAILY.includes(freqValue)) {
		throw ruleError(
			partText('FREQ', freqValue),
			'is not supported for appointments',
			`${FREQ_FIX} Every occurrence starts at the time of day of the appointment's startTime.`,
		);
	}
	if (!(RULE_FREQUENCIES as readonly string[]).includes(freqValue)) {
		throw ruleError(partText('FREQ', freqValue), 'has an unknown FREQ', FREQ_FIX);
	}
	const freq = freqValue as RuleFrequency;
	const options: RecurrenceOptions = { freq, interval: 1 };
	const value = (key: Key) => parts.get(key);
	const text = (key: Key) => partText(key, parts.get(key) ?? '');

	if (value('INTERVAL') !== undefined) {
		options.interval = wholeNumberPart(
			'INTERVAL',
			value('INTERVAL') as string,
			text('INTERVAL'),
			MAX_INTERVAL,
			'Use INTERVAL=1 for every period, INTERVAL=2 for every other one, and so on.',
		);
	}
	if (value('COUNT') !== undefined && value('UNTIL') !== undefined) {
		throw ruleError(
			line,
			'has both COUNT and UNTIL',
			'Keep one of them: COUNT ends the series after a number of occurrences, UNTIL at a time. Without either it never ends.',
		);
	}
	if (value('COUNT') !== undefined) {
		options.count = wholeNumberPart(
			'COUNT',
			value('COUNT') as string,
			text('COUNT'),
			MAX_COUNT,
			'Use the number of occurrences, such as COUNT=10.',
		);
	}
	if (value('UNTIL') !== undefined) {
		const until = basicDateTime(value('UNTIL') as string, false);
		if (typeof until === 'string') {
			const noZ = /^\d{8}T\d{6}$/.test(value('UNTIL') as string);
			const problem =
				until === 'unreal'
					? 'has an UNTIL that is not a real date and time'
					: noZ
						? 'has an UNTIL without Z (a local time)'
						: 'has an UNTIL that is not YYYYMMDDTHHMMSSZ (UTC) or YYYYMMDD';
			throw ruleError(
				text('UNTIL'),
				problem,
				'Write it in UTC, such as UNTIL=20210623T043000Z, or give a date: UNTIL=20210623.',
			);
		}
		options.until = until;
	}
	if (value('BYDAY') !== undefined) {
		options.byDay = parseByDay(value('BYDAY') as string, text('BYDAY'), freq);
		if (value('BYWEEKNO') !== undefined && options.byDay.some((day) => day.n !== undefined)) {
			throw ruleError(
				line,
				'has a BYDAY position together with BYWEEKNO',
				'RFC 5545 does not allow both: use plain days (BYDAY=MO) with BYWEEKNO, or drop BYWEEKNO.',
			);
		}
	}
	if (value('BYMONTHDAY') !== undefined) {
		if (freq === 'WEEKLY') {
			throw ruleError(
				text('BYMONTHDAY'),
				'does not work with FREQ=WEEKLY',
				'Use FREQ=MONTHLY for days of the month, or BYDAY for days of the week.',
			);
		}
		options.byMonthDay = integerList(
			'BYMONTHDAY',
			value('BYMONTHDAY') as string,
			text('BYMONTHDAY'),
			{
				min: 1,
				max: 31,
				signed: true,
				what: 'a day of the month',
			},
		);
	}
	if (value('BYMONTH') !== undefined) {
		options.byMonth = integerList('BYMONTH', value('BYMONTH') as string, text('BYMONTH'), {
			min: 1,
			max: 12,
			signed: false,
			what: 'a month',
		});
	}
	if (value('BYYEARDAY') !== undefined) {
		if (freq !== 'YEARLY') {
			throw ruleError(
				text('BYYEARDAY'),
				`does not work with FREQ=${freq}`,
				'Use BYYEARDAY only with FREQ=YEARLY.',
			);
		}
		options.byYearDay = integerList('BYYEARDAY', value('BYYEARDAY') as string, text('BYYEARDAY'), {
			min: 1,
			max: 366,
			signed: true,
			what: 'a day of the year',
		});
	}
	if (value('BYWEEKNO') !== undefined) {
		if (freq !== 'YEARLY') {
			throw ruleError(
				text('BYWEEKNO'),
				`does not work with FREQ=${freq}`,
				'Use BYWEEKNO only with FREQ=YEARLY.',
			);
		}
		options.byWeekNo = integerList('BYWEEKNO', value('BYWEEKNO') as string, text('BYWEEKNO'), {
			min: 1,
			max: 53,
			signed: true,
			what: 'a week number',
		});
	}
	if (value('BYSETPOS') !== undefined) {
		const hasOtherBy = ['BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYYEARDAY', 'BYWEEKNO'].some((key) =>
			parts.has(key as Key),
		);
		if (!hasOtherBy) {
			throw ruleError(
				line,
				'has BYSETPOS without another BY... part',
				'BYSETPOS picks from the days the other parts give, such as FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 (the last weekday of the month).',
			);
		}
		options.bySetPos = integerList('BYSETPOS', value('BYSETPOS') as string, text('BYSETPOS'), {
			min: 1,
			max: 366,
			signed: true,
			what: 'a position',
		});
		const most = { DAILY: 1, WEEKLY: options.byDay?.length ?? 1, MONTHLY: 31, YEARLY: 366 }[freq];
		const impossible = options.bySetPos.find((position) => Math.abs(position) > most);
		if (impossible !== undefined) {
			throw ruleError(
				text('BYSETPOS'),
				`can never match: each ${freq === 'DAILY' ? 'day' : 'week'} gives at most ${most} matching day${most === 1 ? '' : 's'}`,
				`Use positions from 1 to ${most} or from -1 to -${most}.`,
			);
		}
	}
	if (value('WKST') !== undefined) {
		const wkst = value('WKST') as WeekdayCode;
		if (!WEEKDAYS.includes(wkst))
			throw ruleError(
				text('WKST'),
				`has an unknown weekday ${wkst} in WKST`,
				'Use MO, TU, WE, TH, FR, SA or SU.',
			);
		options.wkst = wkst;
	}
	if (options.byMonth && options.byMonthDay) {
		const months = options.byMonth;
		const possible = options.byMonthDay.some((day) =>
			months.some((month) => Math.abs(day) <= MONTH_LENGTHS[month - 1]),
		);
		if (!possible) {
			throw ruleError(
				line,
				'can never occur: none of the months in BYMONTH has the days in BYMONTHDAY',
				'Check BYMONTH and BYMONTHDAY (February has at most 29 days; April, June, September and November have 30).',
			);
		}
	}
	return options;
}

/** The normalised RRULE line, keys in the order of KEYS. */
export function formatRule(options: RecurrenceOptions): string {
	const parts: string[] = [`FREQ=${options.freq}`, `INTERVAL=${options.interval}`];
	if (options.byMonth) parts.push(`BYMONTH=${options.byMonth.join(',')}`);
	if (options.byWeekNo) parts.push(`BYWEEKNO=${options.byWeekNo.join(',')}`);
	if (options.byYearDay) parts.push(`BYYEARDAY=${options.byYearDay.join(',')}`);
	if (options.byMonthDay) parts.push(`BYMONTHDAY=${options.byMonthDay.join(',')}`);
	if (options.byDay)
		parts.push(`BYDAY=${options.byDay.map((day) => `${day.n ?? ''}${day.weekday}`).join(',')}`);
	if (options.bySetPos) parts.push(`BYSETPOS=${options.bySetPos.join(',')}`);
	if (options.wkst) parts.push(`WKST=${options.wkst}`);
	if (options.count !== undefined) parts.push(`COUNT=${options.count}`);
	if (options.until) {
		const until = options.until;
		parts.push(
			`UNTIL=${until.dateOnly ? formatBasicDate(until.epochMs) : formatUtcBasic(until.epochMs)}`,
		);
	}
	return `RRULE:${parts.join(';')}`;
}

export interface ParseOptions {
	/**
	 * Skip DTSTART lines instead of refusing them: for reading a rule back (a summary of a fetched
	 * appointment), where the series start comes from startTime anyway. Never for a rule to send.
	 */
	allowDtstart?: boolean;
}

/**
 * Checks an RRULE as HighLevel takes it (`RRULE:...`, optionally `\nEXDATE:...` lines in UTC) and
 * normalises it. Keys and values may be lowercase (RFC 5545 names are case-insensitive); a bare rule
 * without `RRULE:` is accepted. Send `.rrule` (the normalised form), not the input. Throws an
 * InputError naming the problem before anything is sent.
 */
export function parseRrule(raw: string, parseOptions: ParseOptions = {}): ParsedRecurrence {
	if (typeof raw !== 'string' || raw.trim() === '') {
		throw new InputError(
			FIELD,
			raw,
			`Set an RRULE such as ${EXAMPLE}, or remove the field.`,
			typeof raw === 'string' ? 'is empty' : 'is not text',
		);
	}
	let ruleLine: { body: string; line: string } | undefined;
	const exdates = new Set<number>();
	for (const line of splitLines(raw)) {
		const upper = line.toUpperCase();
		const name = /^[A-Z-]+/.exec(upper)?.[0] ?? '';
		const next = upper.charAt(name.length);
		let body: string | undefined;
		if (name === 'DTSTART') {
			if (parseOptions.allowDtstart) continue;
			throw dtstartError(line);
		}
		if (name === 'EXDATE' && (next === ':' || next === ';')) {
			parseExdateLine(line, exdates);
			continue;
		}
		if (name === 'RRULE' && next === ':') body = line.slice('RRULE:'.length);
		else if (next === '=') body = line;
		else if (name === 'RRULE') {
			throw ruleError(line, 'has parameters after RRULE', `Write the rule as ${EXAMPLE}.`);
		}
		if (body === undefined) {
			throw ruleError(
				line,
				'is neither an RRULE: nor an EXDATE: line',
				`Put the rule on a line starting with RRULE: (such as ${EXAMPLE}) and dates to skip on a line starting with EXDATE: (UTC, such as EXDATE:20211105T040000Z).`,
			);
		}
		if (ruleLine)
			throw ruleError(
				raw,
				'has more than one RRULE line',
				'Combine them into one rule: HighLevel takes one.',
			);
		ruleLine = { body, line };
	}
	if (!ruleLine) throw ruleError(raw, 'has no RRULE line', `Add a rule such as ${EXAMPLE}.`);
	const options = checkRule(parseRuleParts(ruleLine.body, ruleLine.line), ruleLine.line);
	const rule = formatRule(options);
	const sortedExdates = [...exdates].sort((a, b) => a - b);
	const rrule = sortedExdates.length
		? `${rule}\nEXDATE:${sortedExdates.map(formatUtcBasic).join(',')}`
		: rule;
	return { rule, exdates: sortedExdates, options, rrule };
}

// ---------------------------------------------------------------------------------------------------
// Building

function wholeNumber(
	value: unknown,
	field: string,
	min: number,
	max: number,
	fix: string,
	problem?: string,
): number {
	const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		const range = max >= MAX_COUNT ? `of ${min} or more` : `from ${min} to ${max}`;
		throw new InputError(field, value, fix, problem ?? `is not a whole number ${range}`);
	}
	return number;
}

/** A weekday as RFC 5545 writes it; an expression may also give the editor's name ("Monday"). */
function weekdayCode(value: unknown, field: string): WeekdayCode {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : value;
	if (typeof code === 'string' && WEEKDAYS.includes(code as WeekdayCode))
		return code as WeekdayCode;
	const named = WEEKDAYS.find(
		(weekday) => typeof code === 'string' && WEEKDAY_NAMES[weekday].toUpperCase() === code,
	);
	if (named) return named;
	throw new InputError(field, value, 'Use MO, TU, WE, TH, FR, SA or SU.', 'is not a weekday');
}

function isSet(value: unknown): boolean {
	return (
		value !== undefined &&
		value !== null &&
		value !== '' &&
		!(Array.isArray(value) && value.length === 0)
	);
}

function refuseFor(build: RecurrenceBuild, field: keyof RecurrenceBuild, fix: string): void {
	if (isSet(build[field])) {
		throw new InputError(
			field,
			build[field],
			fix,
			`does not apply to a ${build.frequency} recurrence`,
		);
	}
}

function untilInstant(value: unknown, timeZone: string): number {
	// A date alone means "up to and including that day", as an RFC 5545 UNTIL date does.
	if (typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) {
		return toApiTime(`${value.trim()}T23:59:59`, 'until', timeZone).epochMs;
	}
	return toApiTime(value, 'until', timeZone).epochMs;
}

/**
 * Builds the RRULE HighLevel takes from simple fields, e.g. `RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10`,
 * plus `\nEXDATE:...` (UTC) when there are occurrences to skip. Keys in a stable order:
 * FREQ;INTERVAL;BYDAY or BYMONTHDAY;COUNT or UNTIL.
 */
export function buildRrule(build: RecurrenceBuild, timeZone: string): string {
	const zone = assertTimeZone(timeZone);
	const frequency = typeof build.frequency === 'string' ? build.frequency.trim().toLowerCase() : '';
	if (!(Object.keys(FREQUENCIES) as string[]).includes(frequency)) {
		throw new InputError(
			'frequency',
			build.frequency,
			'Use daily, weekly, monthly or yearly.',
			'is not a known frequency',
		);
	}
	const freq = FREQUENCIES[frequency as Frequency];
	const interval =
		build.interval === undefined
			? 1
			: wholeNumber(
					build.interval,
					'interval',
					1,
					MAX_INTERVAL,
					'Use 1 for every period, 2 for every other one, and so on.',
				);
	const options: RecurrenceOptions = { freq, interval };

	if (freq === 'DAILY' || freq === 'WEEKLY') {
		if (isSet(build.weekdays)) {
			if (!Array.isArray(build.weekdays)) {
				throw new InputError(
					'weekdays',
					build.weekdays,
					'Use a list of weekdays such as ["MO", "WE"].',
					'is not a list',
				);
			}
			const codes = build.weekdays.map((day) => weekdayCode(day, 'weekdays'));
			options.byDay = WEEKDAYS.filter((code) => codes.includes(code)).map((weekday) => ({
				weekday,
			}));
		}
	} else {
		refuseFor(
			build,
			'weekdays',
			'Weekdays are for daily and weekly recurrences; for "the second Monday" use monthly by nth weekday.',
		);
	}

	if (freq === 'MONTHLY') {
		if (build.monthlyBy === 'dayOfMonth') {
			const fix =
				'Use 1 to 31, or -1 for the last day of the month (months without that day are skipped).';
			const day = wholeNumber(
				build.dayOfMonth,
				'dayOfMonth',
				-1,
				31,
				fix,
				'is not a day of the month',
			);
			if (day === 0)
				throw new InputError('dayOfMonth', build.dayOfMonth, fix, 'is not a day of the month');
			options.byMonthDay = [day];
			refuseFor(build, 'nthWeek', 'Set monthlyBy to nthWeekday to use nthWeek.');
			refuseFor(build, 'nthWeekday', 'Set monthlyBy to nthWeekday to use nthWeekday.');
		} else if (build.monthlyBy === 'nthWeekday') {
			const fix = 'Use 1 to 5 (first to fifth), or -1 for the last.';
			const nthWeek = wholeNumber(
				build.nthWeek,
				'nthWeek',
				-1,
				5,
				fix,
				'is not a position in the month',
			);
			if (nthWeek === 0)
				throw new InputError('nthWeek', build.nthWeek, fix, 'is not a position in the month');
			options.byDay = [{ weekday: weekdayCode(build.nthWeekday, 'nthWeekday'), n: nthWeek }];
			refuseFor(build, 'dayOfMonth', 'Set monthlyBy to dayOfMonth to use dayOfMonth.');
		} else if (build.monthlyBy !== undefined) {
			throw new InputError(
				'monthlyBy',
				build.monthlyBy,
				'Use dayOfMonth or nthWeekday (or leave it unset for the day of startTime).',
				'is not a known choice',
			);
		} else {
			refuseFor(build, 'dayOfMonth', 'Set monthlyBy to dayOfMonth to use dayOfMonth.');
			refuseFor(build, 'nthWeekday', 'Set monthlyBy to nthWeekday to use nthWeekday.');
		}
	} else {
		for (const field of ['monthlyBy', 'dayOfMonth', 'nthWeek', 'nthWeekday'] as const) {
			refuseFor(
				build,
				field,
				`${field} is for monthly recurrences: set frequency to monthly, or remove it.`,
			);
		}
	}

	const end = build.end as RecurrenceEnd | undefined;
	if (end === undefined || end === null || typeof end !== 'object') {
		throw new InputError(
			'end',
			end,
			'Use { type: "never" }, { type: "count", count: 10 } or { type: "until", until: "2026-12-31" }.',
			'is missing',
		);
	}
	if (end.type === 'count') {
		options.count = wholeNumber(
			end.count,
			'count',
			1,
			MAX_COUNT,
			'Use the number of occurrences, such as 10.',
		);
	} else if (end.type === 'until') {
		if (!isSet(end.until))
			throw new InputError(
				'until',
				end.until,
				'Set the date or time the series ends.',
				'is missing',
			);
		options.until = {
			epochMs: Math.floor(untilInstant(end.until, zone) / 1000) * 1000,
			dateOnly: false,
		};
	} else if (end.type !== 'never') {
		throw new InputError(
			'end',
			(end as { type: unknown }).type,
			'Use never, count or until.',
			'is not a known end type',
		);
	}

	const exdates = new Set<number>();
	if (isSet(build.exdates)) {
		if (!Array.isArray(build.exdates)) {
			throw new InputError(
				'exdates',
				build.exdates,
				'Use a list of occurrence start times such as ["2026-03-09T09:00:00"].',
				'is not a list',
			);
		}
		for (const exdate of build.exdates) {
			if (typeof exdate === 'string' && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(exdate)) {
				throw new InputError(
					'exdates',
					exdate,
					'Give the start time of the occurrence to skip, such as 2026-03-09T09:00:00: an EXDATE matches a start exactly.',
					'is a date without a time',
				);
			}
			exdates.add(Math.floor(toApiTime(exdate, 'exdates', zone).epochMs / 1000) * 1000);
		}
	}

	const rule = formatRule(options);
	const sorted = [...exdates].sort((a, b) => a - b);
	const rrule = sorted.length ? `${rule}\nEXDATE:${sorted.map(formatUtcBasic).join(',')}` : rule;
	// Whatever we build must pass our own checks (e.g. dayOfMonth 31 is fine, the rule stays valid).
	return parseRrule(rrule).rrule;
}

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
	if (end && end.epochMs <= start.epochMs) {
		throw new InputError(
			'endTime',
			end.iso,
			`Set an endTime after startTime (${start.iso}).`,
			'is not after startTime',
		);
	}
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

// ---------------------------------------------------------------------------------------------------
// English

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth'];

function ordinalNumber(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** 1 -> first, 2 -> second, -1 -> last, -2 -> second-to-last, 20 -> 20th. */
function position(n: number): string {
	if (n === -1) return 'last';
	const word = ORDINAL_WORDS[Math.abs(n) - 1] ?? ordinalNumber(Math.abs(n));
	return n < 0 ? `${word}-to-last` : word;
}

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
