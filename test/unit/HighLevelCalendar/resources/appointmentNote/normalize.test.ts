import {
	MAX_NOTE_LENGTH,
	normalizeNoteBody,
} from '../../../../../nodes/HighLevelCalendar/resources/appointmentNote/normalize';

describe('appointment note bodies', () => {
	it('keeps the text as written and a trimmed user id', () => {
		expect(normalizeNoteBody({ body: ' Called: no answer \n', userId: ' usr_1 ' })).toEqual({
			body: ' Called: no answer \n',
			userId: 'usr_1',
		});
		expect(normalizeNoteBody({ body: 42 })).toEqual({ body: '42' });
	});

	it('refuses a missing, blank or too long body', () => {
		expect(() => normalizeNoteBody({})).toThrow('body (not set) is missing. Write the note');
		expect(() => normalizeNoteBody({ body: ' \n ' })).toThrow('is empty');
		expect(normalizeNoteBody({ body: 'x'.repeat(MAX_NOTE_LENGTH) }).body).toHaveLength(5000);
		expect(() => normalizeNoteBody({ body: 'x'.repeat(MAX_NOTE_LENGTH + 1) })).toThrow(
			'is too long. HighLevel takes at most 5000 characters: shorten it (it has 5001) or split it into several notes.',
		);
		expect(() => normalizeNoteBody({ body: { text: 'x' } })).toThrow('is not text');
	});

	it('refuses an empty user id', () => {
		expect(() => normalizeNoteBody({ body: 'x', userId: '' })).toThrow(
			'userId "" is empty. Set an id, or remove the field.',
		);
	});
});
