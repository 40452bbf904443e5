import type { IDataObject } from 'n8n-workflow';
import {
	normalizeCalendarCreateBody,
	normalizeCalendarUpdateBody,
} from '../../../../../nodes/HighLevelCalendar/resources/calendar/normalize';
import { parseClock } from '../../../../../nodes/HighLevelCalendar/resources/calendar/hours';
import {
	checkAvailabilityDate,
	checkDay,
} from '../../../../../nodes/HighLevelCalendar/resources/calendar/shapes';

const context = { timeZone: 'Europe/Berlin', credentialLocationId: 'loc_cred' };
const create = (body: Record<string, unknown>) =>
	normalizeCalendarCreateBody({ name: 'Team', ...body } as IDataObject, context);
const update = (body: Record<string, unknown>) =>
	normalizeCalendarUpdateBody(body as IDataObject, context);
const nine = { openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 };

describe('calendar create body', () => {
	it('takes the location from the credential and requires a name', () => {
		expect(create({})).toEqual({ name: 'Team', locationId: 'loc_cred' });
		expect(() => normalizeCalendarCreateBody({ name: '  ' }, context)).toThrow(
			'name "  " is empty. Set the calendar name: it is required.',
		);
	});

	it('coerces expression values and matches enums by value or by name', () => {
		expect(
			create({
				slotDuration: '45',
				slotDurationUnit: 'Minutes',
				isActive: 'false',
				calendarType: 'Event',
				eventType: 'optimize for equal distribution',
				widgetType: 'neo',
				availabilityType: '1',
				appoinmentPerSlot: 2,
				groupId: ' grp1 ',
			}),
		).toEqual({
			name: 'Team',
			locationId: 'loc_cred',
			slotDuration: 45,
			slotDurationUnit: 'mins',
			isActive: false,
			calendarType: 'event',
			eventType: 'RoundRobin_OptimizeForEqualDistribution',
			widgetType: 'default',
			availabilityType: 1,
			appoinmentPerSlot: 2,
			groupId: 'grp1',
		});
	});

	it.each([
		[{ calendarType: 'roundrobin2' }, 'calendarType "roundrobin2" is not an allowed value'],
		[{ slotDuration: 0 }, 'slotDuration 0 is out of range. Use a number from 1 to ∞.'],
		[{ slotDuration: 'half an hour' }, 'slotDuration "half an hour" is not a number'],
		[{ appoinmentPerSlot: 1.5 }, 'appoinmentPerSlot 1.5 is not a whole number'],
		[{ availabilityType: 2 }, 'availabilityType "2" is not an allowed value'],
		[{ autoConfirm: 'yes' }, 'autoConfirm "yes" is not a boolean'],
	])('refuses %j', (body, message) => expect(() => create(body)).toThrow(message));

	it('turns the open hours fields into the API shape, one entry per day set', () => {
		const body = create({
			openHours: {
				period: [
					{ daysOfTheWeek: [5, 1, 2, 3, 4], openTime: '09:00', closeTime: '12:00' },
					{ daysOfTheWeek: [1, 2, 3, 4, 5], openTime: '13:00', closeTime: '17:30' },
					{ daysOfTheWeek: 'Sat', openTime: '10', closeTime: '14:00' },
				],
			},
		});
		expect(body.openHours).toEqual([
			{
				daysOfTheWeek: [1, 2, 3, 4, 5],
				hours: [
					{ openHour: 9, openMinute: 0, closeHour: 12, closeMinute: 0 },
					{ openHour: 13, openMinute: 0, closeHour: 17, closeMinute: 30 },
				],
			},
			{
				daysOfTheWeek: [6],
				hours: [{ openHour: 10, openMinute: 0, closeHour: 14, closeMinute: 0 }],
			},
		]);
	});

	it('refuses open hours that close before they open, have no days, or no entries', () => {
		expect(() =>
			create({
				openHours: { period: [{ daysOfTheWeek: [1], openTime: '17:00', closeTime: '09:00' }] },
			}),
		).toThrow('openHours[0].hours[0]');
		expect(() =>
			create({
				openHours: { period: [{ daysOfTheWeek: [], openTime: '09:00', closeTime: '17:00' }] },
			}),
		).toThrow('openHours[0].daysOfTheWeek [] is empty. Pick at least one day of the week.');
		expect(() =>
			create({
				openHours: { period: [{ daysOfTheWeek: [1], openTime: '24:00', closeTime: '17:00' }] },
			}),
		).toThrow('openHours[0].openTime "24:00" is not a time of day');
		expect(() => create({ openHours: {} })).toThrow(
			'openHours {} has no entries. Add an entry to Open Hours, or remove the option.',
		);
	});

	it('takes open hours as JSON text or as a value from an expression, checked against the schema', () => {
		const json = JSON.stringify([{ daysOfTheWeek: ['monday', 2], hours: [nine] }]);
		expect(create({ openHoursJson: json }).openHours).toEqual([
			{ daysOfTheWeek: [1, 2], hours: [nine] },
		]);
		expect(create({ openHoursJson: [{ daysOfTheWeek: [0], hours: [nine] }] }).openHours).toEqual([
			{ daysOfTheWeek: [0], hours: [nine] },
		]);
		expect(() => create({ openHoursJson: '[{"daysOfTheWeek":[1],' })).toThrow(
			/^openHoursJson "\[\{\\"daysOfTheWeek\\":\[1\]," is not valid JSON\. Give JSON such as/,
		);
		expect(() =>
			create({ openHoursJson: [{ daysOfTheWeek: [1], hours: [{ ...nine, closeHour: 24 }] }] }),
		).toThrow('openHoursJson[0].hours[0].closeHour 24 is out of range. Use a number from 0 to 23.');
		expect(() => create({ openHoursJson: [{ daysOfTheWeek: [7], hours: [nine] }] })).toThrow(
			'openHoursJson[0].daysOfTheWeek[0] 7 is not a day of the week',
		);
		expect(() => create({ openHoursJson: [{ days: [1], hours: [nine] }] })).toThrow(
			'openHoursJson[0].days [1] is not a field HighLevel accepts. Remove it: HighLevel refuses unknown fields here and accepts daysOfTheWeek, hours.',
		);
		expect(() => create({ openHoursJson: [{ daysOfTheWeek: [1] }] })).toThrow(
			'openHoursJson[0].hours (not set) is missing',
		);
		expect(() => create({ openHoursJson: '' })).toThrow('openHoursJson "" is empty');
	});

	it('refuses the fields and the JSON of one list together', () => {
		expect(() =>
			create({
				openHours: { period: [{ daysOfTheWeek: [1], openTime: '09:00', closeTime: '17:00' }] },
				openHoursJson: '[]',
			}),
		).toThrow(
			'openHoursJson "[]" cannot be set together with openHours. Set Open Hours or Open Hours (JSON), not both.',
		);
	});

	it('builds team members from the pickers, with priority, primary and a meeting location', () => {
		const body = create({
			calendarType: 'round_robin',
			teamMembers: {
				member: [
					{
						userId: { __rl: true, mode: 'list', value: 'usr1' },
						priority: 1,
						isPrimary: true,
						kind: 'physical',
						location: '1 Main St',
					},
					{ userId: 'usr2', priority: '0', isPrimary: false, kind: '', location: 'ignored' },
				],
			},
		});
		expect(body.teamMembers).toEqual([
			{
				userId: 'usr1',
				priority: 1,
				isPrimary: true,
				locationConfigurations: [{ kind: 'physical', location: '1 Main St' }],
			},
			{ userId: 'usr2', priority: 0, isPrimary: false },
		]);
	});

	it('applies the team rules of the spec for the calendar type', () => {
		const member = (userId: string, isPrimary = false) => ({ userId, isPrimary });
		expect(() => create({ calendarType: 'round_robin' })).toThrow(
			'teamMembers (not set) is missing. A Round Robin calendar needs team members',
		);
		expect(() =>
			create({ calendarType: 'personal', teamMembersJson: [member('a'), member('b')] }),
		).toThrow('A Personal calendar must have exactly one team member.');
		expect(() => create({ calendarType: 'collective', teamMembersJson: [member('a')] })).toThrow(
			'has no primary member',
		);
		expect(() => create({ teamMembersJson: [member('a', true), member('b', true)] })).toThrow(
			'teamMembersJson ["a","b"] has more than one primary member',
		);
		expect(() => create({ teamMembersJson: [member('a'), member('a')] })).toThrow(
			'teamMembersJson[1].userId "a" is already a team member',
		);
		expect(() =>
			create({ enableRecurring: true, teamMembersJson: [member('a'), member('b')] }),
		).toThrow('enableRecurring true cannot be set with several team members');
		expect(() => create({ teamMembersJson: [{ userId: 'a', priority: 0.7 }] })).toThrow(
			'teamMembersJson[0].priority "0.7" is not an allowed value',
		);
	});

	it('checks meeting locations: kinds, no location for conferences, none of those on an event calendar', () => {
		expect(
			create({
				locationConfigurations: { location: [{ kind: 'zoom_conference', location: '' }] },
			}).locationConfigurations,
		).toEqual([{ kind: 'zoom_conference' }]);
		expect(() =>
			create({ locationConfigurationsJson: [{ kind: 'google_conference', location: 'x' }] }),
		).toThrow(
			'locationConfigurationsJson[0].location "x" is not applicable to kind google_conference',
		);
		expect(() =>
			create({
				calendarType: 'event',
				locationConfigurations: { location: [{ kind: 'ms_teams_conference', location: '' }] },
			}),
		).toThrow('is not supported for an Event calendar');
		expect(() => create({ locationConfigurationsJson: [{ kind: 'skype' }] })).toThrow(
			'locationConfigurationsJson[0].kind "skype" is not an allowed value',
		);
	});

	it('sends custom availabilities with the date the spec asks for', () => {
		expect(
			create({
				availabilities: {
					day: [
						{ date: '2030-01-14T00:00:00', openTime: '10:00', closeTime: '12:00' },
						{ date: '2030-01-14', openTime: '14:00', closeTime: '16:00' },
					],
				},
			}).availabilities,
		).toEqual([
			{
				date: '2030-01-14T00:00:00.000Z',
				hours: [
					{ openHour: 10, openMinute: 0, closeHour: 12, closeMinute: 0 },
					{ openHour: 14, openMinute: 0, closeHour: 16, closeMinute: 0 },
				],
			},
		]);
		expect(() =>
			create({ availabilitiesJson: [{ id: 'a1', date: '2030-01-14', hours: [] }] }),
		).toThrow('availabilitiesJson[0].id "a1" is not a field HighLevel accepts');
	});

	it('takes recurring, look busy and notifications', () => {
		const body = create({
			recurring: { settings: { freq: 'Weekly', count: '6', bookingOption: 'book next' } },
			lookBusyConfig: { settings: { enabled: true, LookBusyPercentage: 25 } },
			notificationsJson: [
				{
					shouldSendToContact: true,
					shouldSendToGuest: false,
					shouldSendToUser: 'true',
					shouldSendToSelectedUsers: false,
					selectedUsers: '',
				},
			],
		});
		expect(body).toMatchObject({
			recurring: { freq: 'WEEKLY', count: 6, bookingOption: 'book_next' },
			lookBusyConfig: { enabled: true, LookBusyPercentage: 25 },
			notifications: [{ shouldSendToUser: true, selectedUsers: '' }],
		});
		expect(() => create({ recurring: { settings: { count: 25 } } })).toThrow(
			'recurring.count 25 is out of range. Use a number from 1 to 24.',
		);
		expect(() => create({ notificationsJson: [{ shouldSendToContact: true }] })).toThrow(
			'notificationsJson[0].shouldSendToGuest (not set) is missing',
		);
	});
});

