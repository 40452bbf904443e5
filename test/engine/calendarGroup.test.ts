// Calendar Group: every operation through n8n's engine against the sandbox, and the group picker.
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	ALL_SCOPES,
	SANDBOX_GROUP_2_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
} from '../sandbox';
import { byId, DAY_END, DAY_START, sandbox, useSandbox } from './testing';

const NO_GROUP_SCOPES_TOKEN = 'pit-no-group-scopes-1234';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[NO_GROUP_SCOPES_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ALL_SCOPES.filter((scope) => !scope.startsWith('calendars/groups')),
		},
	},
});

const group = { resource: 'calendarGroup' };
const withoutGroupScopes = () =>
	sandboxCredentials(sandbox, { accessToken: NO_GROUP_SCOPES_TOKEN });
const seededGroup = {
	id: SANDBOX_GROUP_ID,
	locationId: SANDBOX_LOCATION_ID,
	name: 'Sandbox Team',
	description: 'Consultations and follow-ups',
	slug: 'sandbox-team',
	isActive: true,
};

describe('Calendar Group: Get Many', () => {
	it("lists the credential's groups, all of them or up to Limit (HighLevel answers the whole list)", async () => {
		const all = await runHighLevel(sandbox, { ...group, operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/groups',
			query: { locationId: SANDBOX_LOCATION_ID },
			status: 200,
			body: undefined,
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(all.items.map((item) => item.json)).toEqual([
			seededGroup,
			expect.objectContaining({ id: SANDBOX_GROUP_2_ID, name: 'Sandbox Hygiene' }),
		]);

		sandbox.resetStats();
		const one = await runHighLevel(sandbox, { ...group, operation: 'getAll', limit: 1 });
		expect(sandbox.requests).toHaveLength(1);
		expect(one.items.map((item) => item.json)).toEqual([seededGroup]);
	});

	it('names the scope a token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...group, operation: 'getAll' },
			{ credentials: withoutGroupScopes() },
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars/groups.readonly');
	});
});

describe('Calendar Group: Create', () => {
	it("sends GroupCreateDTO in the credential's sub-account and outputs the new group", async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...group,
			operation: 'create',
			name: 'Sales Team',
			description: 'Discovery calls',
			slug: ' sales-team ',
			calendarGroupAdditionalFields: { isActive: false },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/calendars/groups', query: {} });
		expect(request.status).toBe(201);
		expect(request.body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			name: 'Sales Team',
			description: 'Discovery calls',
			slug: 'sales-team',
			isActive: false,
		});
		const created = (request.response as { group: { id: string } }).group;
		expect(items.map((item) => item.json)).toEqual([created]);
		expect(created).toMatchObject({ name: 'Sales Team', slug: 'sales-team', isActive: false });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'calendarGroup', method: 'POST', id: created.id }),
		]);
	});

	it('sends an empty description when none is given (the spec requires the field)', async () => {
		await runHighLevel(sandbox, { ...group, operation: 'create', name: 'Hygiene 2', slug: 'h2' });
		expect(sandbox.requests[0].body).toEqual({
			locationId: SANDBOX_LOCATION_ID,
			name: 'Hygiene 2',
			description: '',
			slug: 'h2',
		});
	});

	it('refuses a slug that cannot be part of an address before any request, and with Continue On Fail creates the rest', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{ ...group, operation: 'create', name: '={{ $json.name }}', slug: '={{ $json.slug }}' },
			{
				items: [
					{ name: 'Sales Team', slug: 'Sales Team' },
					{ name: 'Support', slug: 'support' },
				],
				continueOnFail: true,
			},
		);
		expect(items[0].error?.message).toBe(
			'Slug "Sales Team" cannot be part of an address. Use letters, digits and dashes, e.g. "sales-team".',
		);
		expect(items[0].error?.description).toBe('Nothing was sent to HighLevel for this item.');
		expect(items[1].json).toMatchObject({ name: 'Support', slug: 'support' });
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toMatchObject({ slug: 'support' });
	});

	it('explains a slug another group has (HighLevel answers 400)', async () => {
		const { error } = await runHighLevel(sandbox, {
			...group,
			operation: 'create',
			name: 'Team',
			slug: 'sandbox-team',
		});
		expect(sandbox.requests[0].status).toBe(400);
		expect(error?.message).toBe(
			'HighLevel rejected the request (400): Slug "sandbox-team" is already used by another group of this location',
		);
	});
});

