// The HighLevel sandbox itself, over real HTTP: the service menu's services catalog and service
// locations (Calendars API v3 only), answered in the v3 spec's response shapes.
import {
	OTHER_LOCATION_TOKEN,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
	VERSION_2021_04_15,
	call,
	conforms,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';
import {
	SANDBOX_SERVICE_2_ID,
	SANDBOX_SERVICE_ID,
	SANDBOX_SERVICE_LOCATION_ID,
} from '../sandbox/seedIds';
import {
	SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
	SANDBOX_SERVICE_VARIATION_ID,
} from '../sandbox/serviceMenu';

useSandbox();

const CATALOG = '/calendars/services/catalog';
const LOCATIONS = '/calendars/services/locations';
const newService = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	name: 'Beard trim',
	slug: 'beard-trim',
	staff: [{ id: SANDBOX_USER_2_ID }],
	...extra,
});
const newLocation = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	name: 'Midtown Studio',
	slug: 'midtown-studio',
	...extra,
});

describe('services catalog', () => {
	test('lists the seeded services of the location, filtered by category and privacy', async () => {
		const all = await call('GET', `${CATALOG}?locationId=${SANDBOX_LOCATION_ID}`);
		expect(all.status).toBe(200);
		conforms('calendars-v3', 'ServicesListResponseDTO', all.body);
		expect(all.body.services.map((s: { id: string }) => s.id)).toEqual([
			SANDBOX_SERVICE_ID,
			SANDBOX_SERVICE_2_ID,
		]);
		expect(all.body.services[0]).toMatchObject({
			name: 'Haircut',
			staff: [{ id: SANDBOX_USER_ID }],
			variations: [{ id: SANDBOX_SERVICE_VARIATION_ID, name: 'Short hair' }],
		});
		const privateOnly = await call(
			'GET',
			`${CATALOG}?locationId=${SANDBOX_LOCATION_ID}&isPrivate=true`,
		);
		expect(privateOnly.body.services.map((s: { id: string }) => s.id)).toEqual([
			SANDBOX_SERVICE_2_ID,
		]);
		const category = await call(
			'GET',
			`${CATALOG}?locationId=${SANDBOX_LOCATION_ID}&serviceCategoryId=${SANDBOX_DEFAULT_SERVICE_CATEGORY_ID}&isPrivate=false`,
		);
		expect(category.body.services.map((s: { id: string }) => s.id)).toEqual([SANDBOX_SERVICE_ID]);
	});

	test('v3 only: the 2021-04-15 Version has no such route', async () => {
		const res = await call('GET', `${CATALOG}?locationId=${SANDBOX_LOCATION_ID}`, undefined, {
			version: VERSION_2021_04_15,
		});
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(sandbox.stats.applied).toEqual([]);
	});

	test('create: 201 with the defaults (category, price 0, public), variations get ids; recorded', async () => {
		const res = await call(
			'POST',
			CATALOG,
			newService({
				serviceDuration: 1,
				serviceDurationUnit: 'hours',
				variations: [{ name: 'With wash', payment: { amount: 10 } }],
			}),
		);
		expect(res.status).toBe(201);
		conforms('calendars-v3', 'ServiceResponseWrapperDTO', res.body);
		const { id } = res.body.service;
		expect(res.body.service).toEqual({
			id,
			locationId: SANDBOX_LOCATION_ID,
			name: 'Beard trim',
			slug: 'beard-trim',
			staff: [{ id: SANDBOX_USER_2_ID }],
			serviceDuration: 1,
			serviceDurationUnit: 'hours',
			serviceCategoryId: SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
			payment: { amount: 0 },
			isPrivate: false,
			variations: [{ id: expect.any(String), name: 'With wash', payment: { amount: 10 } }],
		});
		expect(sandbox.store.services.get(id)).toMatchObject({ name: 'Beard trim' });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'service', id, method: 'POST' }),
		]);
	});

	test('create refuses no staff, an unknown user, a blank name and a taken slug; nothing is stored', async () => {
		expect(await call('POST', CATALOG, newService({ staff: [] }))).toEqual(
			unprocessable(['staff must contain at least 1 elements']),
		);
		expect(await call('POST', CATALOG, newService({ staff: [{ id: 'usr_nobody' }] }))).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'User not found: usr_nobody' },
		});
		expect(await call('POST', CATALOG, newService({ name: ' ' }))).toEqual(
			unprocessable(['name should not be empty']),
		);
		expect(await call('POST', CATALOG, newService({ slug: 'haircut' }))).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message: 'Slug "haircut" is already used by another service of this location',
			},
		});
		const missing = await call('POST', CATALOG, { locationId: SANDBOX_LOCATION_ID, name: 'x' });
		expect(missing.status).toBe(422);
		expect(sandbox.store.services.size).toBe(2);
		expect(sandbox.stats.applied).toEqual([]);
	});

	test('get: the service in its wrapper; 404 for an unknown id, 403 for another location', async () => {
		const res = await call('GET', `${CATALOG}/${SANDBOX_SERVICE_2_ID}`);
		expect(res.status).toBe(200);
		conforms('calendars-v3', 'ServiceResponseWrapperDTO', res.body);
		expect(res.body.service).toMatchObject({ id: SANDBOX_SERVICE_2_ID, name: 'Colour' });
		expect(await call('GET', `${CATALOG}/svc_nope`)).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Service not found' },
		});
		expect(
			(
				await call('GET', `${CATALOG}/${SANDBOX_SERVICE_ID}`, undefined, {
					token: OTHER_LOCATION_TOKEN,
				})
			).status,
		).toBe(403);
	});

	test('update: only the fields sent; variations replace the list, an id keeps its variation', async () => {
		const res = await call('PUT', `${CATALOG}/${SANDBOX_SERVICE_ID}`, {
			name: 'Haircut & style',
			variations: [
				{ id: SANDBOX_SERVICE_VARIATION_ID, name: 'Short' },
				{ name: 'Long hair', serviceDuration: 1, serviceDurationUnit: 'hours' },
			],
		});
		expect(res.status).toBe(200);
		conforms('calendars-v3', 'ServiceResponseWrapperDTO', res.body);
		expect(res.body.service).toMatchObject({
			name: 'Haircut & style',
			slug: 'haircut',
			staff: [{ id: SANDBOX_USER_ID }],
			variations: [
				{ id: SANDBOX_SERVICE_VARIATION_ID, name: 'Short', serviceDuration: 30 },
				{ id: expect.any(String), name: 'Long hair', serviceDuration: 1 },
			],
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'service', id: SANDBOX_SERVICE_ID, method: 'PUT' }),
		]);
		const cleared = await call('PUT', `${CATALOG}/${SANDBOX_SERVICE_ID}`, { variations: [] });
		expect(cleared.body.service.variations).toEqual([]);
	});

	test('update refuses an unknown variation id, a taken slug and an unknown id', async () => {
		expect(
			await call('PUT', `${CATALOG}/${SANDBOX_SERVICE_ID}`, { variations: [{ id: 'var_x' }] }),
		).toEqual({ status: 400, body: { statusCode: 400, message: 'Variation not found: var_x' } });
		expect((await call('PUT', `${CATALOG}/${SANDBOX_SERVICE_ID}`, { slug: 'colour' })).status).toBe(
			400,
		);
		expect(
			(await call('PUT', `${CATALOG}/${SANDBOX_SERVICE_ID}`, { slug: 'haircut' })).status,
		).toBe(200);
		expect((await call('PUT', `${CATALOG}/svc_nope`, { name: 'x' })).status).toBe(404);
	});

	test('delete: success and message; the service is gone', async () => {
		const res = await call('DELETE', `${CATALOG}/${SANDBOX_SERVICE_2_ID}`);
		expect(res).toEqual({
			status: 200,
			body: { success: true, message: 'Service deleted successfully' },
		});
		conforms('calendars-v3', 'DeleteServiceResponseDTO', res.body);
		expect(sandbox.store.services.has(SANDBOX_SERVICE_2_ID)).toBe(false);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'service', id: SANDBOX_SERVICE_2_ID, method: 'DELETE' }),
		]);
		expect((await call('DELETE', `${CATALOG}/${SANDBOX_SERVICE_2_ID}`)).status).toBe(404);
	});
});

