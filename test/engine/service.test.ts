// Service (the services catalog, Calendars API v3): every operation in n8n's engine against the
// sandbox, with the exact requests HighLevel receives (Version v3), the outputs, bad input refused
// before any request, scopes, and the service and staff pickers.
import type { INodeParameters } from 'n8n-workflow';
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, runHighLevelAsTool, sandboxCredentials } from './harness/highLevel';
import {
	ALL_SCOPES,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { SANDBOX_SERVICE_2_ID, SANDBOX_SERVICE_ID } from '../sandbox/seedIds';
import {
	SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
	SANDBOX_SERVICE_VARIATION_ID,
} from '../sandbox/serviceMenu';
import { byId, sandbox, useSandbox } from './testing';

const NO_WRITE_TOKEN = 'pit-calendars-readonly-4242';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[NO_WRITE_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ALL_SCOPES.filter((scope) => scope !== 'calendars.write'),
		},
	},
});

const resource = { resource: 'service' };
/** What n8n fills in for a variation's buffers left at their defaults (a fixedCollection sends every value). */
const NO_BUFFERS = { preBuffer: 0, preBufferUnit: 'mins', postBuffer: 0, postBufferUnit: 'mins' };
const CATALOG = '/calendars/services/catalog';

/** Adds `count` public services after the seeded ones, named Service 000, Service 001, ... */
function addServices(count: number) {
	const seeded = sandbox.store.services.get(SANDBOX_SERVICE_ID)!;
	for (let i = 0; i < count; i++) {
		const id = `svc_${String(i).padStart(3, '0')}`;
		sandbox.store.services.set(id, { ...seeded, id, name: `Service ${id.slice(4)}`, slug: id });
	}
}

