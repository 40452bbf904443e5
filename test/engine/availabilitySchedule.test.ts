// Availability Schedule through n8n's engine against the sandbox: the exact requests and outputs
// of Get, Create, Update, Delete, Add and Remove Calendar, the checks made before sending, scopes.
// Search and the picker are in availabilityScheduleSearch.test.ts.
import { runHighLevel } from './harness/highLevel';
import {
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_SCHEDULE_2_ID,
	SANDBOX_SCHEDULE_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { asToken, READ_ONLY_TOKEN, resource, sent, useScheduleSandbox } from './scheduleTesting';
import { byId, sandbox } from './testing';

useScheduleSandbox();

const nineToFive = [{ from: '09:00', to: '17:00' }];

describe('Availability Schedule: Get', () => {
	it('outputs the schedule itself, not its envelope', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'get',
			id: byId(SANDBOX_SCHEDULE_ID),
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual({
			method: 'GET',
			path: `/calendars/schedules/${SANDBOX_SCHEDULE_ID}`,
			query: {},
			body: undefined,
		});
		expect(items).toEqual([
			{
				json: (sandbox.requests[0].response as { schedule: object }).schedule,
				pairedItem: expect.anything(),
			},
		]);
		expect(items[0].json).toMatchObject({
			id: SANDBOX_SCHEDULE_ID,
			calendarIds: [SANDBOX_CALENDAR_ID],
		});
	});

	it('sends the id as one path segment and names the schedule HighLevel does not know', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'get',
			id: byId('sch/../x'),
		});
		expect(sandbox.requests[0].path).toBe('/calendars/schedules/sch%2F..%2Fx');
		expect(sandbox.requests[0].status).toBe(404);
		expect(error?.message).toBe(
			'HighLevel found no availability schedule with id "sch/../x" (404)',
		);
	});
});

