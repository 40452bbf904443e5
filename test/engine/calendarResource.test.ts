// Calendar Resource (rooms and equipment): every operation in n8n's engine against the sandbox,
// with the exact requests HighLevel receives, the outputs, paging, bad input and scopes.
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	ALL_SCOPES,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_EQUIPMENT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_ROOM_ID,
	SANDBOX_TOKEN,
} from '../sandbox';
import { byId, sandbox, useSandbox } from './testing';

const NO_RESOURCES_TOKEN = 'pit-no-resources-4242';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[NO_RESOURCES_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ALL_SCOPES.filter((scope) => !scope.startsWith('calendars/resources')),
		},
	},
});

const resource = { resource: 'calendarResource' };
const roomFields = {
	name: 'Yoga room',
	description: 'Second floor',
	quantity: 1,
	outOfService: 0,
	capacity: 12,
};

/** Adds `count` rooms after the seeded one, named Room 000, Room 001, ... */
function addRooms(count: number) {
	const seeded = sandbox.store.calendarResources.get(SANDBOX_ROOM_ID)!;
	for (let i = 0; i < count; i++) {
		const id = `room_${String(i).padStart(3, '0')}`;
		sandbox.store.calendarResources.set(id, { ...seeded, id, name: `Room ${id.slice(5)}` });
	}
}

describe('Calendar Resource: Get Many', () => {
	it('lists one type of the credential location, as HighLevel answers them', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			resourceType: 'equipments',
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: '/calendars/resources/equipments',
			query: { locationId: SANDBOX_LOCATION_ID, limit: '50', skip: '0' },
			status: 200,
		});
		expect(items.map((item) => item.json)).toEqual(sandbox.requests[0].response);
		expect(items[0].json).toMatchObject({ _id: SANDBOX_EQUIPMENT_ID, name: 'X-ray unit' });
	});

	it('Return All pages through 100 at a time until a short page', async () => {
		addRooms(230);
		const { items } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			resourceType: 'rooms',
			returnAll: true,
		});
		expect(sandbox.requests.map((request) => [request.query.limit, request.query.skip])).toEqual([
			['100', '0'],
			['100', '100'],
			['100', '200'],
		]);
		expect(items).toHaveLength(231);
		expect(items[0].json._id).toBe(SANDBOX_ROOM_ID);
		expect(items[230].json.name).toBe('Room 229');
		expect(new Set(items.map((item) => item.json._id)).size).toBe(231);
	});

	it('Limit asks only for what is missing on the last page', async () => {
		addRooms(230);
		const { items } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			resourceType: 'rooms',
			limit: 150,
		});
		expect(sandbox.requests.map((request) => [request.query.limit, request.query.skip])).toEqual([
			['100', '0'],
			['50', '100'],
		]);
		expect(items).toHaveLength(150);
		expect(items[149].json.name).toBe('Room 148');
	});

	it('refuses a Limit no list can have before asking for any page', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'getAll',
			resourceType: 'rooms',
			limit: '={{ "ten" }}',
		});
		expect(error?.message).toBe(
			'Limit "ten" is not a number of rooms or equipment. Use a whole number of 1 or more, or turn on Return All.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('names the scope a token without calendars/resources.readonly lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...resource, operation: 'getAll', resourceType: 'rooms' },
			{ credentials: sandboxCredentials(sandbox, { accessToken: NO_RESOURCES_TOKEN }) },
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe(
			'The access token is missing the scope calendars/resources.readonly',
		);
	});
});

