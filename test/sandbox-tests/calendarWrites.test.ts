// The HighLevel sandbox itself, over real HTTP: calendars created, updated and deleted.
import {
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_3_ID,
	SANDBOX_USER_ID,
	call,
	conforms,
	ms,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

const CALENDARS = '/calendars/';
const nineToFive = { openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 };
const roundRobin = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	name: 'Sales Team',
	calendarType: 'round_robin',
	teamMembers: [
		{ userId: SANDBOX_USER_2_ID, priority: 1, isPrimary: true },
		{ userId: SANDBOX_USER_3_ID },
	],
	openHours: [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [nineToFive] }],
	...extra,
});
const badRequest = (message: string) => ({ status: 400, body: { statusCode: 400, message } });

describe('create calendar', () => {
	test('200 {calendar} with the spec defaults, conforming to CalendarByIdSuccessfulResponseDTO; recorded as applied', async () => {
		const res = await call('POST', CALENDARS, roundRobin());
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(['calendar']);
		conforms('calendars', 'CalendarByIdSuccessfulResponseDTO', res.body);
		const { calendar } = res.body;
		expect(calendar).toMatchObject({
			locationId: SANDBOX_LOCATION_ID,
			name: 'Sales Team',
			calendarType: 'round_robin',
			slug: 'sales-team',
			widgetSlug: 'sales-team',
			isActive: true,
			eventType: 'RoundRobin_OptimizeForAvailability',
			widgetType: 'classic',
			slotDuration: 30,
			slotDurationUnit: 'mins',
			autoConfirm: true,
			teamMembers: [
				{ userId: SANDBOX_USER_2_ID, priority: 1, isPrimary: true },
				{ userId: SANDBOX_USER_3_ID, priority: 0.5, isPrimary: false },
			],
			openHours: [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [nineToFive] }],
		});
		expect(calendar.id).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(sandbox.store.calendars.get(calendar.id)).toMatchObject({ name: 'Sales Team' });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: CALENDARS,
				kind: 'calendar',
				id: calendar.id,
			}),
		]);
		expect((await call('GET', `/calendars/${calendar.id}`)).body).toEqual(res.body);
		sandbox.reset();
		expect(sandbox.store.calendars.has(calendar.id)).toBe(false);
		expect([...sandbox.store.calendars.keys()]).toEqual([
			SANDBOX_CALENDAR_ID,
			SANDBOX_CALENDAR_2_ID,
		]);
	});

	test('numbers meeting locations; custom days get ids', async () => {
		const res = await call('POST', CALENDARS, {
			locationId: SANDBOX_LOCATION_ID,
			name: 'Clinic',
			locationConfigurations: [
				{ kind: 'physical', location: '1 Main St' },
				{ kind: 'inbound_call' },
			],
			availabilities: [{ date: '2030-01-15T00:00:00.000Z', hours: [nineToFive] }],
		});
		expect(res.status).toBe(200);
		conforms('calendars', 'CalendarByIdSuccessfulResponseDTO', res.body);
		expect(res.body.calendar).toMatchObject({
			calendarType: 'event',
			teamMembers: [],
			locationConfigurations: [
				{ kind: 'physical', location: '1 Main St', meetingId: 'physical_0' },
				{ kind: 'inbound_call', meetingId: 'inbound_call_1' },
			],
			availabilities: [
				{
					id: expect.any(String),
					date: '2030-01-15T00:00:00.000Z',
					hours: [nineToFive],
					deleted: false,
				},
			],
		});
	});

	test('the schema: name and locationId required, unknown fields refused (422); another location 403', async () => {
		expect(await call('POST', CALENDARS, { locationId: SANDBOX_LOCATION_ID })).toEqual(
			unprocessable(['name should not be empty']),
		);
		expect(
			await call('POST', CALENDARS, roundRobin({ calendarType: 'team', colour: 'red' })),
		).toEqual(
			unprocessable([
				'property colour should not exist',
				'calendarType must be one of the following values: round_robin, event, class_booking, collective, service_booking, personal',
			]),
		);
		expect((await call('POST', CALENDARS, roundRobin({ locationId: 'loc_other' }))).status).toBe(
			403,
		);
		expect(
			(await call('POST', CALENDARS, roundRobin(), { token: READONLY_TOKEN })).body.message,
		).toBe('This authClass type is not allowed to access this scope');
		expect(sandbox.stats.applied).toEqual([]);
	});

	test.each([
		[
			'a user of no location',
			{ teamMembers: [{ userId: 'usr_nobody' }] },
			'User not found: usr_nobody',
		],
		[
			'a round robin without members',
			{ teamMembers: [] },
			'Team members are required for calendars of type round_robin',
		],
		[
			'a member twice',
			{ teamMembers: [{ userId: SANDBOX_USER_ID }, { userId: SANDBOX_USER_ID }] },
			`User ${SANDBOX_USER_ID} is listed more than once`,
		],
		[
			'two primaries',
			{
				teamMembers: [
					{ userId: SANDBOX_USER_ID, isPrimary: true },
					{ userId: SANDBOX_USER_2_ID, isPrimary: true },
				],
			},
			'Only one user can be primary',
		],
		[
			'a personal calendar of two',
			{ calendarType: 'personal' },
			'Personal calendar must have exactly one team member',
		],
		[
			'a collective without a primary',
			{ calendarType: 'collective', teamMembers: [{ userId: SANDBOX_USER_ID }] },
			'isPrimary is required in case of collective booking calendars',
		],
		[
			'recurring with two members',
			{ enableRecurring: true },
			'Only one member should be added in the calendar to enable recurring',
		],
		[
			'zoom on an event calendar',
			{ calendarType: 'event', locationConfigurations: [{ kind: 'zoom_conference' }] },
			'zoom_conference is not supported in event calendar type',
		],
		[
			'a location for google meet',
			{ locationConfigurations: [{ kind: 'google_conference', location: 'x' }] },
			'location is not applicable on google_conference',
		],
		[
			'hours that close before they open',
			{ openHours: [{ daysOfTheWeek: [1], hours: [{ ...nineToFive, closeHour: 8 }] }] },
			'openHours[0]: the closing time must be after the opening time',
		],
		[
			'a custom day not at midnight UTC',
			{ availabilities: [{ date: '2030-01-15', hours: [nineToFive] }] },
			'availabilities date must be <YYYY-MM-DD>T00:00:00.000Z, got "2030-01-15"',
		],
	])('400 for %s', async (_what, extra, message) => {
		expect(await call('POST', CALENDARS, roundRobin(extra))).toEqual(badRequest(message));
		expect(sandbox.stats.applied).toEqual([]);
	});
});