describe('Calendar Group: Update', () => {
	it('sends name, description and slug (GroupUpdateDTO requires all three) and outputs the group', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...group,
			operation: 'update',
			groupId: { __rl: true, mode: 'list', value: SANDBOX_GROUP_ID },
			name: 'Front Desk',
			description: '',
			slug: 'front-desk',
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({
			method: 'PUT',
			path: `/calendars/groups/${SANDBOX_GROUP_ID}`,
			query: {},
			status: 200,
		});
		expect(request.body).toEqual({ name: 'Front Desk', description: '', slug: 'front-desk' });
		expect(items.map((item) => item.json)).toEqual([
			{ ...seededGroup, name: 'Front Desk', description: '', slug: 'front-desk' },
		]);
	});

	it('takes a plain group id string, as workflows saved when groupId was a text field store it', async () => {
		const { error } = await runHighLevel(sandbox, {
			...group,
			operation: 'update',
			groupId: SANDBOX_GROUP_2_ID,
			name: 'Hygiene',
			slug: 'hygiene',
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe(`/calendars/groups/${SANDBOX_GROUP_2_ID}`);
	});

	it('encodes the id as one path segment and names the group HighLevel does not know', async () => {
		const { error } = await runHighLevel(sandbox, {
			...group,
			operation: 'update',
			groupId: byId('grp/../x'),
			name: 'x',
			slug: 'x',
		});
		expect(sandbox.requests[0].path).toBe('/calendars/groups/grp%2F..%2Fx');
		expect(error?.message).toBe('HighLevel found no calendar group with groupId "grp/../x" (404)');
	});

	it('refuses an empty name from an expression before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...group,
			operation: 'update',
			groupId: byId(SANDBOX_GROUP_ID),
			name: '={{ "  " }}',
			slug: 'x',
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe('Name "  " is empty. Set the name of the group, e.g. Sales Team.');
	});

	it('names the write scope a token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...group, operation: 'update', groupId: byId(SANDBOX_GROUP_ID), name: 'x', slug: 'x' },
			{ credentials: withoutGroupScopes() },
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars/groups.write');
	});
});

describe('Calendar Group: Delete', () => {
	it('deletes the group and outputs { id, deleted: true }', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...group,
			operation: 'delete',
			groupId: byId(SANDBOX_GROUP_2_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `/calendars/groups/${SANDBOX_GROUP_2_ID}`,
			query: {},
			body: undefined,
			status: 200,
			response: { success: true },
		});
		expect(items.map((item) => item.json)).toEqual([{ id: SANDBOX_GROUP_2_ID, deleted: true }]);
		expect(sandbox.store.groups.has(SANDBOX_GROUP_2_ID)).toBe(false);
	});

	it('refuses an empty group id before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...group,
			operation: 'delete',
			groupId: byId(' '),
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain('Calendar Group (groupId) " " is empty.');
	});
});

describe('Calendar Group: Enable or Disable', () => {
	it('sends isActive and outputs the group id with its new state', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...group,
			operation: 'setStatus',
			groupId: byId(SANDBOX_GROUP_ID),
			isActive: false,
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'PUT',
			path: `/calendars/groups/${SANDBOX_GROUP_ID}/status`,
			body: { isActive: false },
			status: 200,
		});
		expect(items.map((item) => item.json)).toEqual([
			{ id: SANDBOX_GROUP_ID, isActive: false, success: true },
		]);
		expect(sandbox.store.groups.get(SANDBOX_GROUP_ID)!.isActive).toBe(false);
	});

	it('reads "true" from an expression as true, and refuses anything else before any request', async () => {
		const on = await runHighLevel(sandbox, {
			...group,
			operation: 'setStatus',
			groupId: byId(SANDBOX_GROUP_ID),
			isActive: '={{ "true" }}',
		});
		expect(sandbox.requests[0].body).toEqual({ isActive: true });
		expect(on.items[0].json).toEqual({ id: SANDBOX_GROUP_ID, isActive: true, success: true });

		sandbox.resetStats();
		const { error } = await runHighLevel(sandbox, {
			...group,
			operation: 'setStatus',
			groupId: byId(SANDBOX_GROUP_ID),
			isActive: '={{ "maybe" }}',
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe('Active (isActive) "maybe" is not a boolean. Use true or false.');
	});
});

describe('Calendar Group: Validate Slug', () => {
	it.each([
		['taken', 'sandbox-team', false],
		['free', 'brand-new', true],
	])('outputs whether a %s slug is available', async (_what, slug, available) => {
		const { items, error } = await runHighLevel(sandbox, {
			...group,
			operation: 'validateSlug',
			slug,
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'POST',
			path: '/calendars/groups/validate-slug',
			body: { locationId: SANDBOX_LOCATION_ID, slug },
			status: 200,
		});
		expect(items.map((item) => item.json)).toEqual([{ slug, available }]);
		expect(sandbox.stats.applied).toEqual([]);
	});
});

describe('the group picker and the one groupId property', () => {
	const listSearch = (filter?: string) =>
		runListSearch({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method: 'searchCalendarGroups',
			filter,
		});

	it('lists the groups by name, filtered by name or slug, a disabled one marked', async () => {
		sandbox.store.groups.get(SANDBOX_GROUP_2_ID)!.isActive = false;
		expect(await listSearch()).toEqual({
			results: [
				{ name: 'Sandbox Hygiene (disabled)', value: SANDBOX_GROUP_2_ID },
				{ name: 'Sandbox Team', value: SANDBOX_GROUP_ID },
			],
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/groups',
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect((await listSearch('sandbox-team')).results).toEqual([
			{ name: 'Sandbox Team', value: SANDBOX_GROUP_ID },
		]);
	});

	it('Appointment Get Many by group takes the picker, and the plain id older workflows saved', async () => {
		const window = { startTime: DAY_START, endTime: DAY_END, returnAll: true };
		for (const groupId of [byId(SANDBOX_GROUP_ID), SANDBOX_GROUP_ID]) {
			sandbox.resetStats();
			const { items, error } = await runHighLevel(sandbox, {
				resource: 'appointment',
				operation: 'getAll',
				filterBy: 'group',
				groupId,
				...window,
			});
			expect(error).toBeUndefined();
			expect(sandbox.requests[0].query).toMatchObject({ groupId: SANDBOX_GROUP_ID });
			expect(items).toHaveLength(1);
		}
	});
});
