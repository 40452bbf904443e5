import type { INodeProperties } from 'n8n-workflow';
import { rateLimitOption } from '../HighLevelCalendar/fields/rateLimit';
import { APPOINTMENT_STATUS_OPTIONS } from '../HighLevelCalendar/fields/namedOptions';
import { calendarLocator, groupLocator, userLocator } from '../HighLevelCalendar/fields/locators';
import { SIMPLIFIED_EVENT_FIELDS } from '../HighLevelCalendar/helpers/simplify';
import {
	bookingEventsField,
	bookingFiltersField,
	bookingSimplifyField,
	bookingToStatusesField,
	triggerOnField,
} from './bookingProperties';

/**
 * The trigger's fields, in the order the editor shows them. Names are the API's where the value
 * is an API field (calendarId, userId, groupId, appointmentStatus); the window and the events
 * are the trigger's own. Trigger On comes first: the appointment fields show for Appointments (its
 * default, so a workflow saved before it existed reads as before), the booking fields
 * (bookingProperties.ts) for Service Bookings.
 */

/** The trigger's limits, checked before any request (settings.ts); the field help says them. */
export const LIMITS = {
	lookAheadDays: { default: 30, max: 90 },
	lookBackHours: { default: 24, max: 744 },
	minutesBefore: { default: 15, max: 10_080 },
};

/** The triggers' subtitle: the events chosen, "Booked, Rescheduled" (without "Appointment"). */
export const TRIGGER_SUBTITLE =
	'={{ [].concat($parameter["events"]).map(e => String(e).replace(/^appointment/, "").replace(/([a-z])([A-Z])/g, "$1 $2")).join(", ") }}';

/** The polling trigger's subtitle: the same, with the events of what it watches. */
export const POLLING_TRIGGER_SUBTITLE =
	'={{ [].concat($parameter["triggerOn"] === "serviceBookings" ? $parameter["bookingEvents"] : $parameter["events"]).map(e => String(e).replace(/^(appointment|serviceBooking)/, "").replace(/([a-z])([A-Z])/g, "$1 $2")).join(", ") }}';

/** Both triggers' To Statuses, shown with Appointment Status Changed. */
export const toStatusesField: INodeProperties = {
	displayName: 'To Statuses',
	name: 'toStatuses',
	type: 'multiOptions',
	options: APPOINTMENT_STATUS_OPTIONS,
	allowArbitraryValues: true,
	default: [],
	description:
		'Fire Appointment Status Changed only when the new status is one of these (none: any). An expression may give a status as listed (No Show) or as HighLevel names it (noshow).',
	displayOptions: { show: { events: ['appointmentStatusChanged'] } },
};

/** Both triggers' Simplify: the fields the action node's Simplify keeps. */
export const triggerSimplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: `Whether to return only ${SIMPLIFIED_EVENT_FIELDS.join(', ')} (and the event) instead of HighLevel's full object`,
};

/** The Filters both triggers share: status and assigned user (each adds its own). */
export const appointmentFilters: INodeProperties[] = [
	{
		displayName: 'Appointment Status',
		name: 'appointmentStatus',
		type: 'multiOptions',
		options: APPOINTMENT_STATUS_OPTIONS,
		allowArbitraryValues: true,
		default: [],
		description:
			'Fire only for appointments that have one of these statuses now. An expression may give a status as listed (No Show) or as HighLevel names it (noshow).',
	},
	{
		displayName: 'Assigned User IDs',
		name: 'assignedUserId',
		type: 'string',
		default: '',
		placeholder: 'CVokAlI8fgw4WYWoCtQz, 0007BWpSzSwfiuSl0tR2',
		description: 'Fire only for appointments assigned to one of these users (comma-separated)',
	},
];

const APPOINTMENTS = { triggerOn: ['appointments'] };

/** Minutes Before Start: one field for both kinds, shown with either Starting event. */
const minutesBeforeField: INodeProperties = {
	displayName: 'Minutes Before Start',
	name: 'minutesBefore',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: LIMITS.minutesBefore.max },
	default: 15, // LIMITS.minutesBefore.default
	description:
		'Appointment Starting fires in the first poll after this moment; with a poll every minute, up to a minute later',
	displayOptions: { show: { ...APPOINTMENTS, events: ['appointmentStarting'] } },
};

