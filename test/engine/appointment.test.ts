import {
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_ID,
} from '../sandbox';
import { runHighLevel } from './harness/highLevel';
import { sandbox, useSandbox } from './testing';

useSandbox();
beforeEach(() => {
	sandbox.options.getAppointmentEnvelope = 'event';
	sandbox.options.responseStyle = 'spec';
});

function onlyRequest() {
	expect(sandbox.requests).toHaveLength(1);
	const [request] = sandbox.requests;
	expect(request.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`);
	expect(request.headers.version).toBe('v3');
	expect(request.headers.accept).toBe('application/json');
	return request;
}

describe('Appointment: Create', () => {
	it('sends every documented field under its API name and outputs the created appointment', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-03-03T09:00:00+01:00',
			additionalFields: {
				endTime: '2031-03-03T09:45:00+01:00',
				title: 'Kick-off call',
				meetingLocationType: 'custom',
				meetingLocationId: 'custom_0',
				overrideLocationConfig: true,
				appointmentStatus: 'new',
				assignedUserId: SANDBOX_USER_ID,
				description: 'Booking a call to discuss the project',
				address: 'Zoom',
				ignoreDateRange: false,
				toNotify: false,
				ignoreFreeSlotValidation: true,
			},
			recurrence: 'raw',
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
		});
		expect(error).toBeUndefined();
		const request = onlyRequest();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/calendars/events/appointments');
		expect(request.status).toBe(200);
		expect(request.body).toEqual({
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			locationId: SANDBOX_LOCATION_ID,
			startTime: '2031-03-03T09:00:00+01:00',
			endTime: '2031-03-03T09:45:00+01:00',
			title: 'Kick-off call',
			meetingLocationType: 'custom',
			meetingLocationId: 'custom_0',
			overrideLocationConfig: true,
			appointmentStatus: 'new',
			assignedUserId: SANDBOX_USER_ID,
			description: 'Booking a call to discuss the project',
			address: 'Zoom',
			ignoreDateRange: false,
			toNotify: false,
			ignoreFreeSlotValidation: true,
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
		});
		expect(items).toHaveLength(1);
		const created = items[0].json;
		expect(created).toEqual(request.response);
		expect(created).toMatchObject({
			title: 'Kick-off call',
			appointmentStatus: 'new',
			isRecurring: true,
		});
		expect(sandbox.store.appointments.get(created.id as string)?.rrule).toBe(
			'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
		);
	});

	it('sends only the required fields when nothing else is added, with the credential location', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-03-03T11:00:00Z',
		});
		expect(onlyRequest().body).toEqual({
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			locationId: SANDBOX_LOCATION_ID,
			startTime: '2031-03-03T11:00:00+00:00',
		});
		expect(items[0].json).toMatchObject({
			calendarId: SANDBOX_CALENDAR_ID,
			startTime: '2031-03-03T11:00:00+00:00',
		});
	});

	it('adds ignoreFreeSlotValidation true to an rrule, since HighLevel drops the rule otherwise', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-03-03T11:00:00Z',
			recurrence: 'raw',
			rrule: 'rrule:freq=daily;interval=1;count=5',
		});
		// Sent as checked: RFC 5545 names are case-insensitive, HighLevel's examples are upper case.
		expect(onlyRequest().body).toMatchObject({
			rrule: 'RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5',
			ignoreFreeSlotValidation: true,
		});
		expect(items[0].json).toMatchObject({
			isRecurring: true,
			rrule: 'RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5',
		});
	});

	it('reads a date-picker time in the Time Zone option, else in the workflow time zone', async () => {
		const parameters = {
			resource: 'appointment',
			operation: 'create',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-07-01T09:00:00',
			additionalFields: { endTime: '2031-07-01T09:30:00' },
		};
		await runHighLevel(
			sandbox,
			{ ...parameters, options: { timeZone: 'America/New_York' } },
			{ timezone: 'Asia/Kolkata' },
		);
		await runHighLevel(
			sandbox,
			{ ...parameters, calendarId: SANDBOX_CALENDAR_2_ID },
			{ timezone: 'Asia/Kolkata' },
		);
		expect(sandbox.requests.map((request) => request.body)).toEqual([
			expect.objectContaining({
				startTime: '2031-07-01T09:00:00-04:00',
				endTime: '2031-07-01T09:30:00-04:00',
			}),
			expect.objectContaining({
				startTime: '2031-07-01T09:00:00+05:30',
				endTime: '2031-07-01T09:30:00+05:30',
			}),
		]);
	});

	it('takes a Luxon DateTime and epoch milliseconds from expressions', async () => {
		await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: "={{ DateTime.fromISO('2031-02-01T10:00:00', { zone: 'Asia/Tokyo' }) }}",
			additionalFields: { endTime: '={{ 1927677600000 }}' },
		});
		expect(onlyRequest().body).toMatchObject({
			startTime: '2031-02-01T10:00:00+09:00',
			endTime: '2031-02-01T02:00:00+00:00',
		});
	});

	it('outputs the live-API response variant unchanged', async () => {
		sandbox.options.responseStyle = 'live';
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-03-03T11:00:00Z',
		});
		expect(items[0].json).toEqual(onlyRequest().response);
		expect(items[0].json).toMatchObject({ status: 'booked', appoinmentStatus: 'confirmed' });
	});
});

describe('Appointment: Get', () => {
	it.each(['event', 'appointment'] as const)(
		'unwraps the appointment from the `%s` envelope',
		async (envelope) => {
			sandbox.options.getAppointmentEnvelope = envelope;
			const { items } = await runHighLevel(sandbox, {
				resource: 'appointment',
				operation: 'get',
				eventId: SANDBOX_APPOINTMENT_ID,
			});
			const request = onlyRequest();
			expect(request.method).toBe('GET');
			expect(request.path).toBe(`/calendars/events/appointments/${SANDBOX_APPOINTMENT_ID}`);
			expect(request.rawBody).toBe('');
			expect(items).toHaveLength(1);
			expect(items[0].json).toEqual((request.response as Record<string, unknown>)[envelope]);
			expect(items[0].json).toMatchObject({
				id: SANDBOX_APPOINTMENT_ID,
				startTime: '2030-01-14T10:00:00+01:00',
			});
		},
	);

	it('gets one appointment per input item, ids mapped from the items', async () => {
		const second = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			startTime: '2031-03-03T11:00:00Z',
		});
		const secondId = second.items[0].json.id as string;
		sandbox.requests.length = 0;
		const { items } = await runHighLevel(
			sandbox,
			{ resource: 'appointment', operation: 'get', eventId: '={{ $json.id }}' },
			{ items: [{ id: SANDBOX_APPOINTMENT_ID }, { id: secondId }] },
		);
		expect(sandbox.requests.map((request) => request.path).sort()).toEqual(
			[
				`/calendars/events/appointments/${SANDBOX_APPOINTMENT_ID}`,
				`/calendars/events/appointments/${secondId}`,
			].sort(),
		);
		expect(items.map((item) => item.json.id)).toEqual([SANDBOX_APPOINTMENT_ID, secondId]);
	});

	it('keeps a recurring instance id intact and an id with / ? # % inside one path segment', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'get',
			eventId: '../../calendars/?locationId=x#y%',
		});
		const request = onlyRequest();
		expect(request.path).toBe(
			'/calendars/events/appointments/..%2F..%2Fcalendars%2F%3FlocationId%3Dx%23y%25',
		);
		expect(request.status).toBe(404);
		expect(error?.message).toBe(
			'HighLevel found no appointment with eventId "../../calendars/?locationId=x#y%" (404)',
		);

		sandbox.requests.length = 0;
		await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'get',
			eventId: 'ocQHyuzHvysMo5N5VsXc_1729821600000_1800',
		});
		expect(sandbox.requests[0].path).toBe(
			'/calendars/events/appointments/ocQHyuzHvysMo5N5VsXc_1729821600000_1800',
		);
	});
});

describe('Appointment: Update', () => {
	it('sends only the fields the user added, and HighLevel changes only those', async () => {
		const before = { ...sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)! };
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'update',
			eventId: SANDBOX_APPOINTMENT_ID,
			updateFields: { appointmentStatus: 'noshow', toNotify: false },
		});
		const request = onlyRequest();
		expect(request.method).toBe('PUT');
		expect(request.path).toBe(`/calendars/events/appointments/${SANDBOX_APPOINTMENT_ID}`);
		expect(request.body).toEqual({ appointmentStatus: 'noshow', toNotify: false });
		expect(items[0].json).toEqual(request.response);
		const after = sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!;
		expect(after.appointmentStatus).toBe('noshow');
		expect({
			...after,
			appointmentStatus: before.appointmentStatus,
			dateUpdated: before.dateUpdated,
		}).toEqual(before);
	});

	it('takes a status from an expression the way the editor names it ("No Show")', async () => {
		const { items, error } = await runHighLevel(
			sandbox,
			{
				resource: 'appointment',
				operation: 'update',
				eventId: SANDBOX_APPOINTMENT_ID,
				updateFields: { appointmentStatus: '={{ $json.status }}' },
			},
			{ items: [{ status: 'No Show' }] },
		);
		expect(error).toBeUndefined();
		expect(onlyRequest().body).toEqual({ appointmentStatus: 'noshow' });
		expect(items[0].json).toMatchObject({ appointmentStatus: 'noshow' });
	});

	it('moves an appointment to another calendar and time, converting the times', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'update',
			eventId: SANDBOX_APPOINTMENT_ID,
			updateFields: {
				calendarId: SANDBOX_CALENDAR_2_ID,
				startTime: '2030-01-15T15:00:00',
				endTime: '2030-01-15T15:30:00',
				title: 'Moved',
				assignedUserId: SANDBOX_USER_ID,
				meetingLocationType: 'zoom',
				overrideLocationConfig: true,
				address: 'https://zoom.us/j/1',
				description: 'moved by n8n',
				ignoreDateRange: true,
				ignoreFreeSlotValidation: false,
				meetingLocationId: 'default',
			},
			options: { timeZone: 'Europe/Berlin' },
		});
		expect(onlyRequest().body).toEqual({
			calendarId: SANDBOX_CALENDAR_2_ID,
			startTime: '2030-01-15T15:00:00+01:00',
			endTime: '2030-01-15T15:30:00+01:00',
			title: 'Moved',
			assignedUserId: SANDBOX_USER_ID,
			meetingLocationType: 'zoom',
			overrideLocationConfig: true,
			address: 'https://zoom.us/j/1',
			description: 'moved by n8n',
			ignoreDateRange: true,
			ignoreFreeSlotValidation: false,
			meetingLocationId: 'default',
		});
		expect(items[0].json).toMatchObject({
			id: SANDBOX_APPOINTMENT_ID,
			calendarId: SANDBOX_CALENDAR_2_ID,
			title: 'Moved',
		});
	});

	it('turns an appointment into a series with an rrule, sending ignoreFreeSlotValidation true', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'update',
			eventId: SANDBOX_APPOINTMENT_ID,
			recurrence: 'raw',
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=6',
		});
		expect(onlyRequest().body).toEqual({
			rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=6',
			ignoreFreeSlotValidation: true,
		});
		expect(items[0].json).toMatchObject({ id: SANDBOX_APPOINTMENT_ID, isRecurring: true });
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)?.rrule).toBe(
			'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=6',
		);
	});
});

describe('Version v3 statuses and values the node does not know', () => {
	it.each([
		['COMPLETED', 'completed'],
		['Active', 'active'],
	])(
		'sets status %s as %s, which only Version v3 takes, and the request carries v3',
		async (given, sent) => {
			const { items, error } = await runHighLevel(
				sandbox,
				{
					resource: 'appointment',
					operation: 'update',
					eventId: SANDBOX_APPOINTMENT_ID,
					updateFields: { appointmentStatus: '={{ $json.status }}' },
				},
				{ items: [{ status: given }] },
			);
			expect(error).toBeUndefined();
			const request = onlyRequest();
			expect(request.status).toBe(200);
			expect(request.body).toEqual({ appointmentStatus: sent });
			expect(items[0].json).toMatchObject({ appointmentStatus: sent });
			expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)?.appointmentStatus).toBe(sent);
		},
	);

	it('outputs a status it does not know as HighLevel gives it, Simplify on or off', async () => {
		const stored = sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!;
		sandbox.store.appointments.set(SANDBOX_APPOINTMENT_ID, {
			...stored,
			appointmentStatus: 'rescheduled_by_ai' as never,
		});
		for (const simplify of [true, false]) {
			sandbox.requests.length = 0;
			const { items, error } = await runHighLevel(sandbox, {
				resource: 'appointment',
				operation: 'get',
				eventId: SANDBOX_APPOINTMENT_ID,
				simplify,
			});
			expect(error).toBeUndefined();
			onlyRequest();
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				id: SANDBOX_APPOINTMENT_ID,
				appointmentStatus: 'rescheduled_by_ai',
			});
		}
	});
});
