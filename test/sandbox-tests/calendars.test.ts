// The HighLevel sandbox itself, over real HTTP: calendars and free slots.
import {
	APPOINTMENTS,
	BLOCK_SLOTS,
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
	newAppointment,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('get calendar', () => {
	test('200 {calendar}, conforming to CalendarByIdSuccessfulResponseDTO; unknown 404; other location 403', async () => {
		const res = await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body)).toEqual(['calendar']);
		expect(res.body.calendar).toMatchObject({
			id: SANDBOX_CALENDAR_ID,
			locationId: SANDBOX_LOCATION_ID,
			name: 'Sandbox Consultations',
			slotDuration: 30,
		});
		conforms('calendars', 'CalendarByIdSuccessfulResponseDTO', res.body);

		expect(await call('GET', '/calendars/cal_missing')).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Calendar not found' },
		});
		expect(
			(
				await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}`, undefined, {
					token: OTHER_LOCATION_TOKEN,
				})
			).status,
		).toBe(403);
	});
});

describe('free slots', () => {
	const MONDAY = '2030-01-14';
	const ALL_DAY = [9, 10, 11, 12, 13, 14, 15, 16].flatMap((h) => [
		`${String(h).padStart(2, '0')}:00`,
		`${String(h).padStart(2, '0')}:30`,
	]);
	const slotsOn = (day: string, times: string[], offset: string) =>
		times.map((t) => `${day}T${t}:00${offset}`);
	const free = (query: string, calendarId = SANDBOX_CALENDAR_ID) =>
		call('GET', `/calendars/${calendarId}/free-slots?${query}`);
	const monday = `startDate=${ms(`${MONDAY}T00:00:00-05:00`)}&endDate=${ms(`${MONDAY}T23:59:59.999-05:00`)}`;
	const without = (...times: string[]) => ALL_DAY.filter((t) => !times.includes(t));

	test('09:00-17:00 on weekdays in the location zone by default, every 30 minutes, keyed by date', async () => {
		const res = await free(monday);
		expect(res).toEqual({
			status: 200,
			body: { [MONDAY]: { slots: slotsOn(MONDAY, ALL_DAY, '-05:00') } },
		});
		conforms(
			'calendars',
			'/paths/~1calendars~1{calendarId}~1free-slots/get/responses/200/content/application~1json/schema',
			res.body,
		);

		// Friday to Monday: the weekend has no entry
		const res2 = await free(
			`startDate=${ms('2030-01-11T00:00:00-05:00')}&endDate=${ms(`${MONDAY}T23:59:59-05:00`)}`,
		);
		expect(Object.keys(res2.body)).toEqual(['2030-01-11', MONDAY]);
		// slots start inside the window
		const noon = await free(
			`startDate=${ms(`${MONDAY}T12:00:00-05:00`)}&endDate=${ms(`${MONDAY}T13:00:00-05:00`)}`,
		);
		expect(noon.body[MONDAY].slots).toEqual(slotsOn(MONDAY, ['12:00', '12:30', '13:00'], '-05:00'));
	});

	test('timezone moves the open hours and the offsets; an unknown zone is 400', async () => {
		const res = await free(
			`startDate=${ms(`${MONDAY}T00:00:00+05:30`)}&endDate=${ms(`${MONDAY}T23:59:59+05:30`)}&timezone=Asia/Kolkata`,
		);
		// the seeded appointment (09:00Z) and block slot (11:00Z) land at 14:30 and 16:30 in Kolkata
		expect(res.body).toEqual({
			[MONDAY]: { slots: slotsOn(MONDAY, without('14:30', '16:30'), '+05:30') },
		});
		// summer time in New York
		const june = await free(
			`startDate=${ms('2030-06-03T00:00:00-04:00')}&endDate=${ms('2030-06-03T10:00:00-04:00')}`,
		);
		expect(june.body['2030-06-03'].slots).toEqual(
			slotsOn('2030-06-03', ['09:00', '09:30', '10:00'], '-04:00'),
		);
		expect(await free(`${monday}&timezone=Mars/Olympus`)).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message: 'timezone must be a valid IANA time zone, got "Mars/Olympus"',
			},
		});
	});

	test("subtracts the calendar's appointments and block slots, but not cancelled ones or other calendars'", async () => {
		// in Berlin the seeded appointment (10:00-10:30) and block slot (12:00-13:00) fall in open hours
		const berlin = `startDate=${ms(`${MONDAY}T00:00:00+01:00`)}&endDate=${ms(`${MONDAY}T23:59:59+01:00`)}&timezone=Europe/Berlin`;
		expect((await free(berlin)).body[MONDAY].slots).toEqual(
			slotsOn(MONDAY, without('10:00', '12:00', '12:30'), '+01:00'),
		);
		expect((await free(berlin, SANDBOX_CALENDAR_2_ID)).body[MONDAY].slots).toEqual(
			slotsOn(MONDAY, ALL_DAY, '+01:00'),
		);

		// a 30-minute appointment at 14:15 New York time takes both slots it overlaps
		const booked = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ startTime: `${MONDAY}T14:15:00-05:00` }),
		);
		expect((await free(monday)).body[MONDAY].slots).toEqual(
			slotsOn(MONDAY, without('14:00', '14:30'), '-05:00'),
		);
		await call('PUT', `${APPOINTMENTS}/${booked.body.id}`, { appointmentStatus: 'cancelled' });
		expect((await free(monday)).body[MONDAY].slots).toEqual(slotsOn(MONDAY, ALL_DAY, '-05:00'));
	});

	test("userId / userIds also subtract those users' time; userIds repeat, comma-separate, or bracket", async () => {
		const block = (assignedUserId: string) =>
			call('POST', BLOCK_SLOTS, {
				locationId: SANDBOX_LOCATION_ID,
				assignedUserId,
				startTime: `${MONDAY}T15:00:00-05:00`,
				endTime: `${MONDAY}T16:00:00-05:00`,
			});
		await block(SANDBOX_USER_2_ID);
		const busy = slotsOn(MONDAY, without('15:00', '15:30'), '-05:00');
		const open = slotsOn(MONDAY, ALL_DAY, '-05:00');
		expect((await free(monday)).body[MONDAY].slots).toEqual(open);
		expect((await free(`${monday}&userId=${SANDBOX_USER_2_ID}`)).body[MONDAY].slots).toEqual(busy);
		// round robin: while one of the users is free the slot stays
		expect(
			(await free(`${monday}&userIds=${SANDBOX_USER_2_ID},${SANDBOX_USER_3_ID}`)).body[MONDAY]
				.slots,
		).toEqual(open);
		await block(SANDBOX_USER_3_ID);
		for (const users of [
			`userIds=${SANDBOX_USER_2_ID},${SANDBOX_USER_3_ID}`,
			`userIds=${SANDBOX_USER_2_ID}&userIds=${SANDBOX_USER_3_ID}`,
			`userIds[]=${SANDBOX_USER_2_ID}&userIds[]=${SANDBOX_USER_3_ID}`,
			`userId=${SANDBOX_USER_2_ID}&userIds=${SANDBOX_USER_3_ID}`,
		]) {
			expect((await free(`${monday}&${users}`)).body[MONDAY].slots).toEqual(busy);
		}
		// the seeded appointment's user, at 04:00 New York time, is outside open hours anyway
		expect((await free(`${monday}&userId=${SANDBOX_USER_ID}`)).body[MONDAY].slots).toEqual(open);
		expect(await free(`${monday}&userIds=usr_missing`)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'User not found: usr_missing' },
		});
		expect((await free(`${monday}&userId=a&userId=b`)).body.message).toEqual([
			'userId must be a single value',
		]);
	});

	test('the range may not exceed 31 days (400); dates are required numbers (422); unknown calendar 404', async () => {
		const start = Date.parse('2030-01-01T00:00:00Z');
		const DAY = 86_400_000;
		const month = await free(`startDate=${start}&endDate=${start + 31 * DAY}`);
		expect(month.status).toBe(200);
		expect(Object.keys(month.body)).toHaveLength(23); // weekdays from Jan 1 to Feb 1, 2030
		expect(await free(`startDate=${start}&endDate=${start + 31 * DAY + 1}`)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'Date range cannot be more than 31 days' },
		});
		expect(await free(`startDate=${start}&endDate=${start - 1}`)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'endDate must not be before startDate' },
		});
		expect(await free('')).toEqual(
			unprocessable(['startDate should not be empty', 'endDate should not be empty']),
		);
		expect(await free(`startDate=2030-01-01&endDate=${start}`)).toEqual(
			unprocessable(['startDate must be a number conforming to the specified constraints']),
		);
		expect(await free(monday, 'cal_missing')).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Calendar not found' },
		});
		expect((await free(monday, SANDBOX_CALENDAR_ID)).status).toBe(200);
		expect(
			(
				await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}/free-slots?${monday}`, undefined, {
					token: READONLY_TOKEN,
				})
			).status,
		).toBe(401);
	});

	test('live style adds a traceId beside the dates', async () => {
		sandbox.options.responseStyle = 'live';
		const res = await free(monday);
		expect(Object.keys(res.body).sort()).toEqual([MONDAY, 'traceId']);
		expect(res.body.traceId).toEqual(expect.any(String));
	});
});
