/** Value of the `Version` header the Calendars API requires on every request. */
export const CALENDARS_API_VERSION = '2021-04-15';

export const CREDENTIAL_NAME = 'highLevelCalendarApi';

/** Enums as the official spec (apps/calendars.json) lists them for AppointmentCreateSchema/EditSchema. */
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
] as const;

/** OAuth scopes per operation, from the spec's `security` blocks; used to explain a scope 401. */
export const SCOPES = {
	eventsRead: 'calendars/events.readonly',
	eventsWrite: 'calendars/events.write',
	calendarsRead: 'calendars.readonly',
} as const;
