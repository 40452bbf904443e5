import type { INodeProperties } from 'n8n-workflow';
import { pickerField } from '../../fields/locators';
import {
	AVAILABILITY_TYPE_NAMES,
	BOOKING_AFTER_UNIT_NAMES,
	BOOKING_FOR_UNIT_NAMES,
	CALENDAR_TYPE_NAMES,
	DURATION_UNIT_NAMES,
	EVENT_TYPE_NAMES,
	FORM_SUBMIT_TYPE_NAMES,
	GUEST_TYPE_NAMES,
	optionsOf,
	WIDGET_TYPE_NAMES,
} from './enums';
import { nestedOptions } from './nestedFields';

/**
 * The optional fields of Calendar Create (calendarAdditionalFields) and Update
 * (calendarUpdateFields): CalendarCreateDTO and CalendarUpdateDTO, under their API names, with the
 * spec's help text where it has one. Each is sent only when the user added it.
 */

type Mode = 'create' | 'update';

const text = (
	displayName: string,
	name: string,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties => ({ displayName, name, type: 'string', default: '', description, ...extra });

const flag = (
	displayName: string,
	name: string,
	description: string,
	byDefault: boolean,
): INodeProperties =>
	byDefault
		? { displayName, name, type: 'boolean', default: true, description }
		: { displayName, name, type: 'boolean', default: false, description };

const amount = (
	displayName: string,
	name: string,
	description: string,
	byDefault: number,
	minValue = 0,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue },
	default: byDefault,
	description,
});

const choice = (
	displayName: string,
	name: string,
	names: Record<string, string>,
	byDefault: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: optionsOf(names),
	default: byDefault,
	description,
});

const unit = (displayName: string, name: string, what: string): INodeProperties =>
	choice(displayName, name, DURATION_UNIT_NAMES, 'mins', `Unit for ${what}`);

