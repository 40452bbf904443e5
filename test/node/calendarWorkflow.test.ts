import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from '../engine/harness';
import { runHighLevel, sandboxCredentials } from '../engine/highLevel';
import {
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
	startSandbox,
	type Sandbox,
} from '../sandbox';

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox()));
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
// The seeded appointment is 2030-01-14 10:00-10:30 +01:00; the block slot 12:00-13:00 the same day.
const DAY_START = '2030-01-14T00:00:00+01:00';
const DAY_END = '2030-01-15T00:00:00+01:00';

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
		expect(request.headers.version).toBe('2021-04-15');
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
			'appointmentStatus "confirmd" is not an allowed value. Did you mean confirmed? Use one of: new, confirmed, cancelled, showed, noshow, invalid.',
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
		expect(error?.message).toContain('endTime "2030-01-14T00:00:00+01:00" is not after startTime');
	});
});

describe('Block Slot: Create and Get Many', () => {
	it('blocks a user, then lists the calendar blocks', async () => {
		const created = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'create',
			target: 'user',
			assignedUserId: byId(SANDBOX_USER_ID),
			startTime: '2030-12-24T00:00:00',
			endTime: '2030-12-27T00:00:00',
			additionalFields: { title: 'Christmas' },
			options: { timeZone: 'America/New_York' },
		});
		expect(created.error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/calendars/events/block-slots',
			status: 201,
		});
		expect(sandbox.requests[0].body).toEqual({
			assignedUserId: SANDBOX_USER_ID,
			locationId: SANDBOX_LOCATION_ID,
			title: 'Christmas',
			startTime: '2030-12-24T00:00:00-05:00',
			endTime: '2030-12-27T00:00:00-05:00',
		});
		expect(created.items[0].json).toMatchObject({
			title: 'Christmas',
			assignedUserId: SANDBOX_USER_ID,
		});

		sandbox.requests.length = 0;
		const listed = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'getAll',
			filterBy: 'calendar',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startTime: DAY_START,
			endTime: DAY_END,
			returnAll: true,
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/blocked-slots',
			status: 200,
		});
		expect(listed.items.map((item) => item.json)).toEqual([
			{
				id: SANDBOX_BLOCK_SLOT_ID,
				title: 'Lunch',
				startTime: '2030-01-14T12:00:00+01:00',
				endTime: '2030-01-14T13:00:00+01:00',
				calendarId: SANDBOX_CALENDAR_ID,
			},
		]);
	});
});

describe('Calendar', () => {
	it('lists the calendars of the credential location', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getAll',
			filters: { groupId: SANDBOX_GROUP_ID },
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/',
			query: { locationId: SANDBOX_LOCATION_ID, groupId: SANDBOX_GROUP_ID },
		});
		expect(items.map((item) => item.json.id).sort()).toEqual([
			SANDBOX_CALENDAR_ID,
			SANDBOX_CALENDAR_2_ID,
		]);
	});

	it('gets one calendar', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'get',
			calendarId: byId(SANDBOX_CALENDAR_2_ID),
		});
		expect(sandbox.requests[0].path).toBe(`/calendars/${SANDBOX_CALENDAR_2_ID}`);
		expect(items[0].json).toMatchObject({ id: SANDBOX_CALENDAR_2_ID, slotDuration: 30 });
	});

	it('gets free slots as one item per slot, with the end from the calendar slot length', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startDate: '2030-01-14T00:00:00',
			endDate: '2030-01-15T00:00:00',
			options: { timeZone: 'Europe/Berlin' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: `/calendars/${SANDBOX_CALENDAR_ID}/free-slots`,
			query: {
				startDate: String(Date.parse('2030-01-14T00:00:00+01:00')),
				endDate: String(Date.parse('2030-01-15T00:00:00+01:00')),
				timezone: 'Europe/Berlin',
			},
			status: 200,
		});
		expect(items.length).toBeGreaterThan(3);
		expect(items.every((item) => item.json.date === '2030-01-14')).toBe(true);
		const starts = items.map((item) => item.json.start);
		// 10:00 is booked by the seeded appointment.
		expect(starts).not.toContain('2030-01-14T10:00:00+01:00');
		expect(items[0].json).toEqual({
			date: '2030-01-14',
			start: starts[0],
			end: expect.stringMatching(/\+01:00$/),
		});
		expect(Date.parse(items[0].json.end as string) - Date.parse(starts[0] as string)).toBe(
			30 * 60_000,
		);
	});

	it('gets free slots one item per day for several users', async () => {
		const { items } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startDate: '2030-01-14T00:00:00Z',
			endDate: '2030-01-16T00:00:00Z',
			outputFormat: 'day',
			options: { userIds: `${SANDBOX_USER_ID}, ${SANDBOX_USER_2_ID}`, timeZone: 'UTC' },
		});
		expect(sandbox.requests[0].query.userIds).toEqual([SANDBOX_USER_ID, SANDBOX_USER_2_ID]);
		expect(items.map((item) => item.json.date)).toEqual(['2030-01-14', '2030-01-15']);
		expect(Array.isArray(items[0].json.slots)).toBe(true);
	});

	it('refuses a window over 31 days before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			startDate: '2030-01-01T00:00:00Z',
			endDate: '2030-02-02T00:00:00Z',
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain(
			'endDate "2030-02-02T00:00:00+00:00" is more than 31 days after startDate',
		);
	});
});