describe('Calendar Resource: Get', () => {
	it('gets an equipment by id', async () => {
		const { items } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			resourceType: 'equipments',
			id: byId(SANDBOX_EQUIPMENT_ID),
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'GET',
			path: `/calendars/resources/equipments/${SANDBOX_EQUIPMENT_ID}`,
			query: {},
			status: 200,
		});
		expect(items).toEqual([{ json: sandbox.requests[0].response, pairedItem: expect.anything() }]);
	});

	it('encodes the id as one path segment and names an unknown one', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			resourceType: 'rooms',
			id: byId('a/b'),
		});
		expect(sandbox.requests[0].path).toBe('/calendars/resources/rooms/a%2Fb');
		expect(error?.message).toBe('HighLevel found no calendar resource with id "a/b" (404)');
	});

	it('refuses an unknown resource type from an expression before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			resourceType: '={{ "desks" }}',
			id: byId(SANDBOX_ROOM_ID),
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe(
			'Resource Type (resourceType) "desks" is not an allowed value. Use one of: equipments (Equipment), rooms (Room).',
		);
		expect(error?.description).toBe('Nothing was sent to HighLevel for this item.');
	});

	it('reads the resource type as the editor names it', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'get',
			resourceType: '={{ "Room" }}',
			id: byId(SANDBOX_ROOM_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].path).toBe(`/calendars/resources/rooms/${SANDBOX_ROOM_ID}`);
	});
});

describe('Calendar Resource: Create', () => {
	it('sends every required field with the credential location and outputs the created room', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'create',
			resourceType: 'rooms',
			...roomFields,
			calendarIds: [SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID],
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/calendars/resources/rooms',
			status: 201,
		});
		expect(request.body).toEqual({
			...roomFields,
			calendarIds: [SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID],
			locationId: SANDBOX_LOCATION_ID,
		});
		expect(items.map((item) => item.json)).toEqual([request.response]);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'calendarResource', id: items[0].json._id }),
		]);
	});

	it('reads numbers as text and calendars as a comma list from expressions', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{
				...resource,
				operation: 'create',
				resourceType: 'equipments',
				...roomFields,
				name: '={{ $json.name }}',
				quantity: '={{ $json.quantity }}',
				outOfService: '={{ $json.broken }}',
				calendarIds: '={{ $json.calendars }}',
			},
			{
				items: [
					{
						name: ' Projector ',
						quantity: '4',
						broken: '1',
						calendars: ` ${SANDBOX_CALENDAR_2_ID}, `,
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			...roomFields,
			name: 'Projector',
			quantity: 4,
			outOfService: 1,
			calendarIds: [SANDBOX_CALENDAR_2_ID],
			locationId: SANDBOX_LOCATION_ID,
		});
	});

	it('refuses bad input before any request; with Continue On Fail the other items run', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{
				...resource,
				operation: 'create',
				resourceType: 'equipments',
				...roomFields,
				quantity: '={{ $json.quantity }}',
				calendarIds: '={{ $json.calendars }}',
			},
			{
				continueOnFail: true,
				items: [
					{ quantity: 1, calendars: [SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID] },
					{ quantity: 'two', calendars: [SANDBOX_CALENDAR_ID] },
					{ quantity: 2, calendars: [SANDBOX_CALENDAR_ID] },
				],
			},
		);
		expect(items[0].json.error).toBe(
			`Service Calendar Names or IDs (calendarIds) "${SANDBOX_CALENDAR_ID},${SANDBOX_CALENDAR_2_ID}" names more than one calendar. One equipment can only be mapped with one service calendar: keep one, or make it a room.`,
		);
		expect(items[1].json.error).toBe(
			'Quantity "two" is not a count. Use a whole number, 0 or more.',
		);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0].body).toMatchObject({
			quantity: 2,
			calendarIds: [SANDBOX_CALENDAR_ID],
		});
		expect(items[2].json).toMatchObject({ resourceType: 'equipments', quantity: 2 });
	});

	it('refuses more out of service than there are', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'create',
			resourceType: 'equipments',
			...roomFields,
			quantity: 2,
			outOfService: 3,
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe(
			'Out of Service (outOfService) 3 is more than quantity. At most the quantity (2) can be out of service.',
		);
	});

	it('names the write scope a token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...resource, operation: 'create', resourceType: 'rooms', ...roomFields },
			{ credentials: sandboxCredentials(sandbox, { accessToken: NO_RESOURCES_TOKEN }) },
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars/resources.write');
	});
});

