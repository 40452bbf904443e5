import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend, timeReading } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';
import { encodePathSegment } from '../../helpers/pathSegment';
import { userLocator } from '../../fields/locators';
import { assertEndAfterStart, toApiTime, type TimeReading } from '../../helpers/time';
import { highLevelRequest } from '../../transport/client';
import { readParameter } from '../../helpers/parameters';
import { parametersPreSend } from '../../hooks/parameters';
import { TIME_HINT } from '../../fields/options';
import { commaList } from '../../helpers/bodyChecks';
import { simplifyPostReceive } from '../../hooks/simplify';
import { type SimplifyShape } from '../../helpers/simplify';
import { simplifyField } from '../../fields/simplify';
import { postReceiveHook, preSendHook } from '../../hooks/define';

/** HighLevel refuses windows over 31 days ("Date range cannot be more than 31 days"). */
export const MAX_FREE_SLOT_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;

export function freeSlotWindow(
	startDate: unknown,
	endDate: unknown,
	{ timeZone, offsetRequired = false }: TimeReading,
): { startDate: number; endDate: number } {
	const start = toApiTime(startDate, 'startDate', timeZone, offsetRequired);
	const end = toApiTime(endDate, 'endDate', timeZone, offsetRequired);
	assertEndAfterStart(start, end, { start: 'startDate', end: 'endDate' });
	if (end.epochMs - start.epochMs > MAX_FREE_SLOT_WINDOW_MS) {
		throw new InputError(
			'endDate',
			end.iso,
			`HighLevel returns at most 31 days of free slots: split the window from ${start.iso}.`,
			'is more than 31 days after startDate',
		);
	}
	return { startDate: start.epochMs, endDate: end.epochMs };
}

/** preSend: dates as epoch ms, the reading zone as `timezone`, and the users to check. */
export const freeSlotQueryPreSend = preSendHook(
	['options.timeZone', 'options.userId', 'options.userIds'],
	async function freeSlotQueryPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const reading = timeReading(this);
		const qs = (requestOptions.qs ??= {});
		Object.assign(qs, freeSlotWindow(qs.startDate, qs.endDate, reading), {
			timezone: reading.timeZone,
		});
		const userId = String(readParameter(this, 'options.userId', '', { extractValue: true })).trim();
		if (userId) qs.userId = userId;
		const userIds = commaList(readParameter(this, 'options.userIds', ''));
		if (userIds.length && qs.userId) {
			throw new InputError(
				'userIds',
				userIds.join(','),
				'Set User or User IDs, not both.',
				'cannot be set together with userId',
			);
		}
		if (userIds.length) qs.userIds = userIds;
		requestOptions.arrayFormat = 'repeat';
		return requestOptions;
	},
);

const UNIT_MS: Record<string, number> = {
	mins: 60_000,
	minutes: 60_000,
	hours: 3_600_000,
	hour: 3_600_000,
};

function addMs(iso: string, ms: number): string {
	const match = /([+-]\d{2}:\d{2}|Z)$/.exec(iso);
	const offset = match?.[1] ?? 'Z';
	const sign = offset.startsWith('-') ? -1 : 1;
	const offsetMinutes =
		offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
	const shifted = new Date(Date.parse(iso) + ms + offsetMinutes * 60_000)
		.toISOString()
		.slice(0, 19);
	return `${shifted}${offset === 'Z' ? '+00:00' : offset}`;
}

/** postReceive: HighLevel's map keyed by date becomes one item per slot (with its end) or per day. */
export const freeSlotItemsPostReceive = postReceiveHook(
	['outputFormat', 'calendarId', 'options.timeZone'],
	async function freeSlotItemsPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const days = Object.entries(items[0]?.json ?? {})
			.filter(
				([date, value]) =>
					/^\d{4}-\d{2}-\d{2}$/.test(date) && typeof value === 'object' && value !== null,
			)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([date, value]) => ({
				date,
				slots: ((value as IDataObject).slots as string[] | undefined) ?? [],
			}));
		if (readParameter(this, 'outputFormat', 'slot') === 'day')
			return days.map((day) => ({ json: day }));
		if (days.every((day) => day.slots.length === 0)) return [];
		// The answer holds only slot starts; the slot length comes from the calendar itself.
		const calendarId = readParameter(this, 'calendarId', '', { extractValue: true });
		const { calendar } = (await highLevelRequest(this, {
			method: 'GET',
			path: `/calendars/${encodePathSegment(calendarId, 'calendarId')}`,
			version: CALENDARS_API_VERSION,
			requiredScope: SCOPES.calendarsRead,
		})) as { calendar?: IDataObject };
		const slotMs =
			Number(calendar?.slotDuration ?? 30) *
			(UNIT_MS[String(calendar?.slotDurationUnit ?? 'mins')] ?? 60_000);
		return days.flatMap((day) =>
			day.slots.map((start) => ({ json: { date: day.date, start, end: addMs(start, slotMs) } })),
		);
	},
);

/** Slots are small already: as a tool, Simplify only trims a long list. */
const FREE_SLOT_SHAPE: SimplifyShape = {
	narrowing: 'ask again with a shorter startDate to endDate window',
};

export const getFreeSlotsOperation: INodePropertyOptions = {
	name: 'Get Free Slots',
	value: 'getFreeSlots',
	action: 'Get bookable free slots of a calendar',
	description:
		'List the times a calendar (optionally one or more of its users) can still be booked, at most 31 days at once',
	routing: {
		request: { method: 'GET', url: '/calendars/{calendarId}/free-slots' },
		send: {
			preSend: [
				parametersPreSend('qs', ['startDate', 'endDate']),
				pathIdsPreSend,
				freeSlotQueryPreSend,
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'calendar', 'calendarId'),
				freeSlotItemsPostReceive,
				simplifyPostReceive(FREE_SLOT_SHAPE),
			],
		},
	},
};

const show = { resource: ['calendar'], operation: ['getFreeSlots'] };

export const getFreeSlotsFields: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		hint: TIME_HINT,
		required: true,
		default: '',
		description:
			'Start of the window (sent as epoch milliseconds). A time without an offset is read in the Time Zone option.',
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		hint: TIME_HINT,
		required: true,
		default: '',
		description: 'End of the window, at most 31 days after the start',
		displayOptions: { show },
	},
	{
		displayName: 'Output',
		name: 'outputFormat',
		type: 'options',
		options: [
			{
				name: 'One Item per Slot',
				value: 'slot',
				description: 'Each item: date, start and end of one free slot',
			},
			{
				name: 'One Item per Day',
				value: 'day',
				description: "Each item: a date and that day's free slot starts",
			},
		],
		default: 'slot',
		displayOptions: { show },
	},
	...simplifyField('calendar', ['getFreeSlots'], true, FREE_SLOT_SHAPE),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: '',
				placeholder: 'America/New_York',
				description:
					"IANA time zone in which the window is read and the slots are returned (HighLevel's timezone). Empty uses the workflow's time zone.",
			},
			userLocator({
				name: 'userId',
				description: 'Only the free slots of this user (userId)',
			}),
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				placeholder: 'usr1,usr2',
				description: 'Free slots of several users: their IDs separated by commas (userIds)',
			},
		],
	},
];
