// The pickers (listSearch/): calendars, users and contacts, as the editor asks n8n for them.
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { byId, sandbox, useSandbox } from './testing';

useSandbox();

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
			version: 'v3',
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
			'Contact (contactId) "nobody@example.com" matches no contact. Check the email, or pick the contact From List or By ID.',
		);
	});
});
