// Appointment: Delete and Get Many, in n8n's engine against the sandbox.
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { DAY_END, DAY_START, byId, sandbox, useSandbox } from './testing';

useSandbox();

describe('Appointment: Delete', () => {
	it('deletes by event id with body {} and outputs { id, deleted: true }', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'delete',
			eventId: SANDBOX_APPOINTMENT_ID,
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `/calendars/events/${SANDBOX_APPOINTMENT_ID}`,
			body: {},
			status: 201,
		});
		expect(items.map((item) => item.json)).toEqual([{ id: SANDBOX_APPOINTMENT_ID, deleted: true }]);
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)?.deleted).toBe(true);
	});

	it('names the id HighLevel does not know', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'delete',
			eventId: 'blk_gone',
		});
		expect(error?.message).toBe('HighLevel found no block slot with eventId "blk_gone" (404)');
	});
});

describe('Appointment: Get Many', () => {
	it('lists a calendar window, sending epoch ms, the credential location and the calendar', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'getAll',
			filterBy: 'calendar',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startTime: DAY_START,
			endTime: DAY_END,
			returnAll: true,
		});
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/calendars/events', status: 200 });
		expect(request.query).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			calendarId: SANDBOX_CALENDAR_ID,
			startTime: String(Date.parse(DAY_START)),
			endTime: String(Date.parse(DAY_END)),
		});
		expect(request.headers.version).toBe('v3');
		// Simplify is on by default for Get Many.
		expect(items.map((item) => item.json)).toEqual([
			{
				id: SANDBOX_APPOINTMENT_ID,
				title: 'Casey Contact',
				appointmentStatus: 'confirmed',
				startTime: '2030-01-14T10:00:00+01:00',
				endTime: '2030-01-14T10:30:00+01:00',
				calendarId: SANDBOX_CALENDAR_ID,
				contactId: SANDBOX_CONTACT_ID,
				assignedUserId: SANDBOX_USER_ID,
				isRecurring: false,
			},
		]);
	});

	it('filters by status after HighLevel answers, limits, and returns the full object with Simplify off', async () => {
		for (const hour of ['11', '14', '15']) {
			await runHighLevel(sandbox, {
				resource: 'appointment',
				operation: 'create',
				calendarId: byId(SANDBOX_CALENDAR_ID),
				contactId: byId(SANDBOX_CONTACT_ID),
				startTime: `2030-01-14T${hour}:00:00+01:00`,
				additionalFields: { appointmentStatus: hour === '14' ? 'cancelled' : 'new' },
			});
		}
		sandbox.requests.length = 0;
		const parameters = {
			resource: 'appointment',
			operation: 'getAll',
			filterBy: 'user',
			userId: byId(SANDBOX_USER_ID),
			startTime: DAY_START,
			endTime: DAY_END,
			options: { appointmentStatus: ['new', 'confirmed'] },
		};
		const all = await runHighLevel(sandbox, { ...parameters, returnAll: true, simplify: false });
		expect(sandbox.requests[0].query).toMatchObject({ userId: SANDBOX_USER_ID });
		const received = (
			sandbox.requests[0].response as { events: Array<{ appointmentStatus: string }> }
		).events;
		expect(received.map((event) => event.appointmentStatus).sort()).toEqual([
			'cancelled',
			'confirmed',
			'new',
			'new',
		]);
		expect(all.items.map((item) => item.json.appointmentStatus).sort()).toEqual([
			'confirmed',
			'new',
			'new',
		]);
		expect(all.items[0].json).toHaveProperty('users');
		const limited = await runHighLevel(sandbox, { ...parameters, returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);
		// The statuses may come from an expression, named as the editor shows them.
		const named = await runHighLevel(sandbox, {
			...parameters,
			returnAll: true,
			options: { appointmentStatus: "={{ ['New', 'Confirmed'] }}" },
		});
		expect(named.items.map((item) => item.json.appointmentStatus).sort()).toEqual([
			'confirmed',
			'new',
			'new',
		]);
		sandbox.requests.length = 0;
		const typo = await runHighLevel(sandbox, {
			...parameters,
			options: { appointmentStatus: "={{ ['confirmd'] }}" },
		});
		expect(typo.error?.message).toBe(
			'Options > Appointment Status (appointmentStatus) "confirmd" is not an allowed value. Did you mean confirmed? Use one of: new, confirmed, cancelled, showed, noshow, invalid, completed, active.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it("lists a contact's appointments with the Contacts API version", async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'getAll',
			filterBy: 'contact',
			contactId: byId(SANDBOX_CONTACT_ID),
			returnAll: true,
		});
		const [request] = sandbox.requests;
		expect(request).toMatchObject({
			method: 'GET',
			path: `/contacts/${SANDBOX_CONTACT_ID}/appointments`,
			status: 200,
		});
		expect(request.headers.version).toBe('2021-07-28');
		expect(request.query).toEqual({});
		expect(items.map((item) => item.json.id)).toEqual([SANDBOX_APPOINTMENT_ID]);
	});

	it('refuses a window that ends before it starts, before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'getAll',
			filterBy: 'group',
			groupId: SANDBOX_GROUP_ID,
			startTime: DAY_END,
			endTime: DAY_START,
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain(
			'End Time (endTime) "2030-01-14T00:00:00+01:00" is not after Start Time (startTime)',
		);
	});
});

