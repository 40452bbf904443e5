// Checking a rule's KEY=VALUE parts (parse.ts splits them), each with its own message; the BY*
// parts that are lists of numbers share one table (NUMBER_LIST_PARTS).
import {
	EXAMPLE,
	FREQ_FIX,
	Key,
	MAX_COUNT,
	MAX_INTERVAL,
	MONTH_LENGTHS,
	RULE_FREQUENCIES,
	RecurrenceOptions,
	RuleFrequency,
	SUB_DAILY,
	WEEKDAYS,
	WeekdayCode,
} from './rule';
import { basicDateTime, integerList, parseByDay, wholeNumberPart } from './partValues';
import { ruleError } from './ruleError';

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

export function checkRule(parts: Map<Key, string>, line: string): RecurrenceOptions {
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
