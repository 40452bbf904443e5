// Applying a prepared request: the handler runs, and a write that changed the store is recorded
// in `stats.applied`, so tests can tell what actually changed from what was only answered.
import { type HandlerContext, HttpError, type Reply } from './handlers';
import { eventDto, liveAppointmentFor } from './handlers/events';
import { resolveAppointment, viewOf } from './recurrence';
import type { Prepared } from './prepare';
import type { AppliedWrite, RecordedRequest, Sandbox } from './types';

/**
 * The routes whose success changes the store, and the kind of record they write. A handler may
 * instead say what it changed itself (`Reply.applied`), when only it knows whether anything did.
 */
const WRITES: Record<string, (ctx: HandlerContext) => AppliedWrite['kind']> = {
	'POST /calendars/events/appointments': () => 'appointment',
	'PUT /calendars/events/appointments/{eventId}': () => 'appointment',
	'POST /calendars/events/block-slots': () => 'blockSlot',
	'PUT /calendars/events/block-slots/{eventId}': () => 'blockSlot',
	// Mirrors deleteEvent: a live appointment (or occurrence) with the id wins over a block slot.
	'DELETE /calendars/events/{eventId}': (ctx) =>
		liveAppointmentFor(ctx.store, ctx.params.eventId) ? 'appointment' : 'blockSlot',
	'POST /calendars/': () => 'calendar',
	'PUT /calendars/{calendarId}': () => 'calendar',
	'DELETE /calendars/{calendarId}': () => 'calendar',
	// Validate Slug is a POST that changes nothing, so it is not listed.
	'POST /calendars/groups': () => 'calendarGroup',
	'PUT /calendars/groups/{groupId}': () => 'calendarGroup',
	'PUT /calendars/groups/{groupId}/status': () => 'calendarGroup',
	'DELETE /calendars/groups/{groupId}': () => 'calendarGroup',
	'POST /calendars/appointments/{appointmentId}/notes': () => 'appointmentNote',
	'PUT /calendars/appointments/{appointmentId}/notes/{noteId}': () => 'appointmentNote',
	'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}': () => 'appointmentNote',
	'POST /calendars/resources/{resourceType}': () => 'calendarResource',
	'PUT /calendars/resources/{resourceType}/{id}': () => 'calendarResource',
	'DELETE /calendars/resources/{resourceType}/{id}': () => 'calendarResource',
	'POST /calendars/{calendarId}/notifications': () => 'calendarNotification',
	'PUT /calendars/{calendarId}/notifications/{notificationId}': () => 'calendarNotification',
	'DELETE /calendars/{calendarId}/notifications/{notificationId}': () => 'calendarNotification',
	'POST /calendars/services/bookings': () => 'serviceBooking',
	'PUT /calendars/services/bookings/{bookingId}': () => 'serviceBooking',
	'DELETE /calendars/services/bookings/{bookingId}': () => 'serviceBooking',
};

type Written = Array<{ id: string; body: unknown }>;
type Id = { id?: unknown; _id?: unknown; bookingId?: unknown };

/**
 * What a write changed: a create's record from its answer (flat, `_id` for rooms and equipment,
 * `bookingId` for service bookings,
 * or in an envelope like `{ calendar }`), one per entry for the notifications a create makes as a
 * list; otherwise the record the path names (the most specific id in it).
 */
function written(routeKey: string, ctx: HandlerContext, reply: Reply, body: unknown): Written {
	if (!routeKey.startsWith('POST ')) {
		const { noteId, notificationId, groupId, id, calendarId, eventId, bookingId } = ctx.params;
		return [
			{ id: bookingId ?? noteId ?? notificationId ?? groupId ?? id ?? calendarId ?? eventId, body },
		];
	}
	if (Array.isArray(reply.body))
		return (reply.body as Id[]).map((created, index) => ({
			id: String(created._id ?? created.id),
			body: (body as unknown[])[index],
		}));
	const answer = (reply.body ?? {}) as Id & Record<'calendar' | 'group' | 'note', Id | undefined>;
	const created =
		answer.id ??
		answer._id ??
		answer.bookingId ??
		answer.calendar?.id ??
		answer.group?.id ??
		answer.note?.id;
	return [{ id: String(created), body }];
}

export const errorReply = (e: unknown): Reply =>
	e instanceof HttpError
		? { status: e.status, body: e.body }
		: {
				status: 500,
				body: { statusCode: 500, message: `sandbox bug: ${(e as Error)?.stack ?? String(e)}` },
			};

/** The appointment webhook each applied appointment write sends (webhooks.ts). */
const WEBHOOK_TYPES = {
	'POST /calendars/events/appointments': 'AppointmentCreate',
	'PUT /calendars/events/appointments/{eventId}': 'AppointmentUpdate',
	'DELETE /calendars/events/{eventId}': 'AppointmentDelete',
} as const;

function pushWebhook(sandbox: Sandbox, routeKey: string, id: string): void {
	const type = WEBHOOK_TYPES[routeKey as keyof typeof WEBHOOK_TYPES];
	const resolved = type && resolveAppointment(sandbox.store, id);
	if (resolved) sandbox.webhooks.emit(type, eventDto(viewOf(resolved)));
}

/** Runs the handler and records the write in `stats.applied` if it changed the store. */
export function apply(sandbox: Sandbox, record: RecordedRequest, prepared: Prepared): Reply {
	const { routeKey, handler, ctx } = prepared;
	const kindOf = WRITES[routeKey];
	try {
		const kind = kindOf?.(ctx);
		const reply = handler(ctx);
		const succeeded = reply.status >= 200 && reply.status < 300;
		if (kind && succeeded) {
			for (const { id, body } of written(routeKey, ctx, reply, record.body)) {
				if (kind === 'appointment') pushWebhook(sandbox, routeKey, id);
				sandbox.stats.applied.push({
					method: record.method,
					path: record.path,
					kind,
					id,
					body,
					at: Date.now(),
				});
			}
		} else if (reply.applied && succeeded) {
			const { applied, ...answer } = reply;
			sandbox.stats.applied.push({
				method: record.method,
				path: record.path,
				...applied,
				body: record.body,
				at: Date.now(),
			});
			return answer;
		}
		return reply;
	} catch (e) {
		return errorReply(e);
	}
}