describe('Availability Schedule: Create', () => {
	it('builds the rules from Weekly Hours and Date Overrides and outputs the new schedule', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'create',
			name: 'Front desk',
			userId: byId(SANDBOX_USER_2_ID),
			timezone: 'Europe/Berlin',
			availabilityScheduleAdditionalFields: {
				calendarIds: `${SANDBOX_CALENDAR_ID}, ${SANDBOX_CALENDAR_2_ID}`,
				weeklyHours: {
					hours: [
						{
							days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
							from: '9:00',
							to: '12:00',
						},
						{ days: ['monday', 'wednesday'], from: '13:00', to: '17:00' },
					],
				},
				dateOverrides: {
					overrides: [
						{ date: '2030-12-24', from: '', to: '' },
						{ date: '2030-12-31', from: '09:00', to: '13:00' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		const morning = { from: '09:00', to: '12:00' };
		const afternoon = { from: '13:00', to: '17:00' };
		const day = (name: string, intervals: object[]) => ({ type: 'wday', day: name, intervals });
		expect(sent()).toEqual({
			method: 'POST',
			path: '/calendars/schedules',
			query: {},
			body: {
				name: 'Front desk',
				userId: SANDBOX_USER_2_ID,
				timezone: 'Europe/Berlin',
				locationId: SANDBOX_LOCATION_ID,
				calendarIds: [SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID],
				rules: [
					day('monday', [morning, afternoon]),
					day('tuesday', [morning]),
					day('wednesday', [morning, afternoon]),
					day('thursday', [morning]),
					day('friday', [morning]),
					{ type: 'date', date: '2030-12-24', intervals: [] },
					{ type: 'date', date: '2030-12-31', intervals: [{ from: '09:00', to: '13:00' }] },
				],
			},
		});
		expect(sandbox.requests[0].status).toBe(201);
		const created = (sandbox.requests[0].response as { schedule: { id: string } }).schedule;
		expect(items.map((item) => item.json)).toEqual([created]);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'availabilitySchedule', id: created.id, method: 'POST' }),
		]);
	});

	it('takes Rules (JSON) from an expression, checked and written as HighLevel wants them', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{
				resource,
				operation: 'create',
				name: '={{ $json.name }}',
				userId: byId(SANDBOX_USER_ID),
				timezone: 'America/Chicago',
				availabilityScheduleAdditionalFields: { rulesJson: '={{ $json.rules }}' },
			},
			{
				items: [
					{
						name: 'Copied',
						rules: [
							{ day: 'Friday', intervals: [{ from: '8:30', to: '12:00' }] },
							{ type: 'date', date: '2030-07-04', intervals: [] },
						],
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(sent().body).toEqual({
			name: 'Copied',
			userId: SANDBOX_USER_ID,
			timezone: 'America/Chicago',
			locationId: SANDBOX_LOCATION_ID,
			rules: [
				{ type: 'wday', day: 'friday', intervals: [{ from: '08:30', to: '12:00' }] },
				{ type: 'date', date: '2030-07-04', intervals: [] },
			],
		});
	});

	it.each([
		[
			'Rules (JSON) together with Weekly Hours',
			{
				rulesJson: '[]',
				weeklyHours: { hours: [{ days: ['monday'], ...nineToFive[0] }] },
			},
			'Additional Fields > Rules (JSON) (rulesJson) "[]" cannot be set together with Weekly Hours or Date Overrides. Use Weekly Hours and Date Overrides, or Rules (JSON), not both: remove one.',
		],
		[
			'Rules (JSON) that is not JSON',
			{ rulesJson: '[{"day": "monday"' },
			'Additional Fields > Rules (JSON) (rulesJson) "[{\\"day\\": \\"monday\\"" is not valid JSON.',
		],
		[
			'an unknown day',
			{ rulesJson: '[{"day": "mon", "intervals": []}]' },
			'Additional Fields > Rules (JSON) (rulesJson[0].day) "mon" is not an allowed value.',
		],
		[
			'an end before the start',
			{ weeklyHours: { hours: [{ days: ['monday'], from: '17:00', to: '09:00' }] } },
			'Additional Fields > Weekly Hours (weeklyHours[0].to) "09:00" is not after from. Set an end after the start (17:00).',
		],
	])('refuses %s before any request', async (_what, fields, message) => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'create',
			name: 'x',
			userId: byId(SANDBOX_USER_ID),
			timezone: 'Europe/Berlin',
			availabilityScheduleAdditionalFields: fields,
		});
		expect(sandbox.requests).toEqual([]);
		expect(error?.message).toContain(message);
	});

	it('with Continue On Fail, an item with a time zone HighLevel refuses fails alone', async () => {
		const { items, error } = await runHighLevel(
			sandbox,
			{
				resource,
				operation: 'create',
				name: '={{ $json.name }}',
				userId: byId(SANDBOX_USER_ID),
				timezone: '={{ $json.zone }}',
			},
			{
				continueOnFail: true,
				items: [
					{ name: 'Berlin', zone: 'Europe/Berlin' },
					{ name: 'Plain UTC', zone: 'UTC' },
					{ name: 'Chicago', zone: 'America/Chicago' },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => (request.body as { name: string }).name)).toEqual([
			'Berlin',
			'Chicago',
		]);
		expect(items).toHaveLength(3);
		expect(items[0].json).toMatchObject({ name: 'Berlin', timezone: 'Europe/Berlin' });
		expect(items[1].json.error).toBe(
			'Time Zone (timezone) "UTC" is not a time zone HighLevel takes for a schedule. HighLevel takes schedule time zones of the form Area/City (letters and underscores, one slash), such as America/New_York; for UTC use Etc/UTC.',
		);
		expect(items[2].json).toMatchObject({ name: 'Chicago' });
	});

	it('names the scope a read-only token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{
				resource,
				operation: 'create',
				name: 'x',
				userId: byId(SANDBOX_USER_ID),
				timezone: 'Europe/Berlin',
			},
			asToken(READ_ONLY_TOKEN),
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars.write');
	});
});

describe('Availability Schedule: Update', () => {
	it('sends only the fields set, rules replaced whole, and outputs the schedule', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'update',
			id: byId(SANDBOX_SCHEDULE_ID),
			availabilityScheduleUpdateFields: {
				name: 'Winter hours',
				weeklyHours: { hours: [{ days: ['saturday'], from: '10:00', to: '14:00' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual({
			method: 'PUT',
			path: `/calendars/schedules/${SANDBOX_SCHEDULE_ID}`,
			query: {},
			body: {
				name: 'Winter hours',
				rules: [{ type: 'wday', day: 'saturday', intervals: [{ from: '10:00', to: '14:00' }] }],
			},
		});
		expect(items.map((item) => item.json)).toEqual([
			(sandbox.requests[0].response as { schedule: object }).schedule,
		]);
		expect(items[0].json).toMatchObject({ name: 'Winter hours', timezone: 'America/New_York' });
		expect(sandbox.store.schedules.get(SANDBOX_SCHEDULE_ID)!.rules).toHaveLength(1);
	});

	it('refuses empty Update Fields before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'update',
			id: byId(SANDBOX_SCHEDULE_ID),
			availabilityScheduleUpdateFields: {},
		});
		expect(sandbox.requests).toEqual([]);
		expect(error?.message).toBe(
			'Update Fields (availabilityScheduleUpdateFields) {} is empty. Add at least one field to Update Fields.',
		);
	});
});

