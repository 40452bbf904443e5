// HighLevel sandbox: a small model of HighLevel's Calendars API over real HTTP on 127.0.0.1,
// checked against HighLevel's own OpenAPI document. See spec/README.md for where that comes from.
export { startSandbox } from './server';
export type { RecordedRequest, Sandbox, SandboxOptions, SandboxToken } from './server';
export {
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_ID,
	SandboxStore,
} from './store';
export type { AppointmentRecord, AppointmentStatus, BlockSlotRecord, CalendarRecord, ContactRecord, UserRecord } from './store';
export { CALENDAR_SCOPES } from './spec';
