import { InputError } from './inputError';

/**
 * Encodes an id (event id, recurring instance id `<id>_<ms>_<seconds>`, calendar or contact id) as
 * exactly one URL path segment. Ours, not n8n-workflow's toPathSegment, which only exists from
 * n8n 2.40. encodeURIComponent turns `/`, `?`, `#` and `%` into escapes, so an id can never address
 * another endpoint; `.` and `..` would be resolved away by URL normalisation, so they are refused.
 */
export function encodePathSegment(value: unknown, field: string): string {
	const fix = `Use the id HighLevel returned for ${field}, e.g. ocQHyuzHvysMo5N5VsXc.`;
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (typeof value !== 'string') throw new InputError(field, value, fix, 'is not a text id');
	const id = value.trim();
	if (id === '') throw new InputError(field, value, fix, 'is empty');
	if (id === '.' || id === '..') throw new InputError(field, value, fix, 'is not an id');
	return encodeURIComponent(id);
}

/**
 * Fills the `{name}` placeholders of a spec-style path such as `/calendars/events/appointments/{eventId}`,
 * each with its encoded value.
 */
export function fillPath(pathTemplate: string, valueOf: (name: string) => unknown): string {
	return pathTemplate.replace(/\{(\w+)\}/g, (_placeholder, name: string) =>
		encodePathSegment(valueOf(name), name),
	);
}