describe('Availability Schedule: Delete', () => {
	it('answers { id, deleted: true }', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'delete',
			id: byId(SANDBOX_SCHEDULE_2_ID),
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual({
			method: 'DELETE',
			path: `/calendars/schedules/${SANDBOX_SCHEDULE_2_ID}`,
			query: {},
			body: undefined,
		});
		expect(sandbox.requests[0].response).toEqual({ success: true });
		expect(items.map((item) => item.json)).toEqual([{ id: SANDBOX_SCHEDULE_2_ID, deleted: true }]);
		expect(sandbox.store.schedules.has(SANDBOX_SCHEDULE_2_ID)).toBe(false);
	});

	it('names the schedule HighLevel does not know', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'delete',
			id: byId('sch_missing'),
		});
		expect(error?.message).toBe(
			'HighLevel found no availability schedule with id "sch_missing" (404)',
		);
	});
});

describe('Availability Schedule: Add Calendar and Remove Calendar', () => {
	it('PUT and DELETE the association, answering which schedule and calendar', async () => {
		const added = await runHighLevel(sandbox, {
			resource,
			operation: 'addCalendar',
			id: byId(SANDBOX_SCHEDULE_2_ID),
			calendarId: byId(SANDBOX_CALENDAR_2_ID),
		});
		expect(added.error).toBeUndefined();
		const path = `/calendars/schedules/${SANDBOX_SCHEDULE_2_ID}/associations/${SANDBOX_CALENDAR_2_ID}`;
		expect(sent()).toEqual({ method: 'PUT', path, query: {}, body: undefined });
		expect(added.items.map((item) => item.json)).toEqual([
			{ id: SANDBOX_SCHEDULE_2_ID, calendarId: SANDBOX_CALENDAR_2_ID, added: true },
		]);
		expect(sandbox.store.schedules.get(SANDBOX_SCHEDULE_2_ID)!.calendarIds).toEqual([
			SANDBOX_CALENDAR_2_ID,
		]);

		const removed = await runHighLevel(sandbox, {
			resource,
			operation: 'removeCalendar',
			id: byId(SANDBOX_SCHEDULE_2_ID),
			calendarId: byId(SANDBOX_CALENDAR_2_ID),
		});
		expect(removed.error).toBeUndefined();
		expect(sent(1)).toEqual({ method: 'DELETE', path, query: {}, body: undefined });
		expect(removed.items.map((item) => item.json)).toEqual([
			{ id: SANDBOX_SCHEDULE_2_ID, calendarId: SANDBOX_CALENDAR_2_ID, removed: true },
		]);
		expect(sandbox.store.schedules.get(SANDBOX_SCHEDULE_2_ID)!.calendarIds).toEqual([]);
		expect(sandbox.stats.applied.map((write) => write.kind)).toEqual([
			'availabilitySchedule',
			'availabilitySchedule',
		]);
	});

	it('a 404 names both ids; a missing calendar is refused before any request; the scope is named', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource,
			operation: 'addCalendar',
			id: byId(SANDBOX_SCHEDULE_ID),
			calendarId: byId('cal_missing'),
		});
		expect(sandbox.requests[0].status).toBe(404);
		expect(error?.message).toBe(
			`HighLevel found no availability schedule with id "${SANDBOX_SCHEDULE_ID}" or calendar with calendarId "cal_missing" (404)`,
		);

		sandbox.resetStats();
		const empty = await runHighLevel(sandbox, {
			resource,
			operation: 'removeCalendar',
			id: byId(SANDBOX_SCHEDULE_ID),
			calendarId: byId(' '),
		});
		expect(sandbox.requests).toEqual([]);
		expect(empty.error?.message).toContain('calendarId');

		const denied = await runHighLevel(
			sandbox,
			{
				resource,
				operation: 'removeCalendar',
				id: byId(SANDBOX_SCHEDULE_ID),
				calendarId: byId(SANDBOX_CALENDAR_ID),
			},
			asToken(READ_ONLY_TOKEN),
		);
		expect(denied.error?.message).toBe('The access token is missing the scope calendars.write');
		expect(sandbox.store.schedules.get(SANDBOX_SCHEDULE_ID)!.calendarIds).toEqual([
			SANDBOX_CALENDAR_ID,
		]);
	});
});