describe('Service: Create', () => {
	it('sends the fields with the credential location and Version v3, and outputs the created service', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'create',
			name: 'Beard Trim',
			slug: 'beard-trim',
			staff: [SANDBOX_USER_ID, SANDBOX_USER_2_ID],
			serviceAdditionalFields: {
				description: 'Trim and shape',
				serviceDuration: 20,
				serviceDurationUnit: 'mins',
				postBuffer: 5,
				postBufferUnit: 'mins',
				eventColor: '#1A2B3C',
				isPrivate: false,
				payment: { settings: { amount: 25, deposit: 5, depositType: 'amount' } },
				variations: {
					variation: [
						{
							name: 'With hot towel',
							serviceDuration: 30,
							serviceDurationUnit: 'mins',
							amount: 35,
							deposit: 0,
							depositType: 'amount',
						},
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: CATALOG, status: 201 });
		expect(request.headers.version).toBe('v3');
		expect(request.body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			name: 'Beard Trim',
			slug: 'beard-trim',
			staff: [{ id: SANDBOX_USER_ID }, { id: SANDBOX_USER_2_ID }],
			description: 'Trim and shape',
			serviceDuration: 20,
			serviceDurationUnit: 'mins',
			postBuffer: 5,
			postBufferUnit: 'mins',
			eventColor: '#1A2B3C',
			isPrivate: false,
			payment: { amount: 25, deposit: 5, depositType: 'amount' },
			variations: [
				{
					name: 'With hot towel',
					serviceDuration: 30,
					serviceDurationUnit: 'mins',
					payment: { amount: 35 },
					...NO_BUFFERS,
				},
			],
		});
		const { service } = request.response as { service: { id: string } };
		expect(items.map((item) => item.json)).toEqual([service]);
		expect(items[0].json).toMatchObject({
			serviceCategoryId: SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
			variations: [{ id: expect.any(String), name: 'With hot towel' }],
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'service', id: service.id }),
		]);
	});

	it('makes the slug of the name when left empty, and reads units and staff from expressions', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{
				...resource,
				operation: 'create',
				name: '={{ $json.name }}',
				slug: '',
				staff: '={{ $json.staff }}',
				serviceAdditionalFields: {
					serviceDuration: '={{ $json.hours }}',
					serviceDurationUnit: '={{ $json.unit }}',
					variationsJson: '={{ $json.variations }}',
				},
			},
			{
				items: [
					{
						name: ' Été Colour & Cut ',
						staff: ` ${SANDBOX_USER_2_ID}, ${SANDBOX_USER_2_ID} `,
						hours: '1.5',
						unit: 'Hours',
						variations: [{ name: 'Long', serviceDuration: 2, serviceDurationUnit: 'Hours' }],
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			name: 'Été Colour & Cut',
			slug: 'ete-colour-cut',
			staff: [{ id: SANDBOX_USER_2_ID }],
			serviceDuration: 1.5,
			serviceDurationUnit: 'hours',
			variations: [{ name: 'Long', serviceDuration: 2, serviceDurationUnit: 'hours' }],
		});
	});

	it('refuses bad input before any request; with Continue On Fail the other items run', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{
				...resource,
				operation: 'create',
				name: '={{ $json.name }}',
				staff: '={{ $json.staff }}',
				serviceAdditionalFields: { serviceDurationUnit: '={{ $json.unit }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ name: 'No staff', staff: [], unit: 'mins' },
					{ name: 'Bad unit', staff: [SANDBOX_USER_ID], unit: 'hour' },
					{ name: '!!!', staff: [SANDBOX_USER_ID], unit: 'mins' },
					{ name: 'Good', staff: [SANDBOX_USER_ID], unit: 'Minutes' },
				],
			},
		);
		expect(items.map((item) => item.json.error)).toEqual([
			'Staff Names or IDs (staff) [] is empty. Pick at least one staff member (a user of the sub-account) from the list, or give user IDs separated by commas.',
			'Additional Fields > Duration Unit (serviceDurationUnit) "hour" is not an allowed value. Did you mean hours? Use one of: mins (Minutes), hours.',
			'Slug "" is empty. Set the slug, e.g. hair-styling: none can be made of this name.',
			undefined,
		]);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toMatchObject({ name: 'Good', serviceDurationUnit: 'mins' });
	});

	it('refuses a slug that cannot be part of an address, Variations and Variations (JSON) together, and unknown variation fields', async () => {
		const run = async (extra: Record<string, unknown>) =>
			(
				await runHighLevel(sandbox, {
					...resource,
					operation: 'create',
					name: 'Cut',
					staff: [SANDBOX_USER_ID],
					...extra,
				})
			).error?.message;
		expect(await run({ slug: 'hair cut' })).toBe(
			'Slug "hair cut" cannot be part of an address. Use letters, digits and dashes, e.g. "hair-cut".',
		);
		expect(
			await run({
				serviceAdditionalFields: {
					variations: { variation: [{ name: 'A' }] },
					variationsJson: '[]',
				},
			}),
		).toBe(
			'Additional Fields > Variations (JSON) (variationsJson) "[]" cannot be set together with variations. Set Variations or Variations (JSON), not both.',
		);
		expect(
			await run({ serviceAdditionalFields: { variationsJson: '[{"name":"A","duration":30}]' } }),
		).toBe(
			'Additional Fields > Variations (JSON) (variationsJson[0].duration) 30 is not a field HighLevel takes here. Use only: name, serviceDuration, serviceDurationUnit, preBuffer, preBufferUnit, postBuffer, postBufferUnit, payment.',
		);
		expect(
			await run({
				serviceAdditionalFields: {
					payment: { settings: { amount: 10, deposit: 150, depositType: 'percentage' } },
				},
			}),
		).toBe(
			'Additional Fields > Payment (payment.deposit) 150 is more than 100 percent. A percentage deposit is at most 100.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('names the write scope a token lacks, and HighLevel refusing a taken slug', async () => {
		const fields = { ...resource, operation: 'create', name: 'Haircut', staff: [SANDBOX_USER_ID] };
		const denied = await runHighLevel(sandbox, fields, {
			credentials: sandboxCredentials(sandbox, { accessToken: NO_WRITE_TOKEN }),
		});
		expect(sandbox.requests[0].status).toBe(401);
		expect(denied.error?.message).toBe('The access token is missing the scope calendars.write');
		const taken = await runHighLevel(sandbox, fields);
		expect(sandbox.requests[1].status).toBe(400);
		expect(taken.error?.message).toContain('Slug "haircut" is already used');
	});
});

