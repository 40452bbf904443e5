import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import {
	eventsOfEveryCalendar,
	listEvents,
	mergeEvents,
	type EventWindow,
} from '../HighLevelCalendar/transport/calendarEvents';
import { highLevelRequest } from '../HighLevelCalendar/transport/client';
import { CALENDARS_API_VERSION, SCOPES } from '../HighLevelCalendar/helpers/constants';
import { readCredential } from '../HighLevelCalendar/transport/credential';
import { encodePathSegment } from '../HighLevelCalendar/helpers/pathSegment';
import type { TriggerSettings } from './settings';

/**
 * What a poll asks HighLevel, through the package's one client (its location budget, pacing and
 * retry rules). Requests per poll: one GET /calendars/events for a calendar, user or group; for
 * every calendar, GET /calendars/ and one list per calendar. Plus one GET per remembered
 * appointment that disappeared (was it deleted?), and on the first poll and "Fetch Test Event"
 * one GET of the watched calendar, so a wrong id fails with a clear message. The lists are
 * HighLevelCalendar/transport/calendarEvents.ts's, shared with Appointment Get Many.
 */

const QUERY_FIELD = { calendar: 'calendarId', user: 'userId', group: 'groupId' } as const;

/** The appointments in the window, once each, without those HighLevel marks deleted. */
export async function appointmentsInWindow(
	context: IPollFunctions,
	settings: TriggerSettings,
	window: EventWindow,
): Promise<IDataObject[]> {
	const { locationId } = await readCredential(context);
	const events =
		settings.watch === 'location'
			? await eventsOfEveryCalendar(context, locationId, window)
			: mergeEvents([
					await listEvents(
						context,
						locationId,
						{ [QUERY_FIELD[settings.watch]]: settings.targetId },
						window,
					),
				]);
	return events.filter((event) => event.deleted !== true && event.id !== undefined);
}

/** A watched calendar that does not exist fails here, with HighLevel's 404 naming the id. */
export async function checkWatchedCalendar(
	context: IPollFunctions,
	settings: TriggerSettings,
): Promise<void> {
	if (settings.watch !== 'calendar') return;
	await highLevelRequest(context, {
		method: 'GET',
		path: `/calendars/${encodePathSegment(settings.targetId, 'calendarId')}`,
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.calendarsRead,
		target: `calendar with calendarId "${settings.targetId}"`,
	});
}

/**
 * An appointment that left the list while still in the window: deleted (404, or HighLevel's
 * `deleted: true`), or still there but no longer watched (moved to another calendar or user).
 */
export async function lookUpMissing(
	context: IPollFunctions,
	id: string,
): Promise<{ deleted: boolean; appointment?: IDataObject }> {
	const response = await highLevelRequest(context, {
		method: 'GET',
		path: `/calendars/events/appointments/${encodePathSegment(id, 'eventId')}`,
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		notFoundIsAnswer: true,
	});
	// HighLevel has been seen answering under `appointment` as well as the spec's `event`.
	const appointment = (response.event ?? response.appointment) as IDataObject | undefined;
	return { deleted: !appointment || appointment.deleted === true, appointment };
}
