// Appointments one by one: create, update (a whole series, or one occurrence of it) and get.
import { randomUUID } from 'crypto';
import {
	type AppointmentView,
	appointmentsIn,
	instanceView,
	keptOverrides,
	parseRecurrence,
	type ResolvedAppointment,
	resolveAppointment,
	viewOf,
} from '../recurrence';
import type { AppointmentRecord, AppointmentStatus, InstanceOverride } from '../records';
import { newId } from '../store';
import {
	blocksTime,
	compact,
	fail,
	findCalendar,
	type Handler,
	type HandlerContext,
	ownedOrThrow,
	slotMinutes,
	time,
} from './common';
import { eventDto } from './events';

// Request bodies as the spec (AppointmentCreateSchema, AppointmentEditSchema) allows them; only
// the fields the model uses.
interface AppointmentFields {
	title?: string;
	meetingLocationType?: string;
	appointmentStatus?: AppointmentStatus;
	assignedUserId?: string;
	description?: string;
	address?: string;
	ignoreFreeSlotValidation?: boolean;
	rrule?: string;
	calendarId?: string;
	startTime?: string;
	endTime?: string;
}
interface AppointmentCreateBody extends AppointmentFields {
	calendarId: string;
	contactId: string;
	startTime: string;
}

/** `iso` moved by `minutes`, written in the same offset, since HighLevel echoes the client's offset. */
function addMinutes(iso: string, minutes: number): string {
	const suffix = /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? 'Z';
	const offsetMinutes =
		suffix === 'Z'
			? 0
			: (suffix[0] === '-' ? -1 : 1) * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4)));
	const wallClock = new Date(time(iso) + (minutes + offsetMinutes) * 60_000);
	return wallClock.toISOString().slice(0, 19) + suffix;
}

/**
 * Occurrences of series occupy their slots like single appointments. A series being moved is
 * checked at its first occurrence (its own times), against everything but its own occurrences.
 */
function assertSlotFree(ctx: HandlerContext, candidate: AppointmentView): void {
	for (const other of appointmentsIn(
		ctx.store,
		ctx.locationId,
		time(candidate.startTime),
		time(candidate.endTime),
	)) {
		if (
			other.id === candidate.id ||
			other.masterEventId === candidate.id ||
			other.calendarId !== candidate.calendarId
		)
			continue;
		if (blocksTime(other)) throw fail(400, 'The slot you have selected is no longer available.');
	}
}

/**
 * HighLevel applies an rrule only with ignoreFreeSlotValidation (README, field text). The 422
 * rule (rules.ts) already refused one that does not parse; lines the sandbox does not model are
 * refused here rather than silently left out of the series.
 */
function appliedRrule(b: AppointmentFields): string | undefined {
	if (b.ignoreFreeSlotValidation !== true || b.rrule === undefined) return undefined;
	const { unsupported } = parseRecurrence(b.rrule);
	if (unsupported.length > 0)
		throw fail(501, `rrule ${unsupported.join(' and ')} lines are not modelled by the sandbox`);
	return b.rrule;
}

/**
 * AppointmentSchemaResponse, or the shape the live API has been seen to send (README). An
 * occurrence's answer carries its instance id, and masterEventId beside it.
 */
function appointmentResponse(
	a: AppointmentView,
	style: HandlerContext['responseStyle'],
): Record<string, unknown> {
	const spec = compact({
		id: a.id,
		masterEventId: a.masterEventId,
		calendarId: a.calendarId,
		locationId: a.locationId,
		contactId: a.contactId,
		startTime: a.startTime,
		endTime: a.endTime,
		title: a.title,
		meetingLocationType: a.meetingLocationType,
		appointmentStatus: a.appointmentStatus,
		assignedUserId: a.assignedUserId,
		address: a.address,
		isRecurring: a.isRecurring,
		rrule: a.rrule,
	});
	if (style === 'spec') return spec;
	const { startTime: _start, endTime: _end, ...rest } = spec;
	return {
		...rest,
		// "booked" whatever appointmentStatus says: it is what recordings show.
		status: 'booked',
		appoinmentStatus: a.appointmentStatus,
		dateAdded: a.dateAdded,
		dateUpdated: a.dateUpdated,
		traceId: randomUUID(),
	};
}

