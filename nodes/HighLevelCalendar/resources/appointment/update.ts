import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { timeZoneOptions } from '../../fields/options';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizedBodyPreSend } from '../../hooks/request';
import { simplifyPostReceive } from '../../hooks/simplify';
import { EVENT_SHAPE } from '../../helpers/simplify';
import { simplifyField } from '../../fields/simplify';
import { normalizeUpdateBody } from './normalize';
import { updateTargetPreSend } from './occurrence';
import {
	recurrenceSummaryPostReceive,
	recurrencePreSend,
	recurrenceFields,
	recurrenceSummaryField,
} from './recurrence/parameters';
import { parametersPreSend } from '../../hooks/parameters';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Reschedule or update an appointment',
	description:
		'Change, move, confirm or cancel an appointment: only the fields you add are changed',
	routing: {
		request: { method: 'PUT', url: '/calendars/events/appointments/{eventId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['updateFields', 'rrule']),
				updateTargetPreSend,
				recurrencePreSend,
				normalizedBodyPreSend(normalizeUpdateBody),
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

/** Update's own fields, after the target (occurrence.ts); Update Fields is in resources/event/fields.ts. */
export const updateFields: INodeProperties[] = [
	...recurrenceFields('update'),
	...simplifyField('appointment', ['update'], false),
	recurrenceSummaryField(['update'], false),
	timeZoneOptions('appointment', ['update']),
];
