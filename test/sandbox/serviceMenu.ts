// The sandbox's model of HighLevel's service menu (Calendars API v3 only): the services catalog,
// service locations, service bookings and event calendars' availability schedules. Each kind has
// its seed function here; SandboxStore.reset() calls them. Shapes follow calendars-v3.json's
// response schemas (ServiceResponseDTO, ServiceLocationResponseDTO, ServiceBookingResponseDTO,
// EventCalendarScheduleDTO); fields the spec leaves open are kept as the request gave them.
import type { CalendarRecord, ScheduleRuleRecord } from './records';
import { SANDBOX_CALENDAR_ID, SANDBOX_EVENT_CALENDAR_ID } from './seedIds';
import type { SandboxStore } from './store';

import {
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_LOCATION_TIMEZONE,
	SANDBOX_SERVICE_2_ID,
	SANDBOX_SERVICE_BOOKING_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_SERVICE_LOCATION_ID,
	SANDBOX_USER_ID,
} from './seedIds';

/** The category a service gets when its create names none (the spec: "uses default category"). */
export const SANDBOX_DEFAULT_SERVICE_CATEGORY_ID = 'svc_cat_sandbox_default';
/** The variation of SANDBOX_SERVICE_ID. */
export const SANDBOX_SERVICE_VARIATION_ID = 'svc_var_sandbox_001';

/** A record as the v3 answers carry it: `id` and `locationId` always, the rest per kind. */
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

/**
 * Seeds the services catalog (SANDBOX_SERVICE_ID, SANDBOX_SERVICE_2_ID): a public haircut with
 * one variation and a private colour with a percentage deposit, both performed by SANDBOX_USER_ID.
 * ServiceResponseDTO has no dates, so `_seededAt` is not used.
 */
export function seedServices(services: Map<string, ServiceRecord>, _seededAt: string): void {
	services.set(SANDBOX_SERVICE_ID, {
		id: SANDBOX_SERVICE_ID,
		locationId: SANDBOX_LOCATION_ID,
		name: 'Haircut',
		description: 'Wash, cut and style',
		slug: 'haircut',
		eventColor: '#66C61C',
		serviceCategoryId: SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
		payment: { amount: 40 },
		serviceDuration: 45,
		serviceDurationUnit: 'mins',
		preBuffer: 0,
		preBufferUnit: 'mins',
		postBuffer: 15,
		postBufferUnit: 'mins',
		isPrivate: false,
		variations: [
			{
				id: SANDBOX_SERVICE_VARIATION_ID,
				name: 'Short hair',
				serviceDuration: 30,
				serviceDurationUnit: 'mins',
				payment: { amount: 30 },
			},
		],
		staff: [{ id: SANDBOX_USER_ID }],
	});
	services.set(SANDBOX_SERVICE_2_ID, {
		id: SANDBOX_SERVICE_2_ID,
		locationId: SANDBOX_LOCATION_ID,
		name: 'Colour',
		slug: 'colour',
		serviceCategoryId: 'svc_cat_sandbox_colour',
		payment: { amount: 120, deposit: 20, depositType: 'percentage' },
		serviceDuration: 2,
		serviceDurationUnit: 'hours',
		isPrivate: true,
		variations: [],
		staff: [{ id: SANDBOX_USER_ID }],
	});
}

/** Seeds the service locations (SANDBOX_SERVICE_LOCATION_ID): an offline salon. */
export function seedServiceLocations(
	serviceLocations: Map<string, ServiceLocationRecord>,
	_seededAt: string,
): void {
	serviceLocations.set(SANDBOX_SERVICE_LOCATION_ID, {
		id: SANDBOX_SERVICE_LOCATION_ID,
		locationId: SANDBOX_LOCATION_ID,
		name: 'Main Street Salon',
		slug: 'main-street-salon',
		isActive: true,
		isPrivate: false,
		locationType: 'offline',
		address: '12 Main Street, Springfield, IL 62701',
		phone: '+1-217-555-0142',
	});
}

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
				serviceCategoryId: SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
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
