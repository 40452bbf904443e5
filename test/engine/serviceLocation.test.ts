// Service Location (Calendars API v3): every operation in n8n's engine against the sandbox, with
// the exact requests HighLevel receives (Version v3), the outputs, bad input refused before any
// request, scopes, and the service location picker.
import type { INodeParameters } from 'n8n-workflow';
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import { ALL_SCOPES, SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../sandbox';
import { SANDBOX_SERVICE_LOCATION_ID } from '../sandbox/seedIds';
import { byId, sandbox, useSandbox } from './testing';

const NO_CALENDARS_TOKEN = 'pit-no-calendars-4242';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[NO_CALENDARS_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ALL_SCOPES.filter((scope) => !scope.startsWith('calendars.')),
		},
	},
});

const resource = { resource: 'serviceLocation' };
const LOCATIONS = '/calendars/services/locations';
const SEEDED_URL = `${LOCATIONS}/${SANDBOX_SERVICE_LOCATION_ID}`;

describe('Service Location: Create', () => {
	it('sends the fields with the credential location and Version v3, and outputs the location', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'create',
			name: 'Midtown Studio',
			slug: 'midtown-studio',
			serviceLocationAdditionalFields: {
				address: '789 5th Avenue, New York, NY 10022',
				phone: '+1-212-555-0174',
				coverImage: 'https://example.com/midtown.jpg',
				locationType: 'offline',
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: LOCATIONS, status: 201 });
		expect(request.headers.version).toBe('v3');
		expect(request.body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			name: 'Midtown Studio',
			slug: 'midtown-studio',
			address: '789 5th Avenue, New York, NY 10022',
			phone: '+1-212-555-0174',
			coverImage: 'https://example.com/midtown.jpg',
			locationType: 'offline',
		});
		expect(items.map((item) => item.json)).toEqual([request.response]);
		expect(items[0].json).toMatchObject({ isActive: true, name: 'Midtown Studio' });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'serviceLocation', id: items[0].json.id }),
		]);
	});

	it('makes the slug of the name when left empty and reads the type as the editor names it', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'create',
			name: 'Home Visits',
			serviceLocationAdditionalFields: {
				locationType: '={{ "Ask Booker" }}',
				address: 'At your home',
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			name: 'Home Visits',
			slug: 'home-visits',
			locationType: 'ask_booker',
			address: 'At your home',
		});
	});

	it('refuses bad input before any request; with Continue On Fail the other items run', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{
				...resource,
				operation: 'create',
				name: '={{ $json.name }}',
				serviceLocationAdditionalFields: {
					locationType: '={{ $json.type }}',
					coverImage: '={{ $json.image }}',
				},
			},
			{
				continueOnFail: true,
				items: [
					{ name: ' ', type: 'offline', image: 'https://example.com/a.jpg' },
					{ name: 'Studio', type: 'ofline', image: 'https://example.com/a.jpg' },
					{ name: 'Studio', type: 'offline', image: 'cover.jpg' },
					{ name: 'Studio', type: 'OFFLINE', image: 'https://example.com/a.jpg' },
				],
			},
		);
		expect(items.map((item) => item.json.error)).toEqual([
			'Name " " is empty. Give it a name, e.g. Midtown Studio.',
			'Additional Fields > Location Type (locationType) "ofline" is not an allowed value. Did you mean offline? Use one of: offline, ask_booker.',
			'Additional Fields > Cover Image URL (coverImage) "cover.jpg" is not a web address. Use the address of an image, e.g. https://example.com/cover.jpg.',
			undefined,
		]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toMatchObject({ locationType: 'offline', slug: 'studio' });
	});

	it('names HighLevel refusing a taken slug, and the write scope a token lacks', async () => {
		const fields = { ...resource, operation: 'create', name: 'Main Street Salon' };
		const taken = await runHighLevel(sandbox, fields);
		expect(sandbox.requests[0].status).toBe(400);
		expect(taken.error?.message).toContain('Slug "main-street-salon" is already used');
		const denied = await runHighLevel(sandbox, fields, {
			credentials: sandboxCredentials(sandbox, { accessToken: NO_CALENDARS_TOKEN }),
		});
		expect(sandbox.requests[1].status).toBe(401);
		expect(denied.error?.message).toBe('The access token is missing the scope calendars.write');
	});
});