const APPOINTMENT_NOT_FOUND = 'Appointment not found';

/**
 * An appointment id, or an instance id naming an occurrence its series has (anything else, a
 * made-up or EXDATE'd occurrence included, is not found); another location's is 403.
 */
function findAppointment(ctx: HandlerContext, id: string): ResolvedAppointment {
	const resolved = resolveAppointment(ctx.store, id);
	ownedOrThrow(ctx, resolved?.record, APPOINTMENT_NOT_FOUND);
	return resolved!;
}

/** A deleted appointment or occurrence is gone for every operation but the live GET, which shows `deleted`. */
function liveAppointment(ctx: HandlerContext, id: string): ResolvedAppointment {
	const resolved = findAppointment(ctx, id);
	if (viewOf(resolved).deleted) throw fail(404, APPOINTMENT_NOT_FOUND);
	return resolved;
}

export const createAppointment: Handler = (ctx) => {
	const b = ctx.body as unknown as AppointmentCreateBody;
	const calendar = findCalendar(ctx, b.calendarId);
	const contact = ctx.store.contacts.get(b.contactId);
	if (!contact || contact.locationId !== ctx.locationId)
		throw fail(400, `Contact not found: ${b.contactId}`);
	const assignedUserId = b.assignedUserId ?? calendar.teamMembers[0]?.userId ?? '';
	const rrule = appliedRrule(b);
	const now = new Date().toISOString();
	const appointment: AppointmentRecord = {
		id: newId(),
		locationId: ctx.locationId,
		calendarId: calendar.id,
		contactId: contact.id,
		groupId: calendar.groupId ?? '',
		// The calendar's default eventTitle is "{{contact.name}}".
		title: b.title ?? contact.name,
		appointmentStatus: b.appointmentStatus ?? 'confirmed',
		assignedUserId,
		users: assignedUserId ? [assignedUserId] : [],
		// Per the field text, an address without a type means a custom location.
		meetingLocationType: b.meetingLocationType ?? (b.address !== undefined ? 'custom' : 'default'),
		address: b.address,
		description: b.description,
		isRecurring: rrule !== undefined,
		rrule,
		startTime: b.startTime,
		endTime: b.endTime ?? addMinutes(b.startTime, slotMinutes(calendar)),
		dateAdded: now,
		dateUpdated: now,
		deleted: false,
	};
	if (b.ignoreFreeSlotValidation !== true) assertSlotFree(ctx, appointment);
	ctx.store.appointments.set(appointment.id, appointment);
	return { status: 200, body: appointmentResponse(appointment, ctx.responseStyle) };
};

/** The fields a PUT sent, as they change `current` (an appointment, or one occurrence). */
function changedFields(ctx: HandlerContext, current: AppointmentView, b: AppointmentFields) {
	const calendar = b.calendarId !== undefined ? findCalendar(ctx, b.calendarId) : undefined;
	return compact({
		title: b.title,
		meetingLocationType: b.meetingLocationType ?? (b.address !== undefined ? 'custom' : undefined),
		appointmentStatus: b.appointmentStatus,
		assignedUserId: b.assignedUserId,
		users:
			b.assignedUserId !== undefined
				? [b.assignedUserId, ...current.users.filter((u) => u !== b.assignedUserId)]
				: undefined,
		description: b.description,
		address: b.address,
		calendarId: calendar?.id,
		groupId: calendar ? (calendar.groupId ?? '') : undefined,
		startTime: b.startTime,
		endTime: b.endTime,
	});
}