describe('Calendar Resource: Update', () => {
	it('sends only the fields set and outputs the updated resource', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'update',
			resourceType: 'rooms',
			id: byId(SANDBOX_ROOM_ID),
			calendarResourceUpdateFields: {
				capacity: 6,
				isActive: false,
				calendarIds: [SANDBOX_CALENDAR_2_ID],
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests[0]).toMatchObject({
			method: 'PUT',
			path: `/calendars/resources/rooms/${SANDBOX_ROOM_ID}`,
			status: 200,
		});
		expect(sandbox.requests[0].body).toEqual({
			capacity: 6,
			isActive: false,
			calendarIds: [SANDBOX_CALENDAR_2_ID],
		});
		expect(items.map((item) => item.json)).toEqual([sandbox.requests[0].response]);
		expect(sandbox.store.calendarResources.get(SANDBOX_ROOM_ID)).toMatchObject({
			capacity: 6,
			isActive: false,
			name: 'Treatment Room 1',
		});
	});

	it('refuses an update with no field before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...resource,
			operation: 'update',
			resourceType: 'rooms',
			id: byId(SANDBOX_ROOM_ID),
			calendarResourceUpdateFields: {},
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe(
			'Update Fields (calendarResourceUpdateFields) (not set) is empty. Add at least one field to Update Fields.',
		);
	});
});

describe('Calendar Resource: Delete', () => {
	it('deletes and outputs { id, deleted: true }', async () => {
		const { items } = await runHighLevel(sandbox, {
			...resource,
			operation: 'delete',
			resourceType: 'equipments',
			id: byId(SANDBOX_EQUIPMENT_ID),
		});
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `/calendars/resources/equipments/${SANDBOX_EQUIPMENT_ID}`,
			status: 200,
			response: { success: true },
		});
		expect(items.map((item) => item.json)).toEqual([{ id: SANDBOX_EQUIPMENT_ID, deleted: true }]);
		expect(sandbox.store.calendarResources.has(SANDBOX_EQUIPMENT_ID)).toBe(false);
	});
});

describe('Calendar Resource: pickers', () => {
	const search = (
		method: string,
		parameters: Record<string, unknown>,
		filter?: string,
		token?: string,
	) =>
		runListSearch({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method,
			parameters: parameters as never,
			filter,
			paginationToken: token,
		});

	it('lists the resources of the chosen Resource Type, 100 a page', async () => {
		const equipment = await search('searchCalendarResources', {
			...resource,
			resourceType: 'equipments',
		});
		expect(equipment).toEqual({
			results: [{ name: 'X-ray unit', value: SANDBOX_EQUIPMENT_ID }],
			paginationToken: undefined,
		});
		expect(sandbox.requests[0]).toMatchObject({
			path: '/calendars/resources/equipments',
			query: { locationId: SANDBOX_LOCATION_ID, limit: '100', skip: '0' },
		});
		addRooms(120);
		const first = await search('searchCalendarResources', { ...resource, resourceType: 'rooms' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await search(
			'searchCalendarResources',
			{ ...resource, resourceType: 'rooms' },
			'room 11',
			'100',
		);
		expect(sandbox.requests[2].query.skip).toBe('100');
		expect(second.results.map((result) => result.name)).toEqual([
			'Room 110',
			'Room 111',
			'Room 112',
			'Room 113',
			'Room 114',
			'Room 115',
			'Room 116',
			'Room 117',
			'Room 118',
			'Room 119',
		]);
	});

	it('offers the calendars for Service Calendars', async () => {
		// A load-options method, called the way runListSearch calls a list search.
		const nodeType = new HighLevelCalendar();
		(nodeType.methods.listSearch as Record<string, unknown>).getCalendarOptions =
			nodeType.methods.loadOptions.getCalendarOptions;
		const options = await runListSearch({
			nodeType,
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method: 'getCalendarOptions',
		});
		expect(options).toEqual([
			{ name: 'Sandbox Consultations', value: SANDBOX_CALENDAR_ID },
			{ name: 'Sandbox Follow-ups', value: SANDBOX_CALENDAR_2_ID },
		]);
	});
});
