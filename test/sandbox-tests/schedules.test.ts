// The HighLevel sandbox itself, over real HTTP: availability schedules and their calendars.
import {
	call,
	conforms,
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_SCHEDULE_2_ID,
	SANDBOX_SCHEDULE_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

const SCHEDULES = '/calendars/schedules';
const search = (query: string, token?: string) =>
	call('GET', `${SCHEDULES}/search?${query}`, undefined, { token });
const mine = `locationId=${SANDBOX_LOCATION_ID}&userId=${SANDBOX_USER_ID}`;
const newSchedule = (extra: Record<string, unknown> = {}) => ({
	name: 'Front desk',
	locationId: SANDBOX_LOCATION_ID,
	userId: SANDBOX_USER_ID,
	timezone: 'Europe/Berlin',
	...extra,
});
const monday = (intervals: Array<{ from: string; to: string }>) => ({
	type: 'wday',
	day: 'monday',
	intervals,
});

/** Adds `count` schedules of Sam's, named "Extra 1", "Extra 2", ... */
function addSchedules(count: number): void {
	for (let i = 1; i <= count; i++) {
		sandbox.store.schedules.set(`sch_extra_${i}`, {
			...structuredClone(sandbox.store.schedules.get(SANDBOX_SCHEDULE_ID)!),
			id: `sch_extra_${i}`,
			name: `Extra ${i}`,
			calendarIds: [],
		});
	}
}

describe('search schedules', () => {
	test("200 {schedules}: the user's, conforming to GetAllSchedulesResponseDTO; by calendar", async () => {
		const res = await search(mine);
		expect(res.status).toBe(200);
		expect(res.body.schedules.map((s: { id: string }) => s.id)).toEqual([SANDBOX_SCHEDULE_ID]);
		expect(res.body.schedules[0]).toMatchObject({
			name: 'Business Hours',
			userId: SANDBOX_USER_ID,
			locationId: SANDBOX_LOCATION_ID,
			timezone: 'America/New_York',
			calendarIds: [SANDBOX_CALENDAR_ID],
			deleted: false,
		});
		conforms('calendars', 'GetAllSchedulesResponseDTO', res.body);

		const riley = await search(`locationId=${SANDBOX_LOCATION_ID}&userId=${SANDBOX_USER_2_ID}`);
		expect(riley.body.schedules.map((s: { id: string }) => s.id)).toEqual([SANDBOX_SCHEDULE_2_ID]);
		expect((await search(`${mine}&calendarId=${SANDBOX_CALENDAR_2_ID}`)).body).toEqual({
			schedules: [],
		});
		expect((await search(`${mine}&calendarId=${SANDBOX_CALENDAR_ID}`)).body.schedules).toHaveLength(
			1,
		);
	});

	test('skip and limit page in the order created; limit is 1 to 500, default 50', async () => {
		addSchedules(60);
		expect((await search(mine)).body.schedules).toHaveLength(50);
		const page = await search(`${mine}&skip=10&limit=3`);
		expect(page.body.schedules.map((s: { name: string }) => s.name)).toEqual([
			'Extra 10',
			'Extra 11',
			'Extra 12',
		]);
		expect((await search(`${mine}&skip=59&limit=500`)).body.schedules).toHaveLength(2);
		expect(await search(`${mine}&limit=501`)).toEqual(
			unprocessable(['limit must not be greater than 500']),
		);
		expect(await search(`${mine}&limit=0`)).toEqual(
			unprocessable(['limit must not be less than 1']),
		);
	});

	test('userId is required and must be a user of the location; the scope is calendars.readonly', async () => {
		expect(await search(`locationId=${SANDBOX_LOCATION_ID}`)).toEqual(
			unprocessable(['userId should not be empty']),
		);
		expect(await search(`locationId=${SANDBOX_LOCATION_ID}&userId=usr_missing`)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'User not found: usr_missing' },
		});
		expect((await search(`${mine}&calendarId=cal_missing`)).status).toBe(400);
		expect((await search(mine, OTHER_LOCATION_TOKEN)).status).toBe(403);
		expect((await search(mine, READONLY_TOKEN)).status).toBe(401);
	});
});

