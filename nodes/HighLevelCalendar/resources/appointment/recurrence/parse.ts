// Parsing a raw RRULE: its lines (RRULE, EXDATE, DTSTART) and the rule's KEY=VALUE parts. Every
// RFC 5545 part has its own checks and its own message (45 refused rules, each named in
// test/unit/HighLevelCalendar/resources/appointment/recurrence/parse.test.ts): check.ts checks the
// parts, partValues.ts reads their values, exdate.ts the EXDATE lines, format.ts writes the
// normalised rule.
import { InputError } from '../../../helpers/inputError';
import { didYouMean } from '../../../helpers/suggest';
import { EXAMPLE, FIELD, KEYS, Key, ParsedRecurrence, TIME_OF_DAY_KEYS } from './rule';
import { checkRule } from './check';
import { parseExdateLine } from './exdate';
import { formatRule, formatUtcBasic } from './format';
import { ruleError } from './ruleError';

function unknownKeyFix(key: string): string {
	return `${didYouMean(key, KEYS)}Use only ${KEYS.join(', ')}.`;
}

function splitLines(raw: string): string[] {
	return raw
		.split(/\r\n|\r|\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
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
