// Event Calendar Schedule through n8n's engine against the sandbox (Calendars API v3): the exact
// requests of Create, Get and Update with Version v3, their outputs, the rule checks made before
// sending (shared with Availability Schedule), and the scope a token lacks.
import { runHighLevel } from './harness/highLevel';
import { SANDBOX_CALENDAR_ID } from '../sandbox';
import { SANDBOX_EVENT_CALENDAR_ID } from '../sandbox/seedIds';
import { sandboxEventCalendar } from '../sandbox/serviceMenu';
import { asToken, READ_ONLY_TOKEN, sent, useScheduleSandbox } from './scheduleTesting';
import { byId, sandbox } from './testing';

useScheduleSandbox();

const resource = 'eventCalendarSchedule';
const PATH = `/calendars/schedules/event-calendar/${SANDBOX_EVENT_CALENDAR_ID}`;
const calendarId = byId(SANDBOX_EVENT_CALENDAR_ID);
const nineToFive = [{ from: '09:00', to: '17:00' }];
const day = (name: string, intervals: object[]) => ({ type: 'wday', day: name, intervals });

beforeEach(() => {
	sandbox.store.calendars.set(SANDBOX_EVENT_CALENDAR_ID, sandboxEventCalendar(sandbox.store));
});

/** A schedule for the event calendar, put in the store as Create would. */
function storeSchedule(): void {
	sandbox.store.eventCalendarSchedules.set(SANDBOX_EVENT_CALENDAR_ID, {
		id: SANDBOX_EVENT_CALENDAR_ID,
		locationId: sandboxEventCalendar(sandbox.store).locationId,
		calendarId: SANDBOX_EVENT_CALENDAR_ID,
		timezone: 'Europe/Berlin',
		rules: [{ type: 'wday', day: 'monday', intervals: nineToFive }],
		dateAdded: '2030-01-01T00:00:00.000Z',
		dateUpdated: '2030-01-01T00:00:00.000Z',
	});
}

const response = (index = 0) => (sandbox.requests[index].response as { schedule: object }).schedule;

describe('Event Calendar Schedule: Create', () => {
	it('sends the time zone and the rules built from Weekly Hours and Date Overrides, with Version v3', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'create',
			calendarId,
			timezone: ' Europe/Berlin ',
			eventCalendarScheduleRules: {
				weeklyHours: {
					hours: [
						{ days: ['monday', 'friday'], from: '9:00', to: '12:00' },
						{ days: ['monday'], from: '13:00', to: '17:00' },
					],
				},
				dateOverrides: { overrides: [{ date: '2030-12-24', from: '', to: '' }] },
			},
		});
		expect(error).toBeUndefined();
		const morning = { from: '09:00', to: '12:00' };
		expect(sent()).toEqual({
			method: 'POST',
			path: PATH,
			query: {},
			body: {
				timezone: 'Europe/Berlin',
				rules: [
					day('monday', [morning, { from: '13:00', to: '17:00' }]),
					day('friday', [morning]),
					{ type: 'date', date: '2030-12-24', intervals: [] },
				],
			},
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(sandbox.requests[0].status).toBe(201);
		expect(items.map((item) => item.json)).toEqual([response()]);
		expect(items[0].json).toMatchObject({
			calendarId: SANDBOX_EVENT_CALENDAR_ID,
			timezone: 'Europe/Berlin',
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'eventCalendarSchedule', id: SANDBOX_EVENT_CALENDAR_ID }),
		]);
	});

	it('takes Rules (JSON) as HighLevel writes them', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'create',
			calendarId,
			timezone: 'America/New_York',
			eventCalendarScheduleRules: {
				rulesJson: '[{"type":"wday","day":"Tuesday","intervals":[{"from":"8:00","to":"16:00"}]}]',
			},
		});
		expect(error).toBeUndefined();
		expect(sent().body).toEqual({
			timezone: 'America/New_York',
			rules: [day('tuesday', [{ from: '08:00', to: '16:00' }])],
		});
	});

	it.each([
		['no rules', {}, 'Rules (eventCalendarScheduleRules) {} is empty. Add Weekly Hours'],
		[
			'an interval ending before it starts',
			{ weeklyHours: { hours: [{ days: ['monday'], from: '17:00', to: '09:00' }] } },
			'(weeklyHours[0].to) "09:00" is not after from. Set an end after the start (17:00).',
		],
		[
			'a rule with a date and a day',
			{ rulesJson: '[{"type":"date","date":"2030-12-24","day":"monday","intervals":[]}]' },
			'(rulesJson[0].day) "monday" is not allowed in a date rule',
		],
		[
			'Rules (JSON) beside Weekly Hours',
			{ rulesJson: '[]', weeklyHours: { hours: [{ days: ['monday'], ...nineToFive[0] }] } },
			'cannot be set together with Weekly Hours or Date Overrides',
		],
	])('refuses %s before any request', async (_what, rules, message) => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'create',
			calendarId,
			timezone: 'Europe/Berlin',
			eventCalendarScheduleRules: rules,
		});
		expect(sandbox.requests).toEqual([]);
		expect(error?.message).toContain(message);
	});

	it('refuses a time zone HighLevel does not take for a schedule before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'create',
			calendarId,
			timezone: 'UTC',
			eventCalendarScheduleRules: { rulesJson: '[]' },
		});
		expect(sandbox.requests).toEqual([]);
		expect(error?.message).toContain('for UTC use Etc/UTC');
	});

	it("says what HighLevel answers for a calendar that has a schedule, and for one that isn't an event calendar", async () => {
		storeSchedule();
		const again = await runHighLevel(sandbox, {
			resource,
			operation: 'create',
			calendarId,
			timezone: 'Europe/Berlin',
			eventCalendarScheduleRules: { rulesJson: '[]' },
		});
		expect(sandbox.requests[0].status).toBe(422);
		expect(again.error?.message).toContain(
			'A schedule already exists for this event calendar: update it instead',
		);
		const other = await runHighLevel(sandbox, {
			resource,
			operation: 'get',
			calendarId: byId(SANDBOX_CALENDAR_ID),
		});
		expect(sandbox.requests[1].status).toBe(404);
		expect(other.error?.message).toContain(
			`HighLevel found no event calendar schedule with calendarId "${SANDBOX_CALENDAR_ID}" (404)`,
		);
	});
});

