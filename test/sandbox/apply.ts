// Applying a prepared request: the handler runs, and a write that changed the store is recorded
// in `stats.applied`, so tests can tell what actually changed from what was only answered.
import { type HandlerContext, HttpError, type Reply } from './handlers';
import { liveAppointmentFor } from './handlers/events';
import type { Prepared } from './prepare';
import type { AppliedWrite, RecordedRequest, Sandbox } from './types';

/** The routes whose success changes the store, and what they change. */
const WRITES: Record<string, (ctx: HandlerContext) => AppliedWrite['kind']> = {
	'POST /calendars/events/appointments': () => 'appointment',
	'PUT /calendars/events/appointments/{eventId}': () => 'appointment',
	'POST /calendars/events/block-slots': () => 'blockSlot',
	'PUT /calendars/events/block-slots/{eventId}': () => 'blockSlot',
	// Mirrors deleteEvent: a live appointment (or occurrence) with the id wins over a block slot.
	'DELETE /calendars/events/{eventId}': (ctx) =>
		liveAppointmentFor(ctx.store, ctx.params.eventId) ? 'appointment' : 'blockSlot',
	'POST /calendars/resources/{resourceType}': () => 'calendarResource',
	'PUT /calendars/resources/{resourceType}/{id}': () => 'calendarResource',
	'DELETE /calendars/resources/{resourceType}/{id}': () => 'calendarResource',
	'POST /calendars/{calendarId}/notifications': () => 'calendarNotification',
	'PUT /calendars/{calendarId}/notifications/{notificationId}': () => 'calendarNotification',
	'DELETE /calendars/{calendarId}/notifications/{notificationId}': () => 'calendarNotification',
};

type Written = Array<{ id: string; body: unknown }>;

/**
 * What a write changed, when that is not the created record's `id` or the path's eventId: rooms
 * and equipment are addressed by `id` and answered with `_id`; notifications are created as a
 * list (one entry each, with its part of the body) and addressed by notificationId.
 */
const WRITTEN: Record<string, (ctx: HandlerContext, reply: Reply, body: unknown) => Written> = {
	'POST /calendars/resources/{resourceType}': (_ctx, reply, body) => [
		{ id: String((reply.body as { _id?: unknown })._id), body },
	],
	'PUT /calendars/resources/{resourceType}/{id}': (ctx, _reply, body) => [
		{ id: ctx.params.id, body },
	],
	'DELETE /calendars/resources/{resourceType}/{id}': (ctx, _reply, body) => [
		{ id: ctx.params.id, body },
	],
	'POST /calendars/{calendarId}/notifications': (_ctx, reply, body) =>
		(reply.body as Array<{ _id: string }>).map((created, index) => ({
			id: created._id,
			body: (body as unknown[])[index],
		})),
	'PUT /calendars/{calendarId}/notifications/{notificationId}': (ctx, _reply, body) => [
		{ id: ctx.params.notificationId, body },
	],
	'DELETE /calendars/{calendarId}/notifications/{notificationId}': (ctx, _reply, body) => [
		{ id: ctx.params.notificationId, body },
	],
};

/** The created record's `id` (a create) or the path's eventId. */
function eventWritten(routeKey: string, ctx: HandlerContext, reply: Reply, body: unknown): Written {
	const created = routeKey.startsWith('POST ');
	const id = created ? String((reply.body as { id?: unknown }).id) : ctx.params.eventId;
	return [{ id, body }];
}

export const errorReply = (e: unknown): Reply =>
	e instanceof HttpError
		? { status: e.status, body: e.body }
		: {
				status: 500,
				body: { statusCode: 500, message: `sandbox bug: ${(e as Error)?.stack ?? String(e)}` },
			};

/** Runs the handler and records the write in `stats.applied` if it changed the store. */
export function apply(sandbox: Sandbox, record: RecordedRequest, prepared: Prepared): Reply {
	const { routeKey, handler, ctx } = prepared;
	const kindOf = WRITES[routeKey];
	try {
		const kind = kindOf?.(ctx);
		const reply = handler(ctx);
		if (kind && reply.status >= 200 && reply.status < 300) {
			const written =
				WRITTEN[routeKey]?.(ctx, reply, record.body) ??
				eventWritten(routeKey, ctx, reply, record.body);
			for (const { id, body } of written) {
				sandbox.stats.applied.push({
					method: record.method,
					path: record.path,
					kind,
					id,
					body,
					at: Date.now(),
				});
			}
		}
		return reply;
	} catch (e) {
		return errorReply(e);
	}
}
