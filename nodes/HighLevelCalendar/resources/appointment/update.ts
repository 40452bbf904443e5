import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { timeZoneOptions } from '../../shared/descriptions';
import { checkHighLevelResponse } from '../../shared/errors';
import { normalizeBody } from '../../shared/hooks';
import { simplifyField, simplifyWhenAsked } from '../../shared/simplify';
import { normalizeUpdateBody } from './normalize';
import { setUpdateTarget } from './occurrence';
import {
	addRecurrenceSummary,
	applyRecurrence,
	recurrenceFields,
	recurrenceSummaryField,
} from './recurrence/parameters';
import { sendParameters } from '../../shared/parameters';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an appointment',
	description:
		'Change, move, confirm or cancel an appointment: only the fields you add are changed',
	routing: {
		request: { method: 'PUT', url: '/calendars/events/appointments/{eventId}' },
		send: {
			preSend: [
				sendParameters('body', ['updateFields', 'rrule']),
				setUpdateTarget,
				applyRecurrence,
				normalizeBody(normalizeUpdateBody),
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

/** Update's own fields, after the target (occurrence.ts); Update Fields is in shared/eventFields.ts. */
export const updateFields: INodeProperties[] = [
	...recurrenceFields('update'),
	timeZoneOptions('appointment', ['update']),
	simplifyField('appointment', ['update'], false),
	recurrenceSummaryField(['update'], false),
];
