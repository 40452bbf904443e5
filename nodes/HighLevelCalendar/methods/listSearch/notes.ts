import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { NOTES_PAGE_SIZE } from '../../resources/appointmentNote/normalize';
import { CALENDARS_API_VERSION, SCOPES } from '../../helpers/constants';
import { highLevelRequest } from '../../transport/client';
import { encodePathSegment } from '../../helpers/pathSegment';
import { matchesFilter } from './calendars';

/** How much of a note's text its picker entry shows. */
const LABEL_LENGTH = 60;

function noteLabel(note: IDataObject): string {
	const text = String(note.body ?? '')
		.replace(/\s+/g, ' ')
		.trim();
	const shown = text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 3)}...` : text;
	const day = typeof note.dateAdded === 'string' ? note.dateAdded.slice(0, 10) : '';
	return [shown || String(note.id), day && `(${day})`].filter(Boolean).join(' ');
}

/**
 * The note picker (fields/locators.ts, kind 'appointmentNote'): the notes of the node's Appointment
 * ID, a page of 20 at a time (the most GET .../notes gives; the token is the next offset). An
 * expression is only known when the workflow runs, so then the picker asks for a fixed ID.
 */
export async function searchAppointmentNotes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const appointmentId = this.getNodeParameter('appointmentId', '', { rawExpressions: true });
	if (typeof appointmentId !== 'string' || !appointmentId.trim() || appointmentId.startsWith('=')) {
		throw new NodeOperationError(this.getNode(), 'Set Appointment ID to list its notes', {
			description:
				'From List needs a fixed appointment ID; with an expression (known only when the workflow runs), give the note By ID.',
		});
	}
	const offset = Number(paginationToken ?? 0) || 0;
	const response = await highLevelRequest(this, {
		method: 'GET',
		path: `/calendars/appointments/${encodePathSegment(appointmentId, 'appointmentId')}/notes`,
		version: CALENDARS_API_VERSION,
		requiredScope: SCOPES.eventsRead,
		qs: { limit: NOTES_PAGE_SIZE, offset },
		target: `appointment with appointmentId "${appointmentId.trim()}"`,
	});
	const notes = (response.notes as IDataObject[] | undefined) ?? [];
	const more =
		response.hasMore === true ||
		(response.hasMore === undefined && notes.length === NOTES_PAGE_SIZE);
	return {
		results: notes
			.filter((note) => matchesFilter(filter, note.body, note.id))
			.map((note) => ({ name: noteLabel(note), value: String(note.id) })),
		paginationToken: more ? String(offset + notes.length) : undefined,
	};
}
