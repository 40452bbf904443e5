// What the sandbox keeps of a calendar's settings beyond the calendar itself: rooms and
// equipment (calendar resources) and notifications, with their seed. store.ts holds the maps.
// The seed takes the location and calendars it belongs to from store.ts, which calls it.

export const SANDBOX_ROOM_ID = 'rsc_room_sandbox_001';
export const SANDBOX_EQUIPMENT_ID = 'rsc_equipment_sandbox_001';
/** The seeded calendar's reminder (an email to the contact an hour before) and confirmation. */
export const SANDBOX_NOTIFICATION_ID = 'ntf_sandbox_001';
export const SANDBOX_NOTIFICATION_2_ID = 'ntf_sandbox_002';

/** A room or an equipment (HighLevel's calendar resources), mapped to service calendars. */
export interface CalendarResourceRecord {
	id: string;
	locationId: string;
	resourceType: 'equipments' | 'rooms';
	name: string;
	description: string;
	quantity: number;
	outOfService: number;
	capacity: number;
	calendarIds: string[];
	isActive: boolean;
}

/** One time of a reminder or follow-up (the spec's SchedulesDTO). */
export interface NotificationSchedule {
	timeOffset: number;
	unit: string;
}

/** A calendar's notification; HighLevel soft-deletes them (`deleted`). */
export interface CalendarNotificationRecord {
	id: string;
	calendarId: string;
	receiverType: 'contact' | 'guest' | 'assignedUser' | 'emails' | 'phoneNumbers' | 'business';
	channel: 'email' | 'inApp' | 'sms' | 'whatsapp';
	notificationType:
		| 'booked'
		| 'confirmation'
		| 'cancellation'
		| 'reminder'
		| 'followup'
		| 'reschedule';
	isActive: boolean;
	deleted: boolean;
	templateId?: string;
	body?: string;
	subject?: string;
	afterTime?: NotificationSchedule[];
	beforeTime?: NotificationSchedule[];
	additionalEmailIds?: string[];
	additionalPhoneNumbers?: string[];
	selectedUsers?: string[];
	fromAddress?: string;
	fromName?: string;
	fromNumber?: string;
}

/** The seed: a room serving both calendars, an equipment serving the first, its two notifications. */
export function seedCalendarSettings(
	resources: Map<string, CalendarResourceRecord>,
	notifications: Map<string, CalendarNotificationRecord>,
	locationId: string,
	[calendarId, calendar2Id]: [string, string],
): void {
	resources.set(SANDBOX_ROOM_ID, {
		id: SANDBOX_ROOM_ID,
		locationId,
		resourceType: 'rooms',
		name: 'Treatment Room 1',
		description: 'Ground floor, by the front desk',
		quantity: 1,
		outOfService: 0,
		capacity: 2,
		calendarIds: [calendarId, calendar2Id],
		isActive: true,
	});
	resources.set(SANDBOX_EQUIPMENT_ID, {
		id: SANDBOX_EQUIPMENT_ID,
		locationId,
		resourceType: 'equipments',
		name: 'X-ray unit',
		description: 'Portable',
		quantity: 3,
		outOfService: 1,
		capacity: 1,
		calendarIds: [calendarId],
		isActive: true,
	});
	notifications.set(SANDBOX_NOTIFICATION_ID, {
		id: SANDBOX_NOTIFICATION_ID,
		calendarId,
		receiverType: 'contact',
		channel: 'email',
		notificationType: 'reminder',
		isActive: true,
		deleted: false,
		subject: 'See you soon',
		body: 'Your appointment is in an hour.',
		beforeTime: [{ timeOffset: 1, unit: 'hours' }],
	});
	notifications.set(SANDBOX_NOTIFICATION_2_ID, {
		id: SANDBOX_NOTIFICATION_2_ID,
		calendarId,
		receiverType: 'contact',
		channel: 'email',
		notificationType: 'confirmation',
		isActive: true,
		deleted: false,
		templateId: 'tpl_confirmation',
	});
}
