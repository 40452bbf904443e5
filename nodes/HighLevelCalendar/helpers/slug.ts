import type { IDataObject } from 'n8n-workflow';
import { coerceText } from './bodyChecks';
import { InputError } from './inputError';

/**
 * Slugs: the part of a booking page's address that names a calendar group, a service or a service
 * location, unique in the sub-account. The specs type them as plain strings; what one may hold is
 * what one segment of an address may hold.
 */

/** What a slug may not hold: it is one segment of an address (spaces, `/`, `?`, `#`, `%`...). */
const NOT_IN_SLUG = /[\s/\\?#%&=+]/;

/**
 * A slug made of the text: lower case without accents, every run of other characters one dash;
 * `fallback` when nothing of the text is left.
 */
export function slugOf(text: string, fallback = ''): string {
	const slug = text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || fallback;
}

/** The body's slug, trimmed; refused when missing, empty, or not one segment of an address. */
export function checkSlugField(body: IDataObject, example: string, field = 'slug'): void {
	coerceText(body, field);
	const value = body[field] as string | undefined;
	if (value === undefined || value.trim() === '') {
		throw new InputError(
			field,
			value,
			`Set the slug, e.g. ${example}.`,
			value === undefined ? 'is missing' : 'is empty',
		);
	}
	const slug = value.trim();
	if (NOT_IN_SLUG.test(slug)) {
		throw new InputError(
			field,
			value,
			`Use letters, digits and dashes, e.g. "${slugOf(slug, example)}".`,
			'cannot be part of an address',
		);
	}
	body[field] = slug;
}
