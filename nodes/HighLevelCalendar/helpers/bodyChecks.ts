import type { IDataObject } from 'n8n-workflow';
import { InputError } from './inputError';
import { didYouMean } from './suggest';
import { assertEndAfterStart, toApiTime, type TimeReading } from './time';

/**
 * Checks and coerces body fields after n8n's routing has placed them, because expressions can put
 * anything there (a number for an id, "true" for a boolean, an unknown enum value).
 */

export function coerceBoolean(body: IDataObject, field: string): void {
	const value = body[field];
	if (value === undefined || typeof value === 'boolean') return;
	if (value === 'true' || value === 'false') {
		body[field] = value === 'true';
		return;
	}
	throw new InputError(field, value, 'Use true or false.', 'is not a boolean');
}

export function coerceText(body: IDataObject, field: string): void {
	const value = body[field];
	if (value === undefined || typeof value === 'string') return;
	if (typeof value === 'number' && Number.isFinite(value)) {
		body[field] = String(value);
		return;
	}
	throw new InputError(field, value, 'Use plain text.', 'is not text');
}

/** Ids are never sent empty: an empty id would address nothing or, worse, clear an assignment. */
export function checkId(body: IDataObject, field: string, required: boolean): void {
	coerceText(body, field);
	const value = body[field];
	if (value === undefined && !required) return;
	if (typeof value !== 'string' || value.trim() === '') {
		const fix = required ? 'Set it: it is required.' : 'Set an id, or remove the field.';
		throw new InputError(field, value, fix, value === undefined ? 'is missing' : 'is empty');
	}
	body[field] = value.trim();
}

/** Case, spaces, dashes and underscores do not matter: "No Show", "no_show" and "NOSHOW" are alike. */
const squash = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The value of a list option, also when an expression gives it the way the editor shows it:
 * `No Show` or `no show` means `noshow`. Anything else is refused with the list and a "did you mean".
 */
export function matchOption(field: string, value: unknown, names: Record<string, string>): string {
	const values = Object.keys(names);
	if (typeof value === 'string') {
		if (values.includes(value)) return value;
		const wanted = squash(value);
		const found = values.find(
			(known) => squash(known) === wanted || squash(names[known]) === wanted,
		);
		if (found) return found;
	}
	const listed = values.map((known) =>
		squash(names[known]) === squash(known) ? known : `${known} (${names[known]})`,
	);
	const hint = typeof value === 'string' ? didYouMean(squash(value), values) : '';
	throw new InputError(
		field,
		value,
		`${hint}Use one of: ${listed.join(', ')}.`,
		'is not an allowed value',
	);
}

/** A body field that holds a list option: its value as HighLevel names it. */
export function checkOption(body: IDataObject, field: string, names: Record<string, string>): void {
	if (body[field] !== undefined) body[field] = matchOption(field, body[field], names);
}

/** startTime/endTime to ISO 8601 with offset; when both are given, the end must come after the start. */
export function normalizeTimeRange(
	body: IDataObject,
	{ timeZone, offsetRequired = false }: TimeReading,
): void {
	const read = (field: string) =>
		body[field] === undefined ? undefined : toApiTime(body[field], field, timeZone, offsetRequired);
	const start = read('startTime');
	const end = read('endTime');
	if (start) body.startTime = start.iso;
	if (end) body.endTime = end.iso;
	if (start && end) assertEndAfterStart(start, end);
}

/** Ids given comma-separated (or as a list, from an expression): trimmed, empty ones dropped. */
export function commaList(value: unknown): string[] {
	const items = Array.isArray(value) ? value : String(value ?? '').split(',');
	return items.map((id) => String(id).trim()).filter(Boolean);
}

/** `name` (or `path`, for a name inside a list entry): required text, trimmed. */
export function checkName(
	body: IDataObject,
	required: boolean,
	example: string,
	path = 'name',
): void {
	coerceText(body, 'name');
	if (body.name === undefined && !required) return;
	if (typeof body.name !== 'string' || body.name.trim() === '') {
		throw new InputError(
			path,
			body.name,
			`Give it a name, e.g. ${example}.`,
			body.name === undefined ? 'is missing' : 'is empty',
		);
	}
	body.name = body.name.trim();
}

/** coverImage: the image's address, http or https. */
export function checkImageUrl(body: IDataObject): void {
	coerceText(body, 'coverImage');
	const value = body.coverImage as string | undefined;
	if (value === undefined) return;
	if (!/^https?:\/\/\S+$/i.test(value.trim()))
		throw new InputError(
			'coverImage',
			value,
			'Use the address of an image, e.g. https://example.com/cover.jpg.',
			'is not a web address',
		);
	body.coverImage = value.trim();
}

/** A JSON option's value: text holding JSON (as typed) or the value an expression gave. */
export function parseJson(field: string, value: unknown, example: string): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') {
		throw new InputError(
			field,
			value,
			`Give JSON such as ${example}, or remove the option.`,
			'is empty',
		);
	}
	let problem: string;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		problem = (error as Error).message;
	}
	throw new InputError(
		field,
		value,
		`Give JSON such as ${example} (${problem}).`,
		'is not valid JSON',
	);
}
