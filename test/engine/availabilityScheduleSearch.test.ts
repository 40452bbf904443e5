// Availability Schedule: Search, through n8n's engine against the sandbox (paging with Return All
// and Limit, the query, scopes), and the schedule picker. The other operations are in
// availabilitySchedule.test.ts.
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_SCHEDULE_2_ID,
	SANDBOX_SCHEDULE_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import {
	asToken,
	NO_CALENDAR_SCOPES_TOKEN,
	resource,
	sent,
	useScheduleSandbox,
} from './scheduleTesting';
import { byId, sandbox } from './testing';

useScheduleSandbox();

const seeded = () => structuredClone(sandbox.store.schedules.get(SANDBOX_SCHEDULE_ID)!);

describe('Availability Schedule: Search', () => {
	it("asks for the user's schedules, one page of Limit, and outputs one item per schedule", async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'search',
			userId: byId(SANDBOX_USER_ID),
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual({
			method: 'GET',
			path: '/calendars/schedules/search',
			query: { userId: SANDBOX_USER_ID, locationId: SANDBOX_LOCATION_ID, limit: '50', skip: '0' },
			body: undefined,
		});
		expect(sandbox.requests[0].headers.version).toBe('v3');
		expect(items.map((item) => item.json)).toEqual(
			(sandbox.requests[0].response as { schedules: unknown[] }).schedules,
		);
		expect(items[0].json).toMatchObject({ id: SANDBOX_SCHEDULE_ID, name: 'Business Hours' });
	});

	it('sends the Calendar filter and answers no items when none match', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource,
			operation: 'search',
			userId: byId(SANDBOX_USER_ID),
			returnAll: true,
			availabilityScheduleFilters: { calendarId: byId(SANDBOX_CALENDAR_2_ID) },
		});
		expect(error).toBeUndefined();
		expect(sent().query).toEqual({
			userId: SANDBOX_USER_ID,
			calendarId: SANDBOX_CALENDAR_2_ID,
			locationId: SANDBOX_LOCATION_ID,
			limit: '500',
			skip: '0',
		});
		expect(items).toEqual([]);
	});

	describe('paging through 1,101 schedules', () => {
		beforeEach(() => {
			for (let i = 1; i <= 1100; i++) {
				const id = `sch_page_${String(i).padStart(4, '0')}`;
				sandbox.store.schedules.set(id, { ...seeded(), id, name: `Page ${i}` });
			}
		});
		const pages = () =>
			sandbox.requests.map((request) => [request.query.skip, request.query.limit]);

		it('Return All: pages of 500 (the most the search gives) until a short page', async () => {
			const { items, error } = await runHighLevel(sandbox, {
				resource,
				operation: 'search',
				userId: byId(SANDBOX_USER_ID),
				returnAll: true,
			});
			expect(error).toBeUndefined();
			expect(pages()).toEqual([
				['0', '500'],
				['500', '500'],
				['1000', '500'],
			]);
			expect(items).toHaveLength(1101);
			expect(new Set(items.map((item) => item.json.id)).size).toBe(1101);
			expect(items[1100].json.name).toBe('Page 1100');
		});

		it('Limit: the last page asks only for what is still wanted', async () => {
			const { items } = await runHighLevel(sandbox, {
				resource,
				operation: 'search',
				userId: byId(SANDBOX_USER_ID),
				returnAll: false,
				limit: 700,
			});
			expect(pages()).toEqual([
				['0', '500'],
				['500', '200'],
			]);
			expect(items).toHaveLength(700);
			expect(items[699].json.name).toBe('Page 699');
		});
	});

	it('refuses a missing user before any request, and names a missing scope', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ resource, operation: 'search', userId: byId('={{ $json.user }}') },
			{ items: [{ user: ' ' }] },
		);
		expect(sandbox.requests).toEqual([]);
		expect(error?.message).toBe('User (userId) " " is empty. Set it: it is required.');
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');

		const denied = await runHighLevel(
			sandbox,
			{ resource, operation: 'search', userId: byId(SANDBOX_USER_ID) },
			asToken(NO_CALENDAR_SCOPES_TOKEN),
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(denied.error?.message).toBe('The access token is missing the scope calendars.readonly');
	});
});

describe('the schedule picker', () => {
	const listSearch = (filter?: string, parameters = {}) =>
		runListSearch({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method: 'searchAvailabilitySchedules',
			parameters,
			filter,
		});

	it("lists every user's schedules, labelled with the user, and filters them", async () => {
		const { results } = await listSearch(undefined, { resource, operation: 'get' });
		expect(results).toEqual([
			{
				name: 'Business Hours (Sam Sandbox (sam.sandbox@example.com))',
				value: SANDBOX_SCHEDULE_ID,
			},
			{
				name: 'Evening Shift (Riley Reyes (riley.reyes@example.com))',
				value: SANDBOX_SCHEDULE_2_ID,
			},
		]);
		expect(sandbox.requests[0]).toMatchObject({
			path: '/users/',
			query: { locationId: SANDBOX_LOCATION_ID },
		});
		// One search per user of the sub-account (three), each the most a page holds.
		const searches = sandbox.requests.filter((r) => r.path === '/calendars/schedules/search');
		expect(searches.map((r) => r.query.userId).sort()).toEqual(
			[SANDBOX_USER_ID, SANDBOX_USER_2_ID, 'usr_sandbox_003'].sort(),
		);
		expect(searches[0].query).toMatchObject({
			locationId: SANDBOX_LOCATION_ID,
			limit: '500',
			skip: '0',
		});

		expect((await listSearch('riley')).results.map((r) => r.value)).toEqual([
			SANDBOX_SCHEDULE_2_ID,
		]);
	});
});
