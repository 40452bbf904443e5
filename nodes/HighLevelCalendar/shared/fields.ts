import type { IDataObject } from 'n8n-workflow';
import { InputError } from './inputError';
import { toApiTime } from './time';

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
		const fix = required ? `Set ${field}: it is required.` : `Set an id or remove ${field} from the fields.`;
		throw new InputError(field, value, fix, value === undefined ? 'is missing' : 'is empty');
	}
	body[field] = value.trim();
}

export function checkOneOf(body: IDataObject, field: string, allowed: readonly string[]): void {
	const value = body[field];
	if (value === undefined) return;
	if (typeof value !== 'string' || !allowed.includes(value)) {
		throw new InputError(field, value, `Use one of: ${allowed.join(', ')}.`, 'is not an allowed value');
	}
}

/** startTime/endTime to ISO 8601 with offset; when both are given, the end must come after the start. */
export function normalizeTimeRange(body: IDataObject, timeZone: string): void {
	const start = body.startTime === undefined ? undefined : toApiTime(body.startTime, 'startTime', timeZone);
	const end = body.endTime === undefined ? undefined : toApiTime(body.endTime, 'endTime', timeZone);
	if (start) body.startTime = start.iso;
	if (end) body.endTime = end.iso;
	if (start && end && end.epochMs <= start.epochMs) {
		throw new InputError('endTime', end.iso, `Set an endTime after startTime (${start.iso}).`, 'is not after startTime');
	}
}
