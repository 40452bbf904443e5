// The example workflows (examples/*.json) as `n8n execute` runs them against the sandbox:
// each checks the node's outputs and every request the sandbox received.
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_ID,
} from '../../sandbox';
import { check, step } from '../checks';
import { E2E_FIXTURE } from '../fixture';
import { type Json, type MajorRun, nodeOutput } from './major';

/**
 * Every morning, yesterday's no-shows: with $today at the fixture's day, the sweep lists yesterday's
 * New and Confirmed appointments of the calendar and sets each to noshow, To Notify off.
 */
export async function noShowSweep(run: MajorRun): Promise<void> {
	await step('run daily-no-show-sweep', async () => {
		const s = 'run daily-no-show-sweep';
		const runJson = await run.execute(s, 'hlcExampleNoShow01');
		const [window] = nodeOutput(s, runJson, 'Yesterday');
		const listed = nodeOutput(s, runJson, "Yesterday's new and confirmed appointments");
		const marked = nodeOutput(s, runJson, 'Mark as no-show');
		const expected = [...E2E_FIXTURE.expectedNoShows].sort();
		const ids = (items: Json[]) => items.map((a) => String(a.id)).sort();
		console.log(`  window: ${window?.windowStart} .. ${window?.windowEnd}`);
		console.log(`  listed: ${listed.map((a) => `${a.id}(${a.appointmentStatus})`).join(', ')}`);
		console.log(`  marked: ${marked.map((a) => `${a.id}(${a.appointmentStatus})`).join(', ')}`);
		check(
			s,
			Date.parse(window?.windowStart) === Date.parse(E2E_FIXTURE.sweepWindow.windowStart) &&
				Date.parse(window?.windowEnd) === Date.parse(E2E_FIXTURE.sweepWindow.windowEnd),
			"the window is yesterday, midnight to midnight in the workflow's time zone",
			window,
		);
		check(
			s,
			JSON.stringify(ids(listed)) === JSON.stringify(expected) &&
				listed.every((a) => ['new', 'confirmed'].includes(a.appointmentStatus)),
			"Get Many lists yesterday's New and Confirmed appointments of the calendar, and only those",
			listed.map((a) => [a.id, a.appointmentStatus]),
		);
		check(
			s,
			JSON.stringify(ids(marked)) === JSON.stringify(expected) &&
				marked.every((a) => a.appointmentStatus === 'noshow'),
			'Update outputs each of them as noshow',
			marked.map((a) => [a.id, a.appointmentStatus]),
		);
		const dump = await run.takeDump();
		const list = dump.requests.filter((r) => r.method === 'GET' && r.path === '/calendars/events');
		check(s, list.length === 1, 'one GET /calendars/events', list.length);
		const q = list[0]?.query ?? {};
		check(
			s,
			q.calendarId === SANDBOX_CALENDAR_ID && q.locationId === SANDBOX_LOCATION_ID,
			"GET carries calendarId and the credential's locationId",
			q,
		);
		check(
			s,
			q.startTime === String(Date.parse(E2E_FIXTURE.sweepWindow.windowStart)) &&
				q.endTime === String(Date.parse(E2E_FIXTURE.sweepWindow.windowEnd)),
			"yesterday's window is sent as epoch ms",
			q,
		);
		check(
			s,
			list[0]?.headers.authorization === `Bearer ${SANDBOX_TOKEN}` &&
				list[0]?.headers.version === 'v3',
			'Bearer token and Version header sent',
			{ version: list[0]?.headers.version },
		);
		const puts = dump.requests.filter((r) => r.method === 'PUT');
		check(
			s,
			JSON.stringify(puts.map((r) => r.path).sort()) ===
				JSON.stringify(expected.map((id) => `/calendars/events/appointments/${id}`)),
			'one PUT per listed appointment, and none for the others',
			puts.map((r) => r.path),
		);
		check(
			s,
			puts.every(
				(r) => JSON.stringify(r.body) === '{"appointmentStatus":"noshow","toNotify":false}',
			),
			'each PUT body is exactly {"appointmentStatus":"noshow","toNotify":false}',
			puts.map((r) => r.body),
		);
		check(
			s,
			puts.every((r) => r.status === 200 && r.response?.appointmentStatus === 'noshow'),
			'the sandbox answers each PUT 200 with the appointment as noshow',
			puts.map((r) => [r.status, r.response?.appointmentStatus]),
		);
		const store = Object.fromEntries(dump.appointments.map((a) => [a.id, a.appointmentStatus]));
		check(
			s,
			expected.every((id) => store[id] === 'noshow') &&
				store.apt_e2e_yesterday_cancelled === 'cancelled' &&
				store.apt_e2e_yesterday_showed === 'showed' &&
				store.apt_e2e_today_new === 'new' &&
				store.apt_e2e_day_before_confirmed === 'confirmed' &&
				store.apt_e2e_other_calendar === 'new' &&
				store.apt_sandbox_001 === 'confirmed',
			"the sandbox holds them as noshow; yesterday's cancelled and showed ones, today's, the day before's and the other calendar's are untouched",
			store,
		);
	});
}

