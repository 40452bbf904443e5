// The HighLevel sandbox itself, over real HTTP: block slots and listing events.
import {
	BLOCK_SLOTS,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_3_ID,
	SANDBOX_USER_ID,
	blockSlotUpdate,
	call,
	conforms,
	ids,
	ms,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('block slots', () => {
	test('update answers 201 with the flat block slot; setting one target clears the other', async () => {
		const url = `${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`;
		const toUser = await call(
			'PUT',
			url,
			blockSlotUpdate({ assignedUserId: SANDBOX_USER_ID, title: 'Dentist' }),
		);
		expect(toUser).toEqual({
			status: 201,
			body: {
				id: SANDBOX_BLOCK_SLOT_ID,
				locationId: SANDBOX_LOCATION_ID,
				title: 'Dentist',
				startTime: '2030-01-14T12:00:00+01:00',
				endTime: '2030-01-14T13:00:00+01:00',
				assignedUserId: SANDBOX_USER_ID,
			},
		});

		const toCalendar = await call(
			'PUT',
			url,
			blockSlotUpdate({
				calendarId: SANDBOX_CALENDAR_2_ID,
				startTime: '2030-01-14T11:00:00Z',
				endTime: '2030-01-14T12:00:00Z',
			}),
		);
		const { assignedUserId: _dropped, ...unchanged } = toUser.body;
		expect(toCalendar).toEqual({
			status: 201,
			body: {
				...unchanged,
				calendarId: SANDBOX_CALENDAR_2_ID,
				startTime: '2030-01-14T11:00:00Z',
				endTime: '2030-01-14T12:00:00Z',
			},
		});
		expect(sandbox.store.blockSlots.get(SANDBOX_BLOCK_SLOT_ID)).not.toHaveProperty(
			'assignedUserId',
		);
	});

	test('unknown id, or an appointment id, is 404 Block slot not found', async () => {
		const notFound = { status: 404, body: { statusCode: 404, message: 'Block slot not found' } };
		const body = blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID });
		expect(await call('PUT', `${BLOCK_SLOTS}/blk_missing`, body)).toEqual(notFound);
		expect(await call('PUT', `${BLOCK_SLOTS}/${SANDBOX_APPOINTMENT_ID}`, body)).toEqual(notFound);
	});
});

describe('create block slot', () => {
	const slot = (extra: Record<string, unknown>) => ({
		locationId: SANDBOX_LOCATION_ID,
		title: 'Team offsite',
		startTime: '2030-01-15T09:00:00-05:00',
		endTime: '2030-01-15T12:00:00-05:00',
		...extra,
	});

	test('201 with the flat block slot, for a calendar or for a user', async () => {
		const forCalendar = await call(
			'POST',
			BLOCK_SLOTS,
			slot({ calendarId: SANDBOX_CALENDAR_2_ID }),
		);
		expect(forCalendar).toEqual({
			status: 201,
			body: {
				id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
				locationId: SANDBOX_LOCATION_ID,
				title: 'Team offsite',
				startTime: '2030-01-15T09:00:00-05:00',
				endTime: '2030-01-15T12:00:00-05:00',
				calendarId: SANDBOX_CALENDAR_2_ID,
			},
		});
		conforms('calendars', 'BlockedSlotSuccessfulResponseDto', forCalendar.body);
		expect(sandbox.store.blockSlots.get(forCalendar.body.id)).toMatchObject({
			calendarId: SANDBOX_CALENDAR_2_ID,
		});

		const forUser = await call('POST', BLOCK_SLOTS, slot({ assignedUserId: SANDBOX_USER_2_ID }));
		expect(forUser.status).toBe(201);
		expect(forUser.body).toMatchObject({ assignedUserId: SANDBOX_USER_2_ID });
		expect(forUser.body).not.toHaveProperty('calendarId');
	});

	test('exactly one of calendarId / assignedUserId, times required and ordered, unknown ids 400', async () => {
		expect(
			await call(
				'POST',
				BLOCK_SLOTS,
				slot({ calendarId: SANDBOX_CALENDAR_ID, assignedUserId: SANDBOX_USER_ID }),
			),
		).toEqual(unprocessable(['Either calendarId or assignedUserId can be set, not both']));
		expect(await call('POST', BLOCK_SLOTS, slot({}))).toEqual(
			unprocessable(['Either calendarId or assignedUserId must be set']),
		);
		expect(
			await call('POST', BLOCK_SLOTS, {
				locationId: SANDBOX_LOCATION_ID,
				calendarId: SANDBOX_CALENDAR_ID,
			}),
		).toEqual(unprocessable(['startTime should not be empty', 'endTime should not be empty']));
		expect(
			(
				await call(
					'POST',
					BLOCK_SLOTS,
					slot({ calendarId: SANDBOX_CALENDAR_ID, endTime: '2030-01-15T08:00:00-05:00' }),
				)
			).body.message,
		).toEqual(['endTime must be after startTime']);
		expect(
			(await call('POST', BLOCK_SLOTS, slot({ calendarId: SANDBOX_CALENDAR_ID, color: 'red' })))
				.body.message,
		).toEqual(['property color should not exist']);
		expect(await call('POST', BLOCK_SLOTS, slot({ assignedUserId: 'usr_missing' }))).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'User not found: usr_missing' },
		});
		expect(sandbox.store.blockSlots.size).toBe(1);
	});
});

