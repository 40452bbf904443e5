import type { IDataObject } from 'n8n-workflow';
import { SERVICE_BOOKING_STATUS_NAMES } from '../HighLevelCalendar/helpers/constants';
import { BOOKING_EVENT_NAMES } from './changes';
import {
	readCommonSettings,
	readEvents,
	readMinutesBefore,
	statusList,
	type TriggerSettings,
} from './settings';

/**
 * The settings of a trigger that watches service bookings (Trigger On: Service Bookings), checked
 * before any request like an appointment watch's (settings.ts). Bookings are listed for the whole
 * sub-account, or for one service location: that one is sent with the list, and a booking moved
 * to another location stops firing.
 */
export function readBookingSettings(
	read: (name: string, fallback: unknown) => unknown,
): TriggerSettings {
	const events = readEvents(read('bookingEvents', []), BOOKING_EVENT_NAMES, 'bookingEvents');
	const filters = (read('bookingFilters', {}) ?? {}) as IDataObject;
	const serviceLocationId = String(filters.serviceLocationId ?? '').trim();
	return {
		triggerOn: 'serviceBookings',
		watch: 'location',
		targetId: serviceLocationId,
		events,
		toStatuses: events.includes('serviceBookingStatusChanged')
			? statusList('bookingToStatuses', read('bookingToStatuses', []), SERVICE_BOOKING_STATUS_NAMES)
			: [],
		minutesBefore: readMinutesBefore(read, events.includes('serviceBookingStarting')),
		statuses: statusList('status', filters.status, SERVICE_BOOKING_STATUS_NAMES),
		calendarIds: [],
		assignedUserIds: [],
		serviceLocationIds: serviceLocationId ? [serviceLocationId] : [],
		...readCommonSettings(read),
	};
}
