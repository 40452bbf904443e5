import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { answerWithoutSending, highLevelRequest } from '../transport/client';
import { CALENDARS_API_VERSION, SCOPES } from '../helpers/constants';
import { simplifyEvent } from '../helpers/simplify';
import { readParameter } from '../helpers/parameters';
import { nodeRunOf } from '../helpers/nodeRun';
import { preSendHook } from './define';

/**
 * Duplicate Check for Appointment Create and Block Slot Create: before booking, look for what this
 * item would book (same calendar or user, same contact for an appointment, same start). If it is
 * there, the item outputs it, marked `alreadyExisted: true`, and nothing is sent. This makes
 * running a workflow again, and n8n's Retry On Fail, safe for the items that had been booked.
 *
 * The look-ups are shared by the items of a run: one list per calendar (or user) and UTC day,
 * through the one client, so they spend the same budget. Items of the same run are not checked
 * against each other: two equal input items still book twice.
 */

export type DuplicateCheckKind = 'appointment' | 'blockSlot';

const DAY_MS = 86_400_000;

/** Per node run (see nodeRun.ts): the lists already fetched, by calendar or user and day. */
const listsPerRun = new WeakMap<object, Map<string, Promise<IDataObject[]>>>();

function listFor(
	context: IExecuteSingleFunctions,
	kind: DuplicateCheckKind,
	body: IDataObject,
	startMs: number,
): Promise<IDataObject[]> {
	const target =
		body.calendarId !== undefined
			? { calendarId: String(body.calendarId) }
			: { userId: String(body.assignedUserId) };
	const day = Math.floor(startMs / DAY_MS) * DAY_MS;
	const key = `${kind}|${JSON.stringify(target)}|${day}`;
	const run = nodeRunOf(context);
	let lists = listsPerRun.get(run);
	if (!lists) listsPerRun.set(run, (lists = new Map()));
	let list = lists.get(key);
	if (!list) {
		list = highLevelRequest(context, {
			method: 'GET',
			path: kind === 'appointment' ? '/calendars/events' : '/calendars/blocked-slots',
			version: CALENDARS_API_VERSION,
			requiredScope: SCOPES.eventsRead,
			qs: {
				locationId: String(body.locationId ?? ''),
				...target,
				startTime: String(day),
				endTime: String(day + DAY_MS),
			},
		}).then((response) => (response.events as IDataObject[] | undefined) ?? []);
		lists.set(key, list);
		// A failed look-up is not kept: the next item of the run asks again.
		list.catch(() => lists.delete(key));
	}
	return list;
}

/** Whether `event` is what this body would book. */
export function isSameBooking(
	kind: DuplicateCheckKind,
	event: IDataObject,
	body: IDataObject,
): boolean {
	if (Date.parse(String(event.startTime)) !== Date.parse(String(body.startTime))) return false;
	if (kind === 'blockSlot') {
		return body.calendarId !== undefined
			? event.calendarId === body.calendarId
			: event.assignedUserId === body.assignedUserId;
	}
	return (
		event.calendarId === body.calendarId &&
		event.contactId === body.contactId &&
		event.appointmentStatus !== 'cancelled'
	);
}

/** preSend, last (after the body is final): with Duplicate Check on, looks for the booking. */
export function duplicateCheckPreSend(kind: DuplicateCheckKind) {
	return preSendHook(
		['options.duplicateCheck', 'simplify'],
		async function duplicateCheckPreSend(
			this: IExecuteSingleFunctions,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> {
			if (!(readParameter(this, 'options.duplicateCheck', false) as boolean)) return requestOptions;
			const body = requestOptions.body as IDataObject;
			const events = await listFor(this, kind, body, Date.parse(String(body.startTime)));
			const existing = events.find((event) => isSameBooking(kind, event, body));
			if (existing) {
				const simplify = readParameter(this, 'simplify', false) as boolean;
				answerWithoutSending(this, {
					...(simplify ? simplifyEvent(existing) : existing),
					alreadyExisted: true,
				});
			}
			return requestOptions;
		},
	);
}