/** Fields both collections have. */
const commonFields: INodeProperties[] = [
	text('Alert Email', 'alertEmail', 'Email address that gets the booking alerts of this calendar', {
		placeholder: 'alerts@example.com',
	}),
	amount('Allow Booking After', 'allowBookingAfter', 'Minimum scheduling notice for events', 0),
	choice(
		'Allow Booking After Unit',
		'allowBookingAfterUnit',
		BOOKING_AFTER_UNIT_NAMES,
		'days',
		'Unit for minimum scheduling notice',
	),
	amount(
		'Allow Booking For',
		'allowBookingFor',
		'Minimum number of days/weeks/months for which to allow booking events',
		0,
	),
	choice(
		'Allow Booking For Unit',
		'allowBookingForUnit',
		BOOKING_FOR_UNIT_NAMES,
		'days',
		'Unit for controlling the duration for which booking would be allowed for',
	),
	flag(
		'Allow Cancellation',
		'allowCancellation',
		'Whether booked appointments can be cancelled',
		true,
	),
	flag(
		'Allow Reschedule',
		'allowReschedule',
		'Whether booked appointments can be rescheduled',
		true,
	),
	amount(
		'Appointments per Day',
		'appoinmentPerDay',
		'Number of appointments that can be booked for a given day (appoinmentPerDay)',
		0,
	),
	amount(
		'Appointments per Slot',
		'appoinmentPerSlot',
		'Maximum bookings per slot (per user). Maximum seats per slot in case of Class Booking Calendar (appoinmentPerSlot).',
		1,
		1,
	),
	flag(
		'Auto Confirm',
		'autoConfirm',
		'Whether new appointments are confirmed at once (otherwise they wait for a user to confirm them)',
		true,
	),
	{
		displayName: 'Availability Type',
		name: 'availabilityType',
		type: 'options',
		options: optionsOf(AVAILABILITY_TYPE_NAMES, true),
		default: 0,
		description:
			'Which availability type to consider: only open hours (0) or only custom availabilities (1). Not set, both the custom availabilities and open hours are considered.',
	},
	pickerField('group', { description: 'The calendar group the calendar belongs to (groupId)' }),
	text('Calendar Cover Image', 'calendarCoverImage', 'URL of the cover image of the booking page', {
		placeholder: 'https://path-to-image.com',
	}),
	text('Consent Label', 'consentLabel', 'Text of the consent checkbox on the booking form'),
	text('Description', 'description', 'Description of the calendar', {
		typeOptions: { rows: 3 },
		placeholder: 'this is used for testing',
	}),
	flag(
		'Enable Recurring',
		'enableRecurring',
		'Whether to enable recurring appointments for the calendar. Only one member should be added in the calendar to enable this.',
		false,
	),
	{
		displayName: 'Event Color',
		name: 'eventColor',
		type: 'color',
		default: '#039be5',
		description: 'Color of the calendar’s appointments',
	},
	text(
		'Event Title',
		'eventTitle',
		'Title of the booked appointments; HighLevel fills in its template fields such as {{contact.name}}',
		{ default: '{{contact.name}}' },
	),
	choice(
		'Event Type',
		'eventType',
		EVENT_TYPE_NAMES,
		'RoundRobin_OptimizeForAvailability',
		'How a Round Robin calendar picks the team member of a booking',
	),
	text('Form ID', 'formId', 'ID of the form the booking page shows'),
	text(
		'Form Submit Redirect URL',
		'formSubmitRedirectURL',
		'Where the booking page sends the contact after booking, with Form Submit Type Redirect to URL',
		{ placeholder: 'https://example.com/thank-you' },
	),
	text(
		'Form Submit Thanks Message',
		'formSubmitThanksMessage',
		'Message shown after booking, with Form Submit Type Thank You Message',
	),
	choice(
		'Form Submit Type',
		'formSubmitType',
		FORM_SUBMIT_TYPE_NAMES,
		'ThankYouMessage',
		'What the booking page does after a booking',
	),
	flag(
		'Google Invitation Emails',
		'googleInvitationEmails',
		"Whether Google Calendar sends its own invitation emails to the appointment's guests",
		false,
	),
	choice(
		'Guest Type',
		'guestType',
		GUEST_TYPE_NAMES,
		'count_only',
		'Whether the booking form only counts the guests a contact brings, or collects their details',
	),
	flag('Is Active', 'isActive', 'Whether the calendar is active (false: a draft)', true),
	flag(
		'Is Live Payment Mode',
		'isLivePaymentMode',
		'Whether payments on the booking page are taken live (false: test mode)',
		false,
	),
	text('Notes', 'notes', 'Notes of the calendar', { typeOptions: { rows: 3 } }),
	text('Pixel ID', 'pixelId', 'Facebook pixel ID tracked on the booking page'),
	amount(
		'Pre-Buffer',
		'preBuffer',
		'Pre-Buffer is additional time that can be added before an appointment, allowing for extra time to get ready',
		0,
	),
	unit('Pre-Buffer Unit', 'preBufferUnit', 'pre-buffer'),
	flag(
		'Should Assign Contact to Team Member',
		'shouldAssignContactToTeamMember',
		"Whether the booked contact is assigned to the appointment's team member",
		false,
	),
	flag(
		'Should Send Alert Emails to Assigned Member',
		'shouldSendAlertEmailsToAssignedMember',
		"Whether booking alerts go to the appointment's team member",
		false,
	),
	flag(
		'Should Skip Assigning Contact for Existing',
		'shouldSkipAssigningContactForExisting',
		'Whether a contact who already has an assigned user keeps them',
		false,
	),
	amount(
		'Slot Buffer',
		'slotBuffer',
		'Slot-Buffer is additional time that can be added after an appointment, allowing for extra time to wrap up',
		0,
	),
	amount('Slot Duration', 'slotDuration', 'This controls the duration of the meeting', 30, 1),
	unit('Slot Duration Unit', 'slotDurationUnit', 'slot duration'),
	amount(
		'Slot Interval',
		'slotInterval',
		'Slot interval reflects the amount of time the between booking slots that will be shown in the calendar',
		30,
		1,
	),
	unit('Slot Interval Unit', 'slotIntervalUnit', 'slot interval'),
	text('Slug', 'slug', 'The booking page’s address part', { placeholder: 'test1' }),
	flag(
		'Sticky Contact',
		'stickyContact',
		'Whether a returning contact is booked with the team member they had before',
		false,
	),
	text('Widget Slug', 'widgetSlug', 'The booking widget’s address part', { placeholder: 'test1' }),
	choice(
		'Widget Type',
		'widgetType',
		WIDGET_TYPE_NAMES,
		'classic',
		'Calendar widget type: "default" is the Neo layout, "classic" the Classic one',
	),
];

/** Only CalendarCreateDTO has them: the type is fixed once created, and so (in the spec) is the buffer's unit. */
const createOnlyFields: INodeProperties[] = [
	choice(
		'Calendar Type',
		'calendarType',
		CALENDAR_TYPE_NAMES,
		'event',
		'Type of the calendar. Round Robin, Collective, Class Booking and Service Booking calendars need team members; a Personal calendar exactly one.',
	),
	unit('Slot Buffer Unit', 'slotBufferUnit', 'slot buffer'),
];

/** Create has Name top-level (it is required); Update has it here. */
const updateOnlyFields: INodeProperties[] = [
	text('Name', 'name', 'Name of the calendar', { placeholder: 'Discovery Calls' }),
];

export function calendarFields(mode: Mode): INodeProperties[] {
	return [
		...commonFields,
		...(mode === 'create' ? createOnlyFields : updateOnlyFields),
		...nestedOptions(mode),
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
