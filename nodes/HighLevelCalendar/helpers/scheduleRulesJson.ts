import type { IDataObject } from 'n8n-workflow';
import { matchOption } from './bodyChecks';
import { InputError } from './inputError';
import {
	checkIntervals,
	entriesOf,
	RULES_EXAMPLE,
	scheduleDate,
	scheduleTime,
	WEEKDAY_NAMES,
	type ScheduleRule,
	type Weekday,
} from './scheduleRules';

/**
 * Rules (JSON): the rules as HighLevel writes them (ScheduleRuleDTO), for what Weekly Hours and
 * Date Overrides do not cover, such as rules mapped from another schedule. Each rule is checked
 * the way HighLevel's validation would refuse it, and its times written HH:mm; the order is kept.
 */

const RULE_TYPE_NAMES = { wday: 'Weekday', date: 'Date' };
const RULE_FIELDS = ['type', 'day', 'date', 'intervals'];

function jsonRule(value: unknown, field: string): ScheduleRule {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new InputError(field, value, `Give rules like ${RULES_EXAMPLE}.`, 'is not a rule');
	const rule = value as IDataObject;
	const unknown = Object.keys(rule).find((key) => !RULE_FIELDS.includes(key));
	if (unknown)
		throw new InputError(
			`${field}.${unknown}`,
			rule[unknown],
			'A rule has only type, day (weekday rules), date (date rules) and intervals: remove it.',
			'is not a rule field',
		);
	// A rule with a day is a weekday rule and one with a date a date rule, whether or not it says so.
	const type = (
		rule.type === undefined
			? rule.date !== undefined && rule.day === undefined
				? 'date'
				: 'wday'
			: matchOption(`${field}.type`, rule.type, RULE_TYPE_NAMES)
	) as ScheduleRule['type'];
	const [needed, other] = type === 'wday' ? ['day', 'date'] : ['date', 'day'];
	if (rule[other] !== undefined)
		throw new InputError(
			`${field}.${other}`,
			rule[other],
			`A ${type} rule takes ${needed}, not ${other}: remove ${other} or change type.`,
			`is not allowed in a ${type} rule`,
		);
	if (rule[needed] === undefined)
		throw new InputError(
			`${field}.${needed}`,
			undefined,
			type === 'wday' ? 'Set day, such as monday.' : 'Set date, such as 2026-12-24.',
			'is missing',
		);
	const intervalsField = `${field}.intervals`;
	const fix = 'Give intervals such as [{"from":"09:00","to":"17:00"}], or [] for none.';
	const intervals = entriesOf(rule.intervals, intervalsField, fix).map((interval, index) => {
		const at = `${intervalsField}[${index}]`;
		const extra = Object.keys(interval).find((key) => key !== 'from' && key !== 'to');
		if (extra)
			throw new InputError(
				`${at}.${extra}`,
				interval[extra],
				'An interval has only from and to.',
				'is not an interval field',
			);
		return {
			from: scheduleTime(interval.from, `${at}.from`),
			to: scheduleTime(interval.to, `${at}.to`),
		};
	});
	const parsed: ScheduleRule =
		type === 'wday'
			? { type, day: matchOption(`${field}.day`, rule.day, WEEKDAY_NAMES) as Weekday, intervals }
			: { type, date: scheduleDate(rule.date, `${field}.date`), intervals };
	checkIntervals(
		intervals,
		intervals.map((_, index) => `${intervalsField}[${index}]`),
		parsed.day ?? parsed.date ?? '',
	);
	return parsed;
}

/** JSON.parse, with the parser's complaint instead of a throw. */
function parseJson(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}

/** Rules (JSON): an array of rules (one rule alone is taken as a list of one), as a string or from an expression. */
export function jsonRules(value: unknown): ScheduleRule[] {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '')
			throw new InputError(
				'rulesJson',
				value,
				`Give rules like ${RULES_EXAMPLE}, or remove the option.`,
				'is empty',
			);
		const result = parseJson(value);
		if ('problem' in result)
			throw new InputError(
				'rulesJson',
				value,
				`Give a JSON array of rules like ${RULES_EXAMPLE} (${result.problem}).`,
				'is not valid JSON',
			);
		parsed = result.value;
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	const rules = list.map((rule, index) => jsonRule(rule, `rulesJson[${index}]`));
	const seen = new Map<string, number>();
	rules.forEach((rule, index) => {
		const key = rule.day ?? rule.date ?? '';
		const first = seen.get(key);
		if (first !== undefined)
			throw new InputError(
				`rulesJson[${index}]`,
				key,
				`rulesJson[${first}] has it too: put all its intervals in one rule.`,
				'repeats a day or date',
			);
		seen.set(key, index);
	});
	return rules;
}
