import type { IDataObject } from 'n8n-workflow';
import { CALENDARS_API_VERSION, SCOPES } from '../helpers/constants';
import type { NodeContext } from '../helpers/nodeRun';
import { highLevelRequest } from './client';
import { listOfLocation } from './locationList';

/**
 * The events of a time window, for more than one calendar: HighLevel's GET /calendars/events
 * takes one calendarId, userId or groupId, so the events of every calendar of a sub-account are
 * GET /calendars/ and then one list per calendar, 1 + (number of calendars) requests, each through
 * the client (the location's budget, pacing and retries). The polling trigger (Watch: Every
 * Calendar) and Appointment Get Many (Filter By: Every Calendar) both use it.
 */

export interface EventWindow {
	startMs: number;
	endMs: number;
}

/** The sub-account's calendars: GET /calendars/?locationId answers all of them at once. */
export async function listCalendars(context: NodeContext): Promise<IDataObject[]> {
	return await listOfLocation(context, {
		path: '/calendars/',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.calendarsRead,
		property: 'calendars',
	});
}

/** GET /calendars/events: the events of one calendar, user or group (`owner`) in the window. */
export async function listEvents(
	context: NodeContext,
	locationId: string,
	owner: IDataObject,
	window: EventWindow,
): Promise<IDataObject[]> {
	const response = await highLevelRequest(context, {
		method: 'GET',
		path: '/calendars/events',
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		qs: {
			locationId,
			...owner,
			startTime: String(window.startMs),
			endTime: String(window.endMs),
		},
	});
	return (response.events as IDataObject[] | undefined) ?? [];
}

/** An event's start for ordering: epoch milliseconds or a date-time text; unknown sorts last. */
function startOf(event: IDataObject): number {
	const start = event.startTime;
	const ms =
		typeof start === 'number'
			? start
			: typeof start === 'string'
				? /^\d+$/.test(start)
					? Number(start)
					: Date.parse(start)
				: NaN;
	return Number.isNaN(ms) ? Infinity : ms;
}

/**
 * Several lists as one: each id once (the last list's copy, in the first one's place; events
 * without an id are kept), ordered by startTime, equal starts in the order listed.
 */
export function mergeEvents(lists: IDataObject[][]): IDataObject[] {
	const byId = new Map<string, IDataObject>();
	const withoutId: IDataObject[] = [];
	for (const event of lists.flat()) {
		if (event.id === undefined || event.id === null) withoutId.push(event);
		else byId.set(String(event.id), event);
	}
	return [...byId.values(), ...withoutId].sort((a, b) => startOf(a) - startOf(b));
}

/** The client's error for one calendar's list, its message naming the calendar. */
function namingCalendar(error: unknown, calendar: IDataObject): unknown {
	if (error instanceof Error) {
		const name = typeof calendar.name === 'string' ? `"${calendar.name}" ` : '';
		error.message = `${error.message}, listing the events of calendar ${name}(calendarId ${String(calendar.id)})`;
	}
	return error;
}

/**
 * The events of the calendars given, merged (mergeEvents). One calendar whose list fails fails the
 * whole: the first failure (in the calendars' order) is thrown, naming its calendar, and nothing
 * is returned in part.
 */
export async function eventsOfCalendars(
	context: NodeContext,
	locationId: string,
	calendars: IDataObject[],
	window: EventWindow,
): Promise<IDataObject[]> {
	// Every list is let finish before the first failure is thrown, so no request of this item is
	// still in flight once it has failed.
	const settled = await Promise.allSettled(
		calendars.map(
			async (calendar) =>
				await listEvents(context, locationId, { calendarId: String(calendar.id) }, window),
		),
	);
	const failed = settled.findIndex((result) => result.status === 'rejected');
	if (failed >= 0)
		throw namingCalendar((settled[failed] as PromiseRejectedResult).reason, calendars[failed]);
	const lists = settled.map((result) => (result as PromiseFulfilledResult<IDataObject[]>).value);
	return mergeEvents(lists);
}

/** Every calendar's events in the window: GET /calendars/, then eventsOfCalendars. */
export async function eventsOfEveryCalendar(
	context: NodeContext,
	locationId: string,
	window: EventWindow,
): Promise<IDataObject[]> {
	return await eventsOfCalendars(context, locationId, await listCalendars(context), window);
}
