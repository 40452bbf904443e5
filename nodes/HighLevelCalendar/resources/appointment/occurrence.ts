import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { credentialLocationId, timeReading, pathIdsPreSend } from '../../hooks/request';
import { InputError } from '../../helpers/inputError';
import { encodePathSegment } from '../../helpers/pathSegment';
import { formatInTimeZone, toApiTime } from '../../helpers/time';
import { highLevelRequest } from '../../transport/client';
import { readParameter } from '../../helpers/parameters';
import { TIME_HINT } from '../../fields/options';
import { preSendHook } from '../../hooks/define';

/**
 * "Update one occurrence of a series": HighLevel addresses an occurrence by an instance id it does
 * not document, so the node never forges one: it lists the master's calendar around the date and
 * takes the instance whose masterEventId and start match.
 */

const show = { resource: ['appointment'], operation: ['update'] };

export const updateTargetFields: INodeProperties[] = [
	{
		displayName: 'Update',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		description:
			'Which appointment to change: one given by its Event ID, or one occurrence of a recurring series given by its date',
		options: [
			{
				name: 'This Appointment',
				value: 'event',
				description:
					"The appointment whose Event ID you give (an occurrence's instance ID changes that occurrence, a series' master ID the whole series)",
			},
			{
				name: 'One Occurrence of a Series',
				value: 'occurrence',
				description:
					"The occurrence of a recurring series on a given date, found from the series' master event ID",
			},
		],
		default: 'event',
		displayOptions: { show },
	},
	{
		displayName: 'Master Event ID',
		name: 'masterEventId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ocQHyuzHvysMo5N5VsXc',
		description: 'ID of the recurring series (masterEventId)',
		displayOptions: { show: { ...show, target: ['occurrence'] } },
	},
	{
		displayName: 'Occurrence Date',
		name: 'occurrenceDate',
		type: 'dateTime',
		hint: TIME_HINT,
		required: true,
		default: '',
		description:
			'The occurrence to change: its start time, or just its date (read in the Time Zone option) when the series has one occurrence that day',
		displayOptions: { show: { ...show, target: ['occurrence'] } },
	},
];

/** Day window searched around the occurrence date, for series whose time of day is anything. */
const SEARCH_MARGIN_MS = 36 * 60 * 60 * 1000;

/** Picks the one instance of `masterEventId` that starts at `occurrence` (or on its local date). */
export function pickOccurrence(
	events: IDataObject[],
	masterEventId: string,
	occurrence: { epochMs: number; dateOnly: boolean },
	timeZone: string,
): string {
	const instances = events.filter((event) => event.masterEventId === masterEventId);
	const localDate = (epochMs: number) => formatInTimeZone(epochMs, timeZone).slice(0, 10);
	const wantedDate = localDate(occurrence.epochMs);
	const matches = instances.filter((event) => {
		const start = Date.parse(String(event.startTime));
		return occurrence.dateOnly ? localDate(start) === wantedDate : start === occurrence.epochMs;
	});
	if (matches.length === 1) return String(matches[0].id);
	const found =
		instances.map((event) => `${String(event.id)} at ${String(event.startTime)}`).join('; ') ||
		'none';
	const wanted = occurrence.dateOnly
		? `on ${wantedDate}`
		: `at ${formatInTimeZone(occurrence.epochMs, timeZone)}`;
	if (matches.length === 0) {
		throw new InputError(
			'occurrenceDate',
			wanted,
			`Occurrences of ${masterEventId} HighLevel lists around that date: ${found}.`,
			'matches no occurrence of the series',
		);
	}
	throw new InputError(
		'occurrenceDate',
		wanted,
		`Give the occurrence's start time instead of its date. Candidates: ${matches.map((event) => `${String(event.id)} at ${String(event.startTime)}`).join('; ')}.`,
		'matches more than one occurrence',
	);
}

function isDateOnly(value: unknown): boolean {
	return (
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T00:00(:00(\.0+)?)?)?$/.test(value.trim())
	);
}

async function findOccurrenceId(context: IExecuteSingleFunctions): Promise<string> {
	const masterEventId = String(readParameter(context, 'masterEventId', '')).trim();
	const masterPath = `/calendars/events/appointments/${encodePathSegment(masterEventId, 'masterEventId')}`;
	const { timeZone, offsetRequired } = timeReading(context);
	const rawDate = readParameter(context, 'occurrenceDate', '');
	// A date alone names a day, not an instant: it needs no offset.
	const wanted = toApiTime(
		rawDate,
		'occurrenceDate',
		timeZone,
		offsetRequired && !isDateOnly(rawDate),
	);
	const response = await highLevelRequest(context, {
		method: 'GET',
		path: masterPath,
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		target: `appointment with masterEventId "${masterEventId}"`,
	});
	const master = (response.event ?? response.appointment ?? response) as IDataObject;
	const listed = await highLevelRequest(context, {
		method: 'GET',
		path: '/calendars/events',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		qs: {
			locationId: await credentialLocationId(context),
			calendarId: String(master.calendarId ?? ''),
			startTime: String(wanted.epochMs - SEARCH_MARGIN_MS),
			endTime: String(wanted.epochMs + SEARCH_MARGIN_MS),
		},
	});
	const events = (listed.events as IDataObject[] | undefined) ?? [];
	return pickOccurrence(
		events,
		masterEventId,
		{ epochMs: wanted.epochMs, dateOnly: isDateOnly(rawDate) },
		timeZone,
	);
}

/** preSend for Update: the event id as given, or the instance id of the chosen occurrence. */
export const updateTargetPreSend = preSendHook(
	['target', 'masterEventId', 'occurrenceDate'],
	async function updateTargetPreSend(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (readParameter(this, 'target', 'event') !== 'occurrence')
			return await pathIdsPreSend.call(this, requestOptions);
		const instanceId = await findOccurrenceId(this);
		requestOptions.url = requestOptions.url.replace(
			'{eventId}',
			encodePathSegment(instanceId, 'eventId'),
		);
		return requestOptions;
	},
);