describe('calendar update body', () => {
	it('needs at least one field and sends only those', () => {
		expect(() => update({})).toThrow('calendarUpdateFields {} is empty');
		expect(update({ name: 'New', slotInterval: 15 })).toEqual({ name: 'New', slotInterval: 15 });
		expect(() => update({ name: '' })).toThrow('name "" is empty');
	});

	it('addresses existing custom days by id, and may delete them', () => {
		expect(
			update({
				availabilities: {
					day: [
						{
							date: '2030-02-01',
							openTime: '9:00',
							closeTime: '10:00',
							id: ' av1 ',
							deleted: true,
						},
					],
				},
			}).availabilities,
		).toEqual([
			{
				id: 'av1',
				date: '2030-02-01T00:00:00.000Z',
				deleted: true,
				hours: [{ openHour: 9, openMinute: 0, closeHour: 10, closeMinute: 0 }],
			},
		]);
		expect(update({ availabilitiesJson: '[]' }).availabilities).toEqual([]);
	});
});

describe('small readers', () => {
	it('reads times of day, days of the week and availability dates', () => {
		expect(parseClock('t', '7:05')).toEqual({ hour: 7, minute: 5 });
		expect(() => parseClock('t', '7pm')).toThrow('t "7pm" is not a time of day');
		expect(checkDay('d', 'Tue')).toBe(2);
		expect(checkDay('d', '0')).toBe(0);
		expect(() => checkDay('d', 'Mo')).toThrow('d "Mo" is not a day of the week');
		expect(checkAvailabilityDate('date', new Date('2030-01-13T23:30:00Z'), 'Europe/Berlin')).toBe(
			'2030-01-14T00:00:00.000Z',
		);
		expect(() => checkAvailabilityDate('date', '2030-02-30', 'UTC')).toThrow('is not a real date');
		expect(() => checkAvailabilityDate('date', 'tomorrow', 'UTC')).toThrow('is not a date');
	});
});
