// The HighLevel sandbox itself, over real HTTP: recurring series (expansion, instances, one occurrence).
import {
	APPOINTMENTS,
	OTHER_LOCATION_TOKEN,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
	call,
	conforms,
	ids,
	ms,
	newAppointment,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('recurring appointments', () => {
	// US daylight saving time starts on Sunday 2030-03-10: New York goes from -05:00 to -04:00.
	const FIRST = '2030-03-04T09:00:00-05:00'; // a Monday
	const series = (rrule: string, extra: Record<string, unknown> = {}) =>
		call(
			'POST',
			APPOINTMENTS,
			newAppointment({
				startTime: FIRST,
				endTime: '2030-03-04T09:30:00-05:00',
				title: 'Weekly check-in',
				rrule,
				ignoreFreeSlotValidation: true,
				...extra,
			}),
		);
	const listWindow = (from: string, to: string, filter = `calendarId=${SANDBOX_CALENDAR_ID}`) =>
		call(
			'GET',
			`/calendars/events?locationId=${SANDBOX_LOCATION_ID}&${filter}&startTime=${ms(from)}&endTime=${ms(to)}`,
		);
	type Listed = Record<string, any> & { id: string };
	const march = async () =>
		(await listWindow('2030-03-01T00:00:00Z', '2030-07-01T00:00:00Z')).body.events as Listed[];
	const starts = (events: Listed[]) => events.map((e) => e.startTime);
	const instance = (masterId: string, start: string, seconds = 1800) =>
		`${masterId}_${Date.parse(start)}_${seconds}`;
	const notFound = { status: 404, body: { statusCode: 404, message: 'Appointment not found' } };

	test('a weekly 09:00 New York series keeps 09:00 local across the March DST change, one event per occurrence', async () => {
		const created = await series('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4');
		expect(created.body).toMatchObject({
			isRecurring: true,
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
		});
		const master = created.body.id as string;
		const res = await listWindow('2030-03-01T00:00:00Z', '2030-04-01T00:00:00Z');
		expect(res.status).toBe(200);
		conforms('calendars', 'GetCalendarEventsSuccessfulResponseDTO', res.body);
		const events = res.body.events as Listed[];
		expect(starts(events)).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-11T09:00:00-04:00',
			'2030-03-18T09:00:00-04:00',
			'2030-03-25T09:00:00-04:00',
		]);
		expect(events.map((e) => e.endTime)).toEqual([
			'2030-03-04T09:30:00-05:00',
			'2030-03-11T09:30:00-04:00',
			'2030-03-18T09:30:00-04:00',
			'2030-03-25T09:30:00-04:00',
		]);
		// ids: <master id>_<start in epoch ms>_<duration in seconds>; the master itself is not listed
		expect(ids(events)).toEqual([
			`${master}_1898863200000_1800`,
			`${master}_1899464400000_1800`,
			`${master}_1900069200000_1800`,
			`${master}_1900674000000_1800`,
		]);
		expect(Date.parse('2030-03-11T09:00:00-04:00')).toBe(1899464400000);
		expect(events.every((e) => e.masterEventId === master && e.isRecurring === true)).toBe(true);
		// the exact shape: the master's fields, its own id, times and masterEventId
		const stored = sandbox.store.appointments.get(master)!;
		expect(events[1]).toEqual({
			id: `${master}_1899464400000_1800`,
			masterEventId: master,
			title: 'Weekly check-in',
			calendarId: SANDBOX_CALENDAR_ID,
			locationId: SANDBOX_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			groupId: SANDBOX_GROUP_ID,
			appointmentStatus: 'confirmed',
			assignedUserId: SANDBOX_USER_ID,
			users: [SANDBOX_USER_ID],
			isRecurring: true,
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
			startTime: '2030-03-11T09:00:00-04:00',
			endTime: '2030-03-11T09:30:00-04:00',
			dateAdded: stored.dateAdded,
			dateUpdated: stored.dateUpdated,
		});

		// by user and by group too; a window holding only later occurrences finds just those
		for (const owner of [`userId=${SANDBOX_USER_ID}`, `groupId=${SANDBOX_GROUP_ID}`]) {
			expect(
				ids((await listWindow('2030-03-01T00:00:00Z', '2030-04-01T00:00:00Z', owner)).body.events),
			).toEqual(ids(events));
		}
		expect(
			ids((await listWindow('2030-03-17T00:00:00Z', '2030-03-19T00:00:00Z')).body.events),
		).toEqual([`${master}_1900069200000_1800`]);
		// the window is half-open and compared on instants: 13:00Z-13:30Z on the 18th
		expect((await listWindow('2030-03-18T12:00:00Z', '2030-03-18T13:00:00Z')).body.events).toEqual(
			[],
		);
		expect((await listWindow('2030-03-18T13:30:00Z', '2030-03-18T15:00:00Z')).body.events).toEqual(
			[],
		);
		expect(
			(await listWindow('2030-03-18T13:29:59.999Z', '2030-03-18T15:00:00Z')).body.events,
		).toHaveLength(1);

		// GET with the master id is the stored series, as it was written
		expect((await call('GET', `${APPOINTMENTS}/${master}`)).body.event).toMatchObject({
			id: master,
			startTime: FIRST,
			isRecurring: true,
		});
		expect((await call('GET', `${APPOINTMENTS}/${master}`)).body.event).not.toHaveProperty(
			'masterEventId',
		);
	});

	test('a master written in another offset is expanded on the location clock (America/New_York)', async () => {
		const created = await series('RRULE:FREQ=WEEKLY;COUNT=2', {
			startTime: '2030-03-04T19:30:00+05:30',
			endTime: '2030-03-04T20:00:00+05:30',
		});
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-11T09:00:00-04:00',
		]);
		expect(sandbox.store.appointments.get(created.body.id)!.startTime).toBe(
			'2030-03-04T19:30:00+05:30',
		);
	});

	test('COUNT and UNTIL end the series; UNTIL in UTC is compared as an instant', async () => {
		await series('RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4');
		expect(await march()).toHaveLength(4);
		sandbox.reset();
		// 13:00Z on the 18th is 09:00 New York that day: inclusive
		await series('RRULE:FREQ=WEEKLY;UNTIL=20300318T130000Z');
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-11T09:00:00-04:00',
			'2030-03-18T09:00:00-04:00',
		]);
		sandbox.reset();
		await series('RRULE:FREQ=WEEKLY;UNTIL=20300318T125959Z');
		expect(await march()).toHaveLength(2);
		sandbox.reset();
		await series('RRULE:FREQ=DAILY;INTERVAL=2;COUNT=3');
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-06T09:00:00-05:00',
			'2030-03-08T09:00:00-05:00',
		]);
	});

	test('EXDATE lines skip occurrences (UTC, TZID or whole date); COUNT still counts them', async () => {
		const created = await series(
			'RRULE:FREQ=WEEKLY;COUNT=5\nEXDATE:20300311T130000Z\nEXDATE;TZID=America/New_York:20300325T090000',
		);
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-18T09:00:00-04:00',
			'2030-04-01T09:00:00-04:00',
		]);
		// an EXDATE'd occurrence does not exist
		expect(
			await call('GET', `${APPOINTMENTS}/${instance(created.body.id, '2030-03-11T13:00:00Z')}`),
		).toEqual(notFound);
		sandbox.reset();
		await series('RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE;VALUE=DATE:20300311,20300318');
		expect(starts(await march())).toEqual(['2030-03-04T09:00:00-05:00']);
	});

	test('an endless rule is expanded only inside the window, at most 1,000 occurrences per series', async () => {
		await series('RRULE:FREQ=DAILY');
		const june = (await listWindow('2031-06-01T00:00:00-04:00', '2031-06-08T00:00:00-04:00')).body
			.events;
		expect(starts(june)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `2031-06-0${d}T09:00:00-04:00`));
		sandbox.reset();
		await series('RRULE:FREQ=HOURLY');
		const hourly = (await listWindow('2030-03-04T00:00:00Z', '2030-05-01T00:00:00Z')).body.events;
		expect(hourly).toHaveLength(1000);
		expect(hourly[0].startTime).toBe(FIRST);
	});

	test('an rrule that would be applied must be readable (422); RDATE is not modelled (501)', async () => {
		expect(await series('RRULE:FREQ=SOMETIMES;COUNT=2')).toEqual(
			unprocessable([
				'rrule: FREQ must be one of YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY, got "SOMETIMES"',
			]),
		);
		expect((await series('RRULE:FREQ=DAILY;COUNT=2;UNTIL=20300401T000000Z')).body.message).toEqual([
			'rrule: COUNT and UNTIL cannot both be set',
		]);
		// a literal backslash-n is not the newline EXDATE needs
		expect((await series('RRULE:FREQ=DAILY;COUNT=2\\nEXDATE:20300305T140000Z')).status).toBe(422);
		expect(await series('RRULE:FREQ=DAILY;COUNT=2\nRDATE:20300310T140000Z')).toEqual({
			status: 501,
			body: { statusCode: 501, message: 'rrule RDATE lines are not modelled by the sandbox' },
		});
		// without ignoreFreeSlotValidation the rule is dropped, so it is not read either
		expect(
			(await series('RRULE:FREQ=SOMETIMES', { ignoreFreeSlotValidation: undefined })).body,
		).toMatchObject({ isRecurring: false });
	});

	test('PUT with an instance id changes that occurrence only; lists and GET show it; stats record the instance id', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const before = await march();
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		sandbox.resetStats();

		const moved = {
			title: 'Moved check-in',
			appointmentStatus: 'showed',
			startTime: '2030-03-12T14:00:00-04:00',
			endTime: '2030-03-12T15:00:00-04:00',
		};
		const updated = await call('PUT', `${APPOINTMENTS}/${second}`, { ...moved, toNotify: false });
		expect(updated.status).toBe(200);
		conforms('calendars', 'AppointmentSchemaResponse', updated.body);
		expect(updated.body).toMatchObject({
			id: second,
			masterEventId: master,
			isRecurring: true,
			...moved,
		});

		const after = await march();
		// the same instance id (its place in the series), at its new time, with its new fields
		expect(ids(after)).toEqual(ids(before));
		expect(after[1]).toEqual({ ...before[1], ...moved, dateUpdated: expect.any(String) });
		expect([after[0], after[2], after[3]]).toEqual([before[0], before[2], before[3]]);
		// moved out of its old day and into its new one
		expect(
			(await listWindow('2030-03-11T00:00:00-04:00', '2030-03-12T00:00:00-04:00')).body.events,
		).toEqual([]);
		expect(
			ids((await listWindow('2030-03-12T00:00:00-04:00', '2030-03-13T00:00:00-04:00')).body.events),
		).toEqual([second]);

		const got = await call('GET', `${APPOINTMENTS}/${second}`);
		expect(got.status).toBe(200);
		conforms('calendars', 'GetCalendarEventSuccessfulResponseDTO', got.body);
		expect(got.body.event).toEqual(after[1]);
		// an occurrence not changed is its generated self
		expect((await call('GET', `${APPOINTMENTS}/${ids(before)[2]}`)).body.event).toEqual(before[2]);

		// a later PUT of the same occurrence adds to what was changed
		expect(
			(await call('PUT', `${APPOINTMENTS}/${second}`, { address: 'Room 4' })).body,
		).toMatchObject({
			title: 'Moved check-in',
			address: 'Room 4',
		});
		// the series itself is as it was
		expect(sandbox.store.appointments.get(master)).toMatchObject({
			title: 'Weekly check-in',
			startTime: FIRST,
			appointmentStatus: 'confirmed',
		});
		expect(
			sandbox.stats.applied.map(({ method, path: p, kind, id }) => [method, p, kind, id]),
		).toEqual([
			['PUT', `${APPOINTMENTS}/${second}`, 'appointment', second],
			['PUT', `${APPOINTMENTS}/${second}`, 'appointment', second],
		]);

		// the live envelope carries masterEventId and deleted like any appointment
		sandbox.options.getAppointmentEnvelope = 'appointment';
		expect((await call('GET', `${APPOINTMENTS}/${second}`)).body.appointment).toMatchObject({
			id: second,
			masterEventId: master,
			deleted: false,
		});
	});

	test('an instance id whose occurrence the series does not have is 404, and nothing is applied', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		sandbox.resetStats();
		const missing = [
			instance(master, '2030-03-12T09:00:00-04:00'), // not a Monday
			instance(master, '2030-04-01T09:00:00-04:00'), // after COUNT
			instance(master, '2030-02-25T09:00:00-05:00'), // before the start
			instance(master, '2030-03-11T09:00:00-04:00', 900), // wrong length
			instance(master, '2030-03-11T09:00:00-05:00'), // 09:00 at the winter offset: 10:00 New York
			instance('zzzzzzzzzzzzzzzzzzzz', '2030-03-11T09:00:00-04:00'),
			instance(SANDBOX_APPOINTMENT_ID, '2030-01-14T10:00:00+01:00'), // not a series
		];
		for (const id of missing) {
			expect(await call('PUT', `${APPOINTMENTS}/${id}`, { title: 'x' })).toEqual(notFound);
			expect(await call('GET', `${APPOINTMENTS}/${id}`)).toEqual(notFound);
		}
		expect(sandbox.stats.applied).toEqual([]);
		expect(sandbox.store.appointments.get(master)!.overrides).toBeUndefined();
		// an rrule belongs to the series, not to one occurrence
		expect(
			await call('PUT', `${APPOINTMENTS}/${instance(master, FIRST)}`, {
				rrule: 'RRULE:FREQ=DAILY;COUNT=2',
				ignoreFreeSlotValidation: true,
			}),
		).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message:
					'rrule can only be changed on the whole series: send the master event id, not an instance id',
			},
		});
		// another location's series is 403, as for any appointment
		expect(
			(
				await call('GET', `${APPOINTMENTS}/${instance(master, FIRST)}`, undefined, {
					token: OTHER_LOCATION_TOKEN,
				})
			).status,
		).toBe(403);
	});

	test('PUT with the master id changes every occurrence; fields changed on one occurrence stay changed', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		await call('PUT', `${APPOINTMENTS}/${second}`, { appointmentStatus: 'cancelled' });

		const updated = await call('PUT', `${APPOINTMENTS}/${master}`, {
			title: 'Weekly sync',
			address: 'Zoom',
		});
		expect(updated.status).toBe(200);
		expect(updated.body).not.toHaveProperty('masterEventId');
		const events = await march();
		expect(events.map((e) => [e.title, e.address, e.appointmentStatus])).toEqual([
			['Weekly sync', 'Zoom', 'confirmed'],
			['Weekly sync', 'Zoom', 'cancelled'],
			['Weekly sync', 'Zoom', 'confirmed'],
			['Weekly sync', 'Zoom', 'confirmed'],
		]);

		// moving the series moves every occurrence and so every instance id; the old ones are gone
		await call('PUT', `${APPOINTMENTS}/${master}`, {
			startTime: '2030-03-04T10:00:00-05:00',
			endTime: '2030-03-04T10:30:00-05:00',
		});
		const moved = await march();
		expect(starts(moved)).toEqual([
			'2030-03-04T10:00:00-05:00',
			'2030-03-11T10:00:00-04:00',
			'2030-03-18T10:00:00-04:00',
			'2030-03-25T10:00:00-04:00',
		]);
		expect(ids(moved)[1]).toBe(instance(master, '2030-03-11T10:00:00-04:00'));
		expect(moved.map((e) => e.appointmentStatus)).toEqual([
			'confirmed',
			'confirmed',
			'confirmed',
			'confirmed',
		]);
		expect(await call('GET', `${APPOINTMENTS}/${second}`)).toEqual(notFound);
		expect(sandbox.store.appointments.get(master)!.overrides).toBeUndefined();

		// a new rule applies to the whole series
		await call('PUT', `${APPOINTMENTS}/${master}`, {
			rrule: 'RRULE:FREQ=WEEKLY;COUNT=2',
			ignoreFreeSlotValidation: true,
		});
		expect(await march()).toHaveLength(2);
	});

	test('occurrences occupy their slots: bookings, moves and free slots see them', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const taken = {
			status: 400,
			body: { statusCode: 400, message: 'The slot you have selected is no longer available.' },
		};
		expect(
			await call('POST', APPOINTMENTS, newAppointment({ startTime: '2030-03-18T09:15:00-04:00' })),
		).toEqual(taken);
		// one occurrence moved onto another
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		const onto = { startTime: '2030-03-18T09:00:00-04:00', endTime: '2030-03-18T09:30:00-04:00' };
		expect(await call('PUT', `${APPOINTMENTS}/${second}`, onto)).toEqual(taken);
		expect(
			(await call('PUT', `${APPOINTMENTS}/${second}`, { ...onto, ignoreFreeSlotValidation: true }))
				.status,
		).toBe(200);
		// moving an occurrence a little does not collide with itself
		const later = { startTime: '2030-03-04T09:15:00-05:00', endTime: '2030-03-04T09:45:00-05:00' };
		expect((await call('PUT', `${APPOINTMENTS}/${instance(master, FIRST)}`, later)).status).toBe(
			200,
		);
		const day = `startDate=${ms('2030-03-25T00:00:00-04:00')}&endDate=${ms('2030-03-25T23:59:59-04:00')}`;
		const slots = (await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}/free-slots?${day}`)).body[
			'2030-03-25'
		].slots as string[];
		expect(slots).not.toContain('2030-03-25T09:00:00-04:00');
		expect(slots).toContain('2030-03-25T09:30:00-04:00');
	});

	test('DELETE with an instance id deletes that occurrence; with the master id, the series', async () => {
		const master = (await series('RRULE:FREQ=WEEKLY;COUNT=4')).body.id as string;
		const second = instance(master, '2030-03-11T09:00:00-04:00');
		sandbox.resetStats();
		expect(await call('DELETE', `/calendars/events/${second}`, {})).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		expect(starts(await march())).toEqual([
			'2030-03-04T09:00:00-05:00',
			'2030-03-18T09:00:00-04:00',
			'2030-03-25T09:00:00-04:00',
		]);
		expect(await call('GET', `${APPOINTMENTS}/${second}`)).toEqual(notFound);
		expect(await call('PUT', `${APPOINTMENTS}/${second}`, { title: 'x' })).toEqual(notFound);
		expect((await call('DELETE', `/calendars/events/${second}`, {})).status).toBe(404);
		expect(await call('DELETE', `/calendars/events/${master}`, {})).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		expect(await march()).toEqual([]);
		expect(sandbox.stats.applied.map(({ kind, id }) => [kind, id])).toEqual([
			['appointment', second],
			['appointment', master],
		]);
	});
});
