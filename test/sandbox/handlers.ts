// The operations the sandbox models. By the time a handler runs, server.ts has checked the
// token, scope, Version header, the spec's parameters and body schema, and the location, so the
// bodies below are known to be spec-valid and handlers only apply HighLevel's business rules.
import { randomUUID } from 'crypto';
import { parseIsoTime } from './spec';
import {
	type AppointmentRecord,
	type AppointmentStatus,
	type BlockSlotRecord,
	type CalendarRecord,
	type SandboxStore,
	newId,
} from './store';

export interface Reply {
	status: number;
	body: unknown;
}

/** Thrown anywhere in a request's handling; its status and body are the answer. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: Record<string, unknown>,
	) {
		super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
	}
}

export const fail = (status: number, message: string | string[]): HttpError =>
	new HttpError(status, status === 422 ? { statusCode: 422, message, error: 'Unprocessable Entity' } : { statusCode: status, message });

export interface HandlerContext {
	store: SandboxStore;
	locationId: string;
	params: Record<string, string>;
	query: Record<string, string | string[]>;
	body: Record<string, unknown>;
	getAppointmentEnvelope: 'event' | 'appointment';
	responseStyle: 'spec' | 'live';
}

export type Handler = (ctx: HandlerContext) => Reply;

// Request bodies as the spec (AppointmentCreateSchema, AppointmentEditSchema,
// BlockSlotEditRequestDTO) allows them; only the fields the model uses are listed.
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
interface BlockSlotEditBody {
	title?: string;
	calendarId?: string;
	assignedUserId?: string;
	startTime?: string;
	endTime?: string;
}

/** `o` without its undefined fields, so "not sent" never overwrites and never shows in JSON. */
const compact = <T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
	Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

const time = (iso: string): number => parseIsoTime(iso) ?? Date.parse(iso);

/** `iso` moved by `minutes`, written in the same offset, since HighLevel echoes the client's offset. */
function addMinutes(iso: string, minutes: number): string {
	const suffix = /(Z|[+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? 'Z';
	const offsetMinutes = suffix === 'Z' ? 0 : (suffix[0] === '-' ? -1 : 1) * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4)));
	const wallClock = new Date(time(iso) + (minutes + offsetMinutes) * 60_000);
	return wallClock.toISOString().slice(0, 19) + suffix;
}

const slotMinutes = (c: CalendarRecord): number => c.slotDuration * (c.slotDurationUnit === 'hours' ? 60 : 1);

function findCalendar(ctx: HandlerContext, id: string): CalendarRecord {
	const calendar = ctx.store.calendars.get(id);
	if (!calendar || calendar.locationId !== ctx.locationId) throw fail(400, `Calendar not found: ${id}`);
	return calendar;
}

/** Records of another location are refused, not hidden: HighLevel answers 403 for those. */
function ownedOrThrow<T extends { locationId: string }>(ctx: HandlerContext, record: T | undefined, notFound: string): T {
	if (!record) throw fail(404, notFound);
	if (record.locationId !== ctx.locationId) throw fail(403, 'The token does not have access to this location');
	return record;
}

function assertSlotFree(ctx: HandlerContext, candidate: AppointmentRecord): void {
	const start = time(candidate.startTime);
	const end = time(candidate.endTime);
	for (const other of ctx.store.appointments.values()) {
		if (other.id === candidate.id || other.calendarId !== candidate.calendarId) continue;
		if (other.deleted || other.appointmentStatus === 'cancelled') continue;
		if (time(other.startTime) < end && start < time(other.endTime)) {
			throw fail(400, 'The slot you have selected is no longer available.');
		}
	}
}

