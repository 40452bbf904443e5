// Parsing and checking a raw RRULE. Over 450 lines because every RFC 5545 part has its own checks
// and its own message (45 refused rules, each named in test/unit/HighLevelCalendar/resources/appointment/recurrence/parse.test.ts);
// the BY* parts that are lists of numbers share one table (NUMBER_LIST_PARTS).
import { InputError } from '../../../helpers/inputError';
import { didYouMean } from '../../../helpers/suggest';
import {
	EXAMPLE,
	FIELD,
	FREQ_FIX,
	KEYS,
	Key,
	MAX_COUNT,
	MAX_INTERVAL,
	MONTH_LENGTHS,
	ParsedRecurrence,
	RULE_FREQUENCIES,
	RecurrenceByDay,
	RecurrenceOptions,
	RuleFrequency,
	SUB_DAILY,
	TIME_OF_DAY_KEYS,
	WEEKDAYS,
	WEEKDAY_FIX,
	WeekdayCode,
} from './rule';
import { position } from './ordinals';

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

export function pad(value: number, width = 2): string {
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

type NumberListOption = 'byMonthDay' | 'byMonth' | 'byYearDay' | 'byWeekNo';

/**
 * The BY* parts that are lists of numbers, in the order they are checked: the range RFC 5545
 * gives each, and the frequencies it works with (with the fix when the rule's FREQ is another).
 * BYDAY (weekdays) and BYSETPOS (which depends on the others) have their own checks.
 */
const NUMBER_LIST_PARTS: Array<{
	key: Key;
	option: NumberListOption;
	min: number;
	max: number;
	signed: boolean;
	what: string;
	/** Only with these frequencies, else refused with the fix. */
	frequencies?: { only: RuleFrequency[]; fix: string };
}> = [
	{
		key: 'BYMONTHDAY',
		option: 'byMonthDay',
		min: 1,
		max: 31,
		signed: true,
		what: 'a day of the month',
		frequencies: {
			only: ['DAILY', 'MONTHLY', 'YEARLY'],
			fix: 'Use FREQ=MONTHLY for days of the month, or BYDAY for days of the week.',
		},
	},
	{ key: 'BYMONTH', option: 'byMonth', min: 1, max: 12, signed: false, what: 'a month' },
	{
		key: 'BYYEARDAY',
		option: 'byYearDay',
		min: 1,
		max: 366,
		signed: true,
		what: 'a day of the year',
		frequencies: { only: ['YEARLY'], fix: 'Use BYYEARDAY only with FREQ=YEARLY.' },
	},
	{
		key: 'BYWEEKNO',
		option: 'byWeekNo',
		min: 1,
		max: 53,
		signed: true,
		what: 'a week number',
		frequencies: { only: ['YEARLY'], fix: 'Use BYWEEKNO only with FREQ=YEARLY.' },
	},
];

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
	for (const rule of NUMBER_LIST_PARTS) {
		const raw = value(rule.key);
		if (raw === undefined) continue;
		if (rule.frequencies && !rule.frequencies.only.includes(freq)) {
			throw ruleError(text(rule.key), `does not work with FREQ=${freq}`, rule.frequencies.fix);
		}
		options[rule.option] = integerList(rule.key, raw, text(rule.key), rule);
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
