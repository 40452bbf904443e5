import type { INodeProperties } from 'n8n-workflow';
import { calendarLocator, pickerField, userLocator } from '../../fields/locators';
import { RULES_EXAMPLE, WEEKDAY_NAMES } from './rules';

/**
 * Fields several availability schedule operations show: the schedule picker, the calendar of an
 * association, and the rules' editor fields (Create's Additional Fields and Update's Update Fields).
 */

export const RESOURCE = 'availabilitySchedule';

/**
 * The user whose schedules Search lists, or who owns the schedule Create makes. Its own property:
 * the events' userId shows only with Filter By: User, which this resource does not have.
 */
export const scheduleUserIdField: INodeProperties = userLocator({
	name: 'userId',
	required: true,
	description: 'The HighLevel user (userId) whose availability schedules are searched or created',
	displayOptions: { show: { resource: [RESOURCE], operation: ['search', 'create'] } },
});

/** The schedule addressed by `{id}` in the path. */
export const scheduleIdField: INodeProperties = pickerField('schedule', {
	required: true,
	description:
		'The availability schedule (id). From List shows the schedules of every user of the sub-account.',
	displayOptions: {
		show: {
			resource: [RESOURCE],
			operation: ['get', 'update', 'delete', 'addCalendar', 'removeCalendar'],
		},
	},
});

/**
 * The calendar of Add Calendar and Remove Calendar (`{calendarId}` in the path). Its own property:
 * Calendar: Get's calendarId shows for operation `get`, which this resource has too.
 */
export const associationCalendarField: INodeProperties = calendarLocator({
	required: true,
	description: 'The team calendar (calendarId) that takes its availability from the schedule',
	displayOptions: { show: { resource: [RESOURCE], operation: ['addCalendar', 'removeCalendar'] } },
});

const WEEKDAY_OPTIONS = Object.entries(WEEKDAY_NAMES).map(([value, name]) => ({ name, value }));

const TIME_PLACEHOLDER = { from: '09:00', to: '17:00' };

const weeklyHoursOption: INodeProperties = {
	displayName: 'Weekly Hours',
	name: 'weeklyHours',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Hours',
	default: {},
	description:
		'When the user is available each week (rules of type wday). Add several entries for one day to split it (09:00-12:00 and 13:00-17:00). Replaces all rules on update, so add the Date Overrides too.',
	options: [
		{
			displayName: 'Hours',
			name: 'hours',
			values: [
				{
					displayName: 'Days',
					name: 'days',
					type: 'multiOptions',
					options: WEEKDAY_OPTIONS,
					default: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
					description: 'Days of the week these hours apply to',
				},
				{
					displayName: 'From',
					name: 'from',
					type: 'string',
					default: '09:00',
					placeholder: TIME_PLACEHOLDER.from,
					description: 'Start, 24-hour HH:mm in the schedule time zone',
				},
				{
					displayName: 'To',
					name: 'to',
					type: 'string',
					default: '17:00',
					placeholder: TIME_PLACEHOLDER.to,
					description: 'End, 24-hour HH:mm, after From (at most 23:59)',
				},
			],
		},
	],
};

const dateOverridesOption: INodeProperties = {
	displayName: 'Date Overrides',
	name: 'dateOverrides',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Date',
	default: {},
	description:
		'Hours for one date instead of its weekday (rules of type date), such as a holiday. Leave From and To empty for a day off.',
	options: [
		{
			displayName: 'Override',
			name: 'overrides',
			values: [
				{
					displayName: 'Date',
					name: 'date',
					type: 'string',
					default: '',
					placeholder: '2026-12-24',
					description: 'The date, YYYY-MM-DD',
				},
				{
					displayName: 'From',
					name: 'from',
					type: 'string',
					default: '',
					placeholder: TIME_PLACEHOLDER.from,
					description: 'Start, 24-hour HH:mm; empty (with To) for unavailable all day',
				},
				{
					displayName: 'To',
					name: 'to',
					type: 'string',
					default: '',
					placeholder: TIME_PLACEHOLDER.to,
					description: 'End, 24-hour HH:mm, after From; empty (with From) for unavailable all day',
				},
			],
		},
	],
};

const rulesJsonOption: INodeProperties = {
	displayName: 'Rules (JSON)',
	name: 'rulesJson',
	type: 'json',
	default: '',
	placeholder: RULES_EXAMPLE,
	description:
		'The rules as HighLevel writes them, instead of Weekly Hours and Date Overrides: an array of {type: wday, day, intervals} and {type: date, date, intervals}, intervals as [{from, to}] in HH:mm. [] removes every rule.',
};

/** The options that make `rules`, for Create's Additional Fields and Update's Update Fields. */
export const ruleOptions: INodeProperties[] = [
	dateOverridesOption,
	rulesJsonOption,
	weeklyHoursOption,
];

/** Create's and Update's time zone. */
export const scheduleTimeZoneField: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'America/New_York',
	description:
		"The schedule's IANA time zone (timezone), in which its hours are read, of the form Area/City",
};

/** Create's and Update's name. */
export const scheduleNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'Business Hours',
	description: 'Name of the schedule',
};
