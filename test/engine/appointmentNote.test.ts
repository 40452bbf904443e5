// Appointment Note: every operation through n8n's engine against the sandbox, paging included,
// and the recipe that logs a call outcome (docs/recipes.md) as a workflow.
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runChain } from './harness/harness';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import {
	ALL_SCOPES,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_NOTE_ID,
	SANDBOX_TOKEN,
	SANDBOX_USER_2_ID,
	SANDBOX_USER_ID,
} from '../sandbox';
import { byId, sandbox, useSandbox } from './testing';

const READ_ONLY_TOKEN = 'pit-events-read-only-4321';
const NO_EVENTS_TOKEN = 'pit-no-events-8765';

useSandbox({
	tokens: {
		[SANDBOX_TOKEN]: { locationId: SANDBOX_LOCATION_ID, scopes: ALL_SCOPES },
		[READ_ONLY_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ALL_SCOPES.filter((scope) => scope !== 'calendars/events.write'),
		},
		[NO_EVENTS_TOKEN]: {
			locationId: SANDBOX_LOCATION_ID,
			scopes: ALL_SCOPES.filter((scope) => !scope.startsWith('calendars/events')),
		},
	},
});

const note = { resource: 'appointmentNote', appointmentId: SANDBOX_APPOINTMENT_ID };
const notesPath = `/calendars/appointments/${SANDBOX_APPOINTMENT_ID}/notes`;
const seededNote = {
	id: SANDBOX_NOTE_ID,
	body: 'Prefers afternoon appointments.',
	userId: SANDBOX_USER_ID,
	dateAdded: '2029-12-01T09:00:00.000Z',
	contactId: SANDBOX_CONTACT_ID,
	createdBy: { id: SANDBOX_USER_ID, name: 'Sam Sandbox' },
};

/** Adds `count` notes after the seeded one: "Note 1" is the oldest, so lists start with the last. */
function addNotes(count: number): void {
	for (let i = 1; i <= count; i++) {
		sandbox.store.notes.set(`note_${i}`, {
			id: `note_${i}`,
			locationId: SANDBOX_LOCATION_ID,
			appointmentId: SANDBOX_APPOINTMENT_ID,
			body: `Note ${i}`,
			contactId: SANDBOX_CONTACT_ID,
			dateAdded: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
		});
	}
}

const queries = () => sandbox.requests.map((request) => request.query);
const bodies = (items: Array<{ json: { body?: unknown } }>) => items.map((item) => item.json.body);

describe('Appointment Note: Get Many', () => {
	it('Return All asks for pages of 20 (the most HighLevel gives) until one comes back short', async () => {
		addNotes(44);
		const { items, error } = await runHighLevel(sandbox, {
			...note,
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', notesPath],
			['GET', notesPath],
			['GET', notesPath],
		]);
		expect(queries()).toEqual([
			{ limit: '20', offset: '0' },
			{ limit: '20', offset: '20' },
			{ limit: '20', offset: '40' },
		]);
		expect(items).toHaveLength(45);
		expect(bodies(items.slice(0, 2))).toEqual(['Note 44', 'Note 43']);
		expect(items[44].json).toEqual(seededNote);
	});

	it('Return All over an exact number of pages ends on an empty one', async () => {
		addNotes(39);
		const { items } = await runHighLevel(sandbox, {
			...note,
			operation: 'getAll',
			returnAll: true,
		});
		expect(queries()).toEqual([
			{ limit: '20', offset: '0' },
			{ limit: '20', offset: '20' },
			{ limit: '20', offset: '40' },
		]);
		expect(sandbox.requests[2].response).toEqual({ notes: [], hasMore: false });
		expect(items).toHaveLength(40);
	});

	it('Limit asks for no more than it needs: the last page is cut to what is left', async () => {
		addNotes(44);
		const { items } = await runHighLevel(sandbox, { ...note, operation: 'getAll', limit: 25 });
		expect(queries()).toEqual([
			{ limit: '20', offset: '0' },
			{ limit: '5', offset: '20' },
		]);
		expect(items).toHaveLength(25);
		expect(bodies([items[0], items[24]])).toEqual(['Note 44', 'Note 20']);

		sandbox.resetStats();
		const few = await runHighLevel(sandbox, { ...note, operation: 'getAll', limit: 3 });
		expect(queries()).toEqual([{ limit: '3', offset: '0' }]);
		expect(bodies(few.items)).toEqual(['Note 44', 'Note 43', 'Note 42']);
	});

	it('refuses a Limit of 0 from an expression before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...note,
			operation: 'getAll',
			limit: '={{ 0 }}',
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toBe(
			'Limit 0 is not a number of notes. Use a whole number of 1 or more, or turn on Return All.',
		);
	});

	it('names the appointment HighLevel does not know, and the scope a token lacks', async () => {
		const missing = await runHighLevel(sandbox, {
			...note,
			operation: 'getAll',
			appointmentId: 'apt_missing',
		});
		expect(sandbox.requests[0].status).toBe(404);
		expect(missing.error?.message).toBe(
			'HighLevel found no appointment with appointmentId "apt_missing" (404)',
		);

		const unscoped = await runHighLevel(
			sandbox,
			{ ...note, operation: 'getAll' },
			{ credentials: sandboxCredentials(sandbox, { accessToken: NO_EVENTS_TOKEN }) },
		);
		expect(unscoped.error?.message).toBe(
			'The access token is missing the scope calendars/events.readonly',
		);
	});
});

