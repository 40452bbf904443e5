// The HighLevel sandbox itself, over real HTTP: notes on appointments.
import {
	APPOINTMENTS,
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_NOTE_ID,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
	call,
	conforms,
	newAppointment,
	sandbox,
	unprocessable,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

const notesOf = (appointmentId = SANDBOX_APPOINTMENT_ID) =>
	`/calendars/appointments/${appointmentId}/notes`;

describe('appointment notes', () => {
	test('list: newest first, limit and offset required, offset counts the notes skipped, hasMore', async () => {
		for (let i = 1; i <= 4; i++) {
			expect((await call('POST', notesOf(), { body: `Note ${i}` })).status).toBe(201);
		}
		const first = await call('GET', `${notesOf()}?limit=2&offset=0`);
		expect(first.status).toBe(200);
		conforms('calendars', 'GetNotesListSuccessfulResponseDto', first.body);
		expect(first.body.notes.map((n: { body: string }) => n.body)).toEqual(['Note 4', 'Note 3']);
		expect(first.body.hasMore).toBe(true);
		const last = await call('GET', `${notesOf()}?limit=2&offset=4`);
		expect(last.body).toEqual({
			notes: [
				{
					id: SANDBOX_NOTE_ID,
					body: 'Prefers afternoon appointments.',
					userId: SANDBOX_USER_ID,
					dateAdded: '2029-12-01T09:00:00.000Z',
					contactId: SANDBOX_CONTACT_ID,
					createdBy: { id: SANDBOX_USER_ID, name: 'Sam Sandbox' },
				},
			],
			hasMore: false,
		});
		expect(await call('GET', notesOf())).toEqual(
			unprocessable(['limit should not be empty', 'offset should not be empty']),
		);
		expect(await call('GET', `${notesOf()}?limit=21&offset=-1`)).toEqual(
			unprocessable(['limit must not be greater than 20', 'offset must not be less than 0']),
		);
		expect(await call('GET', `${notesOf('apt_missing')}?limit=1&offset=0`)).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Appointment not found' },
		});
		expect(
			(
				await call('GET', `${notesOf()}?limit=1&offset=0`, undefined, {
					token: OTHER_LOCATION_TOKEN,
				})
			).status,
		).toBe(403);
	});

	test("create: 201 {note} with the appointment's contact; the user must exist; recorded", async () => {
		const res = await call('POST', notesOf(), {
			body: 'Called: interested',
			userId: SANDBOX_USER_2_ID,
		});
		expect(res.status).toBe(201);
		conforms('calendars', 'GetCreateUpdateNoteSuccessfulResponseDto', res.body);
		const { id } = res.body.note;
		expect(res.body.note).toMatchObject({
			body: 'Called: interested',
			userId: SANDBOX_USER_2_ID,
			contactId: SANDBOX_CONTACT_ID,
			createdBy: { id: SANDBOX_USER_2_ID, name: 'Riley Reyes' },
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'POST', kind: 'appointmentNote', id }),
		]);
		expect(await call('POST', notesOf(), { body: 'x', userId: 'usr_missing' })).toEqual({
			status: 400,
			body: { statusCode: 400, message: 'User not found: usr_missing' },
		});
		expect(await call('POST', notesOf(), {})).toEqual(unprocessable(['body should not be empty']));
		expect(await call('POST', notesOf(), { body: '  ' })).toEqual(
			unprocessable(['body should not be empty']),
		);
		expect(await call('POST', notesOf(), { body: 'x'.repeat(5001) })).toEqual(
			unprocessable(['body must be shorter than or equal to 5000 characters']),
		);
		expect((await call('POST', notesOf(), { body: 'x' }, { token: READONLY_TOKEN })).status).toBe(
			401,
		);
	});

	test('a deleted appointment has no notes to write or read', async () => {
		const created = await call('POST', APPOINTMENTS, newAppointment());
		const id = created.body.id as string;
		expect((await call('POST', notesOf(id), { body: 'x' })).status).toBe(201);
		expect((await call('DELETE', `/calendars/events/${id}`, {})).status).toBe(201);
		expect((await call('GET', `${notesOf(id)}?limit=5&offset=0`)).status).toBe(404);
	});

	test('update: the note of the path (a path segment the spec does not list); body replaced', async () => {
		const url = `${notesOf()}/${SANDBOX_NOTE_ID}`;
		const res = await call('PUT', url, { body: 'Prefers mornings now.' });
		expect(res.status).toBe(200);
		conforms('calendars', 'GetCreateUpdateNoteSuccessfulResponseDto', res.body);
		expect(res.body.note).toMatchObject({
			id: SANDBOX_NOTE_ID,
			body: 'Prefers mornings now.',
			userId: SANDBOX_USER_ID,
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ method: 'PUT', kind: 'appointmentNote', id: SANDBOX_NOTE_ID }),
		]);
		expect(await call('PUT', `${notesOf()}/note_missing`, { body: 'x' })).toEqual({
			status: 404,
			body: { statusCode: 404, message: 'Note not found' },
		});
		// An empty noteId segment is another path, which no route has.
		expect((await call('PUT', `${notesOf()}/`, { body: 'x' })).status).toBe(404);
	});

	test("delete: 200 {success}; a note is not found through another appointment's path", async () => {
		const other = await call('POST', APPOINTMENTS, newAppointment());
		const elsewhere = `${notesOf(other.body.id as string)}/${SANDBOX_NOTE_ID}`;
		expect((await call('DELETE', elsewhere)).status).toBe(404);
		const url = `${notesOf()}/${SANDBOX_NOTE_ID}`;
		expect(await call('DELETE', url)).toEqual({ status: 200, body: { success: true } });
		expect(sandbox.store.notes.has(SANDBOX_NOTE_ID)).toBe(false);
		expect(sandbox.stats.applied.at(-1)).toMatchObject({
			method: 'DELETE',
			kind: 'appointmentNote',
			id: SANDBOX_NOTE_ID,
		});
		expect((await call('DELETE', url)).status).toBe(404);
	});
});
