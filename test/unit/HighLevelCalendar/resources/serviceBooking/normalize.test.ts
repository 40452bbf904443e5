import {
	bookingFlags,
	matchCreateStatus,
	matchStatus,
	normalizeServiceBookingCreate,
	normalizeServiceBookingUpdate,
	normalizeServiceBookingWindow,
	normalizeServices,
} from '../../../../../nodes/HighLevelCalendar/resources/serviceBooking/normalize';

const context = { timeZone: 'America/New_York', credentialLocationId: 'loc_cred' };
const required = {
	contactId: 'con_1',
	startTime: '2030-01-18T10:00:00',
	endTime: '2030-01-18T11:00:00',
};
const oneService = { service: [{ id: 'svc_1', staffId: '', addOns: '' }] };

describe('status', () => {
	it('takes the value or the editor name, in any case, spaces or underscores', () => {
		for (const given of ['no_show', 'No Show', 'NO_SHOW', ' noshow '])
			expect(matchStatus(given)).toBe('no_show');
		expect(matchCreateStatus('Confirmed')).toBe('confirmed');
	});

	it('refuses anything else with the list and a "did you mean"', () => {
		expect(() => matchStatus('no_shw')).toThrow(
			'status "no_shw" is not an allowed value. Did you mean no_show? Use one of: confirmed, cancelled, invalid, new, showed, no_show.',
		);
		expect(() => matchCreateStatus('showed')).toThrow(
			'status "showed" is not an allowed value. Use one of: confirmed, new.',
		);
	});
});

describe('services', () => {
	it("reads the editor's list: ids trimmed, empty staff left out, position from the order", () => {
		expect(
			normalizeServices({
				service: [
					{ id: ' svc_1 ', staffId: { __rl: true, mode: 'list', value: 'usr_1' }, addOns: '' },
					{ id: 'svc_2', staffId: '', addOns: 'a1, a2' },
				],
			}),
		).toEqual([
			{ id: 'svc_1', staffId: 'usr_1', position: 0 },
			{ id: 'svc_2', position: 1, addOns: [{ id: 'a1' }, { id: 'a2' }] },
		]);
	});

	it('reads add-ons as JSON and a list from an expression with its own positions', () => {
		expect(
			normalizeServices([
				{ id: 'svc_1', position: '3', addOns: '[{"id": "a1", "quantity": "2", "duration": 30}]' },
			]),
		).toEqual([{ id: 'svc_1', position: 3, addOns: [{ id: 'a1', quantity: 2, duration: 30 }] }]);
	});

	it.each([
		[{ service: [{ id: '' }] }, 'services "" has a service without a Service ID (service 1)'],
		[{ service: [{ id: 's', position: -1 }] }, 'has a position that is not a whole number'],
		[{ service: [{ id: 's', addOns: '[{' }] }, 'has add-ons that are not valid JSON'],
		[{ service: [{ id: 's', addOns: '[{"quantity": 1}]' }] }, 'has an add-on without an id'],
		[{ service: [{ id: 's', addOns: '[{"id": "a", "quantity": "x"}]' }] }, 'quantity that is not'],
		[{ service: 'svc_1' }, 'is not a list of services'],
	])('refuses %j', (given, message) => {
		expect(() => normalizeServices(given)).toThrow(message);
	});
});

