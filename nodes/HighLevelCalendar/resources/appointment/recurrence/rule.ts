import { RRule } from './rrule';

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

export const FIELD = 'rrule';
export const WEEKDAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const WEEKDAY_NAMES: Record<WeekdayCode, string> = {
	MO: 'Monday',
	TU: 'Tuesday',
	WE: 'Wednesday',
	TH: 'Thursday',
	FR: 'Friday',
	SA: 'Saturday',
	SU: 'Sunday',
};
export const MONTH_NAMES = [
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
export const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const FREQUENCIES: Record<Frequency, RuleFrequency> = {
	daily: 'DAILY',
	weekly: 'WEEKLY',
	monthly: 'MONTHLY',
	yearly: 'YEARLY',
};
export const RULE_FREQUENCIES: readonly RuleFrequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
export const SUB_DAILY = ['HOURLY', 'MINUTELY', 'SECONDLY'];
export const RRULE_FREQ: Record<RuleFrequency, number> = {
	YEARLY: RRule.YEARLY,
	MONTHLY: RRule.MONTHLY,
	WEEKLY: RRule.WEEKLY,
	DAILY: RRule.DAILY,
};
/** The keys we accept, in the order of the normalised rule. */
export const KEYS = [
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
export type Key = (typeof KEYS)[number];
export const TIME_OF_DAY_KEYS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
export const MAX_INTERVAL = 1000;
export const MAX_COUNT = 999999999;
export const MAX_LISTED = 1000;
export const DAY_MS = 86400000;

export const EXAMPLE = 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=5';
export const FREQ_FIX = 'Use FREQ=DAILY, FREQ=WEEKLY, FREQ=MONTHLY or FREQ=YEARLY.';
export const WEEKDAY_FIX =
	'Use MO, TU, WE, TH, FR, SA or SU, with a position such as 1MO or -1FR only for monthly and yearly rules.';
