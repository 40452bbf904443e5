import type { IDataObject } from 'n8n-workflow';
import {
	checkId,
	checkImageUrl,
	checkName,
	checkOption,
	coerceText,
} from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';
import { checkSlugField, slugOf } from '../../helpers/slug';
import type { BodyContext } from '../../hooks/request';

/**
 * Checks on a service location (Calendars API v3: CreateServiceLocationDTO,
 * UpdateServiceLocationDTO), pure so test/unit/HighLevelCalendar/resources/serviceLocation tests
 * them alone.
 */

/** The spec's enum for locationType, with the editor's names. */
export const LOCATION_TYPE_NAMES: Record<string, string> = {
	offline: 'Offline',
	ask_booker: 'Ask Booker',
};

const SLUG_EXAMPLE = 'midtown-studio';

function checkCommon(body: IDataObject): void {
	coerceText(body, 'phone');
	coerceText(body, 'address');
	checkImageUrl(body);
	if (typeof body.locationType === 'string') body.locationType = body.locationType.trim();
	checkOption(body, 'locationType', LOCATION_TYPE_NAMES);
}

/** POST /calendars/services/locations: CreateServiceLocationDTO, in the credential's sub-account. */
export function normalizeServiceLocationCreateBody(
	body: IDataObject,
	context: BodyContext,
): IDataObject {
	if (body.locationId === undefined || body.locationId === '')
		body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkName(body, true, 'Midtown Studio');
	coerceText(body, 'slug');
	// The spec requires a slug: left empty, one is made of the name.
	if (body.slug === undefined || (body.slug as string).trim() === '') {
		const made = slugOf(String(body.name));
		if (made === '')
			throw new InputError(
				'slug',
				body.slug,
				`Set the slug, e.g. ${SLUG_EXAMPLE}: none can be made of this name.`,
				'is empty',
			);
		body.slug = made;
	}
	checkSlugField(body, SLUG_EXAMPLE);
	checkCommon(body);
	return body;
}

/** PUT /calendars/services/locations/{serviceLocationId}: only the fields given; at least one. */
export function normalizeServiceLocationUpdateBody(body: IDataObject): IDataObject {
	if (Object.keys(body).length === 0)
		throw new InputError(
			'serviceLocationUpdateFields',
			undefined,
			'Add at least one field to Update Fields.',
			'is empty',
		);
	checkName(body, false, 'Midtown Studio');
	if (body.slug !== undefined) checkSlugField(body, SLUG_EXAMPLE);
	checkCommon(body);
	return body;
}
