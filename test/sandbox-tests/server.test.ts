// The HighLevel sandbox itself, over real HTTP: auth, headers, routing, validation, api versions and scopes.
import {
	ALL_SCOPES,
	API_VERSIONS,
	APPOINTMENTS,
	BLOCK_SLOTS,
	CALENDAR_SCOPES,
	NO_SCOPES_TOKEN,
	NO_USERS_TOKEN,
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_BLOCK_SLOT_ID,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_COMPANY_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
	VERSION,
	VERSION_2021_04_15,
	VERSION_2021_07_28,
	blockSlotUpdate,
	call,
	ids,
	ms,
	newAppointment,
	sandbox,
	scopesAllow,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('auth and headers', () => {
	test('an unknown or missing token is 401 Invalid token, and the request is recorded', async () => {
		const expected = {
			statusCode: 401,
			message: 'Invalid token: access token is invalid',
			error: 'Unauthorized',
		};
		expect(
			await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: 'nope' }),
		).toEqual({
			status: 401,
			body: expected,
		});
		expect(
			(await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, { token: null }))
				.body,
		).toEqual(expected);

		expect(sandbox.requests).toHaveLength(2);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`,
			headers: { authorization: 'Bearer nope', version: VERSION },
			status: 401,
			response: expected,
		});
	});

	test('a token without the operation scope is 401 authClass', async () => {
		expect(
			await call(
				'PUT',
				`${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`,
				{ title: 'x' },
				{ token: READONLY_TOKEN },
			),
		).toEqual({
			status: 401,
			body: {
				statusCode: 401,
				message: 'This authClass type is not allowed to access this scope',
				error: 'Unauthorized',
			},
		});
		// the same token holds calendars/events.readonly, which is what GET needs
		expect(
			(
				await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, {
					token: READONLY_TOKEN,
				})
			).status,
		).toBe(200);
	});

	test('a wrong or missing Version header is 400 naming the expected version', async () => {
		for (const version of ['2021-07-28', null]) {
			const res = await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, {
				version,
			});
			expect(res.status).toBe(400);
			expect(res.body).toEqual({ statusCode: 400, message: expect.stringContaining('v3') });
		}
	});
});

describe('routing', () => {
	test('an unknown method or path is a Nest-style 404', async () => {
		expect(await call('PATCH', `${APPOINTMENTS}/x?a=1`)).toEqual({
			status: 404,
			body: { statusCode: 404, message: `Cannot PATCH ${APPOINTMENTS}/x?a=1`, error: 'Not Found' },
		});
	});

	test('list calendars answers on /calendars/ and /calendars', async () => {
		for (const p of ['/calendars/', '/calendars']) {
			const res = await call('GET', `${p}?locationId=${SANDBOX_LOCATION_ID}`);
			expect(res.status).toBe(200);
			expect(res.body.calendars.map((c: { id: string }) => c.id)).toEqual([
				SANDBOX_CALENDAR_ID,
				SANDBOX_CALENDAR_2_ID,
			]);
		}
		expect((await call('GET', '/calendars/')).body).toEqual({
			statusCode: 422,
			message: ['locationId should not be empty'],
			error: 'Unprocessable Entity',
		});
	});

	test('an encoded slash stays inside its path parameter', async () => {
		// Decoding before splitting would turn this into GET /calendars/appointments/{id}/notes.
		const res = await call(
			'GET',
			`/calendars/appointments/${SANDBOX_APPOINTMENT_ID}%2Fnotes?limit=10&offset=0`,
		);
		expect(res.status).toBe(404);
		expect(res.body.message).toBe(
			`Cannot GET /calendars/appointments/${SANDBOX_APPOINTMENT_ID}%2Fnotes?limit=10&offset=0`,
		);

		// ...and the parameter is decoded once matched.
		const seeded = sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!;
		sandbox.store.appointments.set('odd/id', { ...seeded, id: 'odd/id' });
		expect((await call('GET', `${APPOINTMENTS}/odd%2Fid`)).body.event.id).toBe('odd/id');
		expect(sandbox.requests[sandbox.requests.length - 1].path).toBe(`${APPOINTMENTS}/odd%2Fid`);
	});

	test('spec paths the sandbox does not model answer 501 after validation', async () => {
		const completed = '/contacts/c1/tasks/t1/completed';
		expect((await call('PUT', completed, { x: 1 })).body.message).toEqual([
			'completed should not be empty',
			'property x should not exist',
		]);
		expect(await call('PUT', completed, { completed: true })).toEqual({
			status: 501,
			body: { statusCode: 501, message: 'not modelled by the sandbox' },
		});
	});
});

describe('validation', () => {
	const expect422 = async (method: string, urlPath: string, body: unknown, messages: string[]) => {
		const res = await call(method, urlPath, body);
		expect(res).toEqual({
			status: 422,
			body: {
				statusCode: 422,
				message: expect.arrayContaining(messages),
				error: 'Unprocessable Entity',
			},
		});
		expect(sandbox.store.appointments.size).toBe(1); // nothing was created
	};

	test('unknown (misspelt) fields and wrong types are rejected, naming the field', async () => {
		await expect422('POST', APPOINTMENTS, newAppointment({ titel: 'Intro', toNotify: 'false' }), [
			'property titel should not exist',
			'toNotify must be a boolean value',
		]);
		await expect422('POST', APPOINTMENTS, { locationId: SANDBOX_LOCATION_ID }, [
			'calendarId should not be empty',
		]);
	});

	test('enums are enforced', async () => {
		await expect422('POST', APPOINTMENTS, newAppointment({ appointmentStatus: 'booked' }), [
			'appointmentStatus must be one of the following values: new, confirmed, cancelled, showed, noshow, invalid, completed, active',
		]);
	});

	test('times must be ISO 8601 with an offset, and end after start', async () => {
		for (const startTime of [
			'2030-03-04T15:00:00',
			'2030-03-04 15:00:00Z',
			'2030-02-30T15:00:00Z',
			'1893456000000',
		]) {
			const res = await call('POST', APPOINTMENTS, newAppointment({ startTime }));
			expect(res.status).toBe(422);
			expect(res.body.message).toEqual([
				expect.stringMatching(/^startTime must be a valid ISO 8601/),
			]);
		}
		await expect422(
			'POST',
			APPOINTMENTS,
			newAppointment({ endTime: '2030-03-04T15:00:00+05:30' }),
			['endTime must be after startTime'],
		);
	});

	test('a block slot takes exactly one of calendarId and assignedUserId, and needs locationId', async () => {
		const url = `${BLOCK_SLOTS}/${SANDBOX_BLOCK_SLOT_ID}`;
		const both = await call(
			'PUT',
			url,
			blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID, assignedUserId: SANDBOX_USER_ID }),
		);
		expect(both).toEqual({
			status: 422,
			body: {
				statusCode: 422,
				message: ['Either calendarId or assignedUserId can be set, not both'],
				error: 'Unprocessable Entity',
			},
		});
		expect((await call('PUT', url, blockSlotUpdate({ title: 'x' }))).body.message).toEqual([
			'Either calendarId or assignedUserId must be set',
		]);
		expect((await call('PUT', url, { calendarId: SANDBOX_CALENDAR_ID })).body.message).toEqual([
			'locationId should not be empty',
		]);
	});

	test("a locationId other than the token's is 403", async () => {
		const forbidden = {
			status: 403,
			body: { statusCode: 403, message: 'The token does not have access to this location' },
		};
		expect(await call('POST', APPOINTMENTS, newAppointment({ locationId: 'loc_other' }))).toEqual(
			forbidden,
		);
		expect(await call('GET', '/calendars/?locationId=loc_other')).toEqual(forbidden);
		// records of another location are refused too
		expect(
			await call('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`, undefined, {
				token: OTHER_LOCATION_TOKEN,
			}),
		).toEqual(forbidden);
	});
});

