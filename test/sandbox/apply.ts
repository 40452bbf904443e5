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
	// Validate Slug is a POST that changes nothing, so it is not listed.
	'POST /calendars/groups': () => 'calendarGroup',
	'PUT /calendars/groups/{groupId}': () => 'calendarGroup',
	'PUT /calendars/groups/{groupId}/status': () => 'calendarGroup',
	'DELETE /calendars/groups/{groupId}': () => 'calendarGroup',
	'POST /calendars/appointments/{appointmentId}/notes': () => 'appointmentNote',
	'PUT /calendars/appointments/{appointmentId}/notes/{noteId}': () => 'appointmentNote',
	'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}': () => 'appointmentNote',
};

/** A create's new id: flat (events), or inside the answer's envelope (`{ group }`, `{ note }`). */
function createdId(body: unknown): string {
	type Id = { id?: unknown };
	const answer = (body ?? {}) as Id & { group?: Id; note?: Id };
	return String(answer.id ?? answer.group?.id ?? answer.note?.id);
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
			const created = routeKey.startsWith('POST ');
			const { eventId, groupId, noteId } = ctx.params;
			const id = created ? createdId(reply.body) : (noteId ?? groupId ?? eventId);
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