describe('Service: Get', () => {
	it('gets a service by id, unwrapped from { service }', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			serviceId: byId(SANDBOX_SERVICE_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: `${CATALOG}/${SANDBOX_SERVICE_ID}`,
			query: {},
			status: 200,
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([
			(sandbox.requests[0].response as { service: unknown }).service,
		]);
		expect(items[0].json).toMatchObject({ id: SANDBOX_SERVICE_ID, name: 'Haircut' });
	});

	it('encodes the id as one path segment and names an unknown one', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			serviceId: byId('a/b'),
		});
		expect(sandbox.requests[0].path).toBe(`${CATALOG}/a%2Fb`);
		expect(error?.message).toBe('HighLevel found no service with serviceId "a/b" (404)');
	});

	it('keeps fields the node does not know', async () => {
		const seeded = sandbox.store.services.get(SANDBOX_SERVICE_ID)!;
		sandbox.store.services.set(SANDBOX_SERVICE_ID, { ...seeded, status: 'archived_new' });
		sandbox.options.responseStyle = 'live';
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			serviceId: byId(SANDBOX_SERVICE_ID),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe('archived_new');
	});
});

describe('Service: Get Many', () => {
	it('lists the services of the credential location, filtered, with Version v3', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			returnAll: true,
			serviceFilters: { isPrivate: true },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: CATALOG,
			query: { locationId: SANDBOX_LOCATION_ID, isPrivate: 'true' },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json.id)).toEqual([SANDBOX_SERVICE_2_ID]);
	});

	it('Limit cuts the whole list; Simplify keeps the fields a booking needs', async () => {
		addServices(60);
		const { items } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			limit: 3,
			simplify: true,
			serviceFilters: { serviceCategoryId: SANDBOX_DEFAULT_SERVICE_CATEGORY_ID },
		});
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].query).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			serviceCategoryId: SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				id: SANDBOX_SERVICE_ID,
				name: 'Haircut',
				slug: 'haircut',
				serviceCategoryId: SANDBOX_DEFAULT_SERVICE_CATEGORY_ID,
				serviceDuration: 45,
				serviceDurationUnit: 'mins',
				payment: { amount: 40 },
				isPrivate: false,
				staff: [{ id: SANDBOX_USER_ID }],
			},
			expect.objectContaining({ id: 'svc_000' }),
			expect.objectContaining({ id: 'svc_001' }),
		]);
		expect(items[1].json.variations).toBeUndefined();
	});

	it('as a tool, Simplify is on and a long list is trimmed with a note', async () => {
		addServices(40);
		const { calls } = await runHighLevelAsTool(
			sandbox,
			{ ...resource, operation: 'getAll', returnAll: true },
			[{}],
		);
		expect(calls[0].error).toBeUndefined();
		const output = calls[0].response as Array<Record<string, unknown>>;
		expect(output).toHaveLength(31);
		expect(output[0]).not.toHaveProperty('variations');
		expect(output[30]).toMatchObject({ moreItems: 12 });
	});

	it('refuses a Limit no list can have and a filter that is no boolean before any request', async () => {
		const limit = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			limit: '={{ "ten" }}',
		});
		expect(limit.error?.message).toBe(
			'Limit "ten" is not a number of services. Use a whole number of 1 or more, or turn on Return All.',
		);
		const filter = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			serviceFilters: { isPrivate: '={{ "yes" }}' },
		});
		expect(filter.error?.message).toBe(
			'Filters > Private (isPrivate) "yes" is not a boolean. Use true or false.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Service: Update', () => {
	it('sends only the fields set and outputs the updated service', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'update',
			serviceId: byId(SANDBOX_SERVICE_ID),
			serviceUpdateFields: {
				name: 'Haircut & Style',
				staff: [SANDBOX_USER_2_ID],
				preBuffer: 10,
				preBufferUnit: 'mins',
				variations: {
					variation: [
						{
							id: SANDBOX_SERVICE_VARIATION_ID,
							name: 'Short hair',
							serviceDuration: 30,
							serviceDurationUnit: 'mins',
							amount: 32,
						},
						{
							id: '',
							name: 'Long hair',
							serviceDuration: 1,
							serviceDurationUnit: 'hours',
							amount: 50,
							deposit: 10,
							depositType: 'Percentage',
						},
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'PUT',
			path: `${CATALOG}/${SANDBOX_SERVICE_ID}`,
			status: 200,
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(sandbox.requests[0].body).toEqual({
			name: 'Haircut & Style',
			staff: [{ id: SANDBOX_USER_2_ID }],
			preBuffer: 10,
			preBufferUnit: 'mins',
			variations: [
				{
					id: SANDBOX_SERVICE_VARIATION_ID,
					name: 'Short hair',
					serviceDuration: 30,
					serviceDurationUnit: 'mins',
					payment: { amount: 32 },
					...NO_BUFFERS,
				},
				{
					name: 'Long hair',
					serviceDuration: 1,
					serviceDurationUnit: 'hours',
					payment: { amount: 50, deposit: 10, depositType: 'percentage' },
					...NO_BUFFERS,
				},
			],
		});
		expect(items.map((item) => item.json)).toEqual([
			(sandbox.requests[0].response as { service: unknown }).service,
		]);
		expect(items[0].json).toMatchObject({ name: 'Haircut & Style', slug: 'haircut' });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'service', id: SANDBOX_SERVICE_ID }),
		]);
	});

	it('Variations (JSON) [] removes every variation', async () => {
		const { items } = await runHighLevel(sandbox, {
			...resource,
			operation: 'update',
			serviceId: byId(SANDBOX_SERVICE_ID),
			serviceUpdateFields: { variationsJson: '[]' },
		});
		expect(sandbox.requests[0].body).toEqual({ variations: [] });
		expect(items[0].json.variations).toEqual([]);
	});

	it('refuses no field, empty staff and an unknown unit before any request', async () => {
		const run = async (serviceUpdateFields: INodeParameters) =>
			(
				await runHighLevel(sandbox, {
					...resource,
					operation: 'update',
					serviceId: byId(SANDBOX_SERVICE_ID),
					serviceUpdateFields,
				})
			).error?.message;
		expect(await run({})).toBe(
			'Update Fields (serviceUpdateFields) (not set) is empty. Add at least one field to Update Fields.',
		);
		expect(await run({ staff: '={{ [] }}' })).toBe(
			'Update Fields > Staff Names or IDs (staff) [] is empty. Pick at least one staff member (a user of the sub-account) from the list, or give user IDs separated by commas.',
		);
		expect(await run({ postBufferUnit: '={{ "minute" }}' })).toBe(
			'Update Fields > Post-Buffer Unit (postBufferUnit) "minute" is not an allowed value. Use one of: mins (Minutes), hours.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Service: Delete', () => {
	it('deletes by id and outputs what was deleted', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'delete',
			serviceId: byId(SANDBOX_SERVICE_2_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `${CATALOG}/${SANDBOX_SERVICE_2_ID}`,
			status: 200,
			response: { success: true, message: 'Service deleted successfully' },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual([{ id: SANDBOX_SERVICE_2_ID, deleted: true }]);
		expect(sandbox.store.services.has(SANDBOX_SERVICE_2_ID)).toBe(false);
	});

	it('names the write scope a token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...resource, operation: 'delete', serviceId: byId(SANDBOX_SERVICE_ID) },
			{ credentials: sandboxCredentials(sandbox, { accessToken: NO_WRITE_TOKEN }) },
		);
		expect(error?.message).toBe('The access token is missing the scope calendars.write');
		expect(sandbox.store.services.has(SANDBOX_SERVICE_ID)).toBe(true);
	});
});

