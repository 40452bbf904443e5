// Notes on an appointment: list (limit and offset), create, update, delete.
import { resolveAppointment, viewOf } from '../recurrence';
import type { NoteRecord } from '../records';
import { newId } from '../store';
import { fail, findUser, type Handler, type HandlerContext, ownedOrThrow, single } from './common';

/** NotesDTO. */
interface NoteBody {
	body: string;
	userId?: string;
}

const APPOINTMENT_NOT_FOUND = 'Appointment not found';
const NOTE_NOT_FOUND = 'Note not found';
/** The list parameters' bounds in the spec (limit `maximum: 20`, offset `minimum: 0`). */
const MAX_LIMIT = 20;

/** GetNoteSchema; createdBy names the note's user when it has one. */
function noteDto(ctx: HandlerContext, note: NoteRecord) {
	const user = note.userId === undefined ? undefined : ctx.store.users.get(note.userId);
	return {
		id: note.id,
		body: note.body,
		...(note.userId === undefined ? {} : { userId: note.userId }),
		dateAdded: note.dateAdded,
		contactId: note.contactId,
		...(user ? { createdBy: { id: user.id, name: user.name } } : {}),
	};
}

/**
 * The appointment of the path: an appointment id or an occurrence's instance id (its notes are
 * its own). Deleted ones are gone, as for every appointment operation but the live GET.
 */
function findAppointment(ctx: HandlerContext) {
	const resolved = resolveAppointment(ctx.store, ctx.params.appointmentId);
	const record = ownedOrThrow(ctx, resolved?.record, APPOINTMENT_NOT_FOUND);
	if (viewOf(resolved!).deleted) throw fail(404, APPOINTMENT_NOT_FOUND);
	return record;
}

/**
 * The spec's PUT and DELETE list only appointmentId among their parameters, although their path
 * is `.../notes/{noteId}`: the sandbox routes by the path, so `noteId` is still the path's segment
 * (an empty one matches no route). A note of another appointment is not found on this one.
 */
function findNote(ctx: HandlerContext): NoteRecord {
	findAppointment(ctx);
	const note = ctx.store.notes.get(ctx.params.noteId);
	if (!note || note.appointmentId !== ctx.params.appointmentId) throw fail(404, NOTE_NOT_FOUND);
	return note;
}

const checkedUser = (ctx: HandlerContext, userId: string | undefined) =>
	userId === undefined ? undefined : findUser(ctx, userId).id;

/** The schema bounds the body's length (ajv checks it); a blank note is refused like a missing one. */
function noteBody(ctx: HandlerContext): NoteBody {
	const b = ctx.body as unknown as NoteBody;
	if (b.body.trim() === '') throw fail(422, ['body should not be empty']);
	return b;
}

/**
 * Newest first. `offset` counts the notes skipped ("Offset of notes to fetch", minimum 0, example
 * 0), so pages follow as offset 0, 20, 40 with limit 20; `hasMore` says whether any are left.
 * prepare.ts checks that both are numbers; their bounds are checked here.
 */
export const listNotes: Handler = (ctx) => {
	findAppointment(ctx);
	const limit = Number(single(ctx.query.limit));
	const offset = Number(single(ctx.query.offset));
	const errors = [
		...(limit > MAX_LIMIT ? [`limit must not be greater than ${MAX_LIMIT}`] : []),
		...(offset < 0 ? ['offset must not be less than 0'] : []),
	];
	if (errors.length > 0) throw fail(422, errors);
	const notes = [...ctx.store.notes.values()]
		.filter((n) => n.appointmentId === ctx.params.appointmentId)
		.reverse();
	const page = notes.slice(offset, offset + limit);
	return {
		status: 200,
		body: { notes: page.map((n) => noteDto(ctx, n)), hasMore: offset + page.length < notes.length },
	};
};

export const createNote: Handler = (ctx) => {
	const appointment = findAppointment(ctx);
	const b = noteBody(ctx);
	const note: NoteRecord = {
		id: newId(),
		locationId: ctx.locationId,
		appointmentId: ctx.params.appointmentId,
		body: b.body,
		userId: checkedUser(ctx, b.userId),
		contactId: appointment.contactId,
		dateAdded: new Date().toISOString(),
	};
	ctx.store.notes.set(note.id, note);
	return { status: 201, body: { note: noteDto(ctx, note) } };
};

/** The body is replaced; the user only when one is sent. */
export const updateNote: Handler = (ctx) => {
	const note = findNote(ctx);
	const b = noteBody(ctx);
	note.body = b.body;
	if (b.userId !== undefined) note.userId = checkedUser(ctx, b.userId);
	return { status: 200, body: { note: noteDto(ctx, note) } };
};

export const deleteNote: Handler = (ctx) => {
	const note = findNote(ctx);
	ctx.store.notes.delete(note.id);
	return { status: 200, body: { success: true } };
};
