// The trigger polled as n8n polls it (n8n-core's PollContext, the workflow's static data) against
// the sandbox, while appointments change under its feet: booked, moved, confirmed, deleted, a
// recurring series, and time passing for Starting and Ended. Only Date is faked (jest), so "time
// passing" is the clock n8n, the node and the sandbox all read; timers and sockets stay real.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runHighLevel, startHighLevelPoller } from './harness/highLevel';
import { TRIGGER_NAME, type Poller } from './harness/poller';
import {
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_ID,
	type AppointmentRecord,
} from '../sandbox';
import {
	advance,
	byId,
	DAY,
	HOUR,
	iso,
	MINUTE,
	sandbox,
	useSandbox,
	useWeeklyClock,
} from './testing';

useSandbox({ rateLimit: null });

useWeeklyClock('2031-03-03T08:00:00Z');

/** An appointment booked in HighLevel just now (what a booking widget or a user does). */
function book(id: string, startMs: number, fields: Partial<AppointmentRecord> = {}): void {
	const now = iso(Date.now());
	sandbox.store.appointments.set(id, {
		id,
		locationId: SANDBOX_LOCATION_ID,
		calendarId: SANDBOX_CALENDAR_ID,
		contactId: SANDBOX_CONTACT_ID,
		groupId: SANDBOX_GROUP_ID,
		title: id,
		appointmentStatus: 'new',
		assignedUserId: SANDBOX_USER_ID,
		users: [SANDBOX_USER_ID],
		meetingLocationType: 'custom',
		isRecurring: false,
		startTime: iso(startMs),
		endTime: iso(startMs + 30 * MINUTE),
		dateAdded: now,
		dateUpdated: now,
		deleted: false,
		...fields,
	});
}

/** A change made through HighLevel's API (the action node's Update), so dateUpdated moves. */
async function update(eventId: string, updateFields: INodeParameters): Promise<void> {
	const { error } = await runHighLevel(sandbox, {
		resource: 'appointment',
		operation: 'update',
		eventId,
		updateFields,
	});
	expect(error).toBeUndefined();
}

function trigger(parameters: INodeParameters = {}) {
	return startHighLevelPoller(sandbox, {
		watch: 'calendar',
		calendarId: byId(SANDBOX_CALENDAR_ID),
		events: ['appointmentBooked'],
		...parameters,
	});
}

/** What the trigger keeps in the workflow's static data, as n8n would save it. */
const stateOf = (poller: Poller) =>
	((poller.saved()[`node:${TRIGGER_NAME}`] ?? {}) as IDataObject).state as IDataObject | undefined;

const events = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => `${String(item.json.event)} ${String(item.json.id)}`);

describe('baseline and Appointment Booked', () => {
	it('records a baseline on the first poll, then fires each booking once', async () => {
		book('apt_before', Date.now() + 2 * HOUR);
		const poller = trigger();
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();

		advance(MINUTE);
		const start = Date.now() + 3 * HOUR;
		book('apt_new', start);
		const fired = await poller.poll();
		expect(events(fired)).toEqual(['appointmentBooked apt_new']);
		expect(fired![0].json).toMatchObject({
			calendarId: SANDBOX_CALENDAR_ID,
			appointmentStatus: 'new',
			startTime: iso(start),
		});
		// Simplify is on by default: HighLevel's other fields stay out.
		expect(fired![0].json.meetingLocationType).toBeUndefined();
		expect(await poller.poll()).toBeNull();
	});

	it('does not fire again after n8n restarts from the static data it saved', async () => {
		const poller = trigger();
		await poller.poll();
		book('apt_once', Date.now() + HOUR);
		expect(events(await poller.poll())).toEqual(['appointmentBooked apt_once']);
		poller.restart();
		expect(await poller.poll()).toBeNull();
	});

	it('records silently an appointment booked long ago that enters the window as time passes', async () => {
		book('apt_far', Date.now() + 40 * DAY, {
			dateAdded: iso(Date.now() - DAY),
			dateUpdated: iso(Date.now() - DAY),
		});
		const poller = trigger({ options: { lookAheadDays: 30 } });
		await poller.poll();
		advance(11 * DAY);
		expect(await poller.poll()).toBeNull();
		expect(stateOf(poller)).toMatchObject({ seen: { apt_far: expect.any(Array) } });
	});

	it('fires each occurrence of a new recurring series, with its masterEventId', async () => {
		const poller = trigger({ options: { lookAheadDays: 7 } });
		await poller.poll();
		const start = Math.ceil((Date.now() + DAY) / MINUTE) * MINUTE; // RRULE times are whole seconds
		book('apt_series', start, { isRecurring: true, rrule: 'RRULE:FREQ=DAILY;COUNT=3' });
		const fired = await poller.poll();
		expect(fired).toHaveLength(3);
		expect(fired!.map((item) => item.json.masterEventId)).toEqual([
			'apt_series',
			'apt_series',
			'apt_series',
		]);
		expect(fired!.map((item) => Date.parse(String(item.json.startTime)))).toEqual([
			start,
			start + DAY,
			start + 2 * DAY,
		]);
		expect(new Set(fired!.map((item) => item.json.id)).size).toBe(3);
	});
});

