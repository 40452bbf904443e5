// The sandbox's model of HighLevel's service menu (Calendars API v3 only): the services catalog,
// service locations, service bookings and event calendars' availability schedules. Each kind has
// its seed function here; SandboxStore.reset() calls them. Shapes follow calendars-v3.json's
// response schemas (ServiceResponseDTO, ServiceLocationResponseDTO, ServiceBookingResponseDTO,
// EventCalendarScheduleDTO); fields the spec leaves open are kept as the request gave them.

/** A record as the v3 answers carry it: `id` and `locationId` always, the rest per kind. */
import {
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_LOCATION_TIMEZONE,
	SANDBOX_SERVICE_BOOKING_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_SERVICE_LOCATION_ID,
	SANDBOX_USER_ID,
} from './seedIds';

/**
 * The category a booked service reports (ServiceDTO.serviceCategoryId) when the services catalog
 * does not name one.
 */
export const SANDBOX_SERVICE_CATEGORY_ID = 'svc_category_sandbox_001';

export interface ServiceMenuRecord {
	id: string;
	locationId: string;
	[field: string]: unknown;
}

export type ServiceRecord = ServiceMenuRecord;
export type ServiceLocationRecord = ServiceMenuRecord;
/** One service of a booking, as ServiceDTO carries it. */
export interface BookedService {
	id: string;
	serviceCategoryId: string;
	serviceStaffId: string;
	serviceStartTime: string;
	serviceEndTime: string;
	serviceResources?: Array<{ id: string }>;
	serviceAddOns?: Array<{ id: string; quantity?: number }>;
}

/** ServiceBookingResponseDTO's fields, with `id` for its `bookingId`. */
export interface ServiceBookingRecord extends ServiceMenuRecord {
	contactId: string;
	serviceLocationId: string;
	title: string;
	/** ISO 8601 with the offset of `timezone` at that instant. */
	startTime: string;
	endTime: string;
	timezone: string;
	services: BookedService[];
	/** confirmed, cancelled, invalid, new, showed, no_show; kept as written. */
	status: string;
	deleted: boolean;
	meetingLocation?: string;
	dateAdded: string;
	dateUpdated: string;
	createdBy: { userId?: string; source: string };
}
/** Keyed by the event calendar's id: one schedule per calendar. */
export type EventCalendarScheduleRecord = ServiceMenuRecord & { calendarId: string };

/** Seeds the services catalog (SANDBOX_SERVICE_ID, SANDBOX_SERVICE_2_ID). */
export function seedServices(_services: Map<string, ServiceRecord>, _seededAt: string): void {}

/** Seeds the service locations (SANDBOX_SERVICE_LOCATION_ID). */
export function seedServiceLocations(
	_serviceLocations: Map<string, ServiceLocationRecord>,
	_seededAt: string,
): void {}

/**
 * Seeds the service bookings (SANDBOX_SERVICE_BOOKING_ID): a half-hour haircut for Casey with Sam,
 * three days after the seeded appointments, written in the location's time zone.
 */
export function seedServiceBookings(
	serviceBookings: Map<string, ServiceBookingRecord>,
	seededAt: string,
): void {
	const startTime = '2030-01-17T10:00:00-05:00';
	const endTime = '2030-01-17T10:30:00-05:00';
	serviceBookings.set(SANDBOX_SERVICE_BOOKING_ID, {
		id: SANDBOX_SERVICE_BOOKING_ID,
		locationId: SANDBOX_LOCATION_ID,
		contactId: SANDBOX_CONTACT_ID,
		serviceLocationId: SANDBOX_SERVICE_LOCATION_ID,
		title: 'Casey Contact - Haircut',
		startTime,
		endTime,
		timezone: SANDBOX_LOCATION_TIMEZONE,
		services: [
			{
				id: SANDBOX_SERVICE_ID,
				serviceCategoryId: SANDBOX_SERVICE_CATEGORY_ID,
				serviceStaffId: SANDBOX_USER_ID,
				serviceStartTime: startTime,
				serviceEndTime: endTime,
			},
		],
		status: 'confirmed',
		deleted: false,
		dateAdded: seededAt,
		dateUpdated: seededAt,
		createdBy: { userId: SANDBOX_USER_ID, source: 'third_party' },
	});
}

/** Seeds the event calendars' schedules (none: SANDBOX_EVENT_CALENDAR_ID starts without one). */
export function seedEventCalendarSchedules(
	_schedules: Map<string, EventCalendarScheduleRecord>,
	_seededAt: string,
): void {}
