// The HighLevel sandbox itself, over real HTTP: event calendars' availability schedules
// (Calendars API v3 only).
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import {
	call,
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_CALENDAR_ID,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';
import { SANDBOX_EVENT_CALENDAR_ID } from '../sandbox/seedIds';
import { sandboxEventCalendar } from '../sandbox/serviceMenu';

useSandbox();

const PATH = `/calendars/schedules/event-calendar/${SANDBOX_EVENT_CALENDAR_ID}`;
const monday = (intervals: Array<{ from: string; to: string }>) => ({
	type: 'wday',
	day: 'monday',
	intervals,
});
const nineToFive = [{ from: '09:00', to: '17:00' }];
const newSchedule = { timezone: 'Europe/Berlin', rules: [monday(nineToFive)] };

/** The v3 spec's response schemas (fixtures.ts's conforms() holds the 2021-04-15 ones). */
function conformsV3(schema: string, data: unknown): void {
	const ajv = new Ajv({ strict: false, allErrors: true });
	const load = (file: string) =>
		JSON.parse(fs.readFileSync(path.join(__dirname, '../sandbox/spec/v3', file), 'utf8'));
	ajv.addSchema({ ...load('apps/calendars-v3.json'), $id: 'https://v3.invalid/apps/c.json' });
	ajv.addSchema({
		...load('common/common-schemas.json'),
		$id: 'https://v3.invalid/common/common-schemas.json',
	});
	const ok = ajv.validate(
		{ $ref: `https://v3.invalid/apps/c.json#/components/schemas/${schema}` },
		data,
	);
	expect(ajv.errors ?? []).toEqual([]);
	expect(ok).toBe(true);
}

beforeEach(() => {
	sandbox.store.calendars.set(SANDBOX_EVENT_CALENDAR_ID, sandboxEventCalendar(sandbox.store));
});

describe('event calendar schedules', () => {
	test('the seed has none, and no event calendar of its own', () => {
		sandbox.store.reset();
		expect(sandbox.store.eventCalendarSchedules.size).toBe(0);
		expect(sandbox.store.calendars.has(SANDBOX_EVENT_CALENDAR_ID)).toBe(false);
	});

	test('create 201, get 200, update 200: {schedule}, conforming to EventCalendarScheduleWrapperDTO', async () => {
		expect((await call('GET', PATH)).status).toBe(404);
		const created = await call('POST', PATH, newSchedule);
		expect(created.status).toBe(201);
		expect(created.body.schedule).toEqual({
			calendarId: SANDBOX_EVENT_CALENDAR_ID,
			timezone: 'Europe/Berlin',
			rules: [monday(nineToFive)],
			dateAdded: expect.any(String),
			dateUpdated: created.body.schedule.dateAdded,
		});
		conformsV3('EventCalendarScheduleWrapperDTO', created.body);
		expect(await call('GET', PATH)).toEqual({ status: 200, body: created.body });

		// Only what is sent changes; rules are replaced whole.
		const zone = await call('PUT', PATH, { timezone: 'America/New_York' });
		expect(zone.status).toBe(200);
		expect(zone.body.schedule).toMatchObject({
			timezone: 'America/New_York',
			rules: [monday(nineToFive)],
		});
		const day = { type: 'date', date: '2030-12-24', intervals: [] };
		const rules = await call('PUT', PATH, { rules: [day] });
		expect(rules.body.schedule).toMatchObject({ timezone: 'America/New_York', rules: [day] });
		conformsV3('EventCalendarScheduleWrapperDTO', rules.body);
		expect(sandbox.stats.applied.map((w) => [w.method, w.kind, w.id])).toEqual([
			['POST', 'eventCalendarSchedule', SANDBOX_EVENT_CALENDAR_ID],
			['PUT', 'eventCalendarSchedule', SANDBOX_EVENT_CALENDAR_ID],
			['PUT', 'eventCalendarSchedule', SANDBOX_EVENT_CALENDAR_ID],
		]);
	});

	test('a second create is the 422 for conflicting data; update without a schedule is 404', async () => {
		expect((await call('PUT', PATH, { timezone: 'Europe/Berlin' })).status).toBe(404);
		expect((await call('POST', PATH, newSchedule)).status).toBe(201);
		expect(await call('POST', PATH, newSchedule)).toEqual(
			unprocessable(['A schedule already exists for this event calendar: update it instead']),
		);
	});

	test('404 for an unknown calendar and for a calendar not of type event; 403 for another location', async () => {
		expect(
			await call('POST', '/calendars/schedules/event-calendar/cal_missing', newSchedule),
		).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Event calendar not found' },
		});
		const roundRobin = `/calendars/schedules/event-calendar/${SANDBOX_CALENDAR_ID}`;
		for (const [method, body] of [
			['POST', newSchedule],
			['GET', undefined],
			['PUT', newSchedule],
		] as const)
			expect(await call(method, roundRobin, body)).toEqual({
				status: 404,
				body: {
					statusCode: 404,
					message: `Event calendar not found: ${SANDBOX_CALENDAR_ID} is a calendar of type round_robin`,
				},
			});
		expect((await call('GET', PATH, undefined, { token: OTHER_LOCATION_TOKEN })).status).toBe(403);
	});

	test("the rules' 422s are an availability schedule's; the spec's patterns are checked first", async () => {
		expect(
			await call('POST', PATH, {
				timezone: 'Europe/Berlin',
				rules: [
					monday([{ from: '17:00', to: '09:00' }]),
					{ type: 'date', day: 'monday', intervals: [] },
				],
			}),
		).toEqual(
			unprocessable([
				'rules.0.intervals.0.to must be after from',
				'rules.1.date should not be empty',
				'rules.1.day must not be set for a date rule',
				'rules.1: monday has more than one rule',
			]),
		);
		const badTime = await call('POST', PATH, {
			timezone: 'Europe/Berlin',
			rules: [monday([{ from: '9am', to: '17:00' }])],
		});
		expect(badTime.status).toBe(422);
		const noZone = await call('POST', PATH, { rules: [] });
		expect(noZone.status).toBe(422);
		expect(sandbox.store.eventCalendarSchedules.size).toBe(0);
	});

	test('v3 only; a token without the calendars scopes is refused', async () => {
		expect((await call('GET', PATH, undefined, { version: '2021-04-15' })).status).toBe(400);
		await call('POST', PATH, newSchedule);
		// READONLY_TOKEN has calendars/events.readonly only.
		expect((await call('GET', PATH, undefined, { token: READONLY_TOKEN })).status).toBe(401);
		expect((await call('PUT', PATH, newSchedule, { token: READONLY_TOKEN })).status).toBe(401);
	});
});
