// Reading one part's value: a date (UNTIL, EXDATE), a whole number (INTERVAL, COUNT), a list of
// numbers (the BY* parts in check.ts's NUMBER_LIST_PARTS, BYSETPOS) or of weekdays (BYDAY).
import {
	MAX_COUNT,
	RecurrenceByDay,
	RuleFrequency,
	WEEKDAYS,
	WEEKDAY_FIX,
	WeekdayCode,
} from './rule';
import { position } from './ordinals';
import { ruleError } from './ruleError';

/**
 * `YYYYMMDD` or `YYYYMMDDTHHMMSSZ` to epoch ms; 'format' when it is written differently, 'unreal'
 * for a calendar mistake such as February 31.
 */
export function basicDateTime(
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

export function integerList(
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

export function wholeNumberPart(
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

export function parseByDay(value: string, part: string, freq: RuleFrequency): RecurrenceByDay[] {
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