describe('Appointment: Get Many of every calendar', () => {
	const everyCalendar = {
		resource: 'appointment',
		operation: 'getAll',
		filterBy: 'everyCalendar',
		startTime: DAY_START,
		endTime: DAY_END,
	};

	/** Books on the sandbox's second calendar at 09:00 and its first at 11:00 (cancelled). */
	async function bookAroundTheSeed(): Promise<void> {
		for (const [calendarId, hour, appointmentStatus] of [
			[SANDBOX_CALENDAR_2_ID, '09', 'new'],
			[SANDBOX_CALENDAR_ID, '11', 'cancelled'],
		]) {
			const { error } = await runHighLevel(sandbox, {
				resource: 'appointment',
				operation: 'create',
				calendarId: byId(calendarId),
				contactId: byId(SANDBOX_CONTACT_ID),
				startTime: `2030-01-14T${hour}:00:00+01:00`,
				additionalFields: { appointmentStatus },
			});
			expect(error).toBeUndefined();
		}
		sandbox.requests.length = 0;
	}

	const startOf = (json: object) => (json as { startTime: string }).startTime;

	it("lists the calendars, then each calendar's window, and outputs them merged in start order", async () => {
		await bookAroundTheSeed();
		const { items, error } = await runHighLevel(sandbox, { ...everyCalendar, returnAll: true });
		expect(error).toBeUndefined();
		// 1 + (number of calendars) requests: the calendars' list first, then one list per calendar.
		expect(sandbox.requests).toHaveLength(3);
		const [calendars, ...lists] = sandbox.requests;
		expect(calendars).toMatchObject({ method: 'GET', path: '/calendars/', status: 200 });
		expect(calendars.query).toEqual({ locationId: SANDBOX_LOCATION_ID });
		const window = {
			locationId: SANDBOX_LOCATION_ID,
			startTime: String(Date.parse(DAY_START)),
			endTime: String(Date.parse(DAY_END)),
		};
		expect(
			lists
				.map((request) => ({ method: request.method, path: request.path, query: request.query }))
				.sort((a, b) => String(a.query.calendarId).localeCompare(String(b.query.calendarId))),
		).toEqual(
			[SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID].sort().map((calendarId) => ({
				method: 'GET',
				path: '/calendars/events',
				query: { ...window, calendarId },
			})),
		);
		for (const request of sandbox.requests) expect(request.headers.version).toBe('v3');
		const received = lists.flatMap(
			(request) => (request.response as { events: Array<{ id: string }> }).events,
		);
		expect(received).toHaveLength(3);
		// Simplified, as for one calendar, and ordered by start across the calendars.
		expect(items.map((item) => [item.json.calendarId, startOf(item.json)])).toEqual([
			[SANDBOX_CALENDAR_2_ID, '2030-01-14T09:00:00+01:00'],
			[SANDBOX_CALENDAR_ID, '2030-01-14T10:00:00+01:00'],
			[SANDBOX_CALENDAR_ID, '2030-01-14T11:00:00+01:00'],
		]);
		expect(items[1].json.id).toBe(SANDBOX_APPOINTMENT_ID);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(3);
	});

	it('limits the merged list and filters it by status, with the same requests', async () => {
		await bookAroundTheSeed();
		const limited = await runHighLevel(sandbox, { ...everyCalendar, returnAll: false, limit: 2 });
		expect(limited.items.map((item) => startOf(item.json))).toEqual([
			'2030-01-14T09:00:00+01:00',
			'2030-01-14T10:00:00+01:00',
		]);
		expect(sandbox.requests).toHaveLength(3);
		const notCancelled = await runHighLevel(sandbox, {
			...everyCalendar,
			returnAll: true,
			simplify: false,
			options: { appointmentStatus: ['new', 'confirmed'] },
		});
		expect(notCancelled.items.map((item) => item.json.appointmentStatus)).toEqual([
			'new',
			'confirmed',
		]);
		expect(notCancelled.items[0].json).toHaveProperty('users');
		expect(sandbox.requests).toHaveLength(6);
	});

	it('fails the item, naming the calendar, when one calendar cannot be listed: nothing in part', async () => {
		sandbox.options.faults = {
			script: [{ method: 'GET', pathIncludes: '/calendars/events', fault: '503' }],
		};
		const { items, error } = await runHighLevel(sandbox, {
			...everyCalendar,
			returnAll: true,
			rateLimit: { maxRetrySeconds: 0 },
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(
			new RegExp(
				`^HighLevel had a server error \\(503\\), listing the events of calendar "Sandbox (Consultations|Follow-ups)" \\(calendarId (${SANDBOX_CALENDAR_ID}|${SANDBOX_CALENDAR_2_ID})\\)$`,
			),
		);
		// Both calendars' lists were answered before the item failed: none is left in flight.
		expect(sandbox.requests.filter((request) => request.path === '/calendars/events')).toHaveLength(
			2,
		);
	});

	it('with Continue On Fail, the failing item is an error item and the others run', async () => {
		sandbox.options.faults = {
			script: [{ method: 'GET', pathIncludes: '/calendars/events', fault: '503' }],
		};
		const { items, error } = await runHighLevel(
			sandbox,
			{ ...everyCalendar, returnAll: true, rateLimit: { maxRetrySeconds: 0 } },
			{ continueOnFail: true, items: [{ first: true }, { first: false }] },
		);
		expect(error).toBeUndefined();
		const failed = items.filter(
			(item) => item.error !== undefined || item.json.error !== undefined,
		);
		expect(failed).toHaveLength(1);
		expect(failed[0].error?.message ?? failed[0].json.error).toContain(
			'listing the events of calendar',
		);
		expect(items.filter((item) => item.json.id === SANDBOX_APPOINTMENT_ID)).toHaveLength(1);
	});

	it('refuses a bad window before any request, and names the scope of the calendars list', async () => {
		const { error } = await runHighLevel(sandbox, {
			...everyCalendar,
			startTime: DAY_END,
			endTime: DAY_START,
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain('is not after Start Time (startTime)');

		const eventsOnly = 'pit-events-only';
		sandbox.options.tokens = {
			...sandbox.options.tokens,
			[eventsOnly]: { locationId: SANDBOX_LOCATION_ID, scopes: ['calendars/events.readonly'] },
		};
		const denied = await runHighLevel(
			sandbox,
			{ ...everyCalendar, returnAll: true },
			{ credentials: sandboxCredentials(sandbox, { accessToken: eventsOnly }) },
		);
		expect(sandbox.requests.map((request) => [request.path, request.status])).toEqual([
			['/calendars/', 401],
		]);
		expect(denied.error?.message).toBe('The access token is missing the scope calendars.readonly');
	});
});
