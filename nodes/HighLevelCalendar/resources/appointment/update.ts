import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { timeZoneOptions } from '../../shared/descriptions';
import { checkHighLevelResponse } from '../../shared/errors';
import { normalizeBody } from '../../shared/hooks';
import { simplifyField, simplifyWhenAsked } from '../../shared/simplify';
import { calendarIdField, endTimeField, optionalAppointmentFields, startTimeField } from './fields';
import { normalizeUpdateBody } from './normalize';
import { setUpdateTarget, updateTargetFields } from './occurrence';
import { addRecurrenceSummary, applyRecurrence, recurrenceFields, recurrenceSummaryField } from './recurrence';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an appointment',
	description: 'Change, move, confirm or cancel an appointment: only the fields you add are changed',
	routing: {
		request: { method: 'PUT', url: '/calendars/events/appointments/{eventId}' },
		send: { preSend: [setUpdateTarget, applyRecurrence, normalizeBody(normalizeUpdateBody)] },
		output: {
			postReceive: [checkHighLevelResponse(SCOPES.eventsWrite, 'appointment'), simplifyWhenAsked, addRecurrenceSummary],
		},
	},
};

export const updateFields: INodeProperties[] = [
	...updateTargetFields,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['appointment'], operation: ['update'] } },
		options: [...optionalAppointmentFields, calendarIdField, startTimeField, endTimeField].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	...recurrenceFields('update'),
	timeZoneOptions('appointment', ['update']),
	simplifyField('appointment', ['update'], false),
	recurrenceSummaryField(['update'], false),
];
