// The sandbox's model of one HighLevel sub-account: what exists, seeded with fixed ids so tests
// can name them. Tests may add, change or inspect records directly; reset() restores the seed.
import { randomBytes } from 'crypto';
import {
	type CalendarNotificationRecord,
	type CalendarResourceRecord,
	seedCalendarSettings,
} from './calendarSettings';

export const SANDBOX_TOKEN = 'pit-sandbox-0123456789';
export const SANDBOX_COMPANY_ID = 'cmp_sandbox_001';
export const SANDBOX_LOCATION_ID = 'loc_sandbox_001';
/** The sub-account's time zone: free slots default to it, contact appointments are written in it. */
export const SANDBOX_LOCATION_TIMEZONE = 'America/New_York';
export const SANDBOX_GROUP_ID = 'grp_sandbox_001';
/** A second calendar group, with no calendars. */
export const SANDBOX_GROUP_2_ID = 'grp_sandbox_002';
export const SANDBOX_CALENDAR_ID = 'cal_sandbox_001';
export const SANDBOX_CALENDAR_2_ID = 'cal_sandbox_002';
export const SANDBOX_USER_ID = 'usr_sandbox_001';
export const SANDBOX_USER_2_ID = 'usr_sandbox_002';
export const SANDBOX_USER_3_ID = 'usr_sandbox_003';
export const SANDBOX_CONTACT_ID = 'con_sandbox_001';
export const SANDBOX_APPOINTMENT_ID = 'apt_sandbox_001';
export const SANDBOX_BLOCK_SLOT_ID = 'blk_sandbox_001';
export const SANDBOX_SCHEDULE_ID = 'sch_sandbox_001';
export const SANDBOX_SCHEDULE_2_ID = 'sch_sandbox_002';
/** A note on the seeded appointment, written by SANDBOX_USER_ID. */
export const SANDBOX_NOTE_ID = 'note_sandbox_001';

export interface LocationRecord {
	id: string;
	companyId: string;
	name: string;
	timezone: string;
	email: string;
	phone: string;
	address: string;
	city: string;
	state: string;
	country: string;
	postalCode: string;
	website: string;
}

/** A calendar's nested settings, as CalendarDTO holds them (apps/calendars.json). */
export interface CalendarHour {
	openHour: number;
	openMinute: number;
	closeHour: number;
	closeMinute: number;
}

export interface CalendarOpenHour {
	/** 0 is Sunday. */
	daysOfTheWeek: number[];
	hours: CalendarHour[];
}

/** A custom availability: the sandbox gives each an id, which Update needs to change or delete it. */
export interface CalendarAvailability {
	id: string;
	/** `<YYYY-MM-DD in local timezone>T00:00:00.000Z`, as the spec asks. */
	date: string;
	hours: CalendarHour[];
	deleted: boolean;
}

export interface CalendarLocationConfiguration {
	kind: string;
	location?: string;
	/** What an appointment's meetingLocationId names: `<kind>_<index>`. */
	meetingId?: string;
}

export interface CalendarTeamMember {
	userId: string;
	priority: number;
	isPrimary: boolean;
	locationConfigurations?: CalendarLocationConfiguration[];
}

/** The optional settings of CalendarDTO; absent when never set and without a spec default. */
export interface CalendarSettings {
	widgetType?: 'default' | 'classic';
	eventColor?: string;
	locationConfigurations?: CalendarLocationConfiguration[];
	slotBuffer?: number;
	slotBufferUnit?: 'mins' | 'hours';
	preBuffer?: number;
	preBufferUnit?: 'mins' | 'hours';
	appoinmentPerSlot?: number;
	appoinmentPerDay?: number;
	allowBookingAfter?: number;
	allowBookingAfterUnit?: 'hours' | 'days' | 'weeks' | 'months';
	allowBookingFor?: number;
	allowBookingForUnit?: 'days' | 'weeks' | 'months';
	/** Absent: the sandbox's free slots use 09:00-17:00, Monday to Friday. */
	openHours?: CalendarOpenHour[];
	enableRecurring?: boolean;
	recurring?: {
		freq?: 'DAILY' | 'WEEKLY' | 'MONTHLY';
		count?: number;
		bookingOption?: 'skip' | 'continue' | 'book_next';
		bookingOverlapDefaultStatus?: 'confirmed' | 'new';
	};
	formId?: string;
	stickyContact?: boolean;
	isLivePaymentMode?: boolean;
	autoConfirm?: boolean;
	shouldSendAlertEmailsToAssignedMember?: boolean;
	alertEmail?: string;
	googleInvitationEmails?: boolean;
	allowReschedule?: boolean;
	allowCancellation?: boolean;
	shouldAssignContactToTeamMember?: boolean;
	shouldSkipAssigningContactForExisting?: boolean;
	notes?: string;
	pixelId?: string;
	formSubmitType?: 'RedirectURL' | 'ThankYouMessage';
	formSubmitRedirectURL?: string;
	formSubmitThanksMessage?: string;
	/** 0: open hours only; 1: custom availabilities only; absent: both. */
	availabilityType?: 0 | 1;
	availabilities?: CalendarAvailability[];
	guestType?: 'count_only' | 'collect_detail';
	consentLabel?: string;
	calendarCoverImage?: string;
	lookBusyConfig?: { enabled: boolean; LookBusyPercentage: number };
	notifications?: Array<{
		type?: 'email';
		shouldSendToContact: boolean;
		shouldSendToGuest: boolean;
		shouldSendToUser: boolean;
		shouldSendToSelectedUsers: boolean;
		selectedUsers: string;
	}>;
}

