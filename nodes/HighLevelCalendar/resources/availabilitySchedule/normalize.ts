import type { IDataObject } from 'n8n-workflow';
import { checkId, coerceText, commaList } from '../../helpers/bodyChecks';
import type { BodyContext } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';
import { applyScheduleRules, scheduleTimeZone } from '../../helpers/scheduleBody';

/**
 * The checks of the availability schedule operations: pure functions on the body (or query) that
 * the hooks run before anything is sent, throwing InputError with the field, value and fix.
 */

function checkName(body: IDataObject, required: boolean): void {
	coerceText(body, 'name');
	if (body.name === undefined && !required) return;
	if (typeof body.name !== 'string' || body.name.trim() === '')
		throw new InputError(
			'name',
			body.name,
			'Give the schedule a name, such as Business Hours.',
			body.name === undefined ? 'is missing' : 'is empty',
		);
	body.name = body.name.trim();
}

/** Calendar IDs: a comma-separated text or a list, never sent empty. */
function checkCalendarIds(body: IDataObject): void {
	if (body.calendarIds === undefined) return;
	const ids = commaList(body.calendarIds);
	if (ids.length === 0)
		throw new InputError(
			'calendarIds',
			body.calendarIds,
			'Give calendar IDs separated by commas, or remove Calendar IDs.',
			'is empty',
		);
	body.calendarIds = ids;
}

/** POST /calendars/schedules (CreateScheduleDTO): name, timezone, userId and locationId are required. */
export function normalizeScheduleCreateBody(body: IDataObject, context: BodyContext): IDataObject {
	if (body.locationId === undefined || body.locationId === '')
		body.locationId = context.credentialLocationId;
	checkId(body, 'locationId', true);
	checkId(body, 'userId', true);
	checkName(body, true);
	body.timezone = scheduleTimeZone(body.timezone);
	checkCalendarIds(body);
	applyScheduleRules(body);
	return body;
}

/** PUT /calendars/schedules/{id} (UpdateScheduleDTO): only what was set, and something must be. */
export function normalizeScheduleUpdateBody(body: IDataObject): IDataObject {
	if (Object.keys(body).length === 0)
		throw new InputError(
			'availabilityScheduleUpdateFields',
			body,
			'Add at least one field to Update Fields.',
			'is empty',
		);
	checkName(body, false);
	if (body.timezone !== undefined) body.timezone = scheduleTimeZone(body.timezone);
	applyScheduleRules(body);
	return body;
}

/** GET /calendars/schedules/search: the user is required, the calendar optional, the location the credential's by default. */
export function normalizeScheduleSearchQuery(
	qs: IDataObject,
	credentialLocationId: string,
): IDataObject {
	if (qs.locationId === undefined || qs.locationId === '') qs.locationId = credentialLocationId;
	checkId(qs, 'locationId', true);
	checkId(qs, 'userId', true);
	checkId(qs, 'calendarId', false);
	return qs;
}
