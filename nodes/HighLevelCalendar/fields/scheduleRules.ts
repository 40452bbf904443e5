import type { INodeProperties } from 'n8n-workflow';
import { RULES_EXAMPLE, WEEKDAY_NAMES } from '../helpers/scheduleRules';

/**
 * The fields of a schedule's rules and time zone, shared by availability schedules and event
 * calendar schedules: Weekly Hours, Date Overrides and Rules (JSON), checked and turned into
 * `rules` by helpers/scheduleBody.ts.
 */

const WEEKDAY_OPTIONS = Object.entries(WEEKDAY_NAMES).map(([value, name]) => ({ name, value }));

const TIME_PLACEHOLDER = { from: '09:00', to: '17:00' };

const weeklyHoursOption = (available: string): INodeProperties => ({
	displayName: 'Weekly Hours',
	name: 'weeklyHours',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Hours',
	default: {},
	description: `When ${available} each week (rules of type wday). Add several entries for one day to split it (09:00-12:00 and 13:00-17:00). Replaces all rules on update, so add the Date Overrides too.`,
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
});

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

/**
 * The options that make a schedule's `rules` (helpers/scheduleBody.ts's applyScheduleRules reads
 * them), in a collection of the operation's; `available` says whose hours they are
 * ("the user is available").
 */
export function scheduleRuleOptions(available: string): INodeProperties[] {
	return [dateOverridesOption, rulesJsonOption, weeklyHoursOption(available)];
}

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