/** Book from a form: the contact found by email, a weekly series with the New York offset. */
export async function bookFromForm(run: MajorRun): Promise<void> {
	await step('run book-from-form', async () => {
		const s = 'run book-from-form';
		const runJson = await run.execute(s, 'hlcExampleBook001');
		const [created] = nodeOutput(s, runJson, 'Book weekly series');
		console.log(`  output: ${JSON.stringify(created).slice(0, 600)}`);
		check(
			s,
			typeof created?.id === 'string' && created.id.length > 0,
			'outputs the created appointment with an id',
			created,
		);
		const dump = await run.takeDump();
		const search = dump.requests.filter(
			(r) => r.method === 'POST' && r.path === '/contacts/search',
		);
		check(
			s,
			search.length >= 1 && search[0].headers.version === '2021-07-28',
			'contact "By Email" resolved through POST /contacts/search (Version 2021-07-28)',
			search.map((r) => r.body),
		);
		const post = dump.requests.find(
			(r) => r.method === 'POST' && r.path === '/calendars/events/appointments',
		);
		const body = post?.body ?? {};
		console.log(`  POST body: ${JSON.stringify(body)}`);
		check(
			s,
			post?.status === 201 || post?.status === 200,
			'POST /calendars/events/appointments succeeded',
			post?.status,
		);
		check(
			s,
			body.contactId === SANDBOX_CONTACT_ID &&
				body.calendarId === SANDBOX_CALENDAR_ID &&
				body.locationId === SANDBOX_LOCATION_ID,
			'body names the contact found by email, the calendar and the location',
			body,
		);
		check(
			s,
			body.startTime === '2030-02-04T09:00:00-05:00' &&
				body.endTime === '2030-02-04T09:45:00-05:00',
			'times sent with the New York offset',
			{ startTime: body.startTime, endTime: body.endTime },
		);
		check(
			s,
			body.rrule === 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6',
			'weekly RRULE on Mondays, with COUNT from the form',
			body.rrule,
		);
		check(
			s,
			body.ignoreFreeSlotValidation === true &&
				body.toNotify === false &&
				body.title === 'Physiotherapy (weekly)',
			'ignoreFreeSlotValidation true with the rule; toNotify false; title',
			body,
		);
	});
}

/**
 * Book a service (Calendars API v3): the contact found by email, one service of the catalog with
 * its staff member, then Get reads the booking back by the id the create answered.
 */
