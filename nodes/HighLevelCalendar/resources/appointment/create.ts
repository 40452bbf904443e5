import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { timeZoneOptions } from '../../fields/options';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { duplicateCheckPreSend } from '../../hooks/duplicateCheck';
import { duplicateCheckOption } from '../../fields/duplicateCheck';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedBodyPreSend, contactByEmailPreSend } from '../../hooks/request';
import { simplifyPostReceive } from '../../hooks/simplify';
import { EVENT_SHAPE } from '../../helpers/simplify';
import { simplifyField } from '../../fields/simplify';
import { normalizeCreateBody } from './normalize';
import {
	recurrenceSummaryPostReceive,
	recurrencePreSend,
	recurrenceFields,
	recurrenceSummaryField,
} from './recurrence/parameters';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Book an appointment for a contact',
	description: 'Book an appointment for a contact on a calendar',
	routing: {
		request: { method: 'POST', url: '/calendars/events/appointments' },
		send: {
			preSend: [
				parametersPreSend('body', [
					'calendarId',
					'contactId',
					'startTime',
					'additionalFields',
					'rrule',
				]),
				contactByEmailPreSend,
				recurrencePreSend,
				normalizedBodyPreSend(normalizeCreateBody),
				duplicateCheckPreSend('appointment'),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'appointment'),
				simplifyPostReceive(EVENT_SHAPE),
				recurrenceSummaryPostReceive,
			],
		},
	},
};

/** Create's own fields; Calendar, Contact, Start Time and Additional Fields are in resources/event/fields.ts. */
export const createFields: INodeProperties[] = [
	...recurrenceFields('create'),
	// The switches before the Options collection, so they do not look like part of it.
	...simplifyField('appointment', ['create'], false),
	recurrenceSummaryField(['create'], false),
	timeZoneOptions('appointment', ['create'], [duplicateCheckOption('appointment')]),
];
