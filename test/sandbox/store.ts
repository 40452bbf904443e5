// The sandbox's model of one HighLevel sub-account: what exists, seeded with fixed ids so tests
// can name them. Tests may add, change or inspect records directly; reset() restores the seed.
import { randomBytes } from 'crypto';
import {
	type CalendarNotificationRecord,
	type CalendarResourceRecord,
	seedCalendarSettings,
} from './calendarSettings';
import type {
	AppointmentRecord,
	BlockSlotRecord,
	CalendarRecord,
	ContactRecord,
	GroupRecord,
	LocationRecord,
	NoteRecord,
	ScheduleRecord,
	UserRecord,
} from './records';
import {
	type EventCalendarScheduleRecord,
	seedEventCalendarSchedules,
	seedServiceBookings,
	seedServiceLocations,
	seedServices,
	type ServiceBookingRecord,
	type ServiceLocationRecord,
	type ServiceRecord,
} from './serviceMenu';
import {
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_COMPANY_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_2_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_LOCATION_TIMEZONE,
	SANDBOX_NOTE_ID,
	SANDBOX_SCHEDULE_2_ID,
	SANDBOX_SCHEDULE_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_3_ID,
	SANDBOX_USER_ID,
} from './seedIds';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh id shaped like HighLevel's (20 alphanumerics), never one of the seed ids. */
export function newId(): string {
	return [...randomBytes(20)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

export class SandboxStore {
	readonly locations = new Map<string, LocationRecord>();
	readonly calendars = new Map<string, CalendarRecord>();
	readonly users = new Map<string, UserRecord>();
	readonly contacts = new Map<string, ContactRecord>();
	readonly appointments = new Map<string, AppointmentRecord>();
	readonly blockSlots = new Map<string, BlockSlotRecord>();
	readonly groups = new Map<string, GroupRecord>();
	/** In the order written; lists show the newest first. */
	readonly notes = new Map<string, NoteRecord>();
	readonly calendarResources = new Map<string, CalendarResourceRecord>();
	readonly calendarNotifications = new Map<string, CalendarNotificationRecord>();
	readonly schedules = new Map<string, ScheduleRecord>();
	/** The service menu (Calendars API v3): serviceMenu.ts. */
	readonly services = new Map<string, ServiceRecord>();
	readonly serviceLocations = new Map<string, ServiceLocationRecord>();
	readonly serviceBookings = new Map<string, ServiceBookingRecord>();
	/** Keyed by the event calendar's id. */
	readonly eventCalendarSchedules = new Map<string, EventCalendarScheduleRecord>();

	constructor() {
		this.reset();
	}

	reset(): void {
		for (const map of [
			this.locations,
			this.calendars,
			this.users,
			this.contacts,
			this.appointments,
			this.blockSlots,
			this.groups,
			this.notes,
			this.calendarResources,
			this.calendarNotifications,
			this.schedules,
			this.services,
			this.serviceLocations,
			this.serviceBookings,
			this.eventCalendarSchedules,
		]) {
			map.clear();
		}

		this.locations.set(SANDBOX_LOCATION_ID, {
			id: SANDBOX_LOCATION_ID,
			companyId: SANDBOX_COMPANY_ID,
			name: 'Sandbox Dental',
			timezone: SANDBOX_LOCATION_TIMEZONE,
			email: 'front.desk@sandbox-dental.example.com',
			phone: '+12025550100',
			address: '1 Sandbox Way',
			city: 'Washington',
			state: 'DC',
			country: 'US',
			postalCode: '20001',
			website: 'https://sandbox-dental.example.com',
		});

		const group = (id: string, name: string, slug: string, description: string): GroupRecord => ({
			id,
			locationId: SANDBOX_LOCATION_ID,
			name,
			description,
			slug,
			isActive: true,
		});
		this.groups.set(
			SANDBOX_GROUP_ID,
			group(SANDBOX_GROUP_ID, 'Sandbox Team', 'sandbox-team', 'Consultations and follow-ups'),
		);
		this.groups.set(
			SANDBOX_GROUP_2_ID,
			group(SANDBOX_GROUP_2_ID, 'Sandbox Hygiene', 'sandbox-hygiene', ''),
		);

		const calendar = (id: string, name: string, slug: string): CalendarRecord => ({
			id,
			locationId: SANDBOX_LOCATION_ID,
			groupId: SANDBOX_GROUP_ID,
			name,
			description: '',
			slug,
			widgetSlug: slug,
			calendarType: 'round_robin',
			eventType: 'RoundRobin_OptimizeForAvailability',
			eventTitle: '{{contact.name}}',
			slotDuration: 30,
			slotDurationUnit: 'mins',
			slotInterval: 30,
			slotIntervalUnit: 'mins',
			isActive: true,
			teamMembers: [{ userId: SANDBOX_USER_ID, priority: 0.5, isPrimary: true }],
		});
		this.calendars.set(
			SANDBOX_CALENDAR_ID,
			calendar(SANDBOX_CALENDAR_ID, 'Sandbox Consultations', 'sandbox-consultations'),
		);
		this.calendars.set(
			SANDBOX_CALENDAR_2_ID,
			calendar(SANDBOX_CALENDAR_2_ID, 'Sandbox Follow-ups', 'sandbox-follow-ups'),
		);

		const users: Array<[string, string, string, UserRecord['role']]> = [
			[SANDBOX_USER_ID, 'Sam', 'Sandbox', 'admin'],
			[SANDBOX_USER_2_ID, 'Riley', 'Reyes', 'user'],
			[SANDBOX_USER_3_ID, 'Jordan', 'Lee', 'user'],
		];
		users.forEach(([id, firstName, lastName, role], i) =>
			this.users.set(id, {
				id,
				locationId: SANDBOX_LOCATION_ID,
				name: `${firstName} ${lastName}`,
				firstName,
				lastName,
				email: `${firstName}.${lastName}@example.com`.toLowerCase(),
				phone: `+1202555020${i + 1}`,
				role,
			}),
		);

		// 25 contacts, so that paging through search results takes more than one page.
		const contactNames = [
			['Casey', 'Contact'],
			['Avery', 'Johnson'],
			['Blake', 'Jackson'],
			['Cameron', 'Price'],
			['Dana', 'Whitfield'],
			['Eli', 'Morgan'],
			['Frankie', 'Allison'],
			['Gray', 'Nakamura'],
			['Harper', 'Okafor'],
			['Indy', 'Larsen'],
			['Jules', 'Petrov'],
			['Kai', 'Fernandes'],
			['Logan', 'Dubois'],
			['Micah', 'Svensson'],
			['Noel', 'Haddad'],
			['Oakley', 'Brennan'],
			['Parker', 'Ivanova'],
			['Quinn', 'Robertson'],
			['Reese', 'Tanaka'],
			['Sage', 'Oyelaran'],
			['Taylor', 'Kowalski'],
			['Uri', 'Mendes'],
			['Val', 'Castillo'],
			['Wren', 'Dalton'],
			['Zion', 'Achebe'],
		];
		contactNames.forEach(([firstName, lastName], i) => {
			const id = i === 0 ? SANDBOX_CONTACT_ID : `con_sandbox_${String(i + 1).padStart(3, '0')}`;
			this.contacts.set(id, {
				id,
				locationId: SANDBOX_LOCATION_ID,
				name: `${firstName} ${lastName}`,
				firstName,
				lastName,
				email: `${firstName}.${lastName}@example.com`.toLowerCase(),
				phone: `+1202555${String(1000 + i + 1)}`,
				dateAdded: new Date(Date.UTC(2029, 10, 1, 9, i)).toISOString(),
			});
		});

		const seededAt = '2029-12-01T09:00:00.000Z';
		this.appointments.set(SANDBOX_APPOINTMENT_ID, {
			id: SANDBOX_APPOINTMENT_ID,
			locationId: SANDBOX_LOCATION_ID,
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			groupId: SANDBOX_GROUP_ID,
			title: 'Casey Contact',
			appointmentStatus: 'confirmed',
			assignedUserId: SANDBOX_USER_ID,
			users: [SANDBOX_USER_ID],
			meetingLocationType: 'custom',
			address: 'Zoom',
			isRecurring: false,
			startTime: '2030-01-14T10:00:00+01:00',
			endTime: '2030-01-14T10:30:00+01:00',
			dateAdded: seededAt,
			dateUpdated: seededAt,
			deleted: false,
		});
		this.notes.set(SANDBOX_NOTE_ID, {
			id: SANDBOX_NOTE_ID,
			locationId: SANDBOX_LOCATION_ID,
			appointmentId: SANDBOX_APPOINTMENT_ID,
			body: 'Prefers afternoon appointments.',
			userId: SANDBOX_USER_ID,
			contactId: SANDBOX_CONTACT_ID,
			dateAdded: seededAt,
		});
		this.blockSlots.set(SANDBOX_BLOCK_SLOT_ID, {
			id: SANDBOX_BLOCK_SLOT_ID,
			locationId: SANDBOX_LOCATION_ID,
			title: 'Lunch',
			calendarId: SANDBOX_CALENDAR_ID,
			startTime: '2030-01-14T12:00:00+01:00',
			endTime: '2030-01-14T13:00:00+01:00',
			dateAdded: seededAt,
			dateUpdated: seededAt,
		});

		seedCalendarSettings(this.calendarResources, this.calendarNotifications, SANDBOX_LOCATION_ID, [
			SANDBOX_CALENDAR_ID,
			SANDBOX_CALENDAR_2_ID,
		]);

		// Sam's business hours, applied to the first calendar; Riley's evenings, applied to none.
		const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
		this.schedules.set(SANDBOX_SCHEDULE_ID, {
			id: SANDBOX_SCHEDULE_ID,
			locationId: SANDBOX_LOCATION_ID,
			name: 'Business Hours',
			userId: SANDBOX_USER_ID,
			timezone: SANDBOX_LOCATION_TIMEZONE,
			rules: weekdays.map((day) => ({
				type: 'wday',
				day,
				intervals: [{ from: '09:00', to: '17:00' }],
			})),
			calendarIds: [SANDBOX_CALENDAR_ID],
			dateAdded: seededAt,
			dateUpdated: seededAt,
		});
		this.schedules.set(SANDBOX_SCHEDULE_2_ID, {
			id: SANDBOX_SCHEDULE_2_ID,
			locationId: SANDBOX_LOCATION_ID,
			name: 'Evening Shift',
			userId: SANDBOX_USER_2_ID,
			timezone: 'America/Chicago',
			rules: [{ type: 'wday', day: 'monday', intervals: [{ from: '17:00', to: '21:00' }] }],
			calendarIds: [],
			dateAdded: seededAt,
			dateUpdated: seededAt,
		});

		seedServices(this.services, seededAt);
		seedServiceLocations(this.serviceLocations, seededAt);
		seedServiceBookings(this.serviceBookings, seededAt);
		seedEventCalendarSchedules(this.eventCalendarSchedules, seededAt);
	}
}
