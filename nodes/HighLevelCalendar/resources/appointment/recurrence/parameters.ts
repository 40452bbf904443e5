import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { readingTimeZone } from '../../../hooks/request';
import { InputError } from '../../../helpers/inputError';
import {
	buildRrule,
	parseRrule,
	recurrenceSummary,
	type RecurrenceBuild,
	type WeekdayCode,
} from './index';
import { readParameter } from '../../../helpers/parameters';
import { matchOption } from '../../../helpers/bodyChecks';
import { postReceiveHook, preSendHook } from '../../../hooks/define';

/**
 * Recurrence on create and update: none, built from fields, or a raw RRULE string (checked before
 * sending). The rule reaches HighLevel as `rrule`; normalize.ts adds ignoreFreeSlotValidation.
 */

const WEEKDAYS: Array<{ name: string; value: WeekdayCode }> = [
	{ name: 'Monday', value: 'MO' },
	{ name: 'Tuesday', value: 'TU' },
	{ name: 'Wednesday', value: 'WE' },
	{ name: 'Thursday', value: 'TH' },
	{ name: 'Friday', value: 'FR' },
	{ name: 'Saturday', value: 'SA' },
	{ name: 'Sunday', value: 'SU' },
];

export function recurrenceFields(operation: 'create' | 'update'): INodeProperties[] {
	const show = { resource: ['appointment'], operation: [operation] };
	const build = { ...show, recurrence: ['build'] };
	return [
		{
			displayName: 'Recurrence',
			name: 'recurrence',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'None',
					value: 'none',
					description:
						operation === 'create' ? 'A single appointment' : 'Leave the recurrence as it is',
				},
				{
					name: 'Build a Rule',
					value: 'build',
					description: 'Every day, week, month or year, with an end and dates to skip',
				},
				{
					name: 'Raw RRULE',
					value: 'raw',
					description: 'An RFC 5545 RRULE string, checked before it is sent',
				},
			],
			default: 'none',
			description:
				'Whether the appointment repeats. HighLevel applies a rule only with Ignore Free Slot Validation on, which the node sends for you.',
			displayOptions: { show },
		},
		{
			displayName: 'RRULE',
			name: 'rrule',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10',
			description:
				'RFC 5545 rule without DTSTART (HighLevel takes it from the start time); add EXDATE on a new line to skip dates',
			displayOptions: { show: { ...show, recurrence: ['raw'] } },
		},
		{
			displayName: 'Frequency',
			name: 'frequency',
			type: 'options',
			options: FREQUENCY_OPTIONS,
			default: 'weekly',
			displayOptions: { show: build },
		},
		{
			displayName: 'Interval',
			name: 'interval',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Repeat every this many days, weeks, months or years',
			displayOptions: { show: build },
		},
		{
			displayName: 'Weekdays',
			name: 'weekdays',
			type: 'multiOptions',
			options: WEEKDAYS,
			default: [],
			description: 'Days of the week it repeats on; empty uses the start day',
			displayOptions: { show: { ...build, frequency: ['weekly'] } },
		},
		{
			displayName: 'Monthly On',
			name: 'monthlyBy',
			type: 'options',
			options: MONTHLY_BY_OPTIONS,
			default: 'start',
			displayOptions: { show: { ...build, frequency: ['monthly'] } },
		},
		{
			displayName: 'Day of Month',
			name: 'dayOfMonth',
			type: 'number',
			typeOptions: { minValue: -1, maxValue: 31 },
			default: 1,
			description: '1 to 31, or -1 for the last day of the month',
			displayOptions: { show: { ...build, frequency: ['monthly'], monthlyBy: ['dayOfMonth'] } },
		},
		{
			displayName: 'Week of Month',
			name: 'nthWeek',
			type: 'options',
			options: [
				{ name: 'First', value: 1 },
				{ name: 'Second', value: 2 },
				{ name: 'Third', value: 3 },
				{ name: 'Fourth', value: 4 },
				{ name: 'Last', value: -1 },
			],
			default: 1,
			displayOptions: { show: { ...build, frequency: ['monthly'], monthlyBy: ['nthWeekday'] } },
		},
		{
			displayName: 'Weekday',
			name: 'nthWeekday',
			type: 'options',
			options: WEEKDAYS,
			default: 'MO',
			displayOptions: { show: { ...build, frequency: ['monthly'], monthlyBy: ['nthWeekday'] } },
		},
		{
			displayName: 'Ends',
			name: 'recurrenceEnd',
			type: 'options',
			options: END_OPTIONS,
			default: 'count',
			displayOptions: { show: build },
		},
		{
			displayName: 'Occurrences',
			name: 'count',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			displayOptions: { show: { ...build, recurrenceEnd: ['count'] } },
		},
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			default: '',
			description: 'Last possible start of an occurrence; sent as UTC (UNTIL=...Z)',
			displayOptions: { show: { ...build, recurrenceEnd: ['until'] } },
		},
		{
			displayName: 'Skip Dates',
			name: 'exdates',
			type: 'string',
			default: '',
			placeholder: '2026-12-24T09:00:00, 2026-12-31T09:00:00',
			description:
				'Start times of occurrences to skip, separated by commas (sent as EXDATE in UTC)',
			displayOptions: { show: build },
		},
	];
}

function listOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).filter(Boolean);
	return String(value ?? '')
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

const isUnset = (value: unknown) => value === undefined || value === null || value === '';

/** The editor's name of each value of a list field, for matchOption. */
function namesOf(
	options: Array<{ name: string; value: string | number | boolean }>,
): Record<string, string> {
	return Object.fromEntries(options.map((option) => [String(option.value), option.name]));
}

