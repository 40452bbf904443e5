// Applying a prepared request: the handler runs, and a write that changed the store is recorded
// in `stats.applied`, so tests can tell what actually changed from what was only answered.
import { type HandlerContext, HttpError, type Reply } from './handlers';
import { liveAppointmentFor } from './handlers/events';
import type { Prepared } from './prepare';
import type { AppliedWrite, RecordedRequest, Sandbox } from './types';

/**
 * The routes whose success changes the store, and what they change. Other handlers say what they
 * changed themselves (`Reply.applied`).
 */
const WRITES: Record<string, (ctx: HandlerContext) => AppliedWrite['kind']> = {
	'POST /calendars/events/appointments': () => 'appointment',
	'PUT /calendars/events/appointments/{eventId}': () => 'appointment',
	'POST /calendars/events/block-slots': () => 'blockSlot',
	'PUT /calendars/events/block-slots/{eventId}': () => 'blockSlot',
	// Mirrors deleteEvent: a live appointment (or occurrence) with the id wins over a block slot.
	'DELETE /calendars/events/{eventId}': (ctx) =>
		liveAppointmentFor(ctx.store, ctx.params.eventId) ? 'appointment' : 'blockSlot',
};

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
		const succeeded = reply.status >= 200 && reply.status < 300;
		if (kind && succeeded) {
			const created = routeKey.startsWith('POST ');
			const id = created ? String((reply.body as { id?: unknown }).id) : ctx.params.eventId;
			sandbox.stats.applied.push({
				method: record.method,
				path: record.path,
				kind,
				id,
				body: record.body,
				at: Date.now(),
			});
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
