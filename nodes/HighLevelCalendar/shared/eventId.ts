import { InputError } from './inputError';

/**
 * Encodes an event id (plain, recurring instance `<id>_<ms>_<seconds>`, or master id) as exactly one
 * URL path segment. Ours, not n8n-workflow's toPathSegment, which only exists from n8n 2.40.
 * encodeURIComponent turns `/`, `?`, `#` and `%` into escapes, so an id can never address another
 * endpoint; `.` and `..` would be resolved away by URL normalisation, so they are refused.
 */
export function encodeEventId(value: unknown, field = 'eventId'): string {
	const fix = 'Use the event id HighLevel returned, e.g. ocQHyuzHvysMo5N5VsXc or ocQHyuzHvysMo5N5VsXc_1729821600000_1800.';
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (typeof value !== 'string') throw new InputError(field, value, fix, 'is not a text id');
	const id = value.trim();
	if (id === '') throw new InputError(field, value, fix, 'is empty');
	if (id === '.' || id === '..') throw new InputError(field, value, fix, 'is not an id');
	return encodeURIComponent(id);
}

/** Fills `{eventId}` in a spec-style path template such as `/calendars/events/appointments/{eventId}`. */
export function fillEventIdInPath(pathTemplate: string, eventId: unknown): string {
	return pathTemplate.replace('{eventId}', encodeEventId(eventId));
}