/** Refuses an update that leaves the event ending before it starts, or moves it onto a taken slot. */
function checkMove(
	ctx: HandlerContext,
	current: AppointmentView,
	next: AppointmentView,
	b: AppointmentFields,
): void {
	if (time(next.endTime) <= time(next.startTime))
		throw fail(422, ['endTime must be after startTime']);
	const moved =
		next.startTime !== current.startTime ||
		next.endTime !== current.endTime ||
		next.calendarId !== current.calendarId;
	if (moved && b.ignoreFreeSlotValidation !== true) assertSlotFree(ctx, next);
}

/**
 * With an instance id, only that occurrence changes: what the PUT sent is kept as an override
 * on the series (over earlier overrides of the same occurrence), and lists and GET show it.
 * Its instance id stays the one derived from its place in the series, even when it is moved.
 */
function updateOccurrence(
	ctx: HandlerContext,
	resolved: Required<ResolvedAppointment>,
): AppointmentView {
	const { record: master, instance } = resolved;
	const b = ctx.body as AppointmentFields;
	if (appliedRrule(b) !== undefined) {
		throw fail(
			400,
			'rrule can only be changed on the whole series: send the master event id, not an instance id',
		);
	}
	const current = viewOf(resolved);
	const { id } = instance.occurrence;
	const override: InstanceOverride = {
		...master.overrides?.[id],
		...changedFields(ctx, current, b),
		dateUpdated: new Date().toISOString(),
	};
	const nextMaster: AppointmentRecord = {
		...master,
		overrides: { ...master.overrides, [id]: override },
	};
	const next = instanceView(nextMaster, instance.series, instance.occurrence);
	checkMove(ctx, current, next, b);
	ctx.store.appointments.set(master.id, nextMaster);
	return next;
}

export const updateAppointment: Handler = (ctx) => {
	const resolved = liveAppointment(ctx, ctx.params.eventId);
	if (resolved.instance) {
		const occurrence = updateOccurrence(ctx, { ...resolved, instance: resolved.instance });
		return { status: 200, body: appointmentResponse(occurrence, ctx.responseStyle) };
	}
	// The master id (or a single appointment's id) changes the whole series.
	const current = resolved.record;
	const b = ctx.body as AppointmentFields;
	const rrule = appliedRrule(b);
	// A PUT changes only the fields it sends (README), so everything else is carried over.
	const next: AppointmentRecord = {
		...current,
		...changedFields(ctx, current, b),
		...(rrule !== undefined ? { rrule, isRecurring: true } : {}),
	};
	checkMove(ctx, current, next, b);
	// Instance ids follow the series' start and length, so overrides of occurrences the
	// changed series no longer has are dropped with them.
	if (
		next.overrides &&
		(next.rrule !== current.rrule ||
			next.startTime !== current.startTime ||
			next.endTime !== current.endTime)
	) {
		next.overrides = keptOverrides(ctx.store, next);
		if (next.overrides === undefined) delete next.overrides;
	}
	next.dateUpdated = new Date().toISOString();
	ctx.store.appointments.set(next.id, next);
	return { status: 200, body: appointmentResponse(next, ctx.responseStyle) };
};

/** An appointment, or with an instance id one occurrence of a series (with masterEventId). */
export const getAppointment: Handler = (ctx) => {
	const appointment = viewOf(findAppointment(ctx, ctx.params.eventId));
	// The spec's envelope has no way to say "deleted", so there a deleted appointment is not
	// found; the live envelope was recorded returning it with `deleted: true` (README).
	if (ctx.getAppointmentEnvelope === 'event') {
		if (appointment.deleted) throw fail(404, APPOINTMENT_NOT_FOUND);
		return { status: 200, body: { event: eventDto(appointment) } };
	}
	return {
		status: 200,
		body: {
			appointment: { ...eventDto(appointment), deleted: appointment.deleted },
			traceId: randomUUID(),
		},
	};
};
