import type { IDataObject } from 'n8n-workflow';
import { checkId, coerceText, commaList } from '../../helpers/bodyChecks';
import type { BodyContext } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';
import { assertTimeZone } from '../../helpers/time';
import { dateOverrideRules, weeklyHoursRules } from './rules';
import { jsonRules } from './rulesJson';

/**
 * The checks of the availability schedule operations: pure functions on the body (or query) that
 * the hooks run before anything is sent, throwing InputError with the field, value and fix.
 */

/**
 * CreateScheduleDTO and UpdateScheduleDTO call timezone an IANA identifier and also give it the
 * pattern `^[A-Za-z_]+/[A-Za-z_]+$`, which refuses some IANA names (UTC, America/Argentina/Cordoba,
 * America/Port-au-Prince). Both are checked, so such a zone fails here with a fix, not at HighLevel.
 */
export const SCHEDULE_TIME_ZONE_PATTERN = /^[A-Za-z_]+\/[A-Za-z_]+$/;

export function scheduleTimeZone(value: unknown, field = 'timezone'): string {
	const zone = typeof value === 'string' ? value.trim() : value;
	assertTimeZone(zone, field);
	if (!SCHEDULE_TIME_ZONE_PATTERN.test(zone as string))
		throw new InputError(
			field,
			value,
			'HighLevel takes schedule time zones of the form Area/City (letters and underscores, one slash), such as America/New_York; for UTC use Etc/UTC.',
			'is not a time zone HighLevel takes for a schedule',
		);
	return zone as string;
}

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

/** A fixedCollection's entries (`{ hours: [...] }`), or the list an expression gave instead. */
function fixedEntries(value: unknown, key: string, field: string, fix: string): unknown {
	const entries =
		typeof value === 'object' && value !== null && !Array.isArray(value)
			? ((value as IDataObject)[key] ?? [])
			: value;
	// No entries would send `rules: []`, which clears every rule: only Rules (JSON) does that.
	if (Array.isArray(entries) && entries.length === 0)
		throw new InputError(field, value, fix, 'has no entries');
	return entries;
}

/**
 * The body's `rules`, from Weekly Hours and Date Overrides or from Rules (JSON), never both; the
 * editor's fields are removed from the body. Nothing is added when none of them was given.
 */
export function applyScheduleRules(body: IDataObject): void {
	const { weeklyHours, dateOverrides, rulesJson } = body;
	delete body.weeklyHours;
	delete body.dateOverrides;
	delete body.rulesJson;
	const fromFields = weeklyHours !== undefined || dateOverrides !== undefined;
	if (rulesJson !== undefined && fromFields)
		throw new InputError(
			'rulesJson',
			rulesJson,
			'Use Weekly Hours and Date Overrides, or Rules (JSON), not both: remove one.',
			'cannot be set together with Weekly Hours or Date Overrides',
		);
	if (rulesJson !== undefined) {
		body.rules = jsonRules(rulesJson) as unknown as IDataObject[];
		return;
	}
	if (!fromFields) return;
	const clear = 'Rules (JSON) [] clears every rule';
	const weekly =
		weeklyHours === undefined
			? []
			: weeklyHoursRules(
					fixedEntries(
						weeklyHours,
						'hours',
						'weeklyHours',
						`Add hours, or remove Weekly Hours (${clear}).`,
					),
				);
	const overrides =
		dateOverrides === undefined
			? []
			: dateOverrideRules(
					fixedEntries(
						dateOverrides,
						'overrides',
						'dateOverrides',
						`Add a date, or remove Date Overrides (${clear}).`,
					),
				);
	body.rules = [...weekly, ...overrides] as unknown as IDataObject[];
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