export interface CalendarRecord extends CalendarSettings {
	id: string;
	locationId: string;
	groupId?: string;
	name: string;
	description: string;
	slug: string;
	widgetSlug: string;
	calendarType:
		| 'round_robin'
		| 'event'
		| 'class_booking'
		| 'collective'
		| 'service_booking'
		| 'personal';
	eventType: 'RoundRobin_OptimizeForAvailability' | 'RoundRobin_OptimizeForEqualDistribution';
	eventTitle: string;
	slotDuration: number;
	slotDurationUnit: 'mins' | 'hours';
	slotInterval: number;
	slotIntervalUnit: 'mins' | 'hours';
	isActive: boolean;
	teamMembers: CalendarTeamMember[];
}

/** GroupDTO. Slugs are unique per location (POST /calendars/groups/validate-slug). */
export interface GroupRecord {
	id: string;
	locationId: string;
	name: string;
	description: string;
	slug: string;
	isActive: boolean;
}

export interface UserRecord {
	id: string;
	locationId: string;
	name: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	role: 'admin' | 'user';
}

export interface ContactRecord {
	id: string;
	locationId: string;
	/** Full name, what a calendar's default title `{{contact.name}}` renders. */
	name: string;
	firstName: string;
	lastName: string;
	email: string;
	/** E.164, as HighLevel stores phone numbers. */
	phone: string;
	/** Search results are ordered by it, so each seed contact gets its own instant. */
	dateAdded: string;
}

export type AppointmentStatus = 'new' | 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid';

export interface AppointmentRecord {
	id: string;
	locationId: string;
	calendarId: string;
	contactId: string;
	groupId: string;
	title: string;
	appointmentStatus: AppointmentStatus;
	assignedUserId: string;
	users: string[];
	meetingLocationType: string;
	address?: string;
	description?: string;
	notes?: string;
	isRecurring: boolean;
	rrule?: string;
	/** ISO 8601 as the client sent it, so responses keep the client's offset. */
	startTime: string;
	endTime: string;
	dateAdded: string;
	dateUpdated: string;
	/** HighLevel soft-deletes: a deleted appointment can still be fetched by id. */
	deleted: boolean;
	/**
	 * A recurring series' occurrences changed one at a time (PUT or DELETE with an instance id),
	 * keyed by instance id. Each holds only what was changed; the rest comes from the series.
	 */
	overrides?: Record<string, InstanceOverride>;
}

/** What one occurrence of a series says differently from its master (see recurrence.ts). */
export interface InstanceOverride {
	title?: string;
	appointmentStatus?: AppointmentStatus;
	assignedUserId?: string;
	users?: string[];
	meetingLocationType?: string;
	address?: string;
	description?: string;
	calendarId?: string;
	groupId?: string;
	/** As the client sent them, like a master's times. */
	startTime?: string;
	endTime?: string;
	/** This occurrence alone was deleted. */
	deleted?: boolean;
	dateUpdated: string;
}

export interface BlockSlotRecord {
	id: string;
	locationId: string;
	title: string;
	/** Exactly one of calendarId and assignedUserId is set. */
	calendarId?: string;
	assignedUserId?: string;
	startTime: string;
	endTime: string;
	dateAdded: string;
	dateUpdated: string;
}

/** GetNoteSchema, and what the note belongs to: an appointment (or one occurrence) of a location. */
export interface NoteRecord {
	id: string;
	locationId: string;
	/** The appointment id the note was written on, as the path named it (an instance id too). */
	appointmentId: string;
	body: string;
	/** The user who wrote it (NotesDTO's optional userId). */
	userId?: string;
	contactId: string;
	dateAdded: string;
}

/** ScheduleRuleDTO: a weekday's or one date's intervals (HH:mm). */
export interface ScheduleRuleRecord {
	type: 'wday' | 'date';
	day?: string;
	date?: string;
	intervals: Array<{ from: string; to: string }>;
}

/** A user's availability schedule (ScheduleObjectResponseDTO), applied to the calendars named. */
export interface ScheduleRecord {
	id: string;
	locationId: string;
	name: string;
	userId: string;
	timezone: string;
	rules: ScheduleRuleRecord[];
	calendarIds: string[];
	dateAdded: string;
	dateUpdated: string;
}

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
	}
}
