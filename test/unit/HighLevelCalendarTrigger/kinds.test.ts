import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_BOOKING_STATUS_NAMES } from '../../../nodes/HighLevelCalendar/helpers/constants';
import { SIMPLIFIED_SERVICE_BOOKING_FIELDS } from '../../../nodes/HighLevelCalendar/helpers/simplify';
import {
	APPOINTMENTS,
	idOf,
	KINDS,
	SERVICE_BOOKINGS,
} from '../../../nodes/HighLevelCalendarTrigger/kinds';
import {
	BOOKING_EVENT_NAMES,
	TRIGGER_EVENT_NAMES,
} from '../../../nodes/HighLevelCalendarTrigger/changes';

const spec = JSON.parse(
	readFileSync(join(__dirname, '../../sandbox/spec/v3/apps/calendars-v3.json'), 'utf8'),
) as {
	components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
};
const schema = (name: string) => spec.components.schemas[name].properties;

describe('the kinds', () => {
	it('booking statuses are the spec’s, every one', () => {
		expect(Object.keys(SERVICE_BOOKING_STATUS_NAMES).sort()).toEqual(
			[...schema('UpdateServiceBookingDTO').status.enum!].sort(),
		);
	});

	it('Simplify keeps only fields a booking has (ServiceBookingResponseDTO)', () => {
		const fields = Object.keys(schema('ServiceBookingResponseDTO'));
		expect(SIMPLIFIED_SERVICE_BOOKING_FIELDS.filter((field) => !fields.includes(field))).toEqual(
			[],
		);
		expect(
			SERVICE_BOOKINGS.simplify({ bookingId: 'b1', status: 'new', createdBy: { userId: 'u' } }),
		).toEqual({ bookingId: 'b1', status: 'new' });
	});

	it('each kind fires only its own events', () => {
		const own = (names: object) => Object.keys(names);
		expect(Object.values(APPOINTMENTS.events).sort()).toEqual(own(TRIGGER_EVENT_NAMES).sort());
		expect(Object.values(SERVICE_BOOKINGS.events).sort()).toEqual(own(BOOKING_EVENT_NAMES).sort());
		expect(KINDS).toEqual({ appointments: APPOINTMENTS, serviceBookings: SERVICE_BOOKINGS });
	});

	it('reads the id from the kind’s field, or `id`', () => {
		expect(idOf({ bookingId: 'b1', id: 'x' }, SERVICE_BOOKINGS)).toBe('b1');
		expect(idOf({ id: 'b2' }, SERVICE_BOOKINGS)).toBe('b2');
		expect(idOf({ id: 7 }, APPOINTMENTS)).toBe('7');
		expect(idOf({}, SERVICE_BOOKINGS)).toBeUndefined();
	});
});