describe('list events and blocked slots', () => {
	const list = (
		what: 'events' | 'blocked-slots',
		filter: string,
		from = '2030-01-14T00:00:00Z',
		to = '2030-01-15T00:00:00Z',
	) =>
		call(
			'GET',
			`/calendars/${what}?locationId=${SANDBOX_LOCATION_ID}&${filter}&startTime=${ms(from)}&endTime=${ms(to)}`,
		);

	test('events: CalendarEventDTOs overlapping the window, by calendar, user or group', async () => {
		const res = await list('events', `calendarId=${SANDBOX_CALENDAR_ID}`);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			events: [
				{
					id: SANDBOX_APPOINTMENT_ID,
					address: 'Zoom',
					title: 'Casey Contact',
					calendarId: SANDBOX_CALENDAR_ID,
					locationId: SANDBOX_LOCATION_ID,
					contactId: SANDBOX_CONTACT_ID,
					groupId: SANDBOX_GROUP_ID,
					appointmentStatus: 'confirmed',
					assignedUserId: SANDBOX_USER_ID,
					users: [SANDBOX_USER_ID],
					isRecurring: false,
					startTime: '2030-01-14T10:00:00+01:00',
					endTime: '2030-01-14T10:30:00+01:00',
					dateAdded: '2029-12-01T09:00:00.000Z',
					dateUpdated: '2029-12-01T09:00:00.000Z',
				},
			],
		});
		conforms('calendars', 'GetCalendarEventsSuccessfulResponseDTO', res.body);

		expect(ids((await list('events', `userId=${SANDBOX_USER_ID}`)).body.events)).toEqual([
			SANDBOX_APPOINTMENT_ID,
		]);
		expect(ids((await list('events', `groupId=${SANDBOX_GROUP_ID}`)).body.events)).toEqual([
			SANDBOX_APPOINTMENT_ID,
		]);
		expect((await list('events', `userId=${SANDBOX_USER_2_ID}`)).body.events).toEqual([]);
		expect((await list('events', `calendarId=${SANDBOX_CALENDAR_2_ID}`)).body.events).toEqual([]);
		// the appointment is 09:00-09:30Z: a window ending at 09:00Z does not overlap it, one ending at 09:00:00.001Z does
		expect(
			(
				await list(
					'events',
					`calendarId=${SANDBOX_CALENDAR_ID}`,
					'2030-01-14T00:00:00Z',
					'2030-01-14T09:00:00Z',
				)
			).body.events,
		).toEqual([]);
		expect(
			(
				await list(
					'events',
					`calendarId=${SANDBOX_CALENDAR_ID}`,
					'2030-01-14T09:30:00Z',
					'2030-01-14T12:00:00Z',
				)
			).body.events,
		).toEqual([]);
		expect(
			(
				await list(
					'events',
					`calendarId=${SANDBOX_CALENDAR_ID}`,
					'2030-01-14T00:00:00Z',
					'2030-01-14T09:00:00.001Z',
				)
			).body.events,
		).toHaveLength(1);
	});

	test('blocked slots: the events schema, without the fields only appointments have; by calendar or user', async () => {
		const res = await list('blocked-slots', `calendarId=${SANDBOX_CALENDAR_ID}`);
		expect(res).toEqual({
			status: 200,
			body: {
				events: [
					{
						id: SANDBOX_BLOCK_SLOT_ID,
						title: 'Lunch',
						calendarId: SANDBOX_CALENDAR_ID,
						locationId: SANDBOX_LOCATION_ID,
						startTime: '2030-01-14T12:00:00+01:00',
						endTime: '2030-01-14T13:00:00+01:00',
						dateAdded: '2029-12-01T09:00:00.000Z',
						dateUpdated: '2029-12-01T09:00:00.000Z',
					},
				],
			},
		});
		conforms('calendars-blocked-slots', 'GetCalendarEventsSuccessfulResponseDTO', res.body);
		// appointments are not block slots, and vice versa
		expect(ids(res.body.events)).not.toContain(SANDBOX_APPOINTMENT_ID);

		const mine = await call('POST', BLOCK_SLOTS, {
			locationId: SANDBOX_LOCATION_ID,
			assignedUserId: SANDBOX_USER_3_ID,
			startTime: '2030-01-14T15:00:00Z',
			endTime: '2030-01-14T16:00:00Z',
		});
		const users = await list('blocked-slots', `userId=${SANDBOX_USER_3_ID}`);
		expect(users.body.events).toEqual([
			{
				id: mine.body.id,
				title: '',
				locationId: SANDBOX_LOCATION_ID,
				assignedUserId: SANDBOX_USER_3_ID,
				startTime: '2030-01-14T15:00:00Z',
				endTime: '2030-01-14T16:00:00Z',
				dateAdded: expect.any(String),
				dateUpdated: expect.any(String),
			},
		]);
		conforms('calendars-blocked-slots', 'GetCalendarEventsSuccessfulResponseDTO', users.body);
		expect(ids((await list('blocked-slots', `groupId=${SANDBOX_GROUP_ID}`)).body.events)).toEqual([
			SANDBOX_BLOCK_SLOT_ID,
		]);
	});

	test('422 unless exactly one of calendarId, userId, groupId, and a window in epoch ms', async () => {
		for (const what of ['events', 'blocked-slots'] as const) {
			const base = `/calendars/${what}?locationId=${SANDBOX_LOCATION_ID}`;
			const window = `startTime=${ms('2030-01-14T00:00:00Z')}&endTime=${ms('2030-01-15T00:00:00Z')}`;
			expect(await call('GET', `${base}&${window}`)).toEqual(
				unprocessable(['Either of calendarId, userId or groupId is required']),
			);
			expect(
				await call(
					'GET',
					`${base}&${window}&calendarId=${SANDBOX_CALENDAR_ID}&userId=${SANDBOX_USER_ID}`,
				),
			).toEqual(
				unprocessable([
					'Only one of calendarId, userId or groupId can be set, got calendarId, userId',
				]),
			);
			expect(await call('GET', `${base}&calendarId=${SANDBOX_CALENDAR_ID}`)).toEqual(
				unprocessable(['startTime should not be empty', 'endTime should not be empty']),
			);
			expect(
				await call(
					'GET',
					`${base}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=2030-01-14T00:00:00Z&endTime=1`,
				),
			).toEqual(
				unprocessable(['startTime must be a number string (milliseconds since the epoch)']),
			);
			expect(
				(await call('GET', `${base}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=2&endTime=1`)).body
					.message,
			).toEqual(['endTime must not be before startTime']);
			expect(await call('GET', `${base}&${window}&calendarId=cal_missing`)).toEqual({
				status: 400,
				body: { statusCode: 400, message: 'Calendar not found: cal_missing' },
			});
			expect(
				(
					await call(
						'GET',
						`${base.replace(SANDBOX_LOCATION_ID, 'loc_other')}&${window}&groupId=${SANDBOX_GROUP_ID}`,
					)
				).status,
			).toBe(403);
		}
	});
});
