// The HighLevel sandbox itself, over real HTTP: appointments: create, get, update, delete.
import {
	APPOINTMENTS,
	BLOCK_SLOTS,
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
	blockSlotUpdate,
	call,
	conforms,
	ms,
	newAppointment,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('appointments', () => {
	test('create, get, then a partial update that changes only the fields sent', async () => {
		const created = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ title: 'Intro call', toNotify: false }),
		);
		expect(created.status).toBe(200);
		const id = created.body.id as string;
		expect(created.body).toEqual({
			id,
			calendarId: SANDBOX_CALENDAR_ID,
			locationId: SANDBOX_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2030-03-04T15:00:00+05:30',
			endTime: '2030-03-04T15:30:00+05:30', // the calendar's 30-minute slot, in the sent offset
			title: 'Intro call',
			meetingLocationType: 'default',
			appointmentStatus: 'confirmed',
			assignedUserId: SANDBOX_USER_ID,
			isRecurring: false,
		});
		expect(sandbox.requests[0].body).toMatchObject({ title: 'Intro call', toNotify: false });

		const got = await call('GET', `${APPOINTMENTS}/${id}`);
		expect(got.status).toBe(200);
		expect(got.body.event).toMatchObject({
			id,
			title: 'Intro call',
			startTime: '2030-03-04T15:00:00+05:30',
			endTime: '2030-03-04T15:30:00+05:30',
			users: [SANDBOX_USER_ID],
			dateAdded: expect.any(String),
		});

		const updated = await call('PUT', `${APPOINTMENTS}/${id}`, {
			title: 'Renamed',
			toNotify: false,
		});
		expect(updated).toEqual({ status: 200, body: { ...created.body, title: 'Renamed' } });
		expect(sandbox.store.appointments.get(id)).toMatchObject({
			title: 'Renamed',
			startTime: '2030-03-04T15:00:00+05:30',
		});
	});

	test('an overlapping slot is refused unless ignoreFreeSlotValidation, which alone lets rrule through', async () => {
		// the seeded appointment is 10:00-10:30 +01:00 on the first calendar
		const overlap = newAppointment({ startTime: '2030-01-14T09:15:00Z' });
		expect(await call('POST', APPOINTMENTS, overlap)).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'The slot you have selected is no longer available.' },
		});
		expect(
			(await call('POST', APPOINTMENTS, { ...overlap, calendarId: SANDBOX_CALENDAR_2_ID })).status,
		).toBe(200);

		const rrule = 'RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5';
		const forced = await call('POST', APPOINTMENTS, {
			...overlap,
			rrule,
			ignoreFreeSlotValidation: true,
		});
		expect(forced.body).toMatchObject({ isRecurring: true, rrule });

		const ignored = await call('POST', APPOINTMENTS, newAppointment({ rrule }));
		expect(ignored.body.isRecurring).toBe(false);
		expect(ignored.body).not.toHaveProperty('rrule');
	});

	test('unknown calendar or contact is 400; unknown appointment is 404', async () => {
		const calendar = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ calendarId: 'cal_missing' }),
		);
		expect(calendar).toEqual({
			status: 400,
			body: { statusCode: 400, message: expect.stringContaining('cal_missing') },
		});
		expect(
			(await call('POST', APPOINTMENTS, newAppointment({ contactId: 'con_missing' }))).status,
		).toBe(400);

		const notFound = { status: 404, body: { statusCode: 404, message: 'Appointment not found' } };
		expect(await call('GET', `${APPOINTMENTS}/apt_missing`)).toEqual(notFound);
		expect(await call('PUT', `${APPOINTMENTS}/apt_missing`, { title: 'x' })).toEqual(notFound);
		expect(await call('GET', `${APPOINTMENTS}/${SANDBOX_BLOCK_SLOT_ID}`)).toEqual(notFound);
	});

	test('live envelope for GET: {appointment, traceId}, with deleted', async () => {
		sandbox.options.getAppointmentEnvelope = 'appointment';
		sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.deleted = true;
		const res = await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`);
		expect(res.status).toBe(200);
		expect(Object.keys(res.body).sort()).toEqual(['appointment', 'traceId']);
		expect(res.body.appointment).toMatchObject({
			id: SANDBOX_APPOINTMENT_ID,
			deleted: true,
			startTime: '2030-01-14T10:00:00+01:00',
		});
	});

	test('live response style for create and update', async () => {
		sandbox.options.responseStyle = 'live';
		const created = await call('POST', APPOINTMENTS, newAppointment({ appointmentStatus: 'new' }));
		const updated = await call('PUT', `${APPOINTMENTS}/${created.body.id}`, {
			appointmentStatus: 'showed',
		});
		for (const [res, status] of [
			[created, 'new'],
			[updated, 'showed'],
		] as const) {
			expect(res.status).toBe(200);
			expect(res.body).not.toHaveProperty('startTime');
			expect(res.body).not.toHaveProperty('endTime');
			expect(res.body).toMatchObject({
				status: 'booked',
				appointmentStatus: status,
				appoinmentStatus: status,
				dateAdded: expect.any(String),
				dateUpdated: expect.any(String),
				traceId: expect.any(String),
			});
		}
		// the times are still stored, just not echoed
		expect(sandbox.store.appointments.get(created.body.id)!.endTime).toBe(
			'2030-03-04T15:30:00+05:30',
		);
	});

	test("spec-style responses conform to the spec's response schemas", async () => {
		conforms(
			'calendars',
			'AppointmentSchemaResponse',
			(await call('POST', APPOINTMENTS, newAppointment())).body,
		);
		conforms(
			'calendars',
			'CalendarsGetSuccessfulResponseDTO',
			(await call('GET', `/calendars/?locationId=${SANDBOX_LOCATION_ID}`)).body,
		);
	});
});

describe('delete event', () => {
	const url = (id: string) => `/calendars/events/${id}`;

	test('an appointment: 201 {succeeded}, kept with deleted: true, then 404 everywhere but the live GET', async () => {
		expect(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {})).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		conforms('calendars', 'DeleteEventSuccessfulResponseDto', { succeeded: true });
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)).toMatchObject({
			deleted: true,
			title: 'Casey Contact',
		});

		const notFound = { status: 404, body: { statusCode: 404, message: 'Appointment not found' } };
		expect(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`)).toEqual(notFound);
		expect(await call('PUT', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, { title: 'x' })).toEqual(
			notFound,
		);
		sandbox.options.getAppointmentEnvelope = 'appointment';
		expect(
			(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`)).body.appointment,
		).toMatchObject({
			id: SANDBOX_APPOINTMENT_ID,
			deleted: true,
		});

		expect(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {})).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Event not found' },
		});
		const window = `locationId=${SANDBOX_LOCATION_ID}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=0&endTime=${ms('2031-01-01T00:00:00Z')}`;
		expect((await call('GET', `/calendars/events?${window}`)).body.events).toEqual([]);
		expect((await call('GET', `/contacts/${SANDBOX_CONTACT_ID}/appointments`)).body.events).toEqual(
			[],
		);
		// its slot is free again
		expect(
			(await call('POST', APPOINTMENTS, newAppointment({ startTime: '2030-01-14T10:00:00+01:00' })))
				.status,
		).toBe(200);
	});

	test('a block slot: 201, and it is gone', async () => {
		expect(await call('DELETE', url(SANDBOX_BLOCK_SLOT_ID))).toEqual({
			status: 201,
			body: { succeeded: true },
		});
		expect(sandbox.store.blockSlots.has(SANDBOX_BLOCK_SLOT_ID)).toBe(false);
		expect(
			(
				await call(
					'PUT',
					`${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`,
					blockSlotUpdate({ title: 'x', calendarId: SANDBOX_CALENDAR_ID }),
				)
			).status,
		).toBe(404);
	});

	test('body must be {} (DeleteAppointmentSchema); unknown id 404; needs calendars/events.write', async () => {
		expect(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), { toNotify: false })).toEqual(
			unprocessable(['property toNotify should not exist']),
		);
		expect(await call('DELETE', url('evt_missing'), {})).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Event not found' },
		});
		expect(
			(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {}, { token: READONLY_TOKEN })).status,
		).toBe(401);
		expect(
			(await call('DELETE', url(SANDBOX_APPOINTMENT_ID), {}, { token: OTHER_LOCATION_TOKEN }))
				.status,
		).toBe(403);
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.deleted).toBe(false);
	});
});