describe('pickers', () => {
	const listSearch = (
		method: string,
		filter?: string,
		paginationToken?: string,
		credentials = sandboxCredentials(sandbox),
	) =>
		runListSearch({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials,
			method,
			filter,
			paginationToken,
		});

	it('searches calendars by name', async () => {
		const all = await listSearch('searchCalendars');
		expect(all.results.map((result) => result.value).sort()).toEqual([
			SANDBOX_CALENDAR_ID,
			SANDBOX_CALENDAR_2_ID,
		]);
		const some = await listSearch('searchCalendars', 'follow');
		expect(some.results).toEqual([{ name: 'Sandbox Follow-ups', value: SANDBOX_CALENDAR_2_ID }]);
		expect(sandbox.requests[0]).toMatchObject({
			path: '/calendars/',
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		expect(sandbox.requests[0].headers).toMatchObject({
			version: '2021-04-15',
			authorization: `Bearer ${SANDBOX_TOKEN}`,
		});
	});

	it('searches users with the Users API version', async () => {
		const found = await listSearch('searchUsers', 'sam');
		expect(found.results.map((result) => result.value)).toContain(SANDBOX_USER_ID);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/users/',
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		expect(sandbox.requests[0].headers.version).toBe('2021-07-28');
	});

	it('searches contacts page by page', async () => {
		const first = await listSearch('searchContacts');
		expect(sandbox.requests[0]).toMatchObject({ method: 'POST', path: '/contacts/search' });
		expect(sandbox.requests[0].headers.version).toBe('2021-07-28');
		expect(sandbox.requests[0].body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			pageLimit: 50,
			page: 1,
		});
		expect(first.results[0].value).toBe(SANDBOX_CONTACT_ID);
		const total = (sandbox.requests[0].response as { total?: number }).total ?? 0;
		expect(first.results).toHaveLength(Math.min(total, 50));
		const filtered = await listSearch('searchContacts', 'casey');
		expect(sandbox.requests[1].body).toMatchObject({ query: 'casey' });
		expect(filtered.results.map((result) => result.value)).toContain(SANDBOX_CONTACT_ID);
	});

	it('names the missing scope instead of failing obscurely', async () => {
		const tokenless = 'pit-no-users-scope';
		sandbox.options.tokens = {
			...sandbox.options.tokens,
			[tokenless]: { locationId: SANDBOX_LOCATION_ID, scopes: ['calendars.readonly'] },
		};
		await expect(
			listSearch(
				'searchUsers',
				undefined,
				undefined,
				sandboxCredentials(sandbox, { accessToken: tokenless }),
			),
		).rejects.toThrow('The access token is missing the scope users.readonly');
		await expect(
			listSearch(
				'searchContacts',
				undefined,
				undefined,
				sandboxCredentials(sandbox, { accessToken: tokenless }),
			),
		).rejects.toThrow('The access token is missing the scope contacts.readonly');
	});

	it('By ID needs no picker scope: a token without users.readonly still assigns a user', async () => {
		const token = 'pit-events-only';
		sandbox.options.tokens = {
			...sandbox.options.tokens,
			[token]: {
				locationId: SANDBOX_LOCATION_ID,
				scopes: ['calendars/events.write', 'calendars/events.readonly'],
			},
		};
		const { items, error } = await runHighLevel(
			sandbox,
			{
				resource: 'appointment',
				operation: 'update',
				eventId: SANDBOX_APPOINTMENT_ID,
				updateFields: {
					assignedUserId: byId(SANDBOX_USER_2_ID),
					calendarId: byId(SANDBOX_CALENDAR_ID),
				},
				simplify: true,
			},
			{ credentials: sandboxCredentials(sandbox, { accessToken: token }) },
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual([
			`/calendars/events/appointments/${SANDBOX_APPOINTMENT_ID}`,
		]);
		expect(sandbox.requests[0].body).toEqual({
			assignedUserId: SANDBOX_USER_2_ID,
			calendarId: SANDBOX_CALENDAR_ID,
		});
		// Simplify on for an update: only the simplified fields come out.
		expect(Object.keys(items[0].json).sort()).toEqual(
			[
				'appointmentStatus',
				'assignedUserId',
				'calendarId',
				'contactId',
				'endTime',
				'id',
				'isRecurring',
				'startTime',
				'title',
			].sort(),
		);
	});

	it('books a contact given By Email', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			contactId: { __rl: true, mode: 'email', value: 'CASEY.contact@example.com' },
			startTime: '2031-01-06T09:00:00Z',
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /contacts/search',
			'POST /calendars/events/appointments',
		]);
		expect(sandbox.requests[1].body).toMatchObject({ contactId: SANDBOX_CONTACT_ID });
		expect(items[0].json).toMatchObject({ contactId: SANDBOX_CONTACT_ID });
	});

	it('refuses an email no contact has, naming it', async () => {
		const { error } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'create',
			calendarId: byId(SANDBOX_CALENDAR_ID),
			contactId: { __rl: true, mode: 'email', value: 'nobody@example.com' },
			startTime: '2031-01-06T09:00:00Z',
		});
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/contacts/search']);
		expect(error?.message).toBe(
			'contactId "nobody@example.com" matches no contact. Check the email, or pick the contact From List or By ID.',
		);
	});
});