describe('changes', () => {
	const all = [
		'appointmentUpdated',
		'appointmentRescheduled',
		'appointmentStatusChanged',
		'appointmentDeleted',
	];

	it('a move fires Updated and Rescheduled, with the previous times', async () => {
		const start = Date.now() + 2 * HOUR;
		book('apt_move', start);
		const poller = trigger({ events: all });
		await poller.poll();
		advance(MINUTE);
		await update('apt_move', {
			startTime: iso(start + HOUR),
			endTime: iso(start + HOUR + 30 * MINUTE),
		});
		const fired = await poller.poll();
		expect(events(fired)).toEqual([
			'appointmentUpdated apt_move',
			'appointmentRescheduled apt_move',
		]);
		expect(fired![1].json.previous).toEqual({
			startTime: iso(start),
			endTime: iso(start + 30 * MINUTE),
			appointmentStatus: 'new',
		});
		expect(Date.parse(String(fired![1].json.startTime))).toBe(start + HOUR);
		expect(await poller.poll()).toBeNull();
	});

	it('Status Changed fires only for the chosen new statuses, with the previous status', async () => {
		book('apt_status', Date.now() + HOUR);
		const poller = trigger({ events: ['appointmentStatusChanged'], toStatuses: ['confirmed'] });
		await poller.poll();
		await update('apt_status', { appointmentStatus: 'confirmed' });
		const fired = await poller.poll();
		expect(events(fired)).toEqual(['appointmentStatusChanged apt_status']);
		expect(fired![0].json).toMatchObject({
			appointmentStatus: 'confirmed',
			previous: { appointmentStatus: 'new' },
		});
		await update('apt_status', { appointmentStatus: 'cancelled' });
		expect(await poller.poll()).toBeNull();
	});

	it('Deleted fires once, after HighLevel confirms the appointment is gone', async () => {
		book('apt_gone', Date.now() + HOUR);
		const poller = trigger({ events: all });
		await poller.poll();
		const { error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'delete',
			eventId: 'apt_gone',
		});
		expect(error).toBeUndefined();
		sandbox.resetStats();
		const fired = await poller.poll();
		expect(events(fired)).toEqual(['appointmentDeleted apt_gone']);
		expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /calendars/events',
			'GET /calendars/events/appointments/apt_gone',
		]);
		expect(await poller.poll()).toBeNull();
	});

	it('an appointment moved to another calendar is Updated, not Deleted', async () => {
		book('apt_moved_away', Date.now() + HOUR);
		const poller = trigger({ events: all });
		await poller.poll();
		// A minute later (only dateUpdated tells a change of calendar, and it counts milliseconds).
		advance(MINUTE);
		await update('apt_moved_away', { calendarId: SANDBOX_CALENDAR_2_ID });
		expect(events(await poller.poll())).toEqual(['appointmentUpdated apt_moved_away']);
		expect(await poller.poll()).toBeNull();
	});
});

describe('Starting and Ended: time passing', () => {
	it('each fires once, in the first poll after its moment', async () => {
		const start = Date.now() + HOUR;
		book('apt_soon', start);
		book('apt_cancelled', start, { appointmentStatus: 'cancelled' });
		const poller = trigger({
			events: ['appointmentStarting', 'appointmentEnded'],
			minutesBefore: 15,
		});
		await poller.poll();
		jest.setSystemTime(start - 16 * MINUTE);
		expect(await poller.poll()).toBeNull();
		jest.setSystemTime(start - 14 * MINUTE);
		expect(events(await poller.poll())).toEqual(['appointmentStarting apt_soon']);
		expect(await poller.poll()).toBeNull();
		jest.setSystemTime(start + 31 * MINUTE);
		expect(events(await poller.poll())).toEqual(['appointmentEnded apt_soon']);
		expect(await poller.poll()).toBeNull();
	});
});

