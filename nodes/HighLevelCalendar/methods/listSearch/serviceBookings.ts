import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { readCredential } from '../../transport/credential';
import { highLevelRequest } from '../../transport/client';
import { matchesFilter } from './calendars';

/** HighLevel lists service bookings only in a window: the picker shows the coming days. */
export const BOOKING_PICKER_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `Jane Doe - Haircut (2030-01-17 10:00)`: the title and the start as HighLevel wrote it. */
function bookingLabel(booking: IDataObject): string {
	const start = typeof booking.startTime === 'string' ? booking.startTime : '';
	const when = start ? ` (${start.slice(0, 10)} ${start.slice(11, 16)})` : '';
	return `${String(booking.title || booking.bookingId)}${when}`;
}

/**
 * The service booking picker (fields/locators.ts, kind 'serviceBooking'): the bookings from now to
 * BOOKING_PICKER_DAYS days ahead, in one answer (the endpoint does not page), filtered by title
 * or id. Older or later bookings are given By ID.
 */
export async function searchServiceBookings(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { locationId } = await readCredential(this);
	const now = Date.now();
	const response = await highLevelRequest(this, {
		method: 'GET',
		path: '/calendars/services/bookings',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		qs: {
			locationId,
			startTime: String(now),
			endTime: String(now + BOOKING_PICKER_DAYS * DAY_MS),
		},
	});
	const bookings = (response.bookings as IDataObject[] | undefined) ?? [];
	return {
		results: bookings
			.filter((booking) => matchesFilter(filter, booking.title, booking.bookingId))
			.map((booking) => ({ name: bookingLabel(booking), value: String(booking.bookingId) })),
	};
}
