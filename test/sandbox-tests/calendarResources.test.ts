// The HighLevel sandbox itself, over real HTTP: rooms and equipment (calendar resources).
import { matchRoute } from '../sandbox/spec';
import {
	ALL_SCOPES,
	CALENDAR_SCOPES,
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_AGENCY_CLIENT_ID,
	SANDBOX_AGENCY_CLIENT_SECRET,
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_EQUIPMENT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_ROOM_ID,
	call,
	conforms,
	connect,
	sandbox,
	tokenAllows,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

const ROOMS = '/calendars/resources/rooms';
const EQUIPMENTS = '/calendars/resources/equipments';
const page = (limit: number, skip: number) =>
	`locationId=${SANDBOX_LOCATION_ID}&limit=${limit}&skip=${skip}`;
const newRoom = (extra: Record<string, unknown> = {}) => ({
	locationId: SANDBOX_LOCATION_ID,
	name: 'Yoga room',
	description: 'Second floor',
	quantity: 1,
	outOfService: 0,
	capacity: 12,
	calendarIds: [SANDBOX_CALENDAR_ID],
	...extra,
});

describe('scopes: the Location-Access scheme', () => {
	test('its scopes are read like bearer ones; a Location token needs them, an agency token is refused', async () => {
		expect(CALENDAR_SCOPES).toEqual(
			expect.arrayContaining(['calendars/resources.readonly', 'calendars/resources.write']),
		);
		const { route } = matchRoute('GET', ROOMS)!;
		expect(route.security).toEqual([
			{ schemes: ['Location-Access'], scopes: ['calendars/resources.readonly'] },
		]);
		expect(tokenAllows(route, 'Location', ['calendars/resources.readonly'])).toBe(true);
		expect(tokenAllows(route, 'Location', ['calendars/resources.write'])).toBe(false);
		expect(tokenAllows(route, 'Company', ALL_SCOPES)).toBe(false);

		const denied = {
			status: 401,
			body: {
				statusCode: 401,
				message: 'This authClass type is not allowed to access this scope',
				error: 'Unauthorized',
			},
		};
		expect(
			await call('GET', `${ROOMS}?${page(10, 0)}`, undefined, { token: READONLY_TOKEN }),
		).toEqual(denied);
		const agency = await connect(SANDBOX_AGENCY_CLIENT_ID, SANDBOX_AGENCY_CLIENT_SECRET);
		expect(
			await call('GET', `${ROOMS}?${page(10, 0)}`, undefined, { token: agency.access_token }),
		).toEqual(denied);
		expect(sandbox.stats.applied).toEqual([]);
	});
});

describe('list', () => {
	test('a page of one type, as an array of CalendarResourceByIdResponseDTO with _id', async () => {
		const res = await call('GET', `${ROOMS}?${page(10, 0)}`);
		expect(res.status).toBe(200);
		expect(res.body).toEqual([
			{
				_id: SANDBOX_ROOM_ID,
				locationId: SANDBOX_LOCATION_ID,
				name: 'Treatment Room 1',
				resourceType: 'rooms',
				isActive: true,
				description: 'Ground floor, by the front desk',
				quantity: 1,
				outOfService: 0,
				capacity: 2,
				calendarIds: [SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID],
			},
		]);
		conforms(
			'calendars',
			'/paths/~1calendars~1resources~1{resourceType}/get/responses/200/content/application~1json/schema',
			res.body,
		);
		const equipment = await call('GET', `${EQUIPMENTS}?${page(10, 0)}`);
		expect(equipment.body.map((r: { _id: string }) => r._id)).toEqual([SANDBOX_EQUIPMENT_ID]);
	});

	test('limit and skip page through; both are required; another location is refused', async () => {
		for (let i = 0; i < 5; i++) {
			sandbox.store.calendarResources.set(`room_${i}`, {
				...sandbox.store.calendarResources.get(SANDBOX_ROOM_ID)!,
				id: `room_${i}`,
				name: `Room ${i}`,
			});
		}
		const names = async (limit: number, skip: number) =>
			(await call('GET', `${ROOMS}?${page(limit, skip)}`)).body.map(
				(r: { name: string }) => r.name,
			);
		expect(await names(2, 0)).toEqual(['Treatment Room 1', 'Room 0']);
		expect(await names(2, 4)).toEqual(['Room 3', 'Room 4']);
		expect(await names(2, 6)).toEqual([]);
		expect(await call('GET', `${ROOMS}?locationId=${SANDBOX_LOCATION_ID}`)).toEqual(
			unprocessable(['limit should not be empty', 'skip should not be empty']),
		);
		expect((await call('GET', `/calendars/resources/desks?${page(1, 0)}`)).body.message).toEqual([
			'resourceType must be one of the following values: equipments, rooms',
		]);
		expect((await call('GET', `${ROOMS}?locationId=loc_other&limit=1&skip=0`)).status).toBe(403);
	});
});

describe('get', () => {
	test('by type and id; the other type, an unknown id 404; another location 403', async () => {
		const res = await call('GET', `${EQUIPMENTS}/${SANDBOX_EQUIPMENT_ID}`);
		expect(res).toMatchObject({
			status: 200,
			body: { _id: SANDBOX_EQUIPMENT_ID, resourceType: 'equipments', quantity: 3, outOfService: 1 },
		});
		conforms('calendars', 'CalendarResourceByIdResponseDTO', res.body);
		const notFound = {
			status: 404,
			body: { statusCode: 404, message: 'Calendar resource not found' },
		};
		expect(await call('GET', `${ROOMS}/${SANDBOX_EQUIPMENT_ID}`)).toEqual(notFound);
		expect(await call('GET', `${ROOMS}/rsc_missing`)).toEqual(notFound);
		expect(
			(await call('GET', `${ROOMS}/${SANDBOX_ROOM_ID}`, undefined, { token: OTHER_LOCATION_TOKEN }))
				.status,
		).toBe(403);
	});
});

describe('create', () => {
	test('201 with the resource; recorded in stats.applied', async () => {
		const res = await call('POST', ROOMS, newRoom());
		expect(res.status).toBe(201);
		conforms('calendars', 'CalendarResourceByIdResponseDTO', res.body);
		expect(res.body).toMatchObject({ name: 'Yoga room', resourceType: 'rooms', isActive: true });
		expect(sandbox.store.calendarResources.get(res.body._id)).toMatchObject({
			locationId: SANDBOX_LOCATION_ID,
			capacity: 12,
			calendarIds: [SANDBOX_CALENDAR_ID],
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'POST',
				kind: 'calendarResource',
				id: res.body._id,
				body: newRoom(),
			}),
		]);
	});

	test('every field of CreateCalendarResourceDTO is required (422), unknown ones refused', async () => {
		expect(
			await call('POST', ROOMS, { locationId: SANDBOX_LOCATION_ID, name: 'x', colour: 'red' }),
		).toEqual(
			unprocessable([
				'description should not be empty',
				'quantity should not be empty',
				'outOfService should not be empty',
				'capacity should not be empty',
				'calendarIds should not be empty',
				'property colour should not exist',
			]),
		);
	});

	test("HighLevel's rules: calendars of the location, one per equipment, counts (400)", async () => {
		const refused = async (path: string, body: unknown, message: string) =>
			expect(await call('POST', path, body)).toEqual({
				status: 400,
				body: { statusCode: 400, message },
			});
		await refused(
			ROOMS,
			newRoom({ calendarIds: ['cal_missing'] }),
			'Calendar not found: cal_missing',
		);
		await refused(
			EQUIPMENTS,
			newRoom({ calendarIds: [SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID] }),
			'One equipment can only be mapped with one service calendar',
		);
		await refused(
			EQUIPMENTS,
			newRoom({ quantity: 2, outOfService: 3 }),
			'outOfService cannot be more than quantity',
		);
		await refused(ROOMS, newRoom({ capacity: -1 }), 'capacity must be a whole number, 0 or more');
		await refused(ROOMS, newRoom({ name: ' ' }), 'name should not be empty');
		expect((await call('POST', ROOMS, newRoom({ locationId: 'loc_other' }))).status).toBe(403);
		expect(sandbox.stats.applied).toEqual([]);
	});
});