describe('Appointment Note: Create', () => {
	it('sends NotesDTO (body, the picked user) and outputs the new note', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...note,
			operation: 'create',
			body: 'Call outcome: interested, wants a quote',
			appointmentNoteAdditionalFields: { userId: byId(SANDBOX_USER_2_ID) },
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		const [request] = sandbox.requests;
		expect(request).toMatchObject({ method: 'POST', path: notesPath, query: {}, status: 201 });
		expect(request.headers.version).toBe('v3');
		expect(request.body).toEqual({
			body: 'Call outcome: interested, wants a quote',
			userId: SANDBOX_USER_2_ID,
		});
		const created = (request.response as { note: { id: string } }).note;
		expect(items.map((item) => item.json)).toEqual([created]);
		expect(created).toMatchObject({
			body: 'Call outcome: interested, wants a quote',
			userId: SANDBOX_USER_2_ID,
			contactId: SANDBOX_CONTACT_ID,
		});
		expect(sandbox.stats.applied).toEqual([
			expect.objectContaining({ kind: 'appointmentNote', method: 'POST', id: created.id }),
		]);
	});

	it('sends only the body when no user is set', async () => {
		await runHighLevel(sandbox, { ...note, operation: 'create', body: 'Left a voicemail' });
		expect(sandbox.requests[0].body).toEqual({ body: 'Left a voicemail' });
	});

	it('refuses bad notes before any request; with Continue On Fail the other items are written', async () => {
		const { items } = await runHighLevel(
			sandbox,
			{ ...note, operation: 'create', body: '={{ $json.text }}' },
			{
				items: [{ text: 'x'.repeat(5001) }, { text: '  ' }, { text: 'No answer' }],
				continueOnFail: true,
			},
		);
		expect(items[0].error?.message).toMatch(
			/^Body "x{77}\.\.\." is too long\. HighLevel takes at most 5000 characters: shorten it \(it has 5001\)/,
		);
		expect(items[1].error?.message).toBe(
			'Body "  " is empty. Write the note: HighLevel does not take an empty one.',
		);
		expect(items[2].json).toMatchObject({ body: 'No answer' });
		expect(sandbox.requests).toHaveLength(1);
	});

	it('refuses an empty appointment id or user before any request', async () => {
		const noAppointment = await runHighLevel(sandbox, {
			...note,
			operation: 'create',
			appointmentId: '={{ "" }}',
			body: 'x',
		});
		expect(noAppointment.error?.message).toContain('Appointment ID (appointmentId) "" is empty.');
		const noUser = await runHighLevel(sandbox, {
			...note,
			operation: 'create',
			body: 'x',
			appointmentNoteAdditionalFields: { userId: byId('') },
		});
		expect(noUser.error?.message).toBe(
			'Additional Fields > User (userId) "" is empty. Set an id, or remove the field.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('names the write scope a read-only token lacks', async () => {
		const { error } = await runHighLevel(
			sandbox,
			{ ...note, operation: 'create', body: 'x' },
			{ credentials: sandboxCredentials(sandbox, { accessToken: READ_ONLY_TOKEN }) },
		);
		expect(sandbox.requests[0].status).toBe(401);
		expect(error?.message).toBe('The access token is missing the scope calendars/events.write');
	});
});

describe('Appointment Note: Update', () => {
	it('puts the note of the appointment (noteId in the path) and outputs it', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...note,
			operation: 'update',
			noteId: { __rl: true, mode: 'list', value: SANDBOX_NOTE_ID },
			body: 'Prefers mornings now.',
			appointmentNoteUpdateFields: {
				userId: { __rl: true, mode: 'list', value: SANDBOX_USER_2_ID },
			},
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'PUT',
			path: `${notesPath}/${SANDBOX_NOTE_ID}`,
			query: {},
			body: { body: 'Prefers mornings now.', userId: SANDBOX_USER_2_ID },
			status: 200,
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				...seededNote,
				body: 'Prefers mornings now.',
				userId: SANDBOX_USER_2_ID,
				createdBy: { id: SANDBOX_USER_2_ID, name: 'Riley Reyes' },
			},
		]);
	});

	it('encodes both ids as path segments and names the note HighLevel does not know', async () => {
		const { error } = await runHighLevel(sandbox, {
			...note,
			operation: 'update',
			noteId: byId('note/1?x'),
			body: 'x',
		});
		expect(sandbox.requests[0].path).toBe(`${notesPath}/note%2F1%3Fx`);
		expect(error?.message).toBe('HighLevel found no appointment note with noteId "note/1?x" (404)');
	});
});

