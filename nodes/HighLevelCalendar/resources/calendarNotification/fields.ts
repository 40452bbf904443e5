import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { calendarLocator, pickerField } from '../../fields/locators';
import { CHANNEL_NAMES, NOTIFICATION_TYPE_NAMES } from './normalize';
import { TIME_UNIT_NAMES } from './schedules';

/**
 * The fields of a calendar notification, with the spec's help texts. Create shows what the spec
 * requires (receiver, channel, type) and what the type needs (the times of a reminder or
 * follow-up, the emails or numbers of a list receiver) at the top; the rest is in Additional
 * Fields. Update offers everything in Update Fields.
 */

const RESOURCE = ['calendarNotification'];

const optionsOf = (names: Record<string, string>): INodePropertyOptions[] =>
	Object.entries(names).map(([value, name]) => ({ name, value }));

/**
 * The path's calendarId, here and in Event Calendar Schedule (whose every operation takes it too):
 * one property for both (see test/unit/properties.test.ts).
 */
export const notificationCalendarField: INodeProperties = calendarLocator({
	required: true,
	description:
		'The calendar (calendarId) whose notifications, or whose event calendar schedule, these are. An event calendar schedule needs a calendar of type Event.',
	displayOptions: { show: { resource: [...RESOURCE, 'eventCalendarSchedule'] } },
});

export const notificationIdField: INodeProperties = pickerField('calendarNotification', {
	required: true,
	displayOptions: { show: { resource: RESOURCE, operation: ['get', 'update', 'delete'] } },
});

const receiverTypeField: INodeProperties = {
	displayName: 'Receiver Type',
	name: 'receiverType',
	type: 'options',
	options: [
		{
			name: 'Assigned User',
			value: 'assignedUser',
			description: 'The user the appointment is with',
		},
		{ name: 'Business', value: 'business', description: 'The business (see Selected Users)' },
		{ name: 'Contact', value: 'contact', description: 'The contact who booked' },
		{ name: 'Emails', value: 'emails', description: 'The addresses in Additional Email IDs' },
		{ name: 'Guest', value: 'guest', description: "The appointment's guests" },
		{
			name: 'Phone Numbers',
			value: 'phoneNumbers',
			description: 'The numbers in Additional Phone Numbers',
		},
	],
	default: 'contact',
	description: 'Notification recipient type (receiverType)',
};

const channelField: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	options: optionsOf(CHANNEL_NAMES),
	default: 'email',
	description: 'Notification channel',
};

const notificationTypeField: INodeProperties = {
	displayName: 'Notification Type',
	name: 'notificationType',
	type: 'options',
	options: optionsOf(NOTIFICATION_TYPE_NAMES),
	default: 'reminder',
	description: 'Notification type: when it is sent (a reminder before, a follow-up after)',
};

const timesField = (name: 'beforeTime' | 'afterTime', description: string): INodeProperties => ({
	displayName: name === 'beforeTime' ? 'Before Time' : 'After Time',
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Time',
	default: {},
	description,
	options: [
		{
			displayName: 'Time',
			name: 'time',
			values: [
				{
					displayName: 'Time Offset',
					name: 'timeOffset',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
					description: 'How many units (timeOffset)',
				},
				{
					displayName: 'Unit',
					name: 'unit',
					type: 'options',
					options: optionsOf(TIME_UNIT_NAMES),
					default: 'hours',
				},
			],
		},
	],
});

const beforeTimeField = timesField(
	'beforeTime',
	'Specifies the time before which the reminder notification should be sent (beforeTime). Only for reminders.',
);
const afterTimeField = timesField(
	'afterTime',
	'Specifies the time after which the follow-up notification should be sent (afterTime). Only for follow-ups.',
);

const emailsField: INodeProperties = {
	displayName: 'Additional Email IDs',
	name: 'additionalEmailIds',
	type: 'string',
	default: '',
	placeholder: 'frontdesk@example.com, owner@example.com',
	description: 'Additional email addresses to receive notifications, separated by commas',
};

