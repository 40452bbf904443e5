// What appointments and block slots share: one id space for DELETE, and the event lists, both in
// the events envelope with CalendarEventDTO's field names.
import {
	type AppointmentView,
	appointmentsIn,
	type ResolvedAppointment,
	resolveAppointment,
	viewOf,
} from '../recurrence';
import type { BlockSlotRecord } from '../records';
import {
	compact,
	fail,
	findCalendar,
	findUser,
	type Handler,
	type HandlerContext,
	overlaps,
	ownedOrThrow,
	single,
	time,
} from './common';

/** CalendarEventDTO; for one occurrence of a series, with its instance id and masterEventId. */
export function eventDto(a: AppointmentView): Record<string, unknown> {
	return compact({
		id: a.id,
		address: a.address,
		title: a.title,
		calendarId: a.calendarId,
		locationId: a.locationId,
		contactId: a.contactId,
		groupId: a.groupId,
		appointmentStatus: a.appointmentStatus,
		assignedUserId: a.assignedUserId,
		users: a.users,
		notes: a.notes,
		description: a.description,
		isRecurring: a.isRecurring,
		rrule: a.rrule,
		startTime: a.startTime,
		endTime: a.endTime,
		dateAdded: a.dateAdded,
		dateUpdated: a.dateUpdated,
		masterEventId: a.masterEventId,
	});
}

/**
 * A block slot as list blocked-slots returns it: in the events envelope the spec names
 * (GetCalendarEventsSuccessfulResponseDTO), with CalendarEventDTO's field names. That DTO
 * requires appointment fields a block slot has no value for (contactId, appointmentStatus,
 * users, ...); they are left out rather than made up, so a client must not count on them.
 */
const blockSlotEventDto = (s: BlockSlotRecord): Record<string, unknown> =>
	compact({
		id: s.id,
		title: s.title,
		calendarId: s.calendarId,
		locationId: s.locationId,
		assignedUserId: s.assignedUserId,
		startTime: s.startTime,
		endTime: s.endTime,
		dateAdded: s.dateAdded,
		dateUpdated: s.dateUpdated,
	});

/** The live appointment or occurrence an event id names, if any (what DELETE acts on first). */
export function liveAppointmentFor(
	store: HandlerContext['store'],
	id: string,
): ResolvedAppointment | undefined {
	const resolved = resolveAppointment(store, id);
	return resolved && !viewOf(resolved).deleted ? resolved : undefined;
}

/**
 * One id space for both kinds of event. Appointments are soft-deleted, since the live GET was
 * recorded showing them with `deleted: true`; nothing records a deleted block slot being
 * readable, and no sandbox route could read one, so block slots are simply removed. An instance
 * id deletes that one occurrence (kept as a deleted override; the series stays); the master id
 * deletes the whole series.
 */
export const deleteEvent: Handler = (ctx) => {
	const id = ctx.params.eventId;
	const appointment = liveAppointmentFor(ctx.store, id);
	const slot = ctx.store.blockSlots.get(id);
	if (appointment) {
		const { record, instance } = appointment;
		ownedOrThrow(ctx, record, 'Event not found');
		const now = new Date().toISOString();
		ctx.store.appointments.set(
			record.id,
			instance
				? {
						...record,
						overrides: {
							...record.overrides,
							[id]: { ...record.overrides?.[id], deleted: true, dateUpdated: now },
						},
					}
				: { ...record, deleted: true, dateUpdated: now },
		);
	} else if (slot) {
		ownedOrThrow(ctx, slot, 'Event not found');
		ctx.store.blockSlots.delete(id);
	} else {
		throw fail(404, 'Event not found');
	}
	return { status: 201, body: { succeeded: true } };
};

/**
 * The owner filter of list events and list blocked slots (the 422 rule left exactly one) and
 * the window, in epoch ms. Unknown owners are a 400 like unknown ids in a body, so a mistyped
 * id is not mistaken for an empty calendar.
 */
function listFilter(ctx: HandlerContext) {
	const calendarId = single(ctx.query.calendarId);
	const userId = single(ctx.query.userId);
	const groupId = single(ctx.query.groupId);
	if (calendarId !== undefined) findCalendar(ctx, calendarId);
	if (userId !== undefined) findUser(ctx, userId);
	if (groupId !== undefined) {
		const known = [...ctx.store.calendars.values()].some(
			(c) => c.locationId === ctx.locationId && c.groupId === groupId,
		);
		if (!known) throw fail(400, `Group not found: ${groupId}`);
	}
	const from = Number(ctx.query.startTime);
	const to = Number(ctx.query.endTime);
	const inWindow = (e: { startTime: string; endTime: string }) =>
		overlaps(time(e.startTime), time(e.endTime), from, to);
	const byStart = (a: { startTime: string }, b: { startTime: string }) =>
		time(a.startTime) - time(b.startTime);
	return { calendarId, userId, groupId, from, to, inWindow, byStart };
}

/**
 * A recurring appointment comes back as its occurrences in the window (see recurrence.ts), each
 * with its instance id and masterEventId, never as its master; single appointments as stored.
 */
export const listEvents: Handler = (ctx) => {
	const { calendarId, userId, groupId, from, to, byStart } = listFilter(ctx);
	const events = appointmentsIn(ctx.store, ctx.locationId, from, to)
		.filter(
			(a) =>
				(calendarId === undefined || a.calendarId === calendarId) &&
				(userId === undefined || a.assignedUserId === userId || a.users.includes(userId)) &&
				(groupId === undefined || a.groupId === groupId),
		)
		.sort(byStart);
	return { status: 200, body: { events: events.map(eventDto) } };
};

export const listBlockedSlots: Handler = (ctx) => {
	const { calendarId, userId, groupId, inWindow, byStart } = listFilter(ctx);
	const slots = [...ctx.store.blockSlots.values()]
		.filter(
			(s) =>
				s.locationId === ctx.locationId &&
				(calendarId === undefined || s.calendarId === calendarId) &&
				(userId === undefined || s.assignedUserId === userId) &&
				(groupId === undefined ||
					(s.calendarId !== undefined &&
						ctx.store.calendars.get(s.calendarId)?.groupId === groupId)) &&
				inWindow(s),
		)
		.sort(byStart);
	return { status: 200, body: { events: slots.map(blockSlotEventDto) } };
};