describe('update and delete', () => {
	test('update changes only what is sent and answers the resource', async () => {
		const res = await call('PUT', `${ROOMS}/${SANDBOX_ROOM_ID}`, { capacity: 4, isActive: false });
		expect(res.status).toBe(200);
		conforms('calendars', 'CalendarResourceResponseDTO', res.body);
		expect(res.body).toMatchObject({ capacity: 4, isActive: false, name: 'Treatment Room 1' });
		expect(sandbox.store.calendarResources.get(SANDBOX_ROOM_ID)?.calendarIds).toHaveLength(2);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'PUT', kind: 'calendarResource', id: SANDBOX_ROOM_ID }),
		]);
		// the rules apply to the result: the equipment has 3, so 4 out of service is too many
		expect(
			(await call('PUT', `${EQUIPMENTS}/${SANDBOX_EQUIPMENT_ID}`, { outOfService: 4 })).body
				.message,
		).toBe('outOfService cannot be more than quantity');
		expect((await call('PUT', `${EQUIPMENTS}/${SANDBOX_ROOM_ID}`, { capacity: 1 })).status).toBe(
			404,
		);
	});

	test('delete answers { success: true } and the resource is gone', async () => {
		const res = await call('DELETE', `${EQUIPMENTS}/${SANDBOX_EQUIPMENT_ID}`);
		expect(res).toEqual({ status: 200, body: { success: true } });
		conforms('calendars', 'ResourceDeleteResponseDTO', res.body);
		expect(sandbox.store.calendarResources.has(SANDBOX_EQUIPMENT_ID)).toBe(false);
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({
				method: 'DELETE',
				kind: 'calendarResource',
				id: SANDBOX_EQUIPMENT_ID,
			}),
		]);
		expect((await call('DELETE', `${EQUIPMENTS}/${SANDBOX_EQUIPMENT_ID}`)).status).toBe(404);
	});
});
