import type { INodeProperties } from 'n8n-workflow';
import { triggerProperties, LIMITS } from '../../../nodes/HighLevelCalendarTrigger/properties';
import {
	readSettings,
	readTriggerOn,
	watchKeyOf,
	windowOf,
} from '../../../nodes/HighLevelCalendarTrigger/settings';

const read = (values: Record<string, unknown>) => (name: string, fallback: unknown) =>
	name in values ? values[name] : fallback;
const settingsOf = (values: Record<string, unknown>) =>
	readSettings(read({ calendarId: 'cal1', events: ['appointmentBooked'], ...values }), (name) =>
		String(values[name] ?? (name === 'calendarId' ? 'cal1' : '')),
	);

describe('readSettings', () => {
	it('reads defaults', () => {
		expect(settingsOf({})).toMatchObject({
			watch: 'calendar',
			targetId: 'cal1',
			events: ['appointmentBooked'],
			lookAheadDays: 30,
			lookBackHours: 24,
			simplify: true,
		});
	});

	it('takes the editor names an expression may give', () => {
		const settings = settingsOf({
			watch: 'Every Calendar',
			events: 'Appointment Booked, appointmentEnded',
			filters: { appointmentStatus: ['Confirmed', 'noshow'], calendarId: 'a, b' },
		});
		expect(settings).toMatchObject({
			watch: 'location',
			targetId: '',
			events: ['appointmentBooked', 'appointmentEnded'],
			statuses: ['confirmed', 'noshow'],
			calendarIds: ['a', 'b'],
		});
	});

	it('takes To Statuses as listed or as HighLevel names them', () => {
		const settings = settingsOf({
			events: ['appointmentStatusChanged'],
			toStatuses: ['No Show', 'showed'],
		});
		expect(settings.toStatuses).toEqual(['noshow', 'showed']);
		expect(
			settingsOf({ events: ['appointmentStatusChanged'], toStatuses: 'no show, New' }),
		).toMatchObject({
			toStatuses: ['noshow', 'new'],
		});
	});

	it.each([
		[{ events: [] }, 'events [] is empty. Choose at least one event, such as Appointment Booked.'],
		[{ watch: 'everything' }, 'watch "everything" is not an allowed value.'],
		[{ watch: 'user' }, 'userId "" is empty. Pick the user to watch, or enter its ID.'],
		[
			{ options: { lookAheadDays: 91 } },
			'lookAheadDays 91 is out of range. Use a whole number from 1 to 90.',
		],
		[
			{ options: { lookBackHours: -1 } },
			'lookBackHours -1 is out of range. Use a whole number from 0 to 744.',
		],
		[{ events: ['appointmentStarting'], minutesBefore: 2.5 }, 'minutesBefore 2.5 is out of range.'],
		[
			{ events: ['appointmentStatusChanged'], toStatuses: ['done'] },
			'toStatuses "done" is not an allowed value.',
		],
	])('refuses %j', (values, message) => {
		expect(() => settingsOf(values)).toThrow(message);
	});
});

describe('readTriggerOn', () => {
	it('is Appointments for a workflow saved before the field existed', () => {
		expect(readTriggerOn(read({}))).toBe('appointments');
		expect(readTriggerOn(read({ triggerOn: 'Service Bookings' }))).toBe('serviceBookings');
		expect(() => readTriggerOn(read({ triggerOn: 'bookings' }))).toThrow(
			'triggerOn "bookings" is not an allowed value.',
		);
	});

	it('an appointment watch keeps the key it had, so its state carries over', () => {
		expect(settingsOf({}).triggerOn).toBe('appointments');
		expect(watchKeyOf(settingsOf({ watch: 'location' }))).toBe('location:');
	});

	it('reads completed and active as statuses', () => {
		const settings = settingsOf({
			events: ['appointmentStatusChanged'],
			toStatuses: 'Completed, active',
			filters: { appointmentStatus: ['ACTIVE'] },
		});
		expect(settings).toMatchObject({ toStatuses: ['completed', 'active'], statuses: ['active'] });
	});
});

describe('window and watch key', () => {
	it('spans the look-back to the look-ahead', () => {
		const settings = settingsOf({ options: { lookAheadDays: 2, lookBackHours: 3 } });
		expect(windowOf(settings, 1_000_000_000_000)).toEqual({
			startMs: 1_000_000_000_000 - 3 * 3_600_000,
			endMs: 1_000_000_000_000 + 2 * 86_400_000,
		});
		expect(watchKeyOf(settings)).toBe('calendar:cal1');
	});
});

describe('the fields', () => {
	const field = (name: string, within?: string): INodeProperties => {
		const list = within
			? (triggerProperties.find((p) => p.name === within)!.options as INodeProperties[])
			: triggerProperties;
		return list.find((p) => p.name === name)!;
	};

	it('show the limits settings.ts applies', () => {
		for (const [name, within] of [
			['lookAheadDays', 'options'],
			['lookBackHours', 'options'],
			['minutesBefore', undefined],
		] as const) {
			const limit = LIMITS[name];
			expect([name, field(name, within).default]).toEqual([name, limit.default]);
			expect([name, field(name, within).typeOptions?.maxValue]).toEqual([name, limit.max]);
		}
	});
});
