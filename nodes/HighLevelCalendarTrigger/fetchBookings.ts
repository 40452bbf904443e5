import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { highLevelRequest } from '../HighLevelCalendar/transport/client';
import { CALENDARS_API_VERSION, SCOPES } from '../HighLevelCalendar/helpers/constants';
import { readCredential } from '../HighLevelCalendar/transport/credential';
import { encodePathSegment } from '../HighLevelCalendar/helpers/pathSegment';
import { idOf, SERVICE_BOOKINGS } from './kinds';
import type { TriggerSettings } from './settings';

/**
 * What a poll of service bookings asks HighLevel (Calendars API v3, through the package's one
 * client like fetch.ts): one GET /calendars/services/bookings for the window, the sub-account's or
 * one service location's, plus one GET per remembered booking that disappeared from it.
 */

/** The bookings in the window, once each, without those HighLevel marks deleted. */
export async function bookingsInWindow(
	context: IPollFunctions,
	settings: TriggerSettings,
	window: { startMs: number; endMs: number },
): Promise<IDataObject[]> {
	const { locationId } = await readCredential(context);
	const response = await highLevelRequest(context, {
		method: 'GET',
		path: '/calendars/services/bookings',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		qs: {
			locationId,
			startTime: String(window.startMs),
			endTime: String(window.endMs),
			...(settings.targetId && { serviceLocationId: settings.targetId }),
		},
	});
	const bookings = Array.isArray(response.bookings) ? (response.bookings as IDataObject[]) : [];
	const byId = new Map<string, IDataObject>();
	for (const booking of bookings) {
		const id = idOf(booking, SERVICE_BOOKINGS);
		if (booking.deleted === true || id === undefined) continue;
		byId.set(id, booking);
	}
	return [...byId.values()];
}

/**
 * A booking that left the list while still in the window: deleted (404, or HighLevel's
 * `deleted: true`), or still there but no longer listed (moved to another service location).
 */
export async function lookUpMissingBooking(
	context: IPollFunctions,
	id: string,
): Promise<{ deleted: boolean; appointment?: IDataObject }> {
	const response = await highLevelRequest(context, {
		method: 'GET',
		path: `/calendars/services/bookings/${encodePathSegment(id, 'bookingId')}`,
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		notFoundIsAnswer: true,
	});
	// The spec answers with the booking itself (ServiceBookingResponseDTO); a wrapped one is read too.
	const wrapped = response.booking as IDataObject | undefined;
	const booking = wrapped ?? (idOf(response, SERVICE_BOOKINGS) ? response : undefined);
	return { deleted: !booking || booking.deleted === true, appointment: booking };
}
