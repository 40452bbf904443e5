// The records of the sandbox's model of one HighLevel sub-account (store.ts holds them in maps).
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