describe('Appointment Note: Delete', () => {
	it('deletes the note and outputs { id, deleted: true }', async () => {
		const { items, error } = await runHighLevel(sandbox, {
			...note,
			operation: 'delete',
			noteId: byId(SANDBOX_NOTE_ID),
		});
		expect(error).toBeUndefined();
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.requests[0]).toMatchObject({
			method: 'DELETE',
			path: `${notesPath}/${SANDBOX_NOTE_ID}`,
			query: {},
			body: undefined,
			status: 200,
			response: { success: true },
		});
		expect(items.map((item) => item.json)).toEqual([{ id: SANDBOX_NOTE_ID, deleted: true }]);
		expect(sandbox.store.notes.has(SANDBOX_NOTE_ID)).toBe(false);
	});

	it('refuses an empty note id before any request', async () => {
		const { error } = await runHighLevel(sandbox, {
			...note,
			operation: 'delete',
			noteId: byId(' '),
		});
		expect(sandbox.requests).toHaveLength(0);
		expect(error?.message).toContain('Note (noteId) " " is empty.');
	});
});

describe('the note picker', () => {
	const listSearch = (appointmentId: string, filter?: string, paginationToken?: string) =>
		runListSearch({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			method: 'searchAppointmentNotes',
			parameters: { resource: 'appointmentNote', operation: 'update', appointmentId },
			filter,
			paginationToken,
		});

	it("lists the Appointment ID's notes a page of 20 at a time, newest first", async () => {
		addNotes(24);
		const first = await listSearch(SANDBOX_APPOINTMENT_ID);
		expect(first.results).toHaveLength(20);
		expect(first.results[0]).toEqual({ name: 'Note 24 (2030-01-01)', value: 'note_24' });
		expect(first.paginationToken).toBe('20');
		const second = await listSearch(SANDBOX_APPOINTMENT_ID, undefined, first.paginationToken);
		expect(second.results.map((result) => result.value)).toEqual([
			'note_4',
			'note_3',
			'note_2',
			'note_1',
			SANDBOX_NOTE_ID,
		]);
		expect(second.results[4].name).toBe('Prefers afternoon appointments. (2029-12-01)');
		expect(second.paginationToken).toBeUndefined();
		expect(queries()).toEqual([
			{ limit: '20', offset: '0' },
			{ limit: '20', offset: '20' },
		]);
		expect(sandbox.requests[0].path).toBe(notesPath);
		// HighLevel cannot search notes: the filter applies to each page.
		const filtered = await listSearch(SANDBOX_APPOINTMENT_ID, 'note 2');
		expect(filtered.results.map((result) => result.value)).toEqual([
			'note_24',
			'note_23',
			'note_22',
			'note_21',
			'note_20',
		]);
		expect(filtered.paginationToken).toBe('20');
	});

	it('asks for a fixed Appointment ID rather than guessing an expression', async () => {
		await expect(listSearch('={{ $json.id }}')).rejects.toThrow(
			'Set Appointment ID to list its notes',
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('recipe: log the call outcome on the appointment', () => {
	it("finds the caller's appointment by email, notes the outcome on it and marks it showed", async () => {
		const { nodes } = await runChain({
			nodeType: new HighLevelCalendar(),
			credentialType: new HighLevelCalendarApi(),
			credentials: sandboxCredentials(sandbox),
			// What a call-tracking webhook passes on: the caller. (The recipe's note quotes the
			// webhook's outcome; a chain of this node alone has no Webhook node to quote.)
			items: [{ email: 'casey.contact@example.com' }],
			steps: [
				{
					name: 'Find Appointment',
					parameters: {
						resource: 'appointment',
						operation: 'getAll',
						filterBy: 'contact',
						contactId: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
						limit: 1,
					},
				},
				{
					name: 'Log Call Outcome',
					parameters: {
						resource: 'appointmentNote',
						operation: 'create',
						appointmentId: '={{ $json.id }}',
						body: "={{ 'Call ' + $('Find Appointment').item.json.title + ': ' + $('Find Appointment').item.json.appointmentStatus }}",
					},
				},
				{
					name: 'Mark Showed',
					parameters: {
						resource: 'appointment',
						operation: 'update',
						eventId: "={{ $('Find Appointment').item.json.id }}",
						updateFields: { appointmentStatus: 'showed' },
					},
				},
			],
		});
		expect(nodes['Log Call Outcome'].items[0].json).toMatchObject({
			body: 'Call Casey Contact: confirmed',
			contactId: SANDBOX_CONTACT_ID,
		});
		expect(nodes['Mark Showed'].items[0].json).toMatchObject({
			id: SANDBOX_APPOINTMENT_ID,
			appointmentStatus: 'showed',
		});
		expect(sandbox.stats.applied.map((write) => [write.kind, write.method])).toEqual([
			['appointmentNote', 'POST'],
			['appointment', 'PUT'],
		]);
	});
});
