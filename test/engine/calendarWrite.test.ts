// Calendar: Create, Update and Delete, in n8n's engine against the sandbox.
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { runChain } from './harness/harness';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	ALL_SCOPES,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_3_ID,
} from '../sandbox';
import { byId, sandbox, useSandbox } from './testing';

const READ_ONLY_TOKEN = 'pit-calendars-read-only-4242';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[READ_ONLY_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ['calendars.readonly'] },
	},
});

const create = { resource: 'calendar', operation: 'create', name: 'Sales Team' };
const update = { resource: 'calendar', operation: 'update', calendarId: byId(SANDBOX_CALENDAR_ID) };
const nineToFive = { openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 };
/** A token of the location without calendars.write (read when the test runs: the sandbox is started by then). */
const readOnly = () => ({
	credentials: sandboxCredentials(sandbox, { accessToken: READ_ONLY_TOKEN }),
});

describe('Calendar: Create', () => {
	it('sends the fields as the API takes them and outputs the created calendar', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...create,
			calendarAdditionalFields: {
				calendarType: 'round_robin',
				eventType: 'RoundRobin_OptimizeForEqualDistribution',
				groupId: byId(SANDBOX_GROUP_ID),
				slotDuration: 45,
				slotDurationUnit: 'mins',
				autoConfirm: false,
				openHours: {
					period: [
						{ daysOfTheWeek: [1, 2, 3, 4, 5], openTime: '09:00', closeTime: '12:00' },
						{ daysOfTheWeek: [1, 2, 3, 4, 5], openTime: '13:00', closeTime: '17:00' },
					],
				},
				teamMembers: {
					member: [
						{
							userId: { __rl: true, mode: 'list', value: SANDBOX_USER_2_ID },
							priority: 1,
							isPrimary: true,
							kind: 'physical',
							location: '1 Main St',
						},
						{ userId: byId(SANDBOX_USER_3_ID), priority: 0.5, isPrimary: false, kind: '' },
					],
				},
				locationConfigurations: { location: [{ kind: 'inbound_call', location: '' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: '/calendars/', query: {}, status: 200 });
		expect(request.body).toEqual({
			name: 'Sales Team',
			locationId: SANDBOX_LOCATION_ID,
			calendarType: 'round_robin',
			eventType: 'RoundRobin_OptimizeForEqualDistribution',
			groupId: SANDBOX_GROUP_ID,
			slotDuration: 45,
			slotDurationUnit: 'mins',
			autoConfirm: false,
			openHours: [
				{
					daysOfTheWeek: [1, 2, 3, 4, 5],
					hours: [
						{ openHour: 9, openMinute: 0, closeHour: 12, closeMinute: 0 },
						{ openHour: 13, openMinute: 0, closeHour: 17, closeMinute: 0 },
					],
				},
			],
			teamMembers: [
				{
					userId: SANDBOX_USER_2_ID,
					priority: 1,
					isPrimary: true,
					locationConfigurations: [{ kind: 'physical', location: '1 Main St' }],
				},
				{ userId: SANDBOX_USER_3_ID, priority: 0.5, isPrimary: false },
			],
			locationConfigurations: [{ kind: 'inbound_call' }],
		});
		const { calendar } = request.response as { calendar: { id: string } };
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(calendar);
		expect(items[0].json).toMatchObject({ name: 'Sales Team', locationId: SANDBOX_LOCATION_ID });
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'calendar', id: calendar.id }),
		]);
	});

	it('takes the lists as JSON, typed or from an expression', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{
				...create,
				calendarAdditionalFields: {
					calendarType: 'personal',
					openHoursJson: JSON.stringify([{ daysOfTheWeek: [1, 3], hours: [nineToFive] }]),
					teamMembersJson: '={{ $json.members }}',
				},
			},
			{ items: [{ members: [{ userId: SANDBOX_USER_2_ID, isPrimary: true }] }] },
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			name: 'Sales Team',
			locationId: SANDBOX_LOCATION_ID,
			calendarType: 'personal',
			openHours: [{ daysOfTheWeek: [1, 3], hours: [nineToFive] }],
			teamMembers: [{ userId: SANDBOX_USER_2_ID, isPrimary: true }],
		});
	});

	it('sends recurring and look busy from their fields, notifications from JSON, as the spec objects', async () => {
		const notification = {
			shouldSendToContact: true,
			shouldSendToGuest: false,
			shouldSendToUser: true,
			shouldSendToSelectedUsers: false,
			selectedUsers: '',
		};
		const { items, error } = await runHighLevel(sandbox, {
			...create,
			calendarAdditionalFields: {
				calendarType: 'personal',
				enableRecurring: true,
				teamMembers: { member: [{ userId: byId(SANDBOX_USER_2_ID) }] },
				recurring: { settings: { freq: 'DAILY', count: 10 } },
				lookBusyConfig: { settings: { LookBusyPercentage: 30 } },
				notificationsJson: JSON.stringify([notification]),
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			name: 'Sales Team',
			locationId: SANDBOX_LOCATION_ID,
			calendarType: 'personal',
			enableRecurring: true,
			// n8n fills a fixedCollection entry's values the user left at their defaults.
			teamMembers: [{ userId: SANDBOX_USER_2_ID, priority: 0.5, isPrimary: false }],
			recurring: {
				freq: 'DAILY',
				count: 10,
				bookingOption: 'skip',
				bookingOverlapDefaultStatus: 'confirmed',
			},
			lookBusyConfig: { enabled: true, LookBusyPercentage: 30 },
			notifications: [notification],
		});
		expect(items[0].json).toMatchObject({
			recurring: { freq: 'DAILY', count: 10 },
			lookBusyConfig: { enabled: true, LookBusyPercentage: 30 },
		});
	});

	it.each([
		[
			'an enum from an expression that is none of the spec values',
			{ calendarType: '={{ "team" }}' },
			'Additional Fields > Calendar Type (calendarType) "team" is not an allowed value. Use one of: round_robin, event, class_booking, collective, service_booking, personal.',
		],
		[
			'JSON that does not parse',
			{ openHoursJson: '[{"daysOfTheWeek": [1]' },
			'Additional Fields > Open Hours (JSON) (openHoursJson) "[{\\"daysOfTheWeek\\": [1]" is not valid JSON. Give JSON such as',
		],
		[
			'JSON with a field HighLevel refuses',
			{ teamMembersJson: '[{"userId":"u1","weight":2}]' },
			'Additional Fields > Team Members (JSON) (teamMembersJson[0].weight) 2 is not a field HighLevel accepts',
		],
		[
			'the fields and the JSON of one list',
			{
				openHours: { period: [{ daysOfTheWeek: [1], openTime: '09:00', closeTime: '17:00' }] },
				openHoursJson: '[]',
			},
			'Additional Fields > Open Hours (JSON) (openHoursJson) "[]" cannot be set together with openHours. Set Open Hours or Open Hours (JSON), not both.',
		],
		[
			'a time of day that is none',
			{ openHours: { period: [{ daysOfTheWeek: [1], openTime: '9am', closeTime: '17:00' }] } },
			'Additional Fields > Open Hours (openHours[0].openTime) "9am" is not a time of day',
		],
		[
			'a round robin without team members',
			{ calendarType: 'round_robin' },
			'Additional Fields > Team Members (teamMembers) (not set) is missing. A Round Robin calendar needs team members',
		],
	])('refuses %s before any request', async (_what, fields, message) => {
		const { error } = await runHighLevel(sandbox, { ...create, calendarAdditionalFields: fields });
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain(message);
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');
	});

	it('with Continue On Fail, a bad item fails alone and the others are created', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{
				...create,
				name: '={{ $json.name }}',
				calendarAdditionalFields: { slotDuration: '={{ $json.minutes }}' },
			},
			{
				continueOnFail: true,
				items: [
					{ name: 'First', minutes: 30 },
					{ name: 'Second', minutes: 'an hour' },
					{ name: 'Third', minutes: '60' },
				],
			},
		);
		expect(sandbox.requests.map((request) => (request.body as { name: string }).name)).toEqual([
			'First',
			'Third',
		]);
		expect(sandbox.requests[1].body).toMatchObject({ slotDuration: 60 });
		expect(items.map((item) => item.json.name ?? item.json.error)).toEqual([
			'First',
			'Additional Fields > Slot Duration (slotDuration) "an hour" is not a number. Use a number.',
			'Third',
		]);
	});

	it('names the scope a token without calendars.write lacks', async () => {
		const { error } = await runHighLevel(sandbox, create, readOnly());
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars.write');
	});
});