describe('service locations', () => {
	test('lists the seeded service location, unwrapped entries in serviceLocations', async () => {
		const res = await call('GET', `${LOCATIONS}?locationId=${SANDBOX_LOCATION_ID}`);
		expect(res.status).toBe(200);
		conforms('calendars-v3', 'ServiceLocationListResponseDTO', res.body);
		expect(res.body.serviceLocations).toEqual([
			expect.objectContaining({
				id: SANDBOX_SERVICE_LOCATION_ID,
				name: 'Main Street Salon',
				locationType: 'offline',
			}),
		]);
	});

	test('create: 201 with the location itself (active, public); recorded', async () => {
		const res = await call(
			'POST',
			LOCATIONS,
			newLocation({ locationType: 'ask_booker', address: 'Home Service' }),
		);
		expect(res.status).toBe(201);
		conforms('calendars-v3', 'ServiceLocationResponseDTO', res.body);
		expect(res.body).toEqual({
			id: expect.any(String),
			locationId: SANDBOX_LOCATION_ID,
			name: 'Midtown Studio',
			slug: 'midtown-studio',
			isActive: true,
			isPrivate: false,
			locationType: 'ask_booker',
			address: 'Home Service',
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'serviceLocation', id: res.body.id, method: 'POST' }),
		]);
	});

	test('create refuses a taken slug, a blank name and an unknown locationType', async () => {
		expect(await call('POST', LOCATIONS, newLocation({ slug: 'main-street-salon' }))).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message:
					'Slug "main-street-salon" is already used by another service location of this location',
			},
		});
		expect(await call('POST', LOCATIONS, newLocation({ name: '' }))).toEqual(
			unprocessable(['name should not be empty']),
		);
		expect((await call('POST', LOCATIONS, newLocation({ locationType: 'online' }))).status).toBe(
			422,
		);
		expect(sandbox.store.serviceLocations.size).toBe(1);
	});

	test('get, update, delete by id; 404 for an unknown one', async () => {
		const url = `${LOCATIONS}/${SANDBOX_SERVICE_LOCATION_ID}`;
		const got = await call('GET', url);
		conforms('calendars-v3', 'ServiceLocationResponseDTO', got.body);
		expect(got.body.id).toBe(SANDBOX_SERVICE_LOCATION_ID);
		const updated = await call('PUT', url, { phone: '+1-217-555-0199' });
		expect(updated.status).toBe(200);
		expect(updated.body).toEqual({ ...got.body, phone: '+1-217-555-0199' });
		const deleted = await call('DELETE', url);
		conforms('calendars-v3', 'DeleteServiceLocationResponseDTO', deleted.body);
		expect(deleted).toEqual({
			status: 200,
			body: { success: true, message: 'Service location deleted successfully' },
		});
		expect(await call('GET', url)).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Service location not found' },
		});
		expect(sandbox.stats.applied.map((w) => [w.method, w.kind, w.id])).toEqual([
			['PUT', 'serviceLocation', SANDBOX_SERVICE_LOCATION_ID],
			['DELETE', 'serviceLocation', SANDBOX_SERVICE_LOCATION_ID],
		]);
	});
});