const phonesField: INodeProperties = {
	displayName: 'Additional Phone Numbers',
	name: 'additionalPhoneNumbers',
	type: 'string',
	default: '',
	placeholder: '+14155550100, +14155550101',
	description: 'Additional phone numbers (E.164) to receive notifications, separated by commas',
};

const jsonOption = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'json',
	default: '',
	description,
});

/** Every optional field, shared by Additional Fields (Create) and Update Fields. */
const optionalFields: INodeProperties[] = [
	jsonOption(
		'After Time (JSON)',
		'afterTimeJson',
		'The follow-up times as a list, e.g. [{"timeOffset": 1, "unit": "days"}], instead of After Time',
	),
	jsonOption(
		'Before Time (JSON)',
		'beforeTimeJson',
		'The reminder times as a list, e.g. [{"timeOffset": 30, "unit": "minutes"}], instead of Before Time',
	),
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Body for email notification. Not necessary for in-App notification.',
	},
	{
		displayName: 'From Address',
		name: 'fromAddress',
		type: 'string',
		placeholder: 'frontdesk@example.com',
		default: '',
		description: 'From address for email notification',
	},
	{
		displayName: 'From Name',
		name: 'fromName',
		type: 'string',
		default: '',
		description: 'From name for email/sms notification',
	},
	{
		displayName: 'From Number',
		name: 'fromNumber',
		type: 'string',
		placeholder: '+14155550100',
		default: '',
		description: 'From number for sms notification (E.164)',
	},
	{
		displayName: 'Is Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the notification is active',
	},
	{
		displayName: 'Selected Users',
		name: 'selectedUsers',
		type: 'string',
		default: '',
		placeholder: 'userId1, sub_account_admin',
		description:
			'Selected users for in-App and business email notifications, separated by commas. Supports user IDs and the special keyword "sub_account_admin".',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		description: 'Subject for email notification. Not necessary for in-App notification.',
	},
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		default: '',
		description: 'Template ID for email notification. Not necessary for in-App notification.',
	},
];

const deletedField: INodeProperties = {
	displayName: 'Deleted',
	name: 'deleted',
	type: 'boolean',
	default: false,
	description: 'Whether the notification is deleted (a soft delete; false restores it)',
};

const createShow = { resource: RESOURCE, operation: ['create'] };

export const createFields: INodeProperties[] = [
	{ ...notificationTypeField, required: true, displayOptions: { show: createShow } },
	{ ...channelField, required: true, displayOptions: { show: createShow } },
	{ ...receiverTypeField, required: true, displayOptions: { show: createShow } },
	{
		...beforeTimeField,
		displayOptions: { show: { ...createShow, notificationType: ['reminder'] } },
	},
	{
		...afterTimeField,
		displayOptions: { show: { ...createShow, notificationType: ['followup'] } },
	},
	{
		...emailsField,
		required: true,
		displayOptions: { show: { ...createShow, receiverType: ['emails'] } },
	},
	{
		...phonesField,
		required: true,
		displayOptions: { show: { ...createShow, receiverType: ['phoneNumbers'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'calendarNotificationAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: createShow },
		options: [
			...optionalFields,
			jsonOption(
				'Notifications (JSON)',
				'notificationsJson',
				'More notifications to create in the same request, as HighLevel takes them: one object or a list, e.g. [{"receiverType": "assignedUser", "channel": "email", "notificationType": "booked"}]. Each is checked like the fields above.',
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'calendarNotificationUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['update'] } },
		options: [
			...optionalFields,
			deletedField,
			emailsField,
			phonesField,
			afterTimeField,
			beforeTimeField,
			channelField,
			notificationTypeField,
			receiverTypeField,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const getManyFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'calendarNotificationFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: RESOURCE, operation: ['getAll'] } },
		options: [
			{
				displayName: 'Deleted',
				name: 'deleted',
				type: 'boolean',
				default: false,
				description: 'Whether to list deleted notifications (true) or the others (false)',
			},
			{
				displayName: 'Is Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether to list active notifications (true) or inactive ones (false)',
			},
		],
	},
];
