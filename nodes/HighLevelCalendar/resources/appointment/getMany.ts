import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { CONTACTS_API_VERSION } from '../../helpers/constants';
import { filterByField, getManyRouting } from '../event/getMany';

/**
 * Get Many appointments: a time window of one calendar, user or group (GET /calendars/events), of
 * every calendar (GET /calendars/, then GET /calendars/events per calendar), or every appointment
 * of a contact (GET /contacts/{contactId}/appointments), chosen by Filter By. The window, status
 * filter and limit are shared with block slots (resources/event/getMany.ts).
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many appointments by time window or contact',
	description:
		"List the appointments in a time window of a calendar, user, group or every calendar, or all of a contact's appointments",
	routing: getManyRouting('/calendars/events', { everyCalendar: true }),
};

export const getManyFilterField: INodeProperties = filterByField(
	'appointment',
	{
		name: 'Contact',
		value: 'contact',
		description: "All of the contact's appointments, whatever the time",
		routing: {
			request: {
				url: '/contacts/{contactId}/appointments',
				headers: { Version: CONTACTS_API_VERSION },
			},
		},
	},
	{
		name: 'Every Calendar',
		value: 'everyCalendar',
		description:
			"The appointments in the time window of every calendar of the sub-account, in start order. Costs 1 + (number of calendars) requests per item from the location's budget: the calendars' list, then one list per calendar.",
		// The calendars' list is the routed request; each calendar's list follows it (everyCalendarPostReceive).
		routing: { request: { url: '/calendars/' } },
	},
);
