// The HighLevel sandbox itself, over real HTTP: users, locations and contacts.
import {
	APPOINTMENTS,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_COMPANY_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_3_ID,
	SANDBOX_USER_ID,
	call,
	conforms,
	ids,
	newAppointment,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('users', () => {
	const SAM = { id: SANDBOX_USER_ID, name: 'Sam Sandbox', email: 'sam.sandbox@example.com' };
	const RILEY = { id: SANDBOX_USER_2_ID, name: 'Riley Reyes', email: 'riley.reyes@example.com' };
	const JORDAN = { id: SANDBOX_USER_3_ID, name: 'Jordan Lee', email: 'jordan.lee@example.com' };

	test("GET /users/?locationId lists the sub-account's users (UserSchema)", async () => {
		const res = await call('GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`);
		expect(res.status).toBe(200);
		expect(res.body.users).toEqual([
			expect.objectContaining(SAM),
			expect.objectContaining(RILEY),
			expect.objectContaining(JORDAN),
		]);
		expect(res.body.users[0]).toEqual({
			...SAM,
			firstName: 'Sam',
			lastName: 'Sandbox',
			phone: '+12025550201',
			extension: '',
			roles: {
				type: 'account',
				role: 'admin',
				locationIds: [SANDBOX_LOCATION_ID],
				restrictSubAccount: false,
			},
			deleted: false,
		});
		conforms('users', 'LocationSuccessfulResponseDto', res.body);
		expect(await call('GET', '/users/')).toEqual(unprocessable(['locationId should not be empty']));
		expect((await call('GET', '/users/?locationId=loc_other')).status).toBe(403);
	});

	test('GET /users/search: companyId required and checked; query, skip and limit; {users, count}', async () => {
		const search = (q: string) => call('GET', `/users/search?companyId=${SANDBOX_COMPANY_ID}&${q}`);
		const all = await search('');
		expect(all.body.count).toBe(3);
		conforms('users', 'SearchUserSuccessfulResponseDto', all.body);

		expect((await search('query=RIL')).body).toEqual({
			users: [expect.objectContaining(RILEY)],
			count: 1,
		});
		expect((await search('query=lee@example')).body.users).toEqual([
			expect.objectContaining(JORDAN),
		]);
		expect((await search(`locationId=${SANDBOX_LOCATION_ID}&skip=1&limit=1`)).body).toEqual({
			users: [expect.objectContaining(RILEY)],
			count: 3,
		});
		expect((await search('role=user')).body.count).toBe(2);
		expect(
			(await search(`ids=${SANDBOX_USER_3_ID},${SANDBOX_USER_ID}`)).body.users.map(
				(u: { id: string }) => u.id,
			),
		).toEqual([SANDBOX_USER_ID, SANDBOX_USER_3_ID]);

		expect(await search('skip=-1&limit=ten')).toEqual(
			unprocessable([
				'skip must be a non-negative integer string',
				'limit must be a non-negative integer string',
			]),
		);
		expect(await call('GET', '/users/search')).toEqual(
			unprocessable(['companyId should not be empty']),
		);
		expect(await call('GET', '/users/search?companyId=cmp_other')).toEqual({
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this company' },
		});
	});
});

describe('locations', () => {
	test('GET /locations/{locationId} → {location} with the zone; another location 403', async () => {
		const res = await call('GET', `/locations/${SANDBOX_LOCATION_ID}`);
		expect(res.status).toBe(200);
		expect(res.body.location).toMatchObject({
			id: SANDBOX_LOCATION_ID,
			companyId: SANDBOX_COMPANY_ID,
			name: 'Sandbox Dental',
			timezone: 'America/New_York',
		});
		conforms('locations', 'GetLocationByIdSuccessfulResponseDto', res.body);
		expect(await call('GET', '/locations/loc_other')).toEqual({
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this location' },
		});
	});
});

describe('contacts', () => {
	const search = (body: Record<string, unknown>) =>
		call('POST', '/contacts/search', { locationId: SANDBOX_LOCATION_ID, ...body });

	test('search pages by page and pageLimit, and by searchAfter; total counts every match', async () => {
		expect(sandbox.store.contacts.size).toBe(25);
		const pages = await Promise.all([1, 2, 3, 4].map((page) => search({ page, pageLimit: 10 })));
		expect(pages.map((p) => [p.status, p.body.contacts.length, p.body.total])).toEqual([
			[200, 10, 25],
			[200, 10, 25],
			[200, 5, 25],
			[200, 0, 25],
		]);
		const seen = pages.flatMap((p) => ids(p.body.contacts));
		expect(new Set(seen).size).toBe(25);
		expect(seen[0]).toBe(SANDBOX_CONTACT_ID);
		expect(pages[0].body.contacts[0]).toEqual({
			id: SANDBOX_CONTACT_ID,
			locationId: SANDBOX_LOCATION_ID,
			firstName: 'Casey',
			lastName: 'Contact',
			firstNameLowerCase: 'casey',
			lastNameLowerCase: 'contact',
			email: 'casey.contact@example.com',
			phone: '+12025551001',
			tags: [],
			dateAdded: '2029-11-01T09:00:00.000Z',
			dateUpdated: '2029-11-01T09:00:00.000Z',
			searchAfter: [Date.parse('2029-11-01T09:00:00.000Z'), SANDBOX_CONTACT_ID],
		});
		// page 1 is the default, and the last contact's cursor leads to page 2
		expect(ids((await search({ pageLimit: 10 })).body.contacts)).toEqual(
			ids(pages[0].body.contacts),
		);
		const cursor = pages[0].body.contacts[9].searchAfter;
		expect(ids((await search({ pageLimit: 10, searchAfter: cursor })).body.contacts)).toEqual(
			ids(pages[1].body.contacts),
		);
	});

	test('query matches name, email or phone, case-insensitively, and pages within the matches', async () => {
		const names = async (body: Record<string, unknown>) =>
			(await search({ pageLimit: 100, ...body })).body.contacts.map(
				(c: { lastName: string }) => c.lastName,
			);
		expect(await names({ query: 'SON' })).toEqual([
			'Johnson',
			'Jackson',
			'Allison',
			'Svensson',
			'Robertson',
		]);
		expect(await names({ query: 'dana.WHIT' })).toEqual(['Whitfield']);
		expect(await names({ query: '(202) 555-1004' })).toEqual(['Price']);
		expect(await names({ query: 'nobody' })).toEqual([]);
		const second = await search({ query: 'son', page: 2, pageLimit: 2 });
		expect(second.body).toMatchObject({ total: 5 });
		expect(second.body.contacts.map((c: { lastName: string }) => c.lastName)).toEqual([
			'Allison',
			'Svensson',
		]);
	});

	test('the search body is checked against the Search Contacts guide', async () => {
		expect(await search({})).toEqual(unprocessable(['pageLimit should not be empty']));
		expect(await call('POST', '/contacts/search', { pageLimit: 10 })).toEqual(
			unprocessable(['locationId should not be empty']),
		);
		expect((await search({ pageLimit: 501, page: 0, limit: 5 })).body.message).toEqual([
			'property limit should not exist',
			'page must not be less than 1',
			'pageLimit must not be greater than 500',
		]);
		expect(await search({ pageLimit: 10, page: 2, searchAfter: [1, 'x'] })).toEqual(
			unprocessable(['page and searchAfter cannot be used together']),
		);
		expect(await search({ pageLimit: 10, searchAfter: ['x'] })).toEqual(
			unprocessable(["searchAfter must be a contact's searchAfter value from an earlier page"]),
		);
		expect((await search({ pageLimit: 10, query: 'x'.repeat(76) })).body.message).toEqual([
			'query must be shorter than or equal to 75 characters',
		]);
		expect(
			await search({ pageLimit: 10, filters: [{ field: 'dnd', operator: 'eq', value: true }] }),
		).toEqual({
			status: 501,
			body: { statusCode: 501, message: 'filters and sort are not modelled by the sandbox' },
		});
		expect(
			(await call('POST', '/contacts/search', { locationId: 'loc_other', pageLimit: 10 })).status,
		).toBe(403);
	});

	test("a contact's appointments: GetEventSchema, times on the location's clock, deleted left out", async () => {
		const created = await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ startTime: '2030-06-03T14:00:00Z', title: 'Check-up' }),
		);
		await call(
			'POST',
			APPOINTMENTS,
			newAppointment({ contactId: 'con_sandbox_002', startTime: '2030-06-04T14:00:00Z' }),
		);
		const res = await call('GET', `/contacts/${SANDBOX_CONTACT_ID}/appointments`);
		expect(res.status).toBe(200);
		expect(res.body.events).toEqual([
			{
				id: SANDBOX_APPOINTMENT_ID,
				calendarId: SANDBOX_CALENDAR_ID,
				status: 'booked',
				title: 'Casey Contact',
				assignedUserId: SANDBOX_USER_ID,
				startTime: '2030-01-14 04:00:00', // 10:00 +01:00, in New York
				endTime: '2030-01-14 04:30:00',
				address: 'Zoom',
				locationId: SANDBOX_LOCATION_ID,
				contactId: SANDBOX_CONTACT_ID,
				groupId: SANDBOX_GROUP_ID,
				appointmentStatus: 'confirmed',
				users: [SANDBOX_USER_ID],
				dateAdded: '2029-12-01 04:00:00',
				dateUpdated: '2029-12-01 04:00:00',
			},
			expect.objectContaining({
				id: created.body.id,
				title: 'Check-up',
				startTime: '2030-06-03 10:00:00',
				endTime: '2030-06-03 10:30:00',
			}),
		]);
		conforms('contacts', 'GetEventsSuccessfulResponseDto', res.body);

		await call('DELETE', `/calendars/events/${created.body.id}`, {});
		expect(
			ids((await call('GET', `/contacts/${SANDBOX_CONTACT_ID}/appointments`)).body.events),
		).toEqual([SANDBOX_APPOINTMENT_ID]);
		expect(await call('GET', '/contacts/con_missing/appointments')).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Contact not found' },
		});
	});
});
