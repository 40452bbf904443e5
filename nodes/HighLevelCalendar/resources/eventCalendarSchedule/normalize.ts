import type { IDataObject } from 'n8n-workflow';
import { InputError } from '../../helpers/inputError';
import { applyScheduleRules, scheduleTimeZone } from '../../helpers/scheduleBody';

/**
 * The checks of an event calendar schedule's body: the time zone and rules as an availability
 * schedule's (helpers/scheduleBody.ts), before anything is sent.
 */

/** POST /calendars/schedules/event-calendar/{calendarId} (CreateEventCalendarScheduleDTO): timezone and rules. */
export function normalizeEventScheduleCreateBody(body: IDataObject): IDataObject {
	body.timezone = scheduleTimeZone(body.timezone);
	applyScheduleRules(body);
	if (body.rules === undefined)
		throw new InputError(
			'eventCalendarScheduleRules',
			{},
			'Add Weekly Hours, Date Overrides or Rules (JSON) to Rules: HighLevel needs the rules of a new schedule.',
			'is empty',
		);
	return body;
}

/** PUT /calendars/schedules/event-calendar/{calendarId} (UpdateEventCalendarScheduleDTO): only what was set, and something must be. */
export function normalizeEventScheduleUpdateBody(body: IDataObject): IDataObject {
	if (Object.keys(body).length === 0)
		throw new InputError(
			'eventCalendarScheduleUpdateFields',
			body,
			'Add Time Zone or rules to Update Fields.',
			'is empty',
		);
	if (body.timezone !== undefined) body.timezone = scheduleTimeZone(body.timezone);
	applyScheduleRules(body);
	return body;
}
