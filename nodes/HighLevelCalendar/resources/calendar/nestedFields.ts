import type { INodeProperties } from 'n8n-workflow';
import { userLocator } from '../../fields/locators';
import {
	DAY_NAMES,
	LOCATION_KIND_NAMES,
	optionsOf,
	OVERLAP_STATUS_NAMES,
	PRIORITY_NAMES,
	RECURRING_BOOKING_OPTION_NAMES,
	RECURRING_FREQ_NAMES,
} from './enums';

/**
 * The editor's fields for a calendar's nested bodies (nested.ts turns them into the API's
 * shape), and the `<name>Json` options for the lists, for what the fields do not cover or an
 * expression gives whole. Open hours and custom days take times as HH:MM.
 */

type Mode = 'create' | 'update';

const openTime: INodeProperties = {
	displayName: 'Opens At',
	name: 'openTime',
	type: 'string',
	default: '09:00',
	placeholder: '09:00',
	description: 'Opening time, HH:MM (00:00 to 23:59)',
};

const closeTime: INodeProperties = {
	displayName: 'Closes At',
	name: 'closeTime',
	type: 'string',
	default: '17:00',
	placeholder: '17:00',
	description: 'Closing time, HH:MM, after the opening time (HighLevel takes hours 0-23)',
};

const kindField: INodeProperties = {
	displayName: 'Meeting Location Type',
	name: 'kind',
	type: 'options',
	options: optionsOf(LOCATION_KIND_NAMES),
	default: 'custom',
	description:
		'Type of meeting location. Zoom, Google Meet and Microsoft Teams are not supported in event calendar type.',
};

const locationField: INodeProperties = {
	displayName: 'Meeting Location',
	name: 'location',
	type: 'string',
	default: '',
	placeholder: '+14455550132',
	description:
		'Address, phone number or link of the meeting location. Not applicable on Zoom, Google Meet and Microsoft Teams.',
};

function jsonOption(displayName: string, name: string, description: string, placeholder: string) {
	return {
		displayName: `${displayName} (JSON)`,
		name: `${name}Json`,
		type: 'json',
		default: '',
		placeholder,
		description: `${description} Instead of ${displayName}, not together with it. The JSON is checked before anything is sent.`,
	} satisfies INodeProperties;
}

