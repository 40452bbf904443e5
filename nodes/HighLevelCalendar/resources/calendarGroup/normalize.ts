import type { IDataObject } from 'n8n-workflow';
import { checkId, coerceBoolean, coerceText } from '../../helpers/bodyChecks';
import type { BodyContext } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';
import { checkSlugField, slugOf } from '../../helpers/slug';

/**
 * Checks on a calendar group's fields before anything is sent. The spec types name, description
 * and slug as plain strings and requires all three on create and update (GroupCreateDTO,
 * GroupUpdateDTO); the slug is part of the group's booking page address.
 */

/** A slug made of the text (helpers/slug.ts), `sales-team` when nothing of it is left. */
export function suggestSlug(text: string): string {
	return slugOf(text, 'sales-team');
}

export function checkSlug(body: IDataObject): void {
	checkSlugField(body, 'sales-team');
}

function checkName(body: IDataObject): void {
	coerceText(body, 'name');
	const value = body.name as string | undefined;
	if (value === undefined || value.trim() === '') {
		throw new InputError(
			'name',
			value,
			'Set the name of the group, e.g. Sales Team.',
			value === undefined ? 'is missing' : 'is empty',
		);
	}
}

/** Required by the spec, but may be empty: an empty description is sent as such. */
function checkDescription(body: IDataObject): void {
	if (body.description === undefined) body.description = '';
	coerceText(body, 'description');
}

/** POST /calendars/groups: GroupCreateDTO, in the credential's sub-account. */
export function normalizeGroupCreateBody(body: IDataObject, context: BodyContext): IDataObject {
	if (body.locationId === undefined) body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkName(body);
	checkDescription(body);
	checkSlug(body);
	coerceBoolean(body, 'isActive');
	return body;
}

/** PUT /calendars/groups/{groupId}: GroupUpdateDTO replaces all three fields. */
export function normalizeGroupUpdateBody(body: IDataObject): IDataObject {
	checkName(body);
	checkDescription(body);
	checkSlug(body);
	return body;
}

/** PUT /calendars/groups/{groupId}/status: GroupStatusUpdateParams. */
export function normalizeGroupStatusBody(body: IDataObject): IDataObject {
	coerceBoolean(body, 'isActive');
	if (body.isActive === undefined) {
		throw new InputError(
			'isActive',
			undefined,
			'Set Active: true enables the group, false disables it.',
			'is missing',
		);
	}
	return body;
}

/** POST /calendars/groups/validate-slug: ValidateGroupSlugPostBody. */
export function normalizeSlugBody(body: IDataObject, context: BodyContext): IDataObject {
	if (body.locationId === undefined) body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkSlug(body);
	return body;
}