describe('Service Location: Get', () => {
	it('gets a service location by id', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			serviceLocationId: byId(SANDBOX_SERVICE_LOCATION_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: SEEDED_URL,
			query: {},
			status: 200,
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([sandbox.requests[0].response]);
		expect(items[0].json).toMatchObject({ name: 'Main Street Salon', locationType: 'offline' });
	});

	it('names an unknown id, and the read scope a token lacks', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			serviceLocationId: byId('svl_nope'),
		});
		expect(error?.message).toBe(
			'HighLevel found no service location with serviceLocationId "svl_nope" (404)',
		);
		const denied = await runHighLevel(
			sandbox,
			{ ...resource, operation: 'get', serviceLocationId: byId(SANDBOX_SERVICE_LOCATION_ID) },
			{ credentials: sandboxCredentials(sandbox, { accessToken: NO_CALENDARS_TOKEN }) },
		);
		expect(denied.error?.message).toBe('The access token is missing the scope calendars.readonly');
	});
});

describe('Service Location: Get Many', () => {
	it('lists the service locations of the credential location, cut to Limit', async () => {
		for (let i = 0; i < 3; i++) {
			const id = `svl_extra_${i}`;
			sandbox.store.serviceLocations.set(id, {
				id,
				locationId: SANDBOX_LOCATION_ID,
				name: `Extra ${i}`,
				slug: `extra-${i}`,
			});
		}
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			limit: 2,
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: LOCATIONS,
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json.id)).toEqual([SANDBOX_SERVICE_LOCATION_ID, 'svl_extra_0']);
		const all = await runHighLevel(sandbox, { ...resource, operation: 'getAll', returnAll: true });
		expect(all.items).toHaveLength(4);
	});

	it('refuses a Limit no list can have before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			limit: 0,
		});
		expect(error?.message).toBe(
			'Limit 0 is not a number of service locations. Use a whole number of 1 or more, or turn on Return All.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Service Location: Update', () => {
	it('sends only the fields set and outputs the updated location', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'update',
			serviceLocationId: byId(SANDBOX_SERVICE_LOCATION_ID),
			serviceLocationUpdateFields: { phone: '+1-217-555-0199', slug: 'main-st' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({ method: 'PUT', path: SEEDED_URL, status: 200 });
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(sandbox.requests[0].body).toEqual({ phone: '+1-217-555-0199', slug: 'main-st' });
		expect(items.map((item) => item.json)).toEqual([sandbox.requests[0].response]);
		expect(sandbox.store.serviceLocations.get(SANDBOX_SERVICE_LOCATION_ID)).toMatchObject({
			phone: '+1-217-555-0199',
			slug: 'main-st',
			name: 'Main Street Salon',
		});
	});

	it('refuses no field and a slug that cannot be part of an address before any request', async () => {
		const run = async (serviceLocationUpdateFields: INodeParameters) =>
			(
				await runHighLevel(sandbox, {
					...resource,
					operation: 'update',
					serviceLocationId: byId(SANDBOX_SERVICE_LOCATION_ID),
					serviceLocationUpdateFields,
				})
			).error?.message;
		expect(await run({})).toBe(
			'Update Fields (serviceLocationUpdateFields) (not set) is empty. Add at least one field to Update Fields.',
		);
		expect(await run({ slug: 'main/street' })).toBe(
			'Update Fields > Slug "main/street" cannot be part of an address. Use letters, digits and dashes, e.g. "main-street".',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Service Location: Delete', () => {
	it('deletes by id and outputs what was deleted', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'delete',
			serviceLocationId: byId(SANDBOX_SERVICE_LOCATION_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: SEEDED_URL,
			status: 200,
			response: { success: true, message: 'Service location deleted successfully' },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([
			{ id: SANDBOX_SERVICE_LOCATION_ID, deleted: true },
		]);
		expect(sandbox.store.serviceLocations.size).toBe(0);
	});
});

describe('Service Location: picker', () => {
	it('lists the service locations by name, searchable by name, slug or id', async () => {
		sandbox.store.serviceLocations.set('svl_home', {
			id: 'svl_home',
			locationId: SANDBOX_LOCATION_ID,
			name: 'Home Visits',
			slug: 'home-visits',
			isPrivate: true,
		});
		const search = (filter?: string) =>
			runListSearch({
				nodeType: new HighLevelCalendar(),
				credentialType: new HighLevelCalendarApi(),
				credentials: sandboxCredentials(sandbox),
				method: 'searchServiceLocations',
				parameters: resource as never,
				filter,
			});
		expect(await search()).toEqual({
			results: [
				{ name: 'Home Visits (private)', value: 'svl_home' },
				{ name: 'Main Street Salon', value: SANDBOX_SERVICE_LOCATION_ID },
			],
		});
		expect(sandbox.requests[0]).toMatchObject({
			path: LOCATIONS,
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect((await search('main-street')).results).toEqual([
			{ name: 'Main Street Salon', value: SANDBOX_SERVICE_LOCATION_ID },
		]);
	});
});
