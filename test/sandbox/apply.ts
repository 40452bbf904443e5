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
};

/** The written record's id: a create's from its answer (flat, or in an envelope like `{ calendar }`), else the path's. */
function writtenId(routeKey: string, ctx: HandlerContext, reply: Reply): string {
	if (routeKey.startsWith('POST ')) {
		type Id = { id?: unknown };
		const answer = (reply.body ?? {}) as Id & { calendar?: Id; group?: Id; note?: Id };
		return String(answer.id ?? answer.calendar?.id ?? answer.group?.id ?? answer.note?.id);
	}
	const { eventId, calendarId, groupId, noteId } = ctx.params;
	return noteId ?? groupId ?? calendarId ?? eventId;
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
			const id = writtenId(routeKey, ctx, reply);
			sandbox.stats.applied.push({
				method: record.method,
				path: record.path,
				kind,
				id,
				body: record.body,
				at: Date.now(),
			});
		}
		return reply;
	} catch (e) {
		return errorReply(e);
	}
}