describe('one schedule', () => {
	test('GET 200 {schedule}, conforming to ScheduleResponseDTO; unknown 404; other location 403', async () => {
		const res = await call('GET', `${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(['schedule']);
		expect(res.body.schedule.rules).toHaveLength(5);
		conforms('calendars', 'ScheduleResponseDTO', res.body);
		expect(await call('GET', `${SCHEDULES}/sch_missing`)).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Schedule not found' },
		});
		expect(
			(
				await call('GET', `${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`, undefined, {
					token: OTHER_LOCATION_TOKEN,
				})
			).status,
		).toBe(403);
	});

	test('POST 201 {schedule}: stored with its rules and calendars, recorded as applied', async () => {
		const rules = [
			monday([
				{ from: '09:00', to: '12:00' },
				{ from: '13:00', to: '17:00' },
			]),
			{ type: 'date', date: '2030-12-24', intervals: [] },
		];
		const res = await call(
			'POST',
			SCHEDULES,
			newSchedule({ rules, calendarIds: [SANDBOX_CALENDAR_2_ID] }),
		);
		expect(res.status).toBe(201);
		conforms('calendars', 'ScheduleResponseDTO', res.body);
		const { id } = res.body.schedule;
		expect(res.body.schedule).toMatchObject({
			name: 'Front desk',
			userId: SANDBOX_USER_ID,
			timezone: 'Europe/Berlin',
			rules,
			calendarIds: [SANDBOX_CALENDAR_2_ID],
		});
		expect(sandbox.store.schedules.get(id)).toMatchObject({
			rules,
			locationId: SANDBOX_LOCATION_ID,
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'POST', kind: 'availabilitySchedule', id }),
		]);
	});

	test('POST refuses what HighLevel would: missing fields, unknown user or calendar, bad rules', async () => {
		expect(await call('POST', SCHEDULES, { name: 'x' })).toEqual(
			unprocessable([
				'timezone should not be empty',
				'locationId should not be empty',
				'userId should not be empty',
			]),
		);
		expect((await call('POST', SCHEDULES, newSchedule({ userId: 'usr_missing' }))).status).toBe(
			400,
		);
		expect(
			(await call('POST', SCHEDULES, newSchedule({ calendarIds: ['cal_missing'] }))).status,
		).toBe(400);
		const refused = async (extra: Record<string, unknown>) =>
			(await call('POST', SCHEDULES, newSchedule(extra))).body.message;
		expect(await refused({ timezone: 'UTC' })).toEqual([
			'timezone must match pattern "^[A-Za-z_]+/[A-Za-z_]+$"',
		]);
		expect(await refused({ timezone: 'Mars/Olympus' })).toEqual([
			'timezone must be a valid IANA time zone',
		]);
		expect(await refused({ rules: [{ type: 'wday', intervals: [] }] })).toEqual([
			'rules.0.day should not be empty',
		]);
		expect(
			await refused({
				rules: [{ type: 'date', date: '2030-02-30', day: 'monday', intervals: [] }],
			}),
		).toEqual(['rules.0.day must not be set for a date rule', 'rules.0.date must be a valid date']);
		expect(await refused({ rules: [monday([{ from: '17:00', to: '09:00' }])] })).toEqual([
			'rules.0.intervals.0.to must be after from',
		]);
		expect(
			await refused({
				rules: [
					monday([
						{ from: '09:00', to: '12:00' },
						{ from: '11:00', to: '13:00' },
					]),
				],
			}),
		).toEqual(['rules.0.intervals must not overlap']);
		expect(await refused({ rules: [monday([]), monday([])] })).toEqual([
			'rules.1: monday has more than one rule',
		]);
		expect(await refused({ rules: [monday([{ from: '9am', to: '17:00' }])] })).toEqual([
			'rules.0.intervals.0.from must match pattern "^([01]?[0-9]|2[0-3]):[0-5][0-9]$"',
		]);
		expect(sandbox.stats.applied).toEqual([]);
	});

	test('PUT 200 changes only what was sent, rules whole; unknown 404; other location 403', async () => {
		const res = await call('PUT', `${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`, {
			name: 'Winter hours',
			rules: [monday([{ from: '10:00', to: '16:00' }])],
		});
		expect(res.status).toBe(200);
		conforms('calendars', 'ScheduleResponseDTO', res.body);
		expect(res.body.schedule).toMatchObject({
			name: 'Winter hours',
			timezone: 'America/New_York',
			rules: [monday([{ from: '10:00', to: '16:00' }])],
			calendarIds: [SANDBOX_CALENDAR_ID],
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'PUT',
				kind: 'availabilitySchedule',
				id: SANDBOX_SCHEDULE_ID,
			}),
		]);
		expect((await call('PUT', `${SCHEDULES}/sch_missing`, { name: 'x' })).status).toBe(404);
		expect(
			(await call('PUT', `${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`, { userId: SANDBOX_USER_2_ID })).body
				.message,
		).toEqual(['property userId should not exist']);
		expect(
			(
				await call(
					'PUT',
					`${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`,
					{ name: 'x' },
					{
						token: OTHER_LOCATION_TOKEN,
					},
				)
			).status,
		).toBe(403);
	});

	test('DELETE 200 {success: true}, and the schedule is gone', async () => {
		expect(await call('DELETE', `${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`)).toEqual({
			status: 200,
			body: { success: true },
		});
		expect(sandbox.store.schedules.has(SANDBOX_SCHEDULE_ID)).toBe(false);
		expect((await call('GET', `${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`)).status).toBe(404);
		expect((await call('DELETE', `${SCHEDULES}/${SANDBOX_SCHEDULE_ID}`)).status).toBe(404);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'DELETE',
				kind: 'availabilitySchedule',
				id: SANDBOX_SCHEDULE_ID,
			}),
		]);
	});
});

describe('schedule calendars', () => {
	const association = (scheduleId: string, calendarId: string) =>
		`${SCHEDULES}/${scheduleId}/associations/${calendarId}`;

	test('PUT adds the calendar once, DELETE removes it; each answers {success: true}', async () => {
		const add = association(SANDBOX_SCHEDULE_2_ID, SANDBOX_CALENDAR_2_ID);
		expect(await call('PUT', add)).toEqual({ status: 200, body: { success: true } });
		expect(await call('PUT', add)).toEqual({ status: 200, body: { success: true } });
		expect(sandbox.store.schedules.get(SANDBOX_SCHEDULE_2_ID)!.calendarIds).toEqual([
			SANDBOX_CALENDAR_2_ID,
		]);
		expect(await call('DELETE', add)).toEqual({ status: 200, body: { success: true } });
		expect(await call('DELETE', add)).toEqual({ status: 200, body: { success: true } });
		expect(sandbox.store.schedules.get(SANDBOX_SCHEDULE_2_ID)!.calendarIds).toEqual([]);
		// Only the two calls that changed something are writes.
		expect(sandbox.stats.applied.map((w) => [w.method, w.kind, w.id])).toEqual([
			['PUT', 'availabilitySchedule', SANDBOX_SCHEDULE_2_ID],
			['DELETE', 'availabilitySchedule', SANDBOX_SCHEDULE_2_ID],
		]);
	});

	test('unknown schedule or calendar 404; a calendar of another location 400', async () => {
		expect(await call('PUT', association('sch_missing', SANDBOX_CALENDAR_ID))).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Schedule not found' },
		});
		expect(await call('DELETE', association(SANDBOX_SCHEDULE_ID, 'cal_missing'))).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Calendar not found' },
		});
		sandbox.store.calendars.set('cal_elsewhere', {
			...structuredClone(sandbox.store.calendars.get(SANDBOX_CALENDAR_ID)!),
			id: 'cal_elsewhere',
			locationId: 'loc_other',
		});
		expect(await call('PUT', association(SANDBOX_SCHEDULE_ID, 'cal_elsewhere'))).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'Schedule and calendar must belong to the same location' },
		});
		expect(sandbox.stats.applied).toEqual([]);
	});
});
