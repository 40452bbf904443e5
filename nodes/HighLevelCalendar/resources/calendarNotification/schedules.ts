import type { IDataObject } from 'n8n-workflow';
import { matchOption } from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';

/**
 * The JSON options and the times of a notification (beforeTime, afterTime: the spec's SchedulesDTO
 * lists, `[{ "timeOffset": 1, "unit": "hours" }]`), pure so they are tested alone.
 */

/**
 * The units offered. The spec types `unit` as a plain string and shows only "hours"; HighLevel's
 * notification settings offer minutes, hours and days, so those are what is accepted.
 */
export const TIME_UNIT_NAMES: Record<string, string> = {
	minutes: 'Minutes',
	hours: 'Hours',
	days: 'Days',
};

/** A `<name>Json` option's value: JSON text is parsed, an expression's object or list is taken as is. */
export function parseJsonOption(field: string, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	let parsed: unknown;
	let problem: string | undefined;
	try {
		parsed = JSON.parse(value) as unknown;
	} catch (error) {
		problem = (error as Error).message;
	}
	if (problem !== undefined) {
		throw new InputError(
			field,
			value,
			`Write valid JSON (${problem}), or map a list from an expression.`,
			'is not JSON',
		);
	}
	return parsed;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The editor's fixedCollection gives `{ time: [...] }`; the API and the JSON option a plain list. */
function scheduleEntries(field: string, value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (isObject(value) && Object.keys(value).every((key) => key === 'time'))
		return (value.time as unknown[] | undefined) ?? [];
	if (isObject(value)) return [value];
	throw new InputError(
		field,
		value,
		'Give a list of times such as [{"timeOffset": 30, "unit": "minutes"}].',
		'is not a list of times',
	);
}

/** One time: a positive offset (numbers as text too) and a unit. */
function checkSchedule(field: string, entry: unknown): IDataObject {
	if (!isObject(entry)) {
		throw new InputError(
			field,
			entry,
			'Each time is an object such as {"timeOffset": 30, "unit": "minutes"}.',
			'is not a time',
		);
	}
	const unknown = Object.keys(entry).filter((key) => key !== 'timeOffset' && key !== 'unit');
	if (unknown.length) {
		throw new InputError(
			`${field}.${unknown[0]}`,
			entry[unknown[0]],
			'A time has only timeOffset and unit.',
			'is not a field of a time',
		);
	}
	let offset = entry.timeOffset;
	if (typeof offset === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(offset)) offset = Number(offset);
	if (typeof offset !== 'number' || !Number.isFinite(offset) || offset <= 0) {
		throw new InputError(
			`${field}.timeOffset`,
			entry.timeOffset,
			'Use a number above 0, e.g. 30 with unit minutes.',
			'is not a positive number',
		);
	}
	const unit = matchOption(`${field}.unit`, entry.unit, TIME_UNIT_NAMES);
	return { timeOffset: offset, unit };
}

/**
 * A notification's `beforeTime` or `afterTime`, from the editor's list or from its JSON option
 * (`<field>Json`), never both. Returns the API's list, or undefined when neither is given; given
 * without a time, it is refused (a reminder or follow-up needs one).
 */
export function scheduleList(
	field: string,
	fromFields: unknown,
	fromJson: unknown,
): IDataObject[] | undefined {
	const jsonField = `${field}Json`;
	const json = parseJsonOption(jsonField, fromJson);
	const listed = fromFields === undefined ? [] : scheduleEntries(field, fromFields);
	if (json !== undefined && listed.length > 0) {
		throw new InputError(
			jsonField,
			fromJson,
			`Set the times in ${field} or in ${jsonField}, not both.`,
			`cannot be set together with ${field}`,
		);
	}
	if (fromFields === undefined && json === undefined) return undefined;
	const entries = json === undefined ? listed : scheduleEntries(jsonField, json);
	const source = json === undefined ? field : jsonField;
	if (entries.length === 0) {
		throw new InputError(
			source,
			json === undefined ? fromFields : fromJson,
			`Add at least one time (e.g. 30 minutes), or remove ${source}.`,
			'holds no time',
		);
	}
	return entries.map((entry, index) => checkSchedule(`${source}[${index}]`, entry));
}
