import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { checkHighLevelResponse } from '../../shared/errors';
import { setPathIds } from '../../shared/hooks';
import { simplifyWhenAsked } from '../../shared/simplify';
import { addRecurrenceSummary } from './recurrence/parameters';

/** The spec wraps the appointment in `event`; the live API has been seen using `appointment`. */
export async function unwrapAppointment(
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const body = item.json as IDataObject;
		const appointment = (body.event ?? body.appointment) as IDataObject | undefined;
		return { ...item, json: appointment && typeof appointment === 'object' ? appointment : body };
	});
}

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an appointment',
	description: 'Get one appointment (or one occurrence of a recurring series) by its event ID',
	routing: {
		request: { method: 'GET', url: '/calendars/events/appointments/{eventId}' },
		send: { preSend: [setPathIds] },
		output: {
			postReceive: [
				checkHighLevelResponse(SCOPES.eventsRead, 'appointment'),
				unwrapAppointment,
				simplifyWhenAsked,
				addRecurrenceSummary,
			],
		},
	},
};
