import type { IDataObject } from 'n8n-workflow';
import { checkId, coerceText } from '../../helpers/bodyChecks';
import { InputError } from '../../helpers/inputError';

/** NotesDTO: `body` at most 5,000 characters. */
export const MAX_NOTE_LENGTH = 5000;
/** GET .../notes: `limit` at most 20 ("maximum": 20), so Get Many asks for pages of 20. */
export const NOTES_PAGE_SIZE = 20;

/** POST and PUT .../notes: NotesDTO (body required, userId optional). */
export function normalizeNoteBody(body: IDataObject): IDataObject {
	coerceText(body, 'body');
	const text = body.body as string | undefined;
	if (text === undefined || text.trim() === '') {
		throw new InputError(
			'body',
			text,
			'Write the note: HighLevel does not take an empty one.',
			text === undefined ? 'is missing' : 'is empty',
		);
	}
	if (text.length > MAX_NOTE_LENGTH) {
		throw new InputError(
			'body',
			text,
			`HighLevel takes at most ${MAX_NOTE_LENGTH} characters: shorten it (it has ${text.length}) or split it into several notes.`,
			'is too long',
		);
	}
	checkId(body, 'userId', false);
	return body;
}