describe('Event Calendar Schedule: Get', () => {
	it('outputs the schedule itself, not its envelope', async () => {
		storeSchedule();
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'get',
			calendarId,
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual({ method: 'GET', path: PATH, query: {}, body: undefined });
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([
			{
				calendarId: SANDBOX_EVENT_CALENDAR_ID,
				timezone: 'Europe/Berlin',
				rules: [day('monday', nineToFive)],
				dateAdded: '2030-01-01T00:00:00.000Z',
				dateUpdated: '2030-01-01T00:00:00.000Z',
			},
		]);
	});

	it('names the scope a token without calendars.readonly lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ resource, operation: 'get', calendarId },
			asToken('pit-schedules-none'),
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars.readonly');
	});
});

describe('Event Calendar Schedule: Update', () => {
	it('sends only what was set, with Version v3, and outputs the schedule', async () => {
		storeSchedule();
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'update',
			calendarId,
			eventCalendarScheduleUpdateFields: { timezone: 'America/Chicago' },
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual({
			method: 'PUT',
			path: PATH,
			query: {},
			body: { timezone: 'America/Chicago' },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([response()]);
		expect(items[0].json).toMatchObject({
			timezone: 'America/Chicago',
			rules: [day('monday', nineToFive)],
		});
	});

	it('replaces the rules; an empty Update Fields and bad rules are refused before any request', async () => {
		storeSchedule();
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'update',
			calendarId,
			eventCalendarScheduleUpdateFields: {
				dateOverrides: { overrides: [{ date: '2030-12-31', from: '10:00', to: '14:00' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(sent().body).toEqual({
			rules: [{ type: 'date', date: '2030-12-31', intervals: [{ from: '10:00', to: '14:00' }] }],
		});
		sandbox.reset();
		const empty = await runHighLevel(sandbox, {
			resource,
			operation: 'update',
			calendarId,
			eventCalendarScheduleUpdateFields: {},
		});
		expect(empty.error?.message).toContain('Add Time Zone or rules to Update Fields.');
		const bad = await runHighLevel(sandbox, {
			resource,
			operation: 'update',
			calendarId,
			eventCalendarScheduleUpdateFields: {
				rulesJson: '[{"type":"wday","day":"funday","intervals":[]}]',
			},
		});
		expect(bad.error?.message).toContain('rulesJson[0].day');
		expect(sandbox.requests).toEqual([]);
	});

	it('names the scope a read-only token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{
				resource,
				operation: 'update',
				calendarId,
				eventCalendarScheduleUpdateFields: { timezone: 'America/Chicago' },
			},
			asToken(READ_ONLY_TOKEN),
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars.write');
	});
});
