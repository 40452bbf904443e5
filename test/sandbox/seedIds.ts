// The seed's fixed ids (and the token it accepts), so tests can name what store.ts seeds.
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
/** The services catalog (Calendars API v3): a haircut (staff: SANDBOX_USER_ID) and a colour. */
export const SANDBOX_SERVICE_ID = 'svc_sandbox_001';
export const SANDBOX_SERVICE_2_ID = 'svc_sandbox_002';
/** The default service location (an offline address). */
export const SANDBOX_SERVICE_LOCATION_ID = 'svl_sandbox_001';
/** A booking of SANDBOX_SERVICE_ID for SANDBOX_CONTACT_ID at SANDBOX_SERVICE_LOCATION_ID. */
export const SANDBOX_SERVICE_BOOKING_ID = 'svb_sandbox_001';
/** An event calendar (calendarType "event"), whose availability schedule the v3 routes serve. */
export const SANDBOX_EVENT_CALENDAR_ID = 'cal_sandbox_event';
