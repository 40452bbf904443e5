// The sandbox's model of HighLevel's service menu (Calendars API v3 only): the services catalog,
// service locations, service bookings and event calendars' availability schedules. Each kind has
// its seed function here; SandboxStore.reset() calls them. Shapes follow calendars-v3.json's
// response schemas (ServiceResponseDTO, ServiceLocationResponseDTO, ServiceBookingResponseDTO,
// EventCalendarScheduleDTO); fields the spec leaves open are kept as the request gave them.
import type { CalendarRecord, ScheduleRuleRecord } from './records';
import { SANDBOX_CALENDAR_ID, SANDBOX_EVENT_CALENDAR_ID } from './seedIds';
import type { SandboxStore } from './store';

/** A record as the v3 answers carry it: `id` and `locationId` always, the rest per kind. */
export interface ServiceMenuRecord {
	id: string;
	locationId: string;
	[field: string]: unknown;
}

export type ServiceRecord = ServiceMenuRecord;
export type ServiceLocationRecord = ServiceMenuRecord;
export type ServiceBookingRecord = ServiceMenuRecord;
/**
 * An event calendar's availability schedule (EventCalendarScheduleResponseDTO), keyed by the
 * calendar's id: one schedule per calendar, its `id` the calendar's (the answers carry no id).
 */
export interface EventCalendarScheduleRecord extends ServiceMenuRecord {
	calendarId: string;
	timezone: string;
	rules: ScheduleRuleRecord[];
	dateAdded: string;
	dateUpdated: string;
}

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

/**
 * Seeds the event calendars' schedules: none. The seed has no calendar of type event (adding one
 * to the calendars would change every test that counts them), so a test that needs one adds it
 * with sandboxEventCalendar() and creates its schedule through the API or the store.
 */
export function seedEventCalendarSchedules(
	_schedules: Map<string, EventCalendarScheduleRecord>,
	_seededAt: string,
): void {}

/**
 * SANDBOX_EVENT_CALENDAR_ID, a calendar of type event of the seed's location, made from the seed's
 * first calendar: `sandbox.store.calendars.set(SANDBOX_EVENT_CALENDAR_ID, sandboxEventCalendar(sandbox.store))`.
 */
export function sandboxEventCalendar(store: Pick<SandboxStore, 'calendars'>): CalendarRecord {
	const base = store.calendars.get(SANDBOX_CALENDAR_ID);
	if (!base) throw new Error(`the seed has no calendar ${SANDBOX_CALENDAR_ID}`);
	return {
		...structuredClone(base),
		id: SANDBOX_EVENT_CALENDAR_ID,
		name: 'Sandbox Event Calendar',
		slug: 'sandbox-event',
		widgetSlug: 'sandbox-event',
		calendarType: 'event',
		groupId: undefined,
	};
}
