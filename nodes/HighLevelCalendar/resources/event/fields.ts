import type { INodeProperties } from 'n8n-workflow';
import {
	endTimeField as appointmentEndTimeField,
	optionalAppointmentFields,
} from './appointmentFields';
import { TIME_HINT, locationIdOverrideField } from '../../fields/options';
import { calendarLocator, contactLocator, userLocator } from '../../fields/locators';
import { BOOKING_CONTACT_FILTER } from '../../helpers/constants';

/**
 * Top-level fields that mean the same in several operations of appointments and block slots,
 * defined once each. n8n evaluates a node's parameter expressions once for every property of that
 * name, twice per item, before any request leaves (see docs/architecture.md): one property per
 * name keeps that to two. Their values reach the request through `parametersPreSend` (parameters.ts).
 */

const EVENT_RESOURCES = ['appointment', 'blockSlot'];

export const eventIdField: INodeProperties = {
	displayName: 'Event ID',
	name: 'eventId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'ocQHyuzHvysMo5N5VsXc',
	description:
		'ID of the appointment or block slot. For a recurring series, an instance ID (ocQHyuzHvysMo5N5VsXc_1729821600000_1800) addresses one occurrence and the master event ID the whole series.',
	// Appointment Update can address one occurrence of a series instead (see occurrence.ts).
	displayOptions: {
		show: { resource: EVENT_RESOURCES, operation: ['delete', 'get', 'update'] },
		hide: { target: ['occurrence'] },
	},
};

/** Create: the calendar booked (a block slot's only when it blocks a calendar); Get Many: the calendar listed. */
export const calendarIdField: INodeProperties = calendarLocator({
	required: true,
	description:
		'The HighLevel calendar (calendarId): where the appointment or block is, or whose events are listed',
	displayOptions: {
		show: { resource: EVENT_RESOURCES, operation: ['create', 'getAll'] },
		hide: { filterBy: ['contact', 'everyCalendar', 'group', 'user'], target: ['user'] },
	},
});

/**
 * Create's contact: who the appointment or service booking is for. Get Many's is its own property
 * (contactFilterField): n8n's editor keeps a hidden field's value while the panel is open, so a
 * Contact shown by `hide: { filterBy }` vanished from Create after a visit to Get Many left Filter
 * By set (the editor test found it). Two properties cost one more evaluation of a contact
 * expression per item (docs/architecture.md, "One property per name").
 */
export const contactIdField: INodeProperties = contactLocator({
	required: true,
	description: 'The HighLevel contact (contactId) the appointment or service booking is for',
	displayOptions: {
		show: { resource: ['appointment', 'serviceBooking'], operation: ['create'] },
	},
});

/** Get Many's contact (Filter By: Contact): whose appointments or service bookings are listed. */
export const contactFilterField: INodeProperties = contactLocator({
	required: true,
	description:
		'The HighLevel contact (contactId) whose appointments or service bookings are listed',
	displayOptions: {
		show: {
			resource: ['appointment', 'serviceBooking'],
			operation: ['getAll'],
			filterBy: ['contact', BOOKING_CONTACT_FILTER],
		},
	},
});

export const startTimeField: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	hint: TIME_HINT,
	required: true,
	default: '',
	description:
		'When the appointment, block or service booking starts; for Get Many, the start of the time window. ISO 8601 with an offset (2021-06-23T03:30:00+05:30) keeps its instant; a time without an offset is read in the Time Zone option. Expressions may also give a DateTime or epoch milliseconds.',
	displayOptions: {
		// Service bookings have a window (Get Many) and a start (Create) too.
		show: { resource: [...EVENT_RESOURCES, 'serviceBooking'], operation: ['create', 'getAll'] },
		hide: { filterBy: ['contact'] },
	},
};

// ---------------------------------------------------------------------------------------------
// The optional fields of create and update: one collection each for both resources. An option only
// one resource has is shown for that resource alone ('/resource' is the node's Resource field).

function onlyFor(resource: 'appointment' | 'blockSlot', field: INodeProperties): INodeProperties {
	return { ...field, displayOptions: { show: { '/resource': [resource] } } };
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

const titleOption: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	placeholder: 'Discovery call',
	description: 'Title of the appointment or block slot',
};

const BLOCK_TARGET_RULE = 'A block slot takes Calendar or Assigned User, not both.';

const assignedUserOption = userLocator({
	displayName: 'Assigned User',
	name: 'assignedUserId',
	description: `The HighLevel user (team member) who owns the appointment, or whose time the block slot blocks (assignedUserId). ${BLOCK_TARGET_RULE}`,
});

export const additionalFieldsField: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: { resource: EVENT_RESOURCES, operation: ['create'] } },
	options: [
		...[...optionalAppointmentFields, assignedUserOption, appointmentEndTimeField].map((field) =>
			onlyFor('appointment', field),
		),
		titleOption,
		locationIdOverrideField,
	].sort(byDisplayName),
};

export const updateFieldsField: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions: { show: { resource: EVENT_RESOURCES, operation: ['update'] } },
	options: [
		...optionalAppointmentFields.map((field) => onlyFor('appointment', field)),
		onlyFor('blockSlot', locationIdOverrideField),
		assignedUserOption,
		calendarLocator({
			description: `The calendar the appointment belongs to, or whose time the block slot blocks (calendarId). ${BLOCK_TARGET_RULE}`,
		}),
		{
			...startTimeField,
			required: false,
			displayOptions: undefined,
			description:
				'When it starts. ISO 8601 with an offset keeps its instant; a time without an offset is read in the Time Zone option.',
		},
		{
			...appointmentEndTimeField,
			description: 'When it ends; must be after the start time. Read like Start Time.',
		},
		titleOption,
	].sort(byDisplayName),
};

/** Block Slot and Service Booking Create's End Time, between Start Time and Additional Fields. */
export const blockEndTimeField: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	hint: TIME_HINT,
	required: true,
	default: '',
	description:
		'When the block or the service booking ends; must be after the start time. Read like Start Time.',
	displayOptions: { show: { resource: ['blockSlot', 'serviceBooking'], operation: ['create'] } },
};