describe('create body', () => {
	it('fills the location, reads times in the reading zone, defaults the booking zone to it', () => {
		expect(normalizeServiceBookingCreate({ ...required }, oneService, context)).toEqual({
			...required,
			locationId: 'loc_cred',
			startTime: '2030-01-18T10:00:00-05:00',
			endTime: '2030-01-18T11:00:00-05:00',
			timezone: 'America/New_York',
			services: [{ id: 'svc_1', position: 0 }],
		});
	});

	it('keeps a booking zone given, leaves empty texts out, matches the status', () => {
		expect(
			normalizeServiceBookingCreate(
				{
					...required,
					startTime: '2030-01-18T15:00:00Z',
					endTime: Date.parse('2030-01-18T16:00:00Z'),
					timezone: ' Europe/Paris ',
					title: '',
					meetingLocation: 'Front desk',
					serviceLocationId: ' svl_1 ',
					status: 'NEW',
				},
				oneService,
				context,
			),
		).toMatchObject({
			startTime: '2030-01-18T15:00:00+00:00',
			endTime: '2030-01-18T11:00:00-05:00',
			timezone: 'Europe/Paris',
			meetingLocation: 'Front desk',
			serviceLocationId: 'svl_1',
			status: 'new',
		});
	});

	it.each([
		[
			{ endTime: '2030-01-18T09:00:00' },
			oneService,
			'endTime "2030-01-18T09:00:00-05:00" is not after startTime',
		],
		[{ endTime: '' }, oneService, 'endTime "" is required'],
		[{ contactId: ' ' }, oneService, 'contactId " " is empty'],
		[{}, {}, 'services {} is empty. Add each service booked under Services'],
		[{}, { service: [] }, 'services {"service":[]} is empty'],
		[{ timezone: 'Mars/Base' }, oneService, 'timezone "Mars/Base" is not a known time zone'],
		[{ status: 'showed' }, oneService, 'status "showed" is not an allowed value'],
	])('refuses %j', (extra, services, message) => {
		expect(() =>
			normalizeServiceBookingCreate({ ...required, ...extra }, services, context),
		).toThrow(message);
	});

	it('as a tool without a Time Zone, refuses a time without an offset', () => {
		expect(() =>
			normalizeServiceBookingCreate({ ...required }, oneService, {
				...context,
				offsetRequired: true,
			}),
		).toThrow('startTime "2030-01-18T10:00:00" has no UTC offset');
	});
});

describe('update body', () => {
	it('sends only what is given; services replace; No Show becomes no_show', () => {
		expect(
			normalizeServiceBookingUpdate({ status: 'No Show', title: 'Renamed' }, oneService, context),
		).toEqual({ status: 'no_show', title: 'Renamed', services: [{ id: 'svc_1', position: 0 }] });
		expect(normalizeServiceBookingUpdate({ endTime: '2030-01-18T11:00:00' }, {}, context)).toEqual({
			endTime: '2030-01-18T11:00:00-05:00',
		});
	});

	it('refuses nothing to change, an end before the start, a bad status', () => {
		expect(() => normalizeServiceBookingUpdate({}, {}, context)).toThrow(
			'serviceBookingUpdateFields (not set) is empty',
		);
		expect(() =>
			normalizeServiceBookingUpdate(
				{ startTime: '2030-01-18T10:00:00', endTime: '2030-01-18T10:00:00' },
				undefined,
				context,
			),
		).toThrow('is not after startTime');
		expect(() => normalizeServiceBookingUpdate({ status: 'noshw' }, {}, context)).toThrow(
			'Did you mean no_show?',
		);
	});
});

describe('Get Many window', () => {
	it('sends epoch milliseconds, the reading zone and the filter; drops the Time Zone option', () => {
		expect(
			normalizeServiceBookingWindow(
				{
					startTime: '2030-01-17T00:00:00',
					endTime: '2030-01-18T00:00:00',
					timeZone: 'America/New_York',
					serviceLocationId: ' svl_1 ',
				},
				context,
			),
		).toEqual({
			locationId: 'loc_cred',
			startTime: String(Date.parse('2030-01-17T05:00:00Z')),
			endTime: String(Date.parse('2030-01-18T05:00:00Z')),
			timezone: 'America/New_York',
			serviceLocationId: 'svl_1',
		});
	});

	it('refuses an end before the start', () => {
		expect(() =>
			normalizeServiceBookingWindow(
				{ startTime: '2030-01-18T00:00:00Z', endTime: '2030-01-17T00:00:00Z' },
				context,
			),
		).toThrow('is not after startTime');
	});
});

describe('query flags', () => {
	it('sends the options set, as booleans', () => {
		expect(bookingFlags({ overrideAvailability: true, skipSchedulingNotice: 'false' })).toEqual({
			overrideAvailability: true,
			skipSchedulingNotice: false,
		});
		expect(bookingFlags({ timeZone: 'UTC' })).toEqual({});
		expect(() => bookingFlags({ overrideAvailability: 'yes' })).toThrow('is not a boolean');
	});
});