describe('Calendar: Update', () => {
	it('sends only the fields added, at the calendar path, and outputs the updated calendar', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...update,
			calendarUpdateFields: {
				name: 'Consultations',
				slotInterval: 15,
				slotIntervalUnit: '={{ "Minutes" }}',
				availabilities: {
					day: [
						{
							date: '2030-01-15T00:00:00',
							openTime: '10:00',
							closeTime: '12:00',
							id: '',
							deleted: false,
						},
					],
				},
			},
		});
		expect(error).toBeUndefined();
		const [request] = sandbox.requests;
		expect(request).toMatchObject({
			method: 'PUT',
			path: `/calendars/${SANDBOX_CALENDAR_ID}`,
			query: {},
			status: 200,
		});
		expect(request.body).toEqual({
			name: 'Consultations',
			slotInterval: 15,
			slotIntervalUnit: 'mins',
			availabilities: [
				{
					date: '2030-01-15T00:00:00.000Z',
					hours: [{ openHour: 10, openMinute: 0, closeHour: 12, closeMinute: 0 }],
				},
			],
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual((request.response as { calendar: object }).calendar);
		expect(items[0].json).toMatchObject({ id: SANDBOX_CALENDAR_ID, name: 'Consultations' });
	});

	it('encodes the calendar id as one path segment and names a calendar HighLevel does not know', async () => {
		const { error } = await runHighLevel(sandbox, {
			...update,
			calendarId: byId('cal/missing'),
			calendarUpdateFields: { name: 'x' },
		});
		expect(sandbox.requests[0].path).toBe('/calendars/cal%2Fmissing');
		expect(error?.message).toBe('HighLevel found no calendar with calendarId "cal/missing" (404)');
	});

	it('refuses an update without fields, and a bad value, before any request', async () => {
		const empty = await runHighLevel(sandbox, { ...update, calendarUpdateFields: {} });
		expect(empty.error?.message).toBe(
			'Update Fields (calendarUpdateFields) {} is empty. Add at least one field to Update Fields.',
		);
		const badUnit = await runHighLevel(sandbox, {
			...update,
			calendarUpdateFields: { allowBookingForUnit: '={{ "years" }}' },
		});
		expect(badUnit.error?.message).toContain(
			'Update Fields > Allow Booking For Unit (allowBookingForUnit) "years" is not an allowed value',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('names the scope a token without calendars.write lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...update, calendarUpdateFields: { name: 'x' } },
			readOnly(),
		);
		expect(error?.message).toBe('The access token is missing the scope calendars.write');
	});
});