describe('update calendar', () => {
	const url = `/calendars/${SANDBOX_CALENDAR_ID}`;

	test('200 {calendar}: what was sent replaces what was there, the rest stays', async () => {
		const res = await call('PUT', url, {
			name: 'Consultations',
			slotDuration: 1,
			slotDurationUnit: 'hours',
			teamMembers: [{ userId: SANDBOX_USER_3_ID, isPrimary: true }],
		});
		expect(res.status).toBe(200);
		conforms('calendars', 'CalendarByIdSuccessfulResponseDTO', res.body);
		expect(res.body.calendar).toMatchObject({
			id: SANDBOX_CALENDAR_ID,
			name: 'Consultations',
			slug: 'sandbox-consultations',
			slotDuration: 1,
			slotDurationUnit: 'hours',
			teamMembers: [{ userId: SANDBOX_USER_3_ID, priority: 0.5, isPrimary: true }],
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'PUT', kind: 'calendar', id: SANDBOX_CALENDAR_ID }),
		]);
	});

	test('custom days: added without id, changed or deleted by id; an unknown id is 400', async () => {
		const day = (date: string) => ({ date: `${date}T00:00:00.000Z`, hours: [nineToFive] });
		const added = await call('PUT', url, {
			availabilities: [day('2030-01-15'), day('2030-01-16')],
		});
		const [first, second] = added.body.calendar.availabilities;
		const changed = await call('PUT', url, {
			availabilities: [
				{ ...day('2030-01-17'), id: first.id },
				{ ...day('2030-01-16'), id: second.id, deleted: true },
				day('2030-01-18'),
			],
		});
		expect(changed.status).toBe(200);
		expect(
			changed.body.calendar.availabilities.map((a: { id: string; date: string }) => [
				a.id === first.id,
				a.date,
			]),
		).toEqual([
			[true, '2030-01-17T00:00:00.000Z'],
			[false, '2030-01-18T00:00:00.000Z'],
		]);
		expect(
			await call('PUT', url, { availabilities: [{ ...day('2030-01-19'), id: 'av_missing' }] }),
		).toEqual(badRequest('Custom availability not found: av_missing'));
	});

	test('the rules hold after the change; calendarType cannot be changed (422)', async () => {
		expect(await call('PUT', url, { teamMembers: [] })).toEqual(
			badRequest('Team members are required for calendars of type round_robin'),
		);
		expect(await call('PUT', url, { calendarType: 'event' })).toEqual(
			unprocessable(['property calendarType should not exist']),
		);
	});

	test('unknown calendar 404, another location 403, a token without calendars.write 401', async () => {
		expect(await call('PUT', '/calendars/cal_missing', { name: 'x' })).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Calendar not found' },
		});
		expect((await call('PUT', url, { name: 'x' }, { token: OTHER_LOCATION_TOKEN })).status).toBe(
			403,
		);
		expect((await call('PUT', url, { name: 'x' }, { token: READONLY_TOKEN })).status).toBe(401);
		expect(sandbox.store.calendars.get(SANDBOX_CALENDAR_ID)!.name).toBe('Sandbox Consultations');
	});
});