export async function bookService(run: MajorRun): Promise<void> {
	await step('run book-a-service', async () => {
		const s = 'run book-a-service';
		const runJson = await run.execute(s, 'hlcExampleService1');
		const [booked] = nodeOutput(s, runJson, 'Book the haircut');
		const [readBack] = nodeOutput(s, runJson, 'Read it back');
		console.log(`  booked: ${JSON.stringify(booked).slice(0, 400)}`);
		console.log(`  read back: ${JSON.stringify(readBack).slice(0, 400)}`);
		check(
			s,
			typeof booked?.bookingId === 'string' && booked.bookingId.length > 0,
			'Create outputs the booking with its bookingId',
			booked,
		);
		check(
			s,
			readBack?.bookingId === booked?.bookingId &&
				readBack?.contactId === SANDBOX_CONTACT_ID &&
				readBack?.status === 'confirmed' &&
				readBack?.services?.[0]?.id === SANDBOX_SERVICE_ID,
			'Get reads the same booking back: the contact, confirmed, the haircut',
			readBack,
		);
		const dump = await run.takeDump();
		const post = dump.requests.find(
			(r) => r.method === 'POST' && r.path === '/calendars/services/bookings',
		);
		const body = post?.body ?? {};
		console.log(`  POST body: ${JSON.stringify(body)}`);
		check(
			s,
			post?.status === 201 && post.headers.version === 'v3',
			'POST /calendars/services/bookings with Version v3 was accepted by the v3 spec (201)',
			{ status: post?.status, version: post?.headers.version },
		);
		check(
			s,
			body.contactId === SANDBOX_CONTACT_ID &&
				body.locationId === SANDBOX_LOCATION_ID &&
				body.timezone === 'America/New_York' &&
				body.startTime === '2030-02-05T10:00:00-05:00' &&
				body.endTime === '2030-02-05T10:45:00-05:00' &&
				JSON.stringify(body.services) ===
					JSON.stringify([{ id: SANDBOX_SERVICE_ID, staffId: SANDBOX_USER_ID, position: 0 }]),
			'body: the contact found by email, the location, New York times and zone, the service and its staff',
			body,
		);
		const get = dump.requests.filter(
			(r) => r.method === 'GET' && r.path === `/calendars/services/bookings/${booked?.bookingId}`,
		);
		check(
			s,
			get.length === 1 && get[0].status === 200 && get[0].headers.version === 'v3',
			'one GET of that booking, Version v3',
			get.map((r) => [r.status, r.headers.version]),
		);
	});
}

/** Holiday block slots: one PUT per holiday, the whole day in the location's zone. */
export async function holidayBlock(run: MajorRun): Promise<void> {
	await step('run holiday-block', async () => {
		const s = 'run holiday-block';
		const runJson = await run.execute(s, 'hlcExampleHoliday1');
		const out = nodeOutput(s, runJson, 'Block the whole day');
		console.log(
			`  output: ${JSON.stringify(out.map((b) => ({ id: b.id, title: b.title, startTime: b.startTime, endTime: b.endTime })))}`,
		);
		check(s, out.length === 3, 'one output item per holiday', out.length);
		const dump = await run.takeDump();
		const puts = dump.requests.filter((r) => r.method === 'PUT');
		const byPath = Object.fromEntries(puts.map((r) => [r.path, r.body]));
		const expect: Record<string, Json> = {
			'/calendars/events/block-slots/blk_holiday_christmas': {
				title: 'Christmas Day',
				startTime: '2030-12-25T00:00:00-05:00',
				endTime: '2030-12-26T00:00:00-05:00',
			},
			'/calendars/events/block-slots/blk_holiday_boxing_day': {
				title: 'Boxing Day',
				startTime: '2030-12-26T00:00:00-05:00',
				endTime: '2030-12-27T00:00:00-05:00',
			},
			'/calendars/events/block-slots/blk_holiday_new_year': {
				title: "New Year's Day",
				startTime: '2031-01-01T00:00:00-05:00',
				endTime: '2031-01-02T00:00:00-05:00',
			},
		};
		for (const [p, e] of Object.entries(expect)) {
			const got = byPath[p] ?? {};
			check(
				s,
				Object.entries(e).every(([k, v]) => got[k] === v) &&
					got.locationId === SANDBOX_LOCATION_ID &&
					got.calendarId === SANDBOX_CALENDAR_ID,
				`PUT ${p}`,
				got,
			);
		}
		check(
			s,
			puts.length === 3 && puts.every((r) => r.status >= 200 && r.status < 300),
			'three PUTs, all 2xx',
			puts.map((r) => r.status),
		);
	});
}
