import { runHighLevel } from './harness/highLevel';
import { SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID } from '../sandbox';
import { sandbox, useSandbox } from './testing';

useSandbox();

const NEW_YORK = { timeZone: 'America/New_York' };

/** A weekly Monday 09:00 New York series of 4, across the 2030-03-10 daylight-saving change. */
async function createSeries(): Promise<string> {
	const { items, error } = await runHighLevel(sandbox, {
		resource: 'appointment',
		operation: 'create',
		calendarId: SANDBOX_CALENDAR_ID,
		contactId: SANDBOX_CONTACT_ID,
		startTime: '2030-03-04T09:00:00',
		additionalFields: { endTime: '2030-03-04T09:30:00', title: 'Weekly check-in' },
		recurrence: 'build',
		frequency: 'weekly',
		interval: 1,
		weekdays: ['MO'],
		recurrenceEnd: 'count',
		count: 4,
		exdates: '',
		recurrenceSummary: true,
		options: NEW_YORK,
	});
	expect(error).toBeUndefined();
	expect(sandbox.requests[0].body).toMatchObject({
		rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=4',
		ignoreFreeSlotValidation: true,
		startTime: '2030-03-04T09:00:00-05:00',
	});
	const recurrence = items[0].json.recurrence as {
		text: string;
		next: Array<{ start: string; end: string }>;
	};
	expect(recurrence.text).toBe('every week on Monday, 4 times');
	// Wall-clock 09:00 kept across the change: -05:00, then -04:00.
	expect(recurrence.next).toEqual([
		{ start: '2030-03-04T09:00:00-05:00', end: '2030-03-04T09:30:00-05:00' },
		{ start: '2030-03-11T09:00:00-04:00', end: '2030-03-11T09:30:00-04:00' },
		{ start: '2030-03-18T09:00:00-04:00', end: '2030-03-18T09:30:00-04:00' },
		{ start: '2030-03-25T09:00:00-04:00', end: '2030-03-25T09:30:00-04:00' },
	]);
	sandbox.requests.length = 0;
	return items[0].json.id as string;
}

async function listSeries() {
	const { items } = await runHighLevel(sandbox, {
		resource: 'appointment',
		operation: 'getAll',
		filterBy: 'calendar',
		calendarId: SANDBOX_CALENDAR_ID,
		startTime: '2030-03-01T00:00:00Z',
		endTime: '2030-04-01T00:00:00Z',
		returnAll: true,
	});
	return items.map((item) => item.json).filter((event) => event.masterEventId !== undefined);
}

describe('one occurrence of a series', () => {
	it('finds the instance by master id and date and updates only that occurrence', async () => {
		const masterId = await createSeries();
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'update',
			target: 'occurrence',
			masterEventId: masterId,
			occurrenceDate: '2030-03-11',
			updateFields: {
				title: 'Moved to the afternoon',
				startTime: '2030-03-11T15:00:00',
				endTime: '2030-03-11T15:30:00',
			},
			options: NEW_YORK,
		});
		expect(error).toBeUndefined();
		const paths = sandbox.requests.map((request) => `${request.method} ${request.path}`);
		const instanceId = `${masterId}_${Date.parse('2030-03-11T13:00:00Z')}_1800`;
		expect(paths).toEqual([
			`GET /calendars/events/appointments/${masterId}`,
			'GET /calendars/events',
			`PUT /calendars/events/appointments/${instanceId}`,
		]);
		expect(sandbox.requests[1].query).toMatchObject({ calendarId: SANDBOX_CALENDAR_ID });
		expect(sandbox.requests[2].body).toEqual({
			title: 'Moved to the afternoon',
			startTime: '2030-03-11T15:00:00-04:00',
			endTime: '2030-03-11T15:30:00-04:00',
		});
		expect(items[0].json).toMatchObject({ title: 'Moved to the afternoon' });
		const series = await listSeries();
		expect(series.map((event) => [event.title, event.startTime])).toEqual([
			['Weekly check-in', '2030-03-04T09:00:00-05:00'],
			['Moved to the afternoon', '2030-03-11T15:00:00-04:00'],
			['Weekly check-in', '2030-03-18T09:00:00-04:00'],
			['Weekly check-in', '2030-03-25T09:00:00-04:00'],
		]);
	});

	it('matches an exact start time too', async () => {
		const masterId = await createSeries();
		await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'update',
			target: 'occurrence',
			masterEventId: masterId,
			occurrenceDate: '2030-03-18T09:00:00-04:00',
			updateFields: { appointmentStatus: 'cancelled' },
		});
		const series = await listSeries();
		expect(series.map((event) => event.appointmentStatus)).toEqual([
			'confirmed',
			'confirmed',
			'cancelled',
			'confirmed',
		]);
	});

	it('names what it found when no occurrence matches, and sends no update', async () => {
		const masterId = await createSeries();
		const { error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'update',
			target: 'occurrence',
			masterEventId: masterId,
			occurrenceDate: '2030-03-12',
			updateFields: { title: 'x' },
			options: NEW_YORK,
		});
		expect(sandbox.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
		expect(error?.message).toContain(
			'Occurrence Date (occurrenceDate) "on 2030-03-12" matches no occurrence of the series.',
		);
		expect(error?.message).toContain(
			`${masterId}_${Date.parse('2030-03-11T13:00:00Z')}_1800 at 2030-03-11T09:00:00-04:00`,
		);
	});
});

describe('recurrence summary', () => {
	it('is on by default for Get, computed in the Time Zone option', async () => {
		const masterId = await createSeries();
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'get',
			eventId: masterId,
			options: NEW_YORK,
		});
		expect(items[0].json.recurrence).toMatchObject({
			rule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=4',
			text: 'every week on Monday, 4 times',
		});
	});
});
