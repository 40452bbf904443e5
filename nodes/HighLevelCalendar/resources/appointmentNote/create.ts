import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { userLocator } from '../../fields/locators';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizeNoteBody } from './normalize';

/** The note's author, optional on create and update (NotesDTO userId); a picker of the sub-account's users. */
export const noteUserOption = userLocator({
	name: 'userId',
	description: 'The HighLevel user the note is written by (userId)',
});

/** POST /calendars/appointments/{appointmentId}/notes; the output is the new note. */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Add a note to an appointment',
	description: 'Add a note to an appointment',
	routing: {
		request: { method: 'POST', url: '/calendars/appointments/{appointmentId}/notes' },
		send: {
			preSend: [
				parametersPreSend('body', ['body', 'appointmentNoteAdditionalFields']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeNoteBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'appointment', 'appointmentId'),
				{ type: 'rootProperty', properties: { property: 'note' } },
			],
		},
	},
};

export const createFields: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'appointmentNoteAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['appointmentNote'], operation: ['create'] } },
		options: [noteUserOption],
	},
];