describe('failures, overlap and manual mode', () => {
	it('a failed poll changes nothing: the next one fires what it missed', async () => {
		const poller = trigger({ rateLimit: { maxRetrySeconds: 0 } });
		await poller.poll();
		const before = poller.saved();
		book('apt_during_outage', Date.now() + HOUR);
		sandbox.options.faults = { script: [{ pathIncludes: '/calendars/events', fault: '503' }] };
		await expect(poller.poll()).rejects.toThrow(/Service Unavailable|503/);
		expect(poller.saved()).toEqual(before);
		expect(events(await poller.poll())).toEqual(['appointmentBooked apt_during_outage']);
	});

	it('a poll that starts while the last one still runs fires nothing twice', async () => {
		const poller = trigger();
		await poller.poll();
		book('apt_overlap', Date.now() + HOUR);
		const [first, second] = await Promise.all([poller.poll(), poller.poll()]);
		expect([...events(first), ...events(second)]).toEqual(['appointmentBooked apt_overlap']);
	});

	it('Fetch Test Event returns the newest match and leaves the state alone', async () => {
		book('apt_older', Date.now() + HOUR, { dateUpdated: iso(Date.now() - HOUR) });
		book('apt_newer', Date.now() + 2 * HOUR);
		const poller = trigger();
		const fired = await poller.poll('manual');
		expect(events(fired)).toEqual(['appointmentBooked apt_newer']);
		expect(stateOf(poller)).toBeUndefined();
	});

	it('Fetch Test Event says so when nothing matches', async () => {
		const poller = trigger({ filters: { appointmentStatus: ['showed'] } });
		await expect(poller.poll('manual')).rejects.toThrow(
			'No appointment in the window matches the trigger',
		);
	});
});

describe('what is watched', () => {
	it('every calendar: lists the calendars, then each one', async () => {
		const poller = trigger({ watch: 'location', events: ['appointmentBooked'] });
		await poller.poll();
		book('apt_second_calendar', Date.now() + HOUR, { calendarId: SANDBOX_CALENDAR_2_ID });
		sandbox.resetStats();
		expect(events(await poller.poll())).toEqual(['appointmentBooked apt_second_calendar']);
		const paths = sandbox.requests.map((r) => `${r.method} ${r.path}`);
		expect(paths[0]).toBe('GET /calendars/');
		expect(paths.slice(1).every((p) => p === 'GET /calendars/events')).toBe(true);
		const calendars = sandbox.requests.slice(1).map((r) => r.query.calendarId);
		expect(calendars).toEqual(expect.arrayContaining([SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID]));
	});

	it('a user: one list by userId; the filters narrow what fires', async () => {
		const poller = trigger({
			watch: 'user',
			userId: byId(SANDBOX_USER_ID),
			filters: { calendarId: SANDBOX_CALENDAR_2_ID },
		});
		await poller.poll();
		book('apt_first_calendar', Date.now() + HOUR);
		book('apt_on_second', Date.now() + HOUR, { calendarId: SANDBOX_CALENDAR_2_ID });
		sandbox.resetStats();
		expect(events(await poller.poll())).toEqual(['appointmentBooked apt_on_second']);
		expect(sandbox.requests.map((r) => r.query.userId)).toEqual([SANDBOX_USER_ID]);
	});
});

describe('bad settings fail before any request, naming the field', () => {
	it.each([
		[{ events: [] }, /^Events \[\] is empty.*Choose at least one event/],
		[{ events: ['appointmentBoked'] }, /^Events "appointmentBoked" is not an allowed value/],
		[
			{ options: { lookAheadDays: 400 } },
			/^Options > Look Ahead \(Days\) \(lookAheadDays\) 400 is out of range.*1 to 90/,
		],
		[
			{ events: ['appointmentStarting'], minutesBefore: -5 },
			/^Minutes Before Start \(minutesBefore\) -5 is out of range/,
		],
		[{ calendarId: byId('') }, /^Calendar \(calendarId\) "" is empty/],
	])('%j', async (parameters, message) => {
		sandbox.resetStats();
		const poller = trigger(parameters as INodeParameters);
		await expect(poller.poll()).rejects.toThrow(message);
		await expect(poller.poll('manual')).rejects.toThrow(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	it("names a setting as the trigger's editor shows it, and says where to change it", async () => {
		const poller = trigger({ filters: { appointmentStatus: 'booked' } });
		const error = (await poller.poll().catch((e: unknown) => e)) as Error & {
			description?: string;
		};
		expect(error.message).toMatch(
			/^Filters > Appointment Status \(appointmentStatus\) "booked" is not an allowed value\. .*Use one of: new, confirmed/,
		);
		expect(error.description).toBe(
			"Check the trigger's Filters > Appointment Status (appointmentStatus) setting.",
		);
	});

	it('a calendar that does not exist fails activation with a message naming it', async () => {
		const poller = trigger({ calendarId: byId('cal_missing') });
		const error = await poller.poll().catch((e: Error) => e);
		expect(String((error as Error).message)).toMatch(/calendarId "cal_missing"/);
		expect(JSON.stringify(error)).not.toContain(SANDBOX_TOKEN);
	});
});