describe('Calendar: Delete', () => {
	it('deletes the calendar and outputs its id with deleted: true', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'delete',
			calendarId: byId(SANDBOX_CALENDAR_2_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `/calendars/${SANDBOX_CALENDAR_2_ID}`,
			query: {},
			status: 200,
			response: { success: true },
		});
		expect(items.map((item) => item.json)).toEqual([{ id: SANDBOX_CALENDAR_2_ID, deleted: true }]);
		expect(sandbox.store.calendars.has(SANDBOX_CALENDAR_2_ID)).toBe(false);
	});

	it('names the scope a token without calendars.write lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ resource: 'calendar', operation: 'delete', calendarId: byId(SANDBOX_CALENDAR_2_ID) },
			readOnly(),
		);
		expect(error?.message).toBe('The access token is missing the scope calendars.write');
		expect(sandbox.store.calendars.has(SANDBOX_CALENDAR_2_ID)).toBe(true);
	});
});

describe('the recipe (docs/recipes.md): provision a calendar', () => {
	it('creates a round robin calendar open Mon-Fri 9-17 with two members, then lists its free slots', async () => {
		const { nodes } = await runChain({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			items: [{ team: 'Sales Team', members: [SANDBOX_USER_2_ID, SANDBOX_USER_3_ID] }],
			steps: [
				{
					name: 'Create calendar',
					parameters: {
						resource: 'calendar',
						operation: 'create',
						name: '={{ $json.team }}',
						calendarAdditionalFields: {
							calendarType: 'round_robin',
							slotDuration: 60,
							openHours: {
								period: [{ daysOfTheWeek: [1, 2, 3, 4, 5], openTime: '09:00', closeTime: '17:00' }],
							},
							teamMembers: {
								member: [
									{
										userId: byId('={{ $json.members[0] }}'),
										priority: 0.5,
										isPrimary: false,
										kind: '',
									},
									{
										userId: byId('={{ $json.members[1] }}'),
										priority: 0.5,
										isPrimary: false,
										kind: '',
									},
								],
							},
						},
					},
				},
				{
					name: 'Get free slots',
					parameters: {
						resource: 'calendar',
						operation: 'getFreeSlots',
						calendarId: byId('={{ $json.id }}'),
						startDate: '2030-01-14T00:00:00',
						endDate: '2030-01-19T00:00:00',
						outputFormat: 'day',
						options: { timeZone: 'America/New_York' },
					},
				},
			],
		});
		expect(nodes['Create calendar'].error).toBeUndefined();
		const created = nodes['Create calendar'].items[0].json;
		expect(created).toMatchObject({
			calendarType: 'round_robin',
			teamMembers: [{ userId: SANDBOX_USER_2_ID }, { userId: SANDBOX_USER_3_ID }],
		});
		const days = nodes['Get free slots'].items.map((item) => item.json);
		expect(days.map((day) => day.date)).toEqual([
			'2030-01-14',
			'2030-01-15',
			'2030-01-16',
			'2030-01-17',
			'2030-01-18',
		]);
		expect(days[0].slots).toHaveLength(8);
		expect((days[0].slots as string[])[0]).toBe('2030-01-14T09:00:00-05:00');
		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /calendars/',
			`GET /calendars/${String(created.id)}/free-slots`,
		]);
	});
});
