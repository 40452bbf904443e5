// Calendar: Get, Get Many and Get Free Slots, in n8n's engine against the sandbox.
import { runHighLevel } from './harness/highLevel';
import {
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { byId, sandbox, useSandbox } from './testing';

useSandbox();

describe('Calendar', () => {
	it('lists the calendars of the credential location', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getAll',
			filters: { groupId: SANDBOX_GROUP_ID },
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/',
			query: { locationId: SANDBOX_LOCATION_ID, groupId: SANDBOX_GROUP_ID },
		});
		expect(items.map((item) => item.json.id).sort()).toEqual([
			SANDBOX_CALENDAR_ID,
			SANDBOX_CALENDAR_2_ID,
		]);
	});

	it('gets one calendar', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'get',
			calendarId: byId(SANDBOX_CALENDAR_2_ID),
		});
		expect(sandbox.requests[0].path).toBe(`/calendars/${SANDBOX_CALENDAR_2_ID}`);
		expect(items[0].json).toMatchObject({ id: SANDBOX_CALENDAR_2_ID, slotDuration: 30 });
	});

	it('gets free slots as one item per slot, with the end from the calendar slot length', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startDate: '2030-01-14T00:00:00',
			endDate: '2030-01-15T00:00:00',
			options: { timeZone: 'Europe/Berlin' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: `/calendars/${SANDBOX_CALENDAR_ID}/free-slots`,
			query: {
				startDate: String(Date.parse('2030-01-14T00:00:00+01:00')),
				endDate: String(Date.parse('2030-01-15T00:00:00+01:00')),
				timezone: 'Europe/Berlin',
			},
			status: 200,
		});
		expect(items.length).toBeGreaterThan(3);
		expect(items.every((item) => item.json.date === '2030-01-14')).toBe(true);
		const starts = items.map((item) => item.json.start);
		// 10:00 is booked by the seeded appointment.
		expect(starts).not.toContain('2030-01-14T10:00:00+01:00');
		expect(items[0].json).toEqual({
			date: '2030-01-14',
			start: starts[0],
			end: expect.stringMatching(/\+01:00$/),
		});
		expect(Date.parse(items[0].json.end as string) - Date.parse(starts[0] as string)).toBe(
			30 * 60_000,
		);
	});

	it('gets free slots one item per day for several users', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startDate: '2030-01-14T00:00:00Z',
			endDate: '2030-01-16T00:00:00Z',
			outputFormat: 'day',
			options: { userIds: `${SANDBOX_USER_ID}, ${SANDBOX_USER_2_ID}`, timeZone: 'UTC' },
		});
		expect(sandbox.requests[0].query.userIds).toEqual([SANDBOX_USER_ID, SANDBOX_USER_2_ID]);
		expect(items.map((item) => item.json.date)).toEqual(['2030-01-14', '2030-01-15']);
		expect(Array.isArray(items[0].json.slots)).toBe(true);
	});

	it('sends the one user picked in Options as userId', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startDate: '2030-01-14T00:00:00Z',
			endDate: '2030-01-15T00:00:00Z',
			options: { userId: byId(SANDBOX_USER_ID), timeZone: 'UTC' },
		});
		expect(sandbox.requests[0].query.userId).toBe(SANDBOX_USER_ID);
		expect(items.length).toBeGreaterThan(0);
	});

	it('refuses a window over 31 days before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startDate: '2030-01-01T00:00:00Z',
			endDate: '2030-02-02T00:00:00Z',
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain(
			'End Date (endDate) "2030-02-02T00:00:00+00:00" is more than 31 days after startDate',
		);
	});
});
