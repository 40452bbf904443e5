import type { INodeProperties } from 'n8n-workflow';
import { locationIdOverrideField, TIME_HINT, timeZoneOptions } from '../../fields/options';
import { namedOptions } from '../../fields/namedOptions';
import {
	pickerField,
	serviceLocationLocator,
	serviceLocator,
	userLocator,
} from '../../fields/locators';
import { simplifyField } from '../../fields/simplify';
import {
	BOOKING_CONTACT_FILTER,
	SERVICE_BOOKING_CREATE_STATUS_NAMES,
	SERVICE_BOOKING_STATUS_NAMES,
} from '../../helpers/constants';
import { SERVICE_BOOKING_SHAPE } from '../../helpers/simplify';

/**
 * The fields of service bookings (calendars-v3.json: CreatePublicServiceBookingDTO,
 * UpdateServiceBookingDTO, Get Service Bookings' query), with the spec's help texts. Contact, Start
 * Time and End Time are the event fields' properties (resources/event/fields.ts and getMany.ts),
 * shown for this resource too: one property per name (docs/architecture.md).
 */

export const RESOURCE = 'serviceBooking';

/** The booking addressed by `{bookingId}`: From List shows the coming 30 days' bookings. */
export const bookingIdField: INodeProperties = pickerField('serviceBooking', {
	required: true,
	description:
		"The service booking (bookingId), from Service Booking: Get Many or a create's answer. From List shows the bookings of the coming 30 days.",
	displayOptions: { show: { resource: [RESOURCE], operation: ['get', 'update', 'delete'] } },
});

const serviceIdHelp =
	'The service booked (its id in the services catalog: Service: Get Many lists the services and their IDs)';

/** The services booked: Create's (at least one) and Update's (they replace the booking's). */
export const servicesField: INodeProperties = {
	displayName: 'Services',
	name: 'services',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Service',
	default: {},
	description:
		"The services booked, in order (position is the list's order). On Update, the services given replace all of the booking's services; leave empty to keep them.",
	displayOptions: { show: { resource: [RESOURCE], operation: ['create', 'update'] } },
	options: [
		{
			displayName: 'Service',
			name: 'service',
			values: [
				serviceLocator({
					displayName: 'Service',
					name: 'id',
					required: true,
					description: serviceIdHelp,
				}),
				userLocator({
					displayName: 'Staff',
					name: 'staffId',
					description:
						"The team member (a HighLevel user) who gives the service (staffId). Empty lets HighLevel assign one of the service's staff.",
				}),
				{
					displayName: 'Add-Ons',
					name: 'addOns',
					type: 'string',
					default: '',
					placeholder: 'addon1, addon2',
					description:
						"Add-ons of the service (addOns): add-on IDs separated by commas, or a JSON list of objects with each add-on's ID, quantity and duration (minutes), as HighLevel's ServiceAddOnDTO",
				},
			],
		},
	],
};

const serviceLocationIdOption: INodeProperties = serviceLocationLocator({
	displayName: 'Service Location',
	name: 'serviceLocationId',
	description:
		'Where the service is given (serviceLocationId; Service Location: Get Many lists them). Empty on Create uses the default service location.',
});

const meetingLocationOption: INodeProperties = {
	displayName: 'Meeting Location',
	name: 'meetingLocation',
	type: 'string',
	default: '',
	placeholder: '123 Main St, Anytown, USA',
	description:
		'Where to meet, for a service location that asks the booker (meetingLocation); HighLevel ignores it for other locations and says so in messages',
};

const titleOption: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	placeholder: 'Jane Doe - Hair Styling',
	description: 'Service booking title',
};

const bookingTimeZoneOption: INodeProperties = {
	displayName: 'Booking Time Zone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'America/New_York',
	description:
		"The booking's IANA time zone (timezone). Empty on Create uses Options > Time Zone, else the workflow's time zone.",
};

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** Create's Additional Fields: what CreatePublicServiceBookingDTO takes besides the required. */
export const createFields: INodeProperties[] = [
	servicesField,
	{
		displayName: 'Additional Fields',
		name: 'serviceBookingAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: ['create'] } },
		options: (
			[
				bookingTimeZoneOption,
				locationIdOverrideField,
				meetingLocationOption,
				serviceLocationIdOption,
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: namedOptions(SERVICE_BOOKING_CREATE_STATUS_NAMES),
					allowArbitraryValues: true,
					default: 'confirmed',
					description:
						"The booking's status. Not set, HighLevel uses the status of the Service Global Settings.",
				},
				titleOption,
			] as INodeProperties[]
		).sort(byDisplayName),
	},
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'serviceBookingUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: ['update'] } },
		options: (
			[
				bookingTimeZoneOption,
				{
					displayName: 'End Time',
					name: 'endTime',
					type: 'dateTime',
					hint: TIME_HINT,
					default: '',
					description: 'When the booking ends; must be after the start time. Read like Start Time.',
				},
				meetingLocationOption,
				serviceLocationIdOption,
				{
					displayName: 'Start Time',
					name: 'startTime',
					type: 'dateTime',
					hint: TIME_HINT,
					default: '',
					description:
						'When the booking starts. ISO 8601 with an offset keeps its instant; a time without an offset is read in the Time Zone option.',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: namedOptions(SERVICE_BOOKING_STATUS_NAMES),
					allowArbitraryValues: true,
					default: 'confirmed',
					description:
						"The booking's status. An expression may give it as listed (No Show) or as HighLevel names it (no_show).",
				},
				titleOption,
			] as INodeProperties[]
		).sort(byDisplayName),
	},
];

const flagOptions: INodeProperties[] = [
	{
		displayName: 'Override Availability',
		name: 'overrideAvailability',
		type: 'boolean',
		default: false,
		description:
			'Whether to skip the time slot validation, the minimum scheduling notice included (overrideAvailability)',
	},
	{
		displayName: 'Skip Scheduling Notice',
		name: 'skipSchedulingNotice',
		type: 'boolean',
		default: false,
		description:
			'Whether to ignore the minimum scheduling notice and the date range (skipSchedulingNotice)',
	},
];

/** After Services and the collections of Create and Update: Simplify, then Options. */
export const writeOptionFields: INodeProperties[] = [
	...simplifyField(RESOURCE, ['create', 'get', 'update'], false, SERVICE_BOOKING_SHAPE),
	timeZoneOptions(RESOURCE, ['create', 'update'], flagOptions),
];

/**
 * Get Many's Filter By. HighLevel lists a window of the whole location; Contact keeps one
 * contact's bookings (filtered after HighLevel answers). Its values are this resource's own: the
 * event fields' Contact shows with Contact here, and their window with either.
 */
export const filterByField: INodeProperties = {
	displayName: 'Filter By',
	name: 'filterBy',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'None', value: 'none', description: 'Every booking in the window' },
		{
			name: 'Contact',
			value: BOOKING_CONTACT_FILTER,
			description: "One contact's bookings in the window (filtered after HighLevel answers)",
		},
	],
	default: 'none',
	description: "HighLevel lists the bookings of a time window; Contact keeps one contact's",
	displayOptions: { show: { resource: [RESOURCE], operation: ['getAll'] } },
};

/** After Return All and Limit: Simplify and Get Many's Options. */
export const getManyFields: INodeProperties[] = [
	...simplifyField(RESOURCE, ['getAll'], true, SERVICE_BOOKING_SHAPE),
	timeZoneOptions(
		RESOURCE,
		['getAll'],
		[
			{
				...serviceLocationIdOption,
				description:
					'Only bookings at this service location (serviceLocationId; Service Location: Get Many lists them)',
			},
		],
	),
];
