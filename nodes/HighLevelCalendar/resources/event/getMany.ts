import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { APPOINTMENT_STATUS_NAMES, SCOPES } from '../../helpers/constants';
import { APPOINTMENT_STATUS_OPTIONS } from '../../fields/namedOptions';
import { matchOption } from '../../helpers/bodyChecks';
import { TIME_HINT, timeZoneOptions } from '../../fields/options';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { credentialLocationId, pathIdsPreSend, timeReading } from '../../hooks/request';
import { readParameter } from '../../helpers/parameters';
import { parametersPreSend } from '../../hooks/parameters';
import { groupIdField, userLocator } from '../../fields/locators';
import { cutToLimit } from '../../transport/pagedList';
import { eventsOfCalendars, type EventWindow } from '../../transport/calendarEvents';
import { simplifyPostReceive } from '../../hooks/simplify';
import { EVENT_SHAPE } from '../../helpers/simplify';
import { simplifyField } from '../../fields/simplify';
import { assertEndAfterStart, toApiTime } from '../../helpers/time';
import { postReceiveHook, preSendHook } from '../../hooks/define';

/**
 * What Get Many of appointments and of block slots share: GET /calendars/events or
 * /calendars/blocked-slots for a time window and one calendar, user or group (HighLevel requires
 * one of them). Each resource's getMany.ts names its operation and its Filter By choices.
 */

export type ListResource = 'appointment' | 'blockSlot';

/** The window's start and end, read in the time zone the item reads times in (Options > Time Zone). */
function eventWindow(context: IExecuteSingleFunctions, start: unknown, end: unknown): EventWindow {
	const { timeZone, offsetRequired } = timeReading(context);
	const from = toApiTime(start, 'startTime', timeZone, offsetRequired);
	const to = toApiTime(end, 'endTime', timeZone, offsetRequired);
	assertEndAfterStart(from, to);
	return { startMs: from.epochMs, endMs: to.epochMs };
}

/**
 * preSend: the window is sent as epoch milliseconds, with the credential's location. For Every
 * Calendar it is checked here, before anything is sent, and the routed request is the calendars'
 * list (GET /calendars/?locationId): everyCalendarPostReceive lists each calendar's window.
 */
export const eventWindowPreSend = preSendHook(
	['filterBy', 'options.appointmentStatus', 'options.timeZone'],
	async function eventWindowPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		wantedStatuses(this);
		const filterBy = readParameter(this, 'filterBy', '');
		if (filterBy === 'contact') return requestOptions;
		const qs = (requestOptions.qs ??= {});
		const window = eventWindow(this, qs.startTime, qs.endTime);
		if (filterBy === 'everyCalendar') {
			delete qs.startTime;
			delete qs.endTime;
		} else {
			qs.startTime = String(window.startMs);
			qs.endTime = String(window.endMs);
		}
		qs.locationId = await credentialLocationId(this);
		return requestOptions;
	},
);

/**
 * postReceive, for Filter By: Every Calendar, after the response check of the calendars' list: each
 * calendar's events in the window (transport/calendarEvents.ts, shared with the polling trigger),
 * merged into one `{ events }` answer for eventListPostReceive. One calendar whose list fails
 * fails the item, naming the calendar.
 */
export const everyCalendarPostReceive = postReceiveHook(
	['filterBy', 'startTime', 'endTime', 'options.timeZone'],
	async function everyCalendarPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		if (readParameter(this, 'filterBy', '') !== 'everyCalendar') return items;
		const calendars = items.flatMap(
			(item) => (item.json.calendars as IDataObject[] | undefined) ?? [],
		);
		const window = eventWindow(
			this,
			readParameter(this, 'startTime', ''),
			readParameter(this, 'endTime', ''),
		);
		const locationId = await credentialLocationId(this);
		return [{ json: { events: await eventsOfCalendars(this, locationId, calendars, window) } }];
	},
);

/** The Appointment Status filter; an expression may give the statuses as the editor names them. */
function wantedStatuses(context: IExecuteSingleFunctions): string[] {
	const raw = readParameter(context, 'options.appointmentStatus', []) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' && raw ? raw.split(',') : [];
	return list.map((status) =>
		matchOption(
			'appointmentStatus',
			typeof status === 'string' ? status.trim() : status,
			APPOINTMENT_STATUS_NAMES,
		),
	);
}