export const triggerProperties: INodeProperties[] = [
	triggerOnField,
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: APPOINTMENTS },
		options: [
			{ name: 'Calendar', value: 'calendar', description: 'One calendar (one request per poll)' },
			{
				name: 'Every Calendar',
				value: 'location',
				description:
					'Every calendar of the sub-account: one request per calendar and poll, which adds up in a big sub-account',
			},
			{ name: 'Group', value: 'group', description: 'A calendar group (one request per poll)' },
			{
				name: 'User',
				value: 'user',
				description: "A team member's appointments on any calendar (one request per poll)",
			},
		],
		default: 'calendar',
	},
	calendarLocator({
		required: true,
		displayOptions: { show: { ...APPOINTMENTS, watch: ['calendar'] } },
	}),
	userLocator({
		name: 'userId',
		required: true,
		displayOptions: { show: { ...APPOINTMENTS, watch: ['user'] } },
	}),
	groupLocator({
		required: true,
		displayOptions: { show: { ...APPOINTMENTS, watch: ['group'] } },
	}),
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		displayOptions: { show: APPOINTMENTS },
		options: [
			{
				name: 'Appointment Booked',
				value: 'appointmentBooked',
				description: 'A new appointment in HighLevel since the last poll',
			},
			{
				name: 'Appointment Deleted',
				value: 'appointmentDeleted',
				description: 'An appointment disappeared from the window (confirmed with HighLevel first)',
			},
			{
				name: 'Appointment Ended',
				value: 'appointmentEnded',
				description: 'Its end time passed (not for cancelled or invalid appointments)',
			},
			{
				name: 'Appointment Rescheduled',
				value: 'appointmentRescheduled',
				description: 'Its start or end moved; the item holds the previous times',
			},
			{
				name: 'Appointment Starting',
				value: 'appointmentStarting',
				description:
					'A chosen number of minutes before its start (not for cancelled or invalid appointments)',
			},
			{
				name: 'Appointment Status Changed',
				value: 'appointmentStatusChanged',
				description: 'Its status changed; the item holds the previous status',
			},
			{
				name: 'Appointment Updated',
				value: 'appointmentUpdated',
				description: 'Any change HighLevel reports (times, status, title, notes, ...)',
			},
		],
		default: ['appointmentBooked'],
		description:
			'What starts the workflow. Each output item has an "event" field naming what fired; one appointment can fire several events in one poll.',
	},
	bookingEventsField,
	minutesBeforeField,
	{
		...minutesBeforeField,
		description:
			'Service Booking Starting fires in the first poll after this moment; with a poll every minute, up to a minute later',
		displayOptions: {
			show: { triggerOn: ['serviceBookings'], bookingEvents: ['serviceBookingStarting'] },
		},
	},
	{
		...toStatusesField,
		displayOptions: { show: { ...APPOINTMENTS, ...toStatusesField.displayOptions?.show } },
	},
	bookingToStatusesField,
	{ ...triggerSimplifyField, displayOptions: { show: APPOINTMENTS } },
	bookingSimplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: APPOINTMENTS },
		options: [
			...appointmentFilters,
			{
				displayName: 'Calendar IDs',
				name: 'calendarId',
				type: 'string',
				default: '',
				placeholder: 'BqTwX8QFwXzpegMve9EQ',
				description:
					'Fire only for appointments on one of these calendars (comma-separated); for a user, group or every calendar',
			},
		],
	},
	bookingFiltersField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Look Ahead (Days)',
				name: 'lookAheadDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: LIMITS.lookAheadDays.max },
				default: 30, // LIMITS.lookAheadDays.default
				description: `How far ahead each poll looks (at most ${LIMITS.lookAheadDays.max} days). Appointments further ahead are seen only once they enter the window: one booked further ahead than this does not fire Appointment Booked (its later changes do fire).`,
			},
			{
				displayName: 'Look Back (Hours)',
				name: 'lookBackHours',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: LIMITS.lookBackHours.max },
				default: 24, // LIMITS.lookBackHours.default
				description: `How far back each poll looks (at most ${LIMITS.lookBackHours.max} hours): changes to appointments that ended longer ago are not seen. Keep it longer than the time between polls.`,
			},
		],
	},
	rateLimitOption,
];
