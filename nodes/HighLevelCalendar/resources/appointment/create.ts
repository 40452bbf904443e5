import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { timeZoneOptions } from '../../shared/descriptions';
import { checkHighLevelResponse } from '../../shared/errors';
import { duplicateCheckOption, lookForExisting } from '../../shared/duplicateCheck';
import { sendParameters } from '../../shared/parameters';
import { normalizeBody, resolveContactInBody } from '../../shared/hooks';
import { simplifyField, simplifyWhenAsked } from '../../shared/simplify';
import { normalizeCreateBody } from './normalize';
import {
	addRecurrenceSummary,
	applyRecurrence,
	recurrenceFields,
	recurrenceSummaryField,
} from './recurrence/parameters';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an appointment',
	description: 'Book an appointment for a contact on a calendar',
	routing: {
		request: { method: 'POST', url: '/calendars/events/appointments' },
		send: {
			preSend: [
				sendParameters('body', [
					'calendarId',
					'contactId',
					'startTime',
					'additionalFields',
					'rrule',
				]),
				resolveContactInBody,
				applyRecurrence,
				normalizeBody(normalizeCreateBody),
				lookForExisting('appointment'),
			],
		},
		output: {
			postReceive: [
				checkHighLevelResponse(SCOPES.eventsWrite, 'appointment'),
				simplifyWhenAsked,
				addRecurrenceSummary,
			],
		},
	},
};

/** Create's own fields; Calendar, Contact, Start Time and Additional Fields are in shared/eventFields.ts. */
export const createFields: INodeProperties[] = [
	...recurrenceFields('create'),
	timeZoneOptions('appointment', ['create'], [duplicateCheckOption('appointment')]),
	simplifyField('appointment', ['create'], false),
	recurrenceSummaryField(['create'], false),
];
