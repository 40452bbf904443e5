import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { noteUserOption } from './create';
import { normalizeNoteBody } from './normalize';

/**
 * PUT /calendars/appointments/{appointmentId}/notes/{noteId}: the spec lists only appointmentId
 * among its parameters, but the path names the note too (noteId). The body replaces the note's
 * text; the output is the note.
 */
export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an appointment note',
	description: "Rewrite an appointment note's text, or change its user",
	routing: {
		request: { method: 'PUT', url: '/calendars/appointments/{appointmentId}/notes/{noteId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['body', 'appointmentNoteUpdateFields']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeNoteBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'appointment note', 'noteId'),
				{ type: 'rootProperty', properties: { property: 'note' } },
			],
		},
	},
};

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'appointmentNoteUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['appointmentNote'], operation: ['update'] } },
		options: [noteUserOption],
	},
];
