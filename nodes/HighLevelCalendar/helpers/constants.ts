import { NodeConnectionTypes, type NodeConnectionType } from 'n8n-workflow';

/**
 * Value of the `Version` header every Calendars API request carries: v3, HighLevel's newest, whose
 * spec has every operation of 2021-04-15 with the same paths and parameters plus the service
 * menu, and the only Version that takes the statuses `completed` and `active` (README, "API
 * version"; HighLevel gives older Versions fixes, not features).
 */
export const CALENDARS_API_VERSION = 'v3';

/** The Users, Contacts and Locations APIs take their own, newer version. */
export const CONTACTS_API_VERSION = '2021-07-28';
export const USERS_API_VERSION = '2021-07-28';

/**
 * The nodes' Docs link: this package's README (package.json `homepage`; test/unit/codex.test.ts
 * keeps them equal). n8n's panel opens a node's `documentationUrl` as given; without it, the
 * codex's primaryDocumentation with "?utm_source=..." appended, which after "#readme" would land
 * in the fragment.
 */
export const DOCS_URL =
	'https://github.com/n8n-nodes-highlevel-calendar/n8n-nodes-highlevel-calendar#readme';

export const CREDENTIAL_NAME = 'highLevelCalendarApi';
export const APP_CREDENTIAL_NAME = 'highLevelCalendarOAuth2Api';

/** Enums as the official v3 spec (calendars-v3.json) lists them for AppointmentCreateSchema/EditSchema. */
export const MEETING_LOCATION_TYPES = [
	'custom',
	'zoom',
	'gmeet',
	'phone',
	'address',
	'ms_teams',
	'google',
] as const;

export const APPOINTMENT_STATUSES = [
	'new',
	'confirmed',
	'cancelled',
	'showed',
	'noshow',
	'invalid',
	'completed',
	'active',
] as const;

/** The editor's name for each value; an expression may give either (see matchOption in bodyChecks.ts). */
export const MEETING_LOCATION_TYPE_NAMES: Record<(typeof MEETING_LOCATION_TYPES)[number], string> =
	{
		custom: 'Custom',
		zoom: 'Zoom',
		gmeet: 'Google Meet',
		phone: 'Phone',
		address: 'Address',
		ms_teams: 'Microsoft Teams',
		google: 'Google',
	};

export const APPOINTMENT_STATUS_NAMES: Record<(typeof APPOINTMENT_STATUSES)[number], string> = {
	new: 'New',
	confirmed: 'Confirmed',
	cancelled: 'Cancelled',
	showed: 'Showed',
	noshow: 'No Show',
	invalid: 'Invalid',
	completed: 'Completed',
	active: 'Active',
};

/**
 * A service booking's statuses (calendars-v3.json, UpdateServiceBookingDTO), with the editor's
 * names; a create takes only confirmed and new (CreatePublicServiceBookingDTO).
 */
export const SERVICE_BOOKING_STATUS_NAMES = {
	confirmed: 'Confirmed',
	cancelled: 'Cancelled',
	invalid: 'Invalid',
	new: 'New',
	showed: 'Showed',
	no_show: 'No Show',
} as const;

export const SERVICE_BOOKING_CREATE_STATUS_NAMES = {
	confirmed: 'Confirmed',
	new: 'New',
} as const;

/** OAuth scopes per operation, from the spec's `security` blocks; used to explain a scope 401. */
export const SCOPES = {
	eventsRead: 'calendars/events.readonly',
	eventsWrite: 'calendars/events.write',
	calendarsRead: 'calendars.readonly',
	calendarsWrite: 'calendars.write',
	groupsRead: 'calendars/groups.readonly',
	groupsWrite: 'calendars/groups.write',
	resourcesRead: 'calendars/resources.readonly',
	resourcesWrite: 'calendars/resources.write',
	contactsRead: 'contacts.readonly',
	usersRead: 'users.readonly',
} as const;

/**
 * The main connection. `NodeConnectionTypes` only exists in newer n8n-workflow releases; n8n 1.60
 * ships just the `NodeConnectionType` enum, whose Main is the same string. Reading it with `?.`
 * keeps the node loadable there instead of failing at import.
 */
export const MAIN_CONNECTION: NodeConnectionType =
	(NodeConnectionTypes as Partial<typeof NodeConnectionTypes> | undefined)?.Main ??
	('main' as NodeConnectionType);

/**
 * Service Booking Get Many's Filter By value that keeps one contact's bookings (its own value, not
 * Appointment's `contact`: HighLevel lists bookings by window only, and the node filters after).
 */
export const BOOKING_CONTACT_FILTER = 'contactInWindow';
