import {
	matchResourceType,
	normalizeCalendarResourceCreate,
	normalizeCalendarResourceUpdate,
} from '../../../../../nodes/HighLevelCalendar/resources/calendarResource/normalize';

const rooms = { resourceType: 'rooms' as const, credentialLocationId: 'loc_cred' };
const equipments = { ...rooms, resourceType: 'equipments' as const };
const fields = { name: 'Yoga room', description: '', quantity: 1, outOfService: 0, capacity: 8 };

describe('resource type', () => {
	it('takes the API value or the editor name', () => {
		expect(matchResourceType('rooms')).toBe('rooms');
		expect(matchResourceType(' Equipment ')).toBe('equipments');
	});

	it('refuses anything else with the list and a suggestion', () => {
		expect(matchResourceType('room')).toBe('rooms');
		expect(() => matchResourceType('roms')).toThrow(
			'resourceType "roms" is not an allowed value. Did you mean rooms? Use one of: equipments (Equipment), rooms (Room).',
		);
		expect(() => matchResourceType(undefined)).toThrow(
			'resourceType (not set) is not an allowed value',
		);
	});
});

describe('create body', () => {
	it('fills the credential location and an empty calendar list', () => {
		expect(normalizeCalendarResourceCreate({ ...fields }, rooms)).toEqual({
			...fields,
			locationId: 'loc_cred',
			calendarIds: [],
		});
	});

	it('keeps a Location ID the user set, trims the name, reads counts from text', () => {
		expect(
			normalizeCalendarResourceCreate(
				{ ...fields, name: ' Gym ', quantity: '3', locationId: 'loc_other' },
				rooms,
			),
		).toMatchObject({ name: 'Gym', quantity: 3, locationId: 'loc_other' });
	});

	it('reads calendars from a comma list or a list, without repeats', () => {
		expect(
			normalizeCalendarResourceCreate({ ...fields, calendarIds: ' a, b,,a ' }, rooms).calendarIds,
		).toEqual(['a', 'b']);
		expect(
			normalizeCalendarResourceCreate({ ...fields, calendarIds: ['a', ' a '] }, equipments)
				.calendarIds,
		).toEqual(['a']);
	});

	it.each([
		[{ name: '  ' }, 'name "  " is empty. Give the room or equipment a name.'],
		[{ name: undefined }, 'name (not set) is missing.'],
		[{ capacity: undefined }, 'capacity (not set) is missing. Set it: HighLevel requires it.'],
		[{ quantity: 1.5 }, 'quantity 1.5 is not a count. Use a whole number, 0 or more.'],
		[{ outOfService: -1 }, 'outOfService -1 is not a count.'],
		[{ capacity: 'many' }, 'capacity "many" is not a count.'],
		[{ quantity: 2, outOfService: 3 }, 'outOfService 3 is more than quantity.'],
		[{ calendarIds: 7 }, 'calendarIds 7 is not a list of calendar IDs.'],
		[
			{ calendarIds: Array.from({ length: 101 }, (_, i) => `c${i}`) },
			'has 101 calendars. HighLevel maps a resource to at most 100 calendars.',
		],
	])('refuses %j', (change, message) => {
		expect(() => normalizeCalendarResourceCreate({ ...fields, ...change }, rooms)).toThrow(message);
	});

	it('maps an equipment to one calendar only', () => {
		expect(() =>
			normalizeCalendarResourceCreate({ ...fields, calendarIds: 'a,b' }, equipments),
		).toThrow(
			'calendarIds "a,b" names more than one calendar. One equipment can only be mapped with one service calendar',
		);
		expect(
			normalizeCalendarResourceCreate({ ...fields, calendarIds: 'a,b' }, rooms).calendarIds,
		).toEqual(['a', 'b']);
	});
});

describe('update body', () => {
	it('sends only what is given, checked', () => {
		expect(normalizeCalendarResourceUpdate({ isActive: 'false', capacity: '4' }, rooms)).toEqual({
			isActive: false,
			capacity: 4,
		});
		expect(normalizeCalendarResourceUpdate({ calendarIds: '' }, rooms)).toEqual({
			calendarIds: [],
		});
		expect(normalizeCalendarResourceUpdate({ name: 'x', locationId: '' }, rooms)).toEqual({
			name: 'x',
		});
	});

	it('refuses nothing to update, and the same bad values as create', () => {
		expect(() => normalizeCalendarResourceUpdate({}, rooms)).toThrow(
			'calendarResourceUpdateFields (not set) is empty. Add at least one field to Update Fields.',
		);
		expect(() => normalizeCalendarResourceUpdate({ isActive: 'yes' }, rooms)).toThrow(
			'isActive "yes" is not a boolean.',
		);
		expect(() => normalizeCalendarResourceUpdate({ calendarIds: ['a', 'b'] }, equipments)).toThrow(
			'names more than one calendar',
		);
	});
});
