import { readBookingSettings } from '../../../nodes/HighLevelCalendarTrigger/bookingSettings';
import { watchKeyOf } from '../../../nodes/HighLevelCalendarTrigger/settings';

/** Reads like n8n: a parameter not set has the editor's default (Events: Booked). */
const settingsOf = (values: Record<string, unknown>) => {
	const stored: Record<string, unknown> = {
		triggerOn: 'serviceBookings',
		bookingEvents: ['serviceBookingBooked'],
		...values,
	};
	return readBookingSettings((name, fallback) => (name in stored ? stored[name] : fallback));
};

describe('readBookingSettings', () => {
	it('defaults: every booking of the sub-account, Booked, the window of appointments', () => {
		const settings = settingsOf({});
		expect(settings).toMatchObject({
			triggerOn: 'serviceBookings',
			watch: 'location',
			targetId: '',
			events: ['serviceBookingBooked'],
			toStatuses: [],
			minutesBefore: 0,
			statuses: [],
			serviceLocationIds: [],
			lookAheadDays: 30,
			lookBackHours: 24,
			simplify: true,
		});
		expect(watchKeyOf(settings)).toBe('serviceBookings:');
	});

	it('takes the editor names an expression may give', () => {
		const settings = settingsOf({
			bookingEvents: 'Service Booking Booked, service booking cancelled, serviceBookingStarting',
			minutesBefore: '30',
			bookingFilters: { status: ['No Show', 'confirmed'], serviceLocationId: ' sl1 ' },
		});
		expect(settings).toMatchObject({
			events: ['serviceBookingBooked', 'serviceBookingCancelled', 'serviceBookingStarting'],
			minutesBefore: 30,
			statuses: ['no_show', 'confirmed'],
			targetId: 'sl1',
			serviceLocationIds: ['sl1'],
		});
		expect(watchKeyOf(settings)).toBe('serviceBookings:sl1');
	});

	it('To Statuses takes the booking statuses (noshow as HighLevel names appointments is no_show)', () => {
		expect(
			settingsOf({
				bookingEvents: ['serviceBookingStatusChanged'],
				bookingToStatuses: ['noshow', 'Showed'],
			}).toStatuses,
		).toEqual(['no_show', 'showed']);
	});

	it.each([
		[
			{ bookingEvents: [] },
			'bookingEvents [] is empty. Choose at least one event, such as Service Booking Booked.',
		],
		[
			{ bookingEvents: ['appointmentBooked'] },
			'bookingEvents "appointmentBooked" is not an allowed value.',
		],
		[
			{ bookingEvents: ['serviceBookingStatusChanged'], bookingToStatuses: ['completed'] },
			'bookingToStatuses "completed" is not an allowed value.',
		],
		[{ bookingFilters: { status: ['active'] } }, 'status "active" is not an allowed value.'],
		[
			{ bookingEvents: ['serviceBookingStarting'], minutesBefore: -1 },
			'minutesBefore -1 is out of range.',
		],
		[{ options: { lookAheadDays: 91 } }, 'lookAheadDays 91 is out of range.'],
	])('refuses %j', (values, message) => {
		expect(() => settingsOf(values)).toThrow(message);
	});

	it('ignores the appointment fields a switched trigger may still hold', () => {
		const settings = settingsOf({
			events: ['appointmentEnded'],
			filters: { calendarId: 'cal1' },
			toStatuses: ['bogus'],
		});
		expect(settings).toMatchObject({ events: ['serviceBookingBooked'], calendarIds: [] });
	});
});
