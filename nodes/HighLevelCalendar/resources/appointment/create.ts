import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { bodyField, locationIdOverrideField, timeZoneOptions } from '../../shared/descriptions';
import { checkHighLevelResponse } from '../../shared/errors';
import { duplicateCheckOption, lookForExisting } from '../../shared/duplicateCheck';
import { normalizeBody, resolveContactInBody } from '../../shared/hooks';
import { contactLocator } from '../../shared/locators';
import { simplifyField, simplifyWhenAsked } from '../../shared/simplify';
import { calendarIdField, endTimeField, optionalAppointmentFields, startTimeField } from './fields';
import { normalizeCreateBody } from './normalize';
import { addRecurrenceSummary, applyRecurrence, recurrenceFields, recurrenceSummaryField } from './recurrence';

const show = { resource: ['appointment'], operation: ['create'] };

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an appointment',
	description: 'Book an appointment for a contact on a calendar',
	routing: {
		request: { method: 'POST', url: '/calendars/events/appointments' },
		send: { preSend: [resolveContactInBody, applyRecurrence, normalizeBody(normalizeCreateBody), lookForExisting('appointment')] },
		output: {
			postReceive: [checkHighLevelResponse(SCOPES.eventsWrite, 'appointment'), simplifyWhenAsked, addRecurrenceSummary],
		},
	},
};

export const createFields: INodeProperties[] = [
	{ ...calendarIdField, required: true, displayOptions: { show } },
	bodyField(
		contactLocator({
			required: true,
			description: 'The HighLevel contact the appointment is booked for (contactId)',
			displayOptions: { show },
		}),
	),
	{ ...startTimeField, required: true, displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			...optionalAppointmentFields,
			endTimeField,
			locationIdOverrideField,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	...recurrenceFields('create'),
	timeZoneOptions('appointment', ['create'], [duplicateCheckOption('appointment')]),
	simplifyField('appointment', ['create'], false),
	recurrenceSummaryField(['create'], false),
];