describe('Service: pickers', () => {
	const search = (method: string, filter?: string) =>
		runListSearch({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method,
			parameters: resource as never,
			filter,
		});

	it('lists the services by name, a private one marked, searchable by name or slug', async () => {
		expect(await search('searchServices')).toEqual({
			results: [
				{ name: 'Colour (private)', value: SANDBOX_SERVICE_2_ID },
				{ name: 'Haircut', value: SANDBOX_SERVICE_ID },
			],
		});
		expect(sandbox.requests[0]).toMatchObject({
			path: CATALOG,
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect((await search('searchServices', 'HAIR')).results).toEqual([
			{ name: 'Haircut', value: SANDBOX_SERVICE_ID },
		]);
	});

	it('offers the users for Staff', async () => {
		const nodeType = new HighLevelCalendar();
		(nodeType.methods.listSearch as Record<string, unknown>).getUserOptions =
			nodeType.methods.loadOptions.getUserOptions;
		const options = (await runListSearch({
			nodeType,
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method: 'getUserOptions',
		})) as unknown as Array<{ value: string }>;
		expect(options.map((option) => option.value)).toEqual(
			expect.arrayContaining([SANDBOX_USER_ID, SANDBOX_USER_2_ID]),
		);
		expect(sandbox.requests[0]).toMatchObject({ path: '/users/' });
	});
});