const FREQUENCY_OPTIONS = [
	{ name: 'Daily', value: 'daily' },
	{ name: 'Weekly', value: 'weekly' },
	{ name: 'Monthly', value: 'monthly' },
	{ name: 'Yearly', value: 'yearly' },
];
const MONTHLY_BY_OPTIONS = [
	{ name: 'Same Day of the Month as the Start', value: 'start' },
	{ name: 'Day of the Month', value: 'dayOfMonth' },
	{ name: 'N-Th Weekday of the Month', value: 'nthWeekday' },
];
const END_OPTIONS = [
	{ name: 'Never', value: 'never' },
	{ name: 'After a Number of Occurrences', value: 'count' },
	{ name: 'On a Date', value: 'until' },
];
const FREQUENCY_NAMES = namesOf(FREQUENCY_OPTIONS);
const MONTHLY_BY_NAMES = namesOf(MONTHLY_BY_OPTIONS);
const END_NAMES = namesOf(END_OPTIONS);

/** The builder's fields as a RecurrenceBuild (pure, so it can be tested alone). */
export function recurrenceBuildFrom(parameters: IDataObject): RecurrenceBuild {
	// List values may come from expressions, named as the editor shows them ("Weekly", "Never").
	const frequency = matchOption('frequency', parameters.frequency, FREQUENCY_NAMES);
	const ends = matchOption('recurrenceEnd', parameters.recurrenceEnd ?? 'count', END_NAMES);
	const monthlyBy = isUnset(parameters.monthlyBy)
		? 'start'
		: matchOption('monthlyBy', parameters.monthlyBy, MONTHLY_BY_NAMES);
	const end =
		ends === 'never'
			? ({ type: 'never' } as const)
			: ends === 'until'
				? ({ type: 'until', until: String(parameters.until ?? '') } as const)
				: ({ type: 'count', count: Number(parameters.count) } as const);
	const build: RecurrenceBuild = {
		frequency: frequency as RecurrenceBuild['frequency'],
		interval: Number(parameters.interval ?? 1),
		end,
		exdates: listOf(parameters.exdates),
	};
	if (build.frequency === 'weekly') build.weekdays = listOf(parameters.weekdays) as WeekdayCode[];
	if (build.frequency === 'monthly' && monthlyBy === 'dayOfMonth') {
		build.monthlyBy = 'dayOfMonth';
		build.dayOfMonth = Number(parameters.dayOfMonth);
	}
	if (build.frequency === 'monthly' && monthlyBy === 'nthWeekday') {
		build.monthlyBy = 'nthWeekday';
		build.nthWeek = Number(parameters.nthWeek) as RecurrenceBuild['nthWeek'];
		build.nthWeekday = parameters.nthWeekday as WeekdayCode;
	}
	return build;
}

const BUILD_PARAMETERS = [
	'frequency',
	'interval',
	'weekdays',
	'monthlyBy',
	'dayOfMonth',
	'nthWeek',
	'nthWeekday',
	'recurrenceEnd',
	'count',
	'until',
	'exdates',
];

/** preSend: a built rule becomes the body's rrule; a raw one is checked (normalize.ts sends it). */
export const recurrencePreSend = preSendHook(
	['recurrence', ...BUILD_PARAMETERS],
	async function recurrencePreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = (requestOptions.body ??= {}) as IDataObject;
		const mode = readParameter(this, 'recurrence', 'none');
		if (mode === 'build') {
			const parameters: IDataObject = {};
			for (const name of BUILD_PARAMETERS)
				parameters[name] = readParameter(this, name, '') as IDataObject[string];
			body.rrule = buildRrule(recurrenceBuildFrom(parameters), readingTimeZone(this));
		}
		if (mode === 'raw') {
			if (typeof body.rrule !== 'string')
				throw new InputError('rrule', body.rrule, 'Set an RRULE string.', 'is not text');
			// Sent as checked and normalised: upper case, RRULE: prefix, one sorted EXDATE line.
			body.rrule = parseRrule(body.rrule).rrule;
		}
		return requestOptions;
	},
);

export function recurrenceSummaryField(operations: string[], defaultOn: boolean): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Add Recurrence Summary',
		name: 'recurrenceSummary',
		type: 'boolean',
		default: false,
		description:
			'Whether to add, for a recurring appointment, a recurrence object: the rule in words and the next occurrences (start and end), computed locally in the Time Zone option',
		displayOptions: { show: { resource: ['appointment'], operation: operations } },
	};
	return defaultOn ? { ...field, default: true } : field;
}

/** postReceive: adds `recurrence` { rule, text, next } to a recurring appointment. */
export const recurrenceSummaryPostReceive = postReceiveHook(
	['recurrenceSummary', 'options.timeZone'],
	async function recurrenceSummaryPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		if (!(readParameter(this, 'recurrenceSummary', false) as boolean)) return items;
		const timeZone = readingTimeZone(this);
		return items.map((item) => {
			const { rrule, startTime, endTime } = item.json as {
				rrule?: string;
				startTime?: string;
				endTime?: string;
			};
			if (typeof rrule !== 'string' || !rrule || typeof startTime !== 'string') return item;
			try {
				const parsed = parseRrule(rrule, { allowDtstart: true });
				const recurrence = recurrenceSummary(parsed, {
					startTime,
					endTime,
					timeZone,
					after: new Date().toISOString(),
				});
				return { ...item, json: { ...item.json, recurrence } };
			} catch (error) {
				// A rule HighLevel stored but we cannot read must not fail the item: say so instead.
				return {
					...item,
					json: { ...item.json, recurrence: { rule: rrule, error: (error as Error).message } },
				};
			}
		});
	},
);
