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

/** preSend: the window is sent as epoch milliseconds, with the credential's location. */
export const eventWindowPreSend = preSendHook(
	['filterBy', 'options.appointmentStatus', 'options.timeZone'],
	async function eventWindowPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		wantedStatuses(this);
		if (readParameter(this, 'filterBy', '') === 'contact') return requestOptions;
		const qs = (requestOptions.qs ??= {});
		const { timeZone, offsetRequired } = timeReading(this);
		const start = toApiTime(qs.startTime, 'startTime', timeZone, offsetRequired);
		const end = toApiTime(qs.endTime, 'endTime', timeZone, offsetRequired);
		assertEndAfterStart(start, end);
		qs.startTime = String(start.epochMs);
		qs.endTime = String(end.epochMs);
		qs.locationId = await credentialLocationId(this);
		return requestOptions;
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

function listScope(context: IExecuteSingleFunctions): string {
	return readParameter(context, 'filterBy', '') === 'contact'
		? SCOPES.contactsRead
		: SCOPES.eventsRead;
}

/**
 * The request both Get Many operations send (resources/appointment/getMany.ts and
 * resources/blockSlot/getMany.ts): the window's fields in the query, then the shared hooks.
 */
export function getManyRouting(url: string): INodePropertyOptions['routing'] {
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
				eventListPostReceive,
				simplifyPostReceive(EVENT_SHAPE),
			],
		},
	};
}

const EVENT_RESOURCES: ListResource[] = ['appointment', 'blockSlot'];
const show = { resource: EVENT_RESOURCES, operation: ['getAll'] };

/** Filter By: HighLevel lists events of one calendar, user or group; appointments add Contact. */
export function filterByField(
	resource: ListResource,
	contactOption?: INodePropertyOptions,
): INodeProperties {
	const options: INodePropertyOptions[] = [
		{ name: 'Calendar', value: 'calendar' },
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