describe('delete calendar', () => {
	test('200 {success: true}; then it is gone (404); another location 403', async () => {
		const url = `/calendars/${SANDBOX_CALENDAR_2_ID}`;
		expect((await call('DELETE', url, undefined, { token: OTHER_LOCATION_TOKEN })).status).toBe(
			403,
		);
		const res = await call('DELETE', url);
		expect(res).toEqual({ status: 200, body: { success: true } });
		conforms('calendars', 'CalendarDeleteSuccessfulResponseDTO', res.body);
		expect(sandbox.store.calendars.has(SANDBOX_CALENDAR_2_ID)).toBe(false);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'DELETE', kind: 'calendar', id: SANDBOX_CALENDAR_2_ID }),
		]);
		expect((await call('GET', url)).status).toBe(404);
		expect((await call('DELETE', url)).status).toBe(404);
	});
});

describe("free slots follow a calendar's open hours and custom days", () => {
	test('open hours per weekday; a custom day replaces them; availabilityType picks one', async () => {
		const { body } = await call('POST', CALENDARS, {
			...roundRobin(),
			slotDuration: 60,
			openHours: [
				{
					daysOfTheWeek: [1],
					hours: [
						{ openHour: 9, openMinute: 0, closeHour: 11, closeMinute: 0 },
						{ openHour: 14, openMinute: 0, closeHour: 15, closeMinute: 0 },
					],
				},
				{
					daysOfTheWeek: [6],
					hours: [{ openHour: 10, openMinute: 0, closeHour: 11, closeMinute: 0 }],
				},
			],
			availabilities: [
				{
					date: '2030-01-15T00:00:00.000Z',
					hours: [{ openHour: 12, openMinute: 0, closeHour: 13, closeMinute: 0 }],
				},
			],
		});
		const id = body.calendar.id;
		const week = `startDate=${ms('2030-01-13T00:00:00Z')}&endDate=${ms('2030-01-19T23:59:59Z')}&timezone=UTC`;
		const free = async () => (await call('GET', `/calendars/${id}/free-slots?${week}`)).body;
		expect(await free()).toEqual({
			'2030-01-14': {
				slots: [
					'2030-01-14T09:00:00+00:00',
					'2030-01-14T10:00:00+00:00',
					'2030-01-14T14:00:00+00:00',
				],
			},
			'2030-01-15': { slots: ['2030-01-15T12:00:00+00:00'] },
			'2030-01-19': { slots: ['2030-01-19T10:00:00+00:00'] },
		});
		await call('PUT', `/calendars/${id}`, { availabilityType: 1 });
		expect(Object.keys(await free())).toEqual(['2030-01-15']);
		await call('PUT', `/calendars/${id}`, { availabilityType: 0 });
		expect(Object.keys(await free())).toEqual(['2030-01-14', '2030-01-19']);
	});
});