describe('APIs, versions and scopes', () => {
	test('each API has its own Versions, and a route requires one of its API', async () => {
		expect(API_VERSIONS).toEqual({
			calendars: VERSION,
			users: VERSION_2021_07_28,
			contacts: VERSION_2021_07_28,
			locations: VERSION_2021_07_28,
		});
		const cases: Array<[string, string, unknown, string, string]> = [
			[
				'GET',
				`/calendars/?locationId=${SANDBOX_LOCATION_ID}`,
				undefined,
				VERSION,
				VERSION_2021_07_28,
			],
			['GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`, undefined, VERSION_2021_07_28, VERSION],
			[
				'POST',
				'/contacts/search',
				{ locationId: SANDBOX_LOCATION_ID, pageLimit: 1 },
				VERSION_2021_07_28,
				VERSION,
			],
			['GET', `/locations/${SANDBOX_LOCATION_ID}`, undefined, VERSION_2021_07_28, VERSION],
		];
		for (const [method, url, body, right, wrong] of cases) {
			expect((await call(method, url, body, { version: right })).status).toBe(200);
			const allowed = right === VERSION ? `"${VERSION_2021_04_15}" or "${VERSION}"` : `"${right}"`;
			expect(await call(method, url, body, { version: wrong })).toEqual({
				status: 400,
				body: { statusCode: 400, message: `Version header must be ${allowed}, got "${wrong}"` },
			});
		}
		// The shared operations answer both Calendars Versions; v3's own only v3.
		const calendars = `/calendars/?locationId=${SANDBOX_LOCATION_ID}`;
		expect((await call('GET', calendars, undefined, { version: VERSION_2021_04_15 })).status).toBe(
			200,
		);
		const services = `/calendars/services/locations?locationId=${SANDBOX_LOCATION_ID}`;
		expect(await call('GET', services, undefined, { version: VERSION_2021_04_15 })).toEqual({
			status: 400,
			body: { statusCode: 400, message: `Version header must be "${VERSION}", got "2021-04-15"` },
		});
	});

	test("a request is checked against its own Version's spec: completed is a v3 status", async () => {
		const appointment = newAppointment({ appointmentStatus: 'completed' });
		const old = await call('POST', '/calendars/events/appointments', appointment, {
			version: VERSION_2021_04_15,
		});
		expect(old.status).toBe(422);
		expect(JSON.stringify(old.body)).toContain('appointmentStatus must be one of');
		const v3 = await call('POST', '/calendars/events/appointments', appointment);
		expect(v3.status).toBe(200);
		expect(v3.body).toMatchObject({ appointmentStatus: 'completed' });
	});

	test('ALL_SCOPES covers the four APIs; CALENDAR_SCOPES is still just the Calendars API', () => {
		for (const scope of [
			'calendars.readonly',
			'calendars/events.write',
			'users.readonly',
			'contacts.readonly',
			'locations.readonly',
		]) {
			expect(ALL_SCOPES).toContain(scope);
		}
		expect(ALL_SCOPES).toEqual(expect.arrayContaining(CALENDAR_SCOPES));
		expect(CALENDAR_SCOPES).not.toContain('users.readonly');
		expect(CALENDAR_SCOPES.every((s) => s.startsWith('calendars'))).toBe(true);
	});

	test('any one security alternative suffices, whatever its scheme is called', async () => {
		const route = { scopeSets: [['a'], ['b', 'c']] };
		expect(scopesAllow(route, ['a'])).toBe(true);
		expect(scopesAllow(route, ['c', 'b'])).toBe(true);
		expect(scopesAllow(route, ['b'])).toBe(false);
		expect(scopesAllow(route, [])).toBe(false);
		expect(scopesAllow({ scopeSets: [] }, [])).toBe(true);

		// /users/search: Agency-Access or Location-Access, both users.readonly; /users/: Location-Access only.
		const search = `/users/search?companyId=${SANDBOX_COMPANY_ID}`;
		expect((await call('GET', search)).status).toBe(200);
		expect((await call('GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`)).status).toBe(200);
		const denied = {
			status: 401,
			body: {
				statusCode: 401,
				message: 'This authClass type is not allowed to access this scope',
				error: 'Unauthorized',
			},
		};
		expect(await call('GET', search, undefined, { token: NO_USERS_TOKEN })).toEqual(denied);
		expect(
			await call('GET', `/users/?locationId=${SANDBOX_LOCATION_ID}`, undefined, {
				token: NO_USERS_TOKEN,
			}),
		).toEqual(denied);
		// ...while everything else still works for that token
		expect(
			(await call('GET', `/calendars/${SANDBOX_CALENDAR_ID}`, undefined, { token: NO_USERS_TOKEN }))
				.status,
		).toBe(200);

		// `{ "bearer": [] }` asks for no scope at all (this route is not modelled, hence 501)
		expect(
			(
				await call('GET', `/locations/${SANDBOX_LOCATION_ID}/tags/t1`, undefined, {
					token: NO_SCOPES_TOKEN,
				})
			).status,
		).toBe(501);
	});
});

describe('route precedence', () => {
	test('fixed paths win over /calendars/{calendarId}; the template still serves real ids', async () => {
		const window = `locationId=${SANDBOX_LOCATION_ID}&calendarId=${SANDBOX_CALENDAR_ID}&startTime=0&endTime=${ms('2031-01-01T00:00:00Z')}`;
		expect(ids((await call('GET', `/calendars/events?${window}`)).body.events)).toEqual([
			SANDBOX_APPOINTMENT_ID,
		]);
		expect(ids((await call('GET', `/calendars/blocked-slots?${window}`)).body.events)).toEqual([
			SANDBOX_BLOCK_SLOT_ID,
		]);
		// groups, not the calendar "groups"
		expect(
			(await call('GET', `/calendars/groups?locationId=${SANDBOX_LOCATION_ID}`)).body.groups,
		).toHaveLength(2);
		// the fixed path's own rules apply, not the template's
		expect((await call('GET', '/calendars/events')).status).toBe(422);

		expect((await call('GET', `/calendars/${SANDBOX_CALENDAR_2_ID}`)).body.calendar.id).toBe(
			SANDBOX_CALENDAR_2_ID,
		);
		expect(
			(await call('GET', `/calendars/?locationId=${SANDBOX_LOCATION_ID}`)).body.calendars,
		).toHaveLength(2);
		// same in the Users API: /users/search is not /users/{userId}
		expect((await call('GET', `/users/search?companyId=${SANDBOX_COMPANY_ID}`)).body.count).toBe(3);
		expect((await call('GET', `/users/${SANDBOX_USER_ID}`)).status).toBe(501);
	});
});
