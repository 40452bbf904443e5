/**
 * The trigger's panel as n8n resolves it (NodeHelpers.getNodeParameters: what the editor shows and
 * the engine keeps), per Trigger On: a workflow saved before Trigger On existed shows what it
 * showed, plus Trigger On; service bookings show their own events, statuses and filters.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import { HighLevelCalendarTrigger } from '../../../nodes/HighLevelCalendarTrigger/HighLevelCalendarTrigger.node';
import { APPOINTMENT_STATUS_NAMES } from '../../../nodes/HighLevelCalendar/helpers/constants';
import { SERVICE_BOOKING_STATUS_NAMES as BOOKING_STATUS_NAMES } from '../../../nodes/HighLevelCalendar/helpers/constants';
import {
	POLLING_TRIGGER_SUBTITLE,
	triggerProperties,
} from '../../../nodes/HighLevelCalendarTrigger/properties';

const description = new HighLevelCalendarTrigger().description;
const { properties } = description;

const shown = (values: INodeParameters) =>
	NodeHelpers.getNodeParameters(properties, values, true, false, null, description)!;

/** The field (by name and, for a duplicate name, the one shown) in a panel's settings. */
const fieldShown = (name: string, values: INodeParameters): INodeProperties =>
	properties.find(
		(p) => p.name === name && NodeHelpers.displayParameter(shown(values), p, null, description),
	)!;

const valuesOf = (field: INodeProperties) =>
	(field.options as Array<{ value: string }>).map((option) => option.value).sort();

describe("the trigger's panel", () => {
	it('Trigger On comes first and defaults to Appointments', () => {
		expect(triggerProperties[0]).toMatchObject({
			name: 'triggerOn',
			default: 'appointments',
		});
	});

	it('an appointment workflow shows what it showed before, plus Trigger On', () => {
		expect(Object.keys(shown({}))).toEqual([
			'authentication',
			'triggerOn',
			'watch',
			'calendarId',
			'events',
			'simplify',
			'filters',
			'options',
			'rateLimit',
		]);
		expect(
			Object.keys(
				shown({
					watch: 'user',
					events: ['appointmentStarting', 'appointmentStatusChanged'],
				}),
			),
		).toEqual([
			'authentication',
			'triggerOn',
			'watch',
			'userId',
			'events',
			'minutesBefore',
			'toStatuses',
			'simplify',
			'filters',
			'options',
			'rateLimit',
		]);
	});

	it('service bookings show their events, To Statuses and filters, no calendar, user or group', () => {
		expect(Object.keys(shown({ triggerOn: 'serviceBookings' }))).toEqual([
			'authentication',
			'triggerOn',
			'bookingEvents',
			'simplify',
			'bookingFilters',
			'options',
			'rateLimit',
		]);
		const values = {
			triggerOn: 'serviceBookings',
			bookingEvents: ['serviceBookingStarting', 'serviceBookingStatusChanged'],
			// Left over from Appointments: dropped, not shown.
			events: ['appointmentStarting'],
			watch: 'group',
		};
		expect(Object.keys(shown(values))).toEqual([
			'authentication',
			'triggerOn',
			'bookingEvents',
			'minutesBefore',
			'bookingToStatuses',
			'simplify',
			'bookingFilters',
			'options',
			'rateLimit',
		]);
		expect(fieldShown('minutesBefore', values).description).toMatch(/^Service Booking Starting/);
		expect(fieldShown('simplify', values).description).toContain('bookingId');
	});

	it('appointment statuses include completed and active; bookings have their own', () => {
		const appointments = { events: ['appointmentStatusChanged'] };
		const appointmentStatuses = Object.keys(APPOINTMENT_STATUS_NAMES).sort();
		expect(valuesOf(fieldShown('toStatuses', appointments))).toEqual(appointmentStatuses);
		const filters = fieldShown('filters', appointments).options as INodeProperties[];
		const appointmentFilter = filters.find((f) => f.name === 'appointmentStatus')!;
		expect(valuesOf(appointmentFilter)).toEqual(appointmentStatuses);
		expect(appointmentStatuses).toEqual(expect.arrayContaining(['completed', 'active']));

		const bookings = {
			triggerOn: 'serviceBookings',
			bookingEvents: ['serviceBookingStatusChanged'],
		};
		const bookingStatuses = ['cancelled', 'confirmed', 'invalid', 'new', 'no_show', 'showed'];
		expect(valuesOf(fieldShown('bookingToStatuses', bookings))).toEqual(bookingStatuses);
		const bookingFilters = fieldShown('bookingFilters', bookings).options as INodeProperties[];
		expect(bookingFilters.map((f) => f.name)).toEqual(['serviceLocationId', 'status']);
		expect(valuesOf(bookingFilters[1])).toEqual(bookingStatuses);
		expect(Object.keys(BOOKING_STATUS_NAMES).sort()).toEqual(bookingStatuses);
		expect(bookingFilters[1].allowArbitraryValues).toBe(true);
	});

	it('the subtitle names the events of what is watched', () => {
		const subtitle = (parameter: Record<string, unknown>) =>
			// eslint-disable-next-line @typescript-eslint/no-implied-eval
			new Function('$parameter', `return ${POLLING_TRIGGER_SUBTITLE.slice(4, -3)}`)(parameter);
		expect(subtitle({ events: ['appointmentBooked', 'appointmentStatusChanged'] })).toBe(
			'Booked, Status Changed',
		);
		expect(
			subtitle({
				triggerOn: 'serviceBookings',
				events: ['appointmentBooked'],
				bookingEvents: ['serviceBookingCancelled'],
			}),
		).toBe('Cancelled');
	});
});
