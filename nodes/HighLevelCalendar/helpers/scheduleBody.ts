import type { IDataObject } from 'n8n-workflow';
import { InputError } from './inputError';
import { dateOverrideRules, weeklyHoursRules } from './scheduleRules';
import { jsonRules } from './scheduleRulesJson';
import { assertTimeZone } from './time';

/**
 * What the bodies of every schedule share: the time zone HighLevel takes for a schedule, and the
 * `rules` made from the editor's Weekly Hours, Date Overrides or Rules (JSON)
 * (fields/scheduleRules.ts). Availability schedules and event calendar schedules both use them.
 */

/**
 * The schedule DTOs (CreateScheduleDTO, UpdateScheduleDTO, and v3's Create and Update
 * EventCalendarScheduleDTO) call timezone an IANA identifier and also give it the
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
