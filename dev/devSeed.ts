// What `npm run dev`'s sandbox holds besides the e2e seed: appointments around the moment n8n
// starts (yesterday, earlier today, later today, tomorrow; every status), so each example run
// from the editor shows output. Yesterday holds New and Confirmed appointments: the ones
// examples/daily-no-show-sweep.json (every morning, yesterday's New and Confirmed become No Show)
// finds and marks when run by hand. Times are the sandbox location's zone (America/New_York), which
// is also the time zone of that example (its Settings), so "yesterday" means the same day to both.
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_LOCATION_TIMEZONE,
	SANDBOX_USER_ID,
	type AppointmentRecord,
	type AppointmentStatus,
	type Sandbox,
} from '../test/sandbox';
import { instantOf, isoInZone, wallClock } from '../test/sandbox/zones';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Where each sample sits, relative to now or to the start of today, and its status. */
interface Sample {
	id: string;
	title: string;
	appointmentStatus: AppointmentStatus;
	/** Start: minutes from now, or a day offset and hour of that day. */
	at: { minutesFromNow: number } | { day: number; hour: number };
	minutes: number;
}

const SAMPLES: Sample[] = [
	{
		id: 'apt_dev_yesterday_new',
		title: 'Consultation (unconfirmed)',
		appointmentStatus: 'new',
		at: { day: -1, hour: 9 },
		minutes: 30,
	},
	{
		id: 'apt_dev_yesterday_confirmed',
		title: 'Demo (confirmed)',
		appointmentStatus: 'confirmed',
		at: { day: -1, hour: 16 },
		minutes: 45,
	},
	{
		id: 'apt_dev_yesterday_cancelled',
		title: 'Review (cancelled)',
		appointmentStatus: 'cancelled',
		at: { day: -1, hour: 11 },
		minutes: 30,
	},
	{
		id: 'apt_dev_yesterday_noshow',
		title: 'Intro call',
		appointmentStatus: 'noshow',
		at: { day: -1, hour: 10 },
		minutes: 30,
	},
	{
		id: 'apt_dev_yesterday_showed',
		title: 'Follow-up',
		appointmentStatus: 'showed',
		at: { day: -1, hour: 14 },
		minutes: 30,
	},
	{
		id: 'apt_dev_earlier_new_1',
		title: 'Consultation (unconfirmed, over)',
		appointmentStatus: 'new',
		at: { minutesFromNow: -150 },
		minutes: 30,
	},
	{
		id: 'apt_dev_earlier_new_2',
		title: 'Demo (unconfirmed, over)',
		appointmentStatus: 'new',
		at: { minutesFromNow: -90 },
		minutes: 30,
	},
	{
		id: 'apt_dev_earlier_cancelled',
		title: 'Check-in (cancelled)',
		appointmentStatus: 'cancelled',
		at: { minutesFromNow: -120 },
		minutes: 30,
	},
	{
		id: 'apt_dev_earlier_showed',
		title: 'Strategy session',
		appointmentStatus: 'showed',
		at: { minutesFromNow: -60 },
		minutes: 30,
	},
	{
		id: 'apt_dev_later_confirmed',
		title: 'Onboarding',
		appointmentStatus: 'confirmed',
		at: { minutesFromNow: 60 },
		minutes: 45,
	},
	{
		id: 'apt_dev_tomorrow_confirmed',
		title: 'Quarterly review',
		appointmentStatus: 'confirmed',
		at: { day: 1, hour: 9 },
		minutes: 60,
	},
	{
		id: 'apt_dev_tomorrow_invalid',
		title: 'Duplicate booking',
		appointmentStatus: 'invalid',
		at: { day: 1, hour: 11 },
		minutes: 30,
	},
	{
		id: 'apt_dev_later_new',
		title: 'Discovery call',
		appointmentStatus: 'new',
		at: { minutesFromNow: 150 },
		minutes: 30,
	},
];

/**
 * The start of each sample. Earlier-today samples never fall before today's midnight: at 01:00 a
 * sample two and a half hours back would be yesterday's, and the no-show sweep would find a
 * "New" appointment that is not one of yesterday's samples.
 */
function startOf(sample: Sample, now: number, zone: string): number {
	const today = wallClock(now, zone);
	const midnight = instantOf({ ...today, hour: 0, minute: 0 }, zone);
	if ('minutesFromNow' in sample.at) {
		const start = now + sample.at.minutesFromNow * MINUTE;
		return sample.at.minutesFromNow < 0 ? Math.max(start, midnight) : start;
	}
	const noon = instantOf({ ...today, hour: 12, minute: 0 }, zone) + sample.at.day * 24 * HOUR;
	const day = wallClock(noon, zone);
	return instantOf({ ...day, hour: sample.at.hour, minute: 0 }, zone);
}

export function seedAroundNow(sandbox: Sandbox, at = Date.now()): void {
	const zone = SANDBOX_LOCATION_TIMEZONE;
	const now = Math.floor(at / (5 * MINUTE)) * 5 * MINUTE; // whole minutes read better
	const weekAgo = isoInZone(now - 7 * 24 * HOUR, zone);
	// Bookings still to come were made last: the newest is what Fetch Test Event shows.
	const lastHour = (index: number) => isoInZone(now - HOUR + index * MINUTE, zone);
	for (const [index, sample] of SAMPLES.entries()) {
		const start = startOf(sample, now, zone);
		const added = start > now ? lastHour(index) : weekAgo;
		const record: AppointmentRecord = {
			id: sample.id,
			locationId: SANDBOX_LOCATION_ID,
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			groupId: SANDBOX_GROUP_ID,
			title: sample.title,
			appointmentStatus: sample.appointmentStatus,
			assignedUserId: SANDBOX_USER_ID,
			users: [SANDBOX_USER_ID],
			meetingLocationType: 'custom',
			isRecurring: false,
			startTime: isoInZone(start, zone),
			endTime: isoInZone(start + sample.minutes * MINUTE, zone),
			dateAdded: added,
			dateUpdated: added,
			deleted: false,
		};
		sandbox.store.appointments.set(record.id, record);
	}
}
