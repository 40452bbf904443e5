// HighLevel sandbox: a small model of the HighLevel Calendars, Users, Contacts and Locations APIs
// over real HTTP on 127.0.0.1, checked against HighLevel's own OpenAPI documents, and of its OAuth
// side (oauth.ts, handlers/oauth.ts). See spec/README.md for where the documents come from.
export { startSandbox } from './server';
export type {
	AppliedWrite,
	AuthorizedToken,
	RecordedRequest,
	Sandbox,
	SandboxOptions,
	SandboxStats,
	SandboxToken,
} from './types';
export { DEFAULT_RATE_LIMIT } from './limits';
export type { RateLimitHeaders, RateLimitOptions } from './limits';
export { DEFAULT_BURST_429_LENGTH, DEFAULT_SLOW_MS, mulberry32 } from './faults';
export type { FaultKind, FaultOptions, FaultScriptEntry, HoldUntil } from './faults';
export {
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
	SANDBOX_SERVICE_2_ID,
	SANDBOX_SERVICE_BOOKING_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_SERVICE_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_3_ID,
	SANDBOX_USER_ID,
} from './seedIds';
export { SandboxStore } from './store';
export type {
	AppointmentRecord,
	AppointmentStatus,
	BlockSlotRecord,
	CalendarAvailability,
	CalendarHour,
	CalendarLocationConfiguration,
	CalendarOpenHour,
	CalendarRecord,
	CalendarSettings,
	CalendarTeamMember,
	ContactRecord,
	GroupRecord,
	InstanceOverride,
	LocationRecord,
	NoteRecord,
	ScheduleRecord,
	ScheduleRuleRecord,
	UserRecord,
} from './records';
export {
	SANDBOX_EQUIPMENT_ID,
	SANDBOX_NOTIFICATION_2_ID,
	SANDBOX_NOTIFICATION_ID,
	SANDBOX_ROOM_ID,
} from './calendarSettings';
export type {
	CalendarNotificationRecord,
	CalendarResourceRecord,
	NotificationSchedule,
} from './calendarSettings';
export {
	DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
	DEFAULT_OAUTH_APPS,
	OAuthServer,
	SANDBOX_AGENCY_CLIENT_ID,
	SANDBOX_AGENCY_CLIENT_SECRET,
	SANDBOX_AGENCY_OAUTH_APP,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	SANDBOX_OAUTH_APP,
} from './oauth';
export type { IssuedTokens, OAuthApp, OAuthGrant } from './oauth';
export { MAX_GENERATED_PER_MASTER, MAX_INSTANCES_PER_MASTER } from './recurrence';
export type { AppointmentView } from './recurrence';
export { ALL_SCOPES, API_VERSIONS, CALENDAR_SCOPES } from './spec';
export type { ApiName } from './spec';
export { appointmentEvent, WebhookSender } from './webhooks';
export type { AppointmentEventType, Delivery, SendOptions, WebhookBody } from './webhooks';
