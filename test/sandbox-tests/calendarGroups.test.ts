// The HighLevel sandbox itself, over real HTTP: calendar groups.
import {
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_CALENDAR_ID,
	SANDBOX_GROUP_2_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	call,
	conforms,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

const GROUPS = '/calendars/groups';
const newGroup = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	name: 'Sales Team',
	description: 'Discovery calls',
	slug: 'sales-team',
	...extra,
});

describe('calendar groups', () => {
	test("list: the location's groups, conforming to AllGroupsSuccessfulResponseDTO", async () => {
		const res = await call('GET', `${GROUPS}?locationId=${SANDBOX_LOCATION_ID}`);
		expect(res.status).toBe(200);
		expect(res.body.groups.map((g: { id: string }) => g.id)).toEqual([
			SANDBOX_GROUP_ID,
			SANDBOX_GROUP_2_ID,
		]);
		expect(res.body.groups[0]).toEqual({
			id: SANDBOX_GROUP_ID,
			locationId: SANDBOX_LOCATION_ID,
			name: 'Sandbox Team',
			description: 'Consultations and follow-ups',
			slug: 'sandbox-team',
			isActive: true,
		});
		conforms('calendars', 'AllGroupsSuccessfulResponseDTO', res.body);
		expect(await call('GET', GROUPS)).toEqual(unprocessable(['locationId should not be empty']));
		expect((await call('GET', `${GROUPS}?locationId=loc_other`)).status).toBe(403);
		expect(
			(
				await call('GET', `${GROUPS}?locationId=${SANDBOX_LOCATION_ID}`, undefined, {
					token: READONLY_TOKEN,
				})
			).status,
		).toBe(401);
	});

	test('create: 201 {group}, enabled unless isActive says otherwise; recorded as a write', async () => {
		const res = await call('POST', GROUPS, newGroup());
		expect(res.status).toBe(201);
		conforms('calendars', 'GroupCreateSuccessfulResponseDTO', res.body);
		const { id } = res.body.group;
		expect(res.body.group).toEqual({ id, ...newGroup(), isActive: true });
		expect(sandbox.store.groups.get(id)).toMatchObject({ slug: 'sales-team', isActive: true });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'POST', path: GROUPS, kind: 'calendarGroup', id }),
		]);
		const off = await call('POST', GROUPS, newGroup({ slug: 'sales-2', isActive: false }));
		expect(off.body.group.isActive).toBe(false);
	});

	test('create: the spec requires name, description and slug; blank name or slug 422; a taken slug 400', async () => {
		expect(await call('POST', GROUPS, { locationId: SANDBOX_LOCATION_ID })).toEqual(
			unprocessable([
				'name should not be empty',
				'description should not be empty',
				'slug should not be empty',
			]),
		);
		expect(await call('POST', GROUPS, newGroup({ name: ' ', slug: '' }))).toEqual(
			unprocessable(['name should not be empty', 'slug should not be empty']),
		);
		expect(await call('POST', GROUPS, newGroup({ slug: 'sandbox-team' }))).toEqual({
			status: 400,
			body: {
				statusCode: 400,
				message: 'Slug "sandbox-team" is already used by another group of this location',
			},
		});
		expect((await call('POST', GROUPS, newGroup({ color: 'red' }))).status).toBe(422);
		expect((await call('POST', GROUPS, newGroup(), { token: OTHER_LOCATION_TOKEN })).status).toBe(
			403,
		);
		expect(sandbox.stats.applied).toEqual([]);
	});

	test('update: replaces name, description and slug (all three required); its own slug is kept', async () => {
		const url = `${GROUPS}/${SANDBOX_GROUP_ID}`;
		const res = await call('PUT', url, {
			name: 'Renamed',
			description: '',
			slug: 'sandbox-team',
		});
		expect(res.status).toBe(200);
		conforms('calendars', 'GroupCreateSuccessfulResponseDTO', res.body);
		expect(res.body.group).toMatchObject({
			name: 'Renamed',
			description: '',
			slug: 'sandbox-team',
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'PUT', kind: 'calendarGroup', id: SANDBOX_GROUP_ID }),
		]);
		expect(await call('PUT', url, { name: 'x' })).toEqual(
			unprocessable(['description should not be empty', 'slug should not be empty']),
		);
		expect(
			(await call('PUT', url, { name: 'x', description: '', slug: 'sandbox-hygiene' })).status,
		).toBe(400);
		expect(
			await call('PUT', `${GROUPS}/grp_missing`, { name: 'x', description: '', slug: 'y' }),
		).toEqual({ status: 404, body: { statusCode: 404, message: 'Group not found' } });
	});

	test('status: isActive required; disables and enables', async () => {
		const url = `${GROUPS}/${SANDBOX_GROUP_ID}/status`;
		expect(await call('PUT', url, { isActive: false })).toEqual({
			status: 200,
			body: { success: true },
		});
		expect(sandbox.store.groups.get(SANDBOX_GROUP_ID)!.isActive).toBe(false);
		await call('PUT', url, { isActive: true });
		expect(sandbox.store.groups.get(SANDBOX_GROUP_ID)!.isActive).toBe(true);
		expect(await call('PUT', url, {})).toEqual(unprocessable(['isActive should not be empty']));
		expect(await call('PUT', url, { isActive: 'no' })).toEqual(
			unprocessable(['isActive must be a boolean value']),
		);
		expect(sandbox.stats.applied.map((w) => [w.method, w.kind, w.id])).toEqual([
			['PUT', 'calendarGroup', SANDBOX_GROUP_ID],
			['PUT', 'calendarGroup', SANDBOX_GROUP_ID],
		]);
	});

	test('delete: 200 {success}; its calendars stay, ungrouped; unknown 404', async () => {
		const url = `${GROUPS}/${SANDBOX_GROUP_ID}`;
		expect(await call('DELETE', url)).toEqual({ status: 200, body: { success: true } });
		expect(sandbox.store.groups.has(SANDBOX_GROUP_ID)).toBe(false);
		expect(sandbox.store.calendars.get(SANDBOX_CALENDAR_ID)!.groupId).toBeUndefined();
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'DELETE', kind: 'calendarGroup', id: SANDBOX_GROUP_ID }),
		]);
		expect((await call('DELETE', url)).status).toBe(404);
	});

	test('validate slug: available unless a group of the location has it; changes nothing', async () => {
		const validate = (slug: string, token?: string) =>
			call('POST', `${GROUPS}/validate-slug`, { locationId: SANDBOX_LOCATION_ID, slug }, { token });
		expect(await validate('sandbox-team')).toEqual({ status: 200, body: { available: false } });
		const free = await validate('brand-new');
		expect(free).toEqual({ status: 200, body: { available: true } });
		conforms('calendars', 'ValidateGroupSlugSuccessResponseDTO', free.body);
		expect((await validate('x', READONLY_TOKEN)).status).toBe(401);
		expect(sandbox.stats.applied).toEqual([]);
	});
});
