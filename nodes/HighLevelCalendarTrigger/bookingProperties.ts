import type { INodeProperties } from 'n8n-workflow';
import { namedOptions } from '../HighLevelCalendar/fields/namedOptions';
import { SERVICE_BOOKING_STATUS_NAMES } from '../HighLevelCalendar/helpers/constants';
import { SIMPLIFIED_SERVICE_BOOKING_FIELDS } from '../HighLevelCalendar/helpers/simplify';
import { BOOKING_EVENT_NAMES, type BookingEvent } from './changes';

/**
 * The trigger's fields for service bookings (Calendars API v3), shown with Trigger On: Service
 * Bookings. properties.ts places them among the appointment fields, in the editor's order; they
 * have names of their own where their values differ from an appointment's (events, statuses,
 * filters), so switching Trigger On never carries an appointment value into a booking field.
 */

const BOOKINGS = { triggerOn: ['serviceBookings'] };

export const triggerOnField: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Appointments',
			value: 'appointments',
			description: "A calendar's, user's or group's appointments, or every calendar's",
		},
		{
			name: 'Service Bookings',
			value: 'serviceBookings',
			description:
				"The sub-account's service bookings (Calendars API v3), or one service location's: one request per poll",
		},
	],
	default: 'appointments',
};

const EVENT_HELP: Record<BookingEvent, string> = {
	serviceBookingBooked: 'A new service booking in HighLevel since the last poll',
	serviceBookingCancelled: 'Its status became Cancelled; the item holds the previous status',
	serviceBookingDeleted:
		'A service booking disappeared from the window (confirmed with HighLevel first)',
	serviceBookingEnded: 'Its end time passed (not for cancelled or invalid bookings)',
	serviceBookingRescheduled: 'Its start or end moved; the item holds the previous times',
	serviceBookingStarting:
		'A chosen number of minutes before its start (not for cancelled or invalid bookings)',
	serviceBookingStatusChanged: 'Its status changed; the item holds the previous status',
	serviceBookingUpdated: 'Any change HighLevel reports (times, status, services, title, ...)',
};

export const bookingEventsField: INodeProperties = {
	displayName: 'Events',
	name: 'bookingEvents',
	type: 'multiOptions',
	required: true,
	options: namedOptions(BOOKING_EVENT_NAMES).map((option) => ({
		...option,
		description: EVENT_HELP[option.value as BookingEvent],
	})),
	default: ['serviceBookingBooked'],
	description:
		'What starts the workflow. Each output item has an "event" field naming what fired; one booking can fire several events in one poll.',
	displayOptions: { show: BOOKINGS },
};

const BOOKING_STATUS_OPTIONS = namedOptions(SERVICE_BOOKING_STATUS_NAMES);

export const bookingToStatusesField: INodeProperties = {
	displayName: 'To Statuses',
	name: 'bookingToStatuses',
	type: 'multiOptions',
	options: BOOKING_STATUS_OPTIONS,
	allowArbitraryValues: true,
	default: [],
	description:
		'Fire Service Booking Status Changed only when the new status is one of these (none: any). An expression may give a status as listed (No Show) or as HighLevel names it (no_show).',
	displayOptions: { show: { ...BOOKINGS, bookingEvents: ['serviceBookingStatusChanged'] } },
};

export const bookingSimplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	// The fields the action node's Service Booking Simplify keeps.
	description: `Whether to return only ${SIMPLIFIED_SERVICE_BOOKING_FIELDS.join(', ')} (and the event) instead of HighLevel's full object`,
	displayOptions: { show: BOOKINGS },
};

export const bookingFiltersField: INodeProperties = {
	displayName: 'Filters',
	name: 'bookingFilters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Service Location ID',
			name: 'serviceLocationId',
			type: 'string',
			default: '',
			placeholder: '65e5f6dfacf123513228d384',
			description:
				'Watch only the bookings at this service location (sent with each list, so HighLevel answers with less)',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: BOOKING_STATUS_OPTIONS,
			allowArbitraryValues: true,
			default: [],
			description:
				'Fire only for bookings that have one of these statuses now. An expression may give a status as listed (No Show) or as HighLevel names it (no_show).',
		},
	],
	displayOptions: { show: BOOKINGS },
};
