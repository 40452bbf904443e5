import type {
	IExecuteSingleFunctions,
	IDataObject,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { simplifyPostReceive } from '../../hooks/simplify';
import { EVENT_SHAPE } from '../../helpers/simplify';
import { recurrenceSummaryPostReceive } from './recurrence/parameters';
import { postReceiveHook } from '../../hooks/define';

/** The spec wraps the appointment in `event`; the live API has been seen using `appointment`. */
export const unwrapAppointmentPostReceive = postReceiveHook(
	[],
	async function unwrapAppointmentPostReceive(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		return items.map((item) => {
			const body = item.json as IDataObject;
			const appointment = (body.event ?? body.appointment) as IDataObject | undefined;
			return { ...item, json: appointment && typeof appointment === 'object' ? appointment : body };
		});
	},
);

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an appointment by ID',
	description: 'Get one appointment (or one occurrence of a recurring series) by its event ID',
	routing: {
		request: { method: 'GET', url: '/calendars/events/appointments/{eventId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsRead, 'appointment'),
				unwrapAppointmentPostReceive,
				simplifyPostReceive(EVENT_SHAPE),
				recurrenceSummaryPostReceive,
			],
		},
	},
};
