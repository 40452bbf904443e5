import { InputError } from '../../../helpers/inputError';
import { assertTimeZone, toApiTime } from '../../../helpers/time';
import {
	FREQUENCIES,
	Frequency,
	MAX_COUNT,
	MAX_INTERVAL,
	RecurrenceBuild,
	RecurrenceEnd,
	RecurrenceOptions,
	WEEKDAYS,
	WEEKDAY_NAMES,
	WeekdayCode,
} from './rule';
import { formatRule, formatUtcBasic } from './format';
import { parseRrule } from './parse';

// ---------------------------------------------------------------------------------------------------
// Building

export function wholeNumber(
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