/** AppointmentSchemaResponse, or the shape the live API has been seen to send (README). */
function appointmentResponse(a: AppointmentRecord, style: HandlerContext['responseStyle']): Record<string, unknown> {
	const spec = compact({
		id: a.id,
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

/** CalendarEventDTO. */
function eventDto(a: AppointmentRecord): Record<string, unknown> {
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
	});
}

/** BlockedSlotSuccessfulResponseDto. */
const blockSlotResponse = (s: BlockSlotRecord): Record<string, unknown> =>
	compact({
		id: s.id,
		locationId: s.locationId,
		title: s.title,
		startTime: s.startTime,
		endTime: s.endTime,
		calendarId: s.calendarId,
		assignedUserId: s.assignedUserId,
	});

const listCalendars: Handler = (ctx) => {
	const { groupId, showDrafted } = ctx.query;
	const calendars = [...ctx.store.calendars.values()].filter(
		(c) =>
			c.locationId === ctx.locationId &&
			(groupId === undefined || c.groupId === groupId) &&
			(showDrafted !== 'false' || c.isActive),
	);
	return { status: 200, body: { calendars: calendars.map((c) => ({ ...c })) } };
};

const createAppointment: Handler = (ctx) => {
	const b = ctx.body as unknown as AppointmentCreateBody;
	const calendar = findCalendar(ctx, b.calendarId);
	const contact = ctx.store.contacts.get(b.contactId);
	if (!contact || contact.locationId !== ctx.locationId) throw fail(400, `Contact not found: ${b.contactId}`);
	const assignedUserId = b.assignedUserId ?? calendar.teamMembers[0]?.userId ?? '';
	// HighLevel only honours rrule together with ignoreFreeSlotValidation (README, field text).
	const rrule = b.ignoreFreeSlotValidation === true ? b.rrule : undefined;
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

const APPOINTMENT_NOT_FOUND = 'Appointment not found';

const updateAppointment: Handler = (ctx) => {
	const current = ownedOrThrow(ctx, ctx.store.appointments.get(ctx.params.eventId), APPOINTMENT_NOT_FOUND);
	const b = ctx.body as AppointmentFields;
	const calendar = b.calendarId !== undefined ? findCalendar(ctx, b.calendarId) : undefined;
	// A PUT changes only the fields it sends (README), so everything else is carried over.
	const next: AppointmentRecord = { ...current, ...compact({
		title: b.title,
		meetingLocationType: b.meetingLocationType ?? (b.address !== undefined ? 'custom' : undefined),
		appointmentStatus: b.appointmentStatus,
		assignedUserId: b.assignedUserId,
		users: b.assignedUserId !== undefined ? [b.assignedUserId, ...current.users.filter((u) => u !== b.assignedUserId)] : undefined,
		description: b.description,
		address: b.address,
		calendarId: calendar?.id,
		groupId: calendar ? calendar.groupId ?? '' : undefined,
		startTime: b.startTime,
		endTime: b.endTime,
		...(b.ignoreFreeSlotValidation === true && b.rrule !== undefined ? { rrule: b.rrule, isRecurring: true } : {}),
	}) };
	if (time(next.endTime) <= time(next.startTime)) throw fail(422, ['endTime must be after startTime']);
	const moved = next.startTime !== current.startTime || next.endTime !== current.endTime || next.calendarId !== current.calendarId;
	if (moved && b.ignoreFreeSlotValidation !== true) assertSlotFree(ctx, next);
	next.dateUpdated = new Date().toISOString();
	ctx.store.appointments.set(next.id, next);
	return { status: 200, body: appointmentResponse(next, ctx.responseStyle) };
};

const getAppointment: Handler = (ctx) => {
	const appointment = ownedOrThrow(ctx, ctx.store.appointments.get(ctx.params.eventId), APPOINTMENT_NOT_FOUND);
	if (ctx.getAppointmentEnvelope === 'event') return { status: 200, body: { event: eventDto(appointment) } };
	return {
		status: 200,
		body: { appointment: { ...eventDto(appointment), deleted: appointment.deleted }, traceId: randomUUID() },
	};
};

const updateBlockSlot: Handler = (ctx) => {
	const current = ownedOrThrow(ctx, ctx.store.blockSlots.get(ctx.params.eventId), 'Block slot not found');
	const b = ctx.body as BlockSlotEditBody;
	const next: BlockSlotRecord = { ...current, ...compact({ title: b.title, startTime: b.startTime, endTime: b.endTime }) };
	// A block slot belongs to a calendar or to a user, never both: setting one drops the other.
	if (b.calendarId !== undefined) {
		next.calendarId = findCalendar(ctx, b.calendarId).id;
		delete next.assignedUserId;
	}
	if (b.assignedUserId !== undefined) {
		const user = ctx.store.users.get(b.assignedUserId);
		if (!user || user.locationId !== ctx.locationId) throw fail(400, `User not found: ${b.assignedUserId}`);
		next.assignedUserId = user.id;
		delete next.calendarId;
	}
	if (time(next.endTime) <= time(next.startTime)) throw fail(422, ['endTime must be after startTime']);
	next.dateUpdated = new Date().toISOString();
	ctx.store.blockSlots.set(next.id, next);
	return { status: 201, body: blockSlotResponse(next) };
};

/** Keyed by `METHOD template` exactly as the spec writes the path. */
export const handlers: Record<string, Handler> = {
	'GET /calendars/': listCalendars,
	'POST /calendars/events/appointments': createAppointment,
	'PUT /calendars/events/appointments/{eventId}': updateAppointment,
	'GET /calendars/events/appointments/{eventId}': getAppointment,
	'PUT /calendars/events/block-slots/{eventId}': updateBlockSlot,
};