/** postReceive: one item per event, filtered by status and cut to the limit. */
export const eventListPostReceive = postReceiveHook(
	['options.appointmentStatus', 'returnAll', 'limit'],
	async function eventListPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const events = items.flatMap((item) => (item.json.events as IDataObject[] | undefined) ?? []);
		const statuses = wantedStatuses(this);
		const kept = statuses.length
			? events.filter((event) => statuses.includes(String(event.appointmentStatus)))
			: events;
		return cutToLimit(this, kept).map((json) => ({ json }));
	},
);

/** The scope of the routed request: a contact's list, the calendars' list, or a window's events. */
function listScope(context: IExecuteSingleFunctions): string {
	const filterBy = readParameter(context, 'filterBy', '');
	if (filterBy === 'contact') return SCOPES.contactsRead;
	return filterBy === 'everyCalendar' ? SCOPES.calendarsRead : SCOPES.eventsRead;
}

/**
 * The request both Get Many operations send (resources/appointment/getMany.ts and
 * resources/blockSlot/getMany.ts): the window's fields in the query, then the shared hooks.
 */
export function getManyRouting(
	url: string,
	{ everyCalendar = false } = {},
): INodePropertyOptions['routing'] {
	return {
		request: { method: 'GET', url },
		send: {
			preSend: [
				parametersPreSend('qs', ['calendarId', 'userId', 'groupId', 'startTime', 'endTime']),
				pathIdsPreSend,
				eventWindowPreSend,
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(listScope, 'contact', 'contactId'),
				...(everyCalendar ? [everyCalendarPostReceive] : []),
				eventListPostReceive,
				simplifyPostReceive(EVENT_SHAPE),
			],
		},
	};
}

const EVENT_RESOURCES: ListResource[] = ['appointment', 'blockSlot'];
const show = { resource: EVENT_RESOURCES, operation: ['getAll'] };

/**
 * Filter By: HighLevel lists events of one calendar, user or group; appointments add Contact
 * (first) and Every Calendar (after Calendar).
 */
export function filterByField(
	resource: ListResource,
	contactOption?: INodePropertyOptions,
	everyCalendarOption?: INodePropertyOptions,
): INodeProperties {
	const options: INodePropertyOptions[] = [
		{ name: 'Calendar', value: 'calendar' },
		...(everyCalendarOption ? [everyCalendarOption] : []),
		{ name: 'Group', value: 'group' },
		{ name: 'User', value: 'user' },
	];
	if (contactOption) options.unshift(contactOption);
	return {
		displayName: 'Filter By',
		name: 'filterBy',
		type: 'options',
		noDataExpression: true,
		options,
		default: 'calendar',
		description: 'HighLevel lists events of one calendar, one user or one group at a time',
		displayOptions: { show: { resource: [resource], operation: ['getAll'] } },
	};
}

/**
 * Get Many's User (userId), shown with Filter By: User. Availability Schedule's user has its own
 * property (resources/availabilitySchedule/fields.ts): one property shown for both would need a
 * show that n8n's display options cannot state exactly.
 */
function userIdField(): INodeProperties {
	return userLocator({
		name: 'userId',
		required: true,
		description: 'The HighLevel user (userId) whose events are listed',
		displayOptions: { show: { ...show, filterBy: ['user'] } },
	});
}

/**
 * Get Many's own fields, for appointments and block slots alike (the calendar, the contact and
 * the window start are the shared fields of fields.ts; Filter By is each resource's own).
 */
export const getManyTargetFields: INodeProperties[] = [userIdField(), groupIdField];

export const getManyEndTimeField: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	hint: TIME_HINT,
	required: true,
	default: '',
	description: 'End of the time window, read like Start Time. Sent as epoch milliseconds.',
	// Service bookings are listed by window too, with a Filter By of their own.
	displayOptions: {
		show: { resource: [...EVENT_RESOURCES, 'serviceBooking'], operation: ['getAll'] },
		hide: { filterBy: ['contact'] },
	},
};

/** After Return All and Limit: Simplify and the Options of Get Many. */
export const getManyListFields: INodeProperties[] = [
	...simplifyField(EVENT_RESOURCES, ['getAll'], true),
	timeZoneOptions(
		EVENT_RESOURCES,
		['getAll'],
		[
			{
				displayName: 'Appointment Status',
				name: 'appointmentStatus',
				type: 'multiOptions',
				options: APPOINTMENT_STATUS_OPTIONS,
				allowArbitraryValues: true,
				default: [],
				description:
					'Return only appointments with one of these statuses (filtered after HighLevel answers). An expression may give a status as listed (No Show) or as HighLevel names it (noshow).',
				displayOptions: { show: { '/resource': ['appointment'] } },
			},
		],
	),
];