function list(
	displayName: string,
	name: string,
	option: string,
	description: string,
	values: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${displayName.replace(/s$/, '')}`,
		default: {},
		description,
		options: [{ displayName, name: option, values }],
	};
}

function single(
	displayName: string,
	name: string,
	description: string,
	values: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		default: {},
		description,
		options: [{ displayName: 'Settings', name: 'settings', values }],
	};
}

const openHours = list(
	'Open Hours',
	'openHours',
	'period',
	'The standard weekly availability. For custom availability (given dates), use Custom Availabilities. Several ranges on the same days (a lunch break) are one entry per range.',
	[
		{
			displayName: 'Days',
			name: 'daysOfTheWeek',
			type: 'multiOptions',
			options: DAY_NAMES.map((day, i) => ({ name: day, value: i })),
			default: [1, 2, 3, 4, 5],
			description: 'Days of the week with these hours',
		},
		openTime,
		closeTime,
	],
);

function availabilities(mode: Mode): INodeProperties {
	const update: INodeProperties[] = [
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			default: '',
			description:
				'The ID of the custom availability object. It is required while updating or deleting the existing custom date availability; empty adds a new one.',
		},
		{
			displayName: 'Deleted',
			name: 'deleted',
			type: 'boolean',
			default: false,
			description: 'Whether to delete the custom availability with this ID',
		},
	];
	return list(
		'Custom Availabilities',
		'availabilities',
		'day',
		'Custom availability on given dates. For standard availability, use Open Hours. Several ranges on one date are one entry per range.',
		[
			{
				displayName: 'Date',
				name: 'date',
				type: 'dateTime',
				default: '',
				description:
					'The day (only its date counts), sent as &lt;YYYY-MM-DD in local timezone&gt;T00:00:00.000Z',
			},
			openTime,
			closeTime,
			...(mode === 'update' ? update : []),
		],
	);
}

const teamMembers = list(
	'Team Members',
	'teamMembers',
	'member',
	'Team members are required for calendars of type: Round Robin, Collective, Class, Service. Personal calendar must have exactly one team member.',
	[
		userLocator({ name: 'userId', required: true, description: 'The team member (userId)' }),
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			options: optionsOf(PRIORITY_NAMES, true),
			default: 0.5,
			description: 'Round robin priority of this member',
		},
		{
			displayName: 'Is Primary',
			name: 'isPrimary',
			type: 'boolean',
			default: false,
			description:
				'Whether the user is primary. This property is required in case of collective booking calendars. Only one user can be primary.',
		},
		{
			...kindField,
			options: [{ name: 'Calendar Default', value: '' }, ...optionsOf(LOCATION_KIND_NAMES)],
			default: '',
			description:
				"The member's own meeting location (one here; several only with one team member, in Team Members (JSON)). Calendar Default adds none.",
		},
		{ ...locationField, displayOptions: { hide: { kind: [''] } } },
	],
);

const meetingLocations = list(
	'Meeting Locations',
	'locationConfigurations',
	'location',
	'Meeting location configuration for event calendar',
	[kindField, locationField],
);

const recurring = single(
	'Recurring',
	'recurring',
	'How recurring appointments are booked (with Enable Recurring)',
	[
		{
			displayName: 'Frequency',
			name: 'freq',
			type: 'options',
			options: optionsOf(RECURRING_FREQ_NAMES),
			default: 'WEEKLY',
			description: 'How often the appointment recurs',
		},
		{
			displayName: 'Count',
			name: 'count',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 24 },
			default: 4,
			description: 'Number of recurrences (at most 24)',
		},
		{
			displayName: 'Booking Option',
			name: 'bookingOption',
			type: 'options',
			options: optionsOf(RECURRING_BOOKING_OPTION_NAMES),
			default: 'skip',
			description: 'What to do in case a recurring slot is unavailable',
		},
		{
			displayName: 'Overlap Status',
			name: 'bookingOverlapDefaultStatus',
			type: 'options',
			options: optionsOf(OVERLAP_STATUS_NAMES),
			default: 'confirmed',
			description:
				'Status of a recurring appointment booked over an unavailable slot (bookingOverlapDefaultStatus)',
		},
	],
);

const lookBusy = single('Look Busy', 'lookBusyConfig', 'Look Busy Configuration', [
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether to apply Look Busy',
	},
	{
		displayName: 'Percentage',
		name: 'LookBusyPercentage',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 100 },
		default: 0,
		description: 'Percentage of slots that will be hidden',
	},
]);

export function nestedOptions(mode: Mode): INodeProperties[] {
	return [
		openHours,
		jsonOption(
			'Open Hours',
			'openHours',
			'The openHours list as the API takes it: daysOfTheWeek 0 (Sunday) to 6 and hours.',
			'[{"daysOfTheWeek":[1,2,3,4,5],"hours":[{"openHour":9,"openMinute":0,"closeHour":17,"closeMinute":0}]}]',
		),
		availabilities(mode),
		jsonOption(
			'Custom Availabilities',
			'availabilities',
			`The availabilities list as the API takes it${mode === 'update' ? ' (id to change or, with deleted, remove one)' : ''}.`,
			'[{"date":"2030-01-14T00:00:00.000Z","hours":[{"openHour":10,"openMinute":0,"closeHour":12,"closeMinute":0}]}]',
		),
		teamMembers,
		jsonOption(
			'Team Members',
			'teamMembers',
			'The teamMembers list as the API takes it, each with its locationConfigurations.',
			'[{"userId":"usr1","priority":0.5,"isPrimary":true}]',
		),
		meetingLocations,
		jsonOption(
			'Meeting Locations',
			'locationConfigurations',
			'The locationConfigurations list as the API takes it.',
			'[{"kind":"physical","location":"1 Main St"}]',
		),
		jsonOption(
			'Notifications',
			'notifications',
			"Deprecated by HighLevel: use the Calendar Notification resource instead. The calendar's email notifications list (CalendarNotification).",
			'[{"shouldSendToContact":true,"shouldSendToGuest":false,"shouldSendToUser":true,"shouldSendToSelectedUsers":false,"selectedUsers":""}]',
		),
		recurring,
		lookBusy,
	];
}
