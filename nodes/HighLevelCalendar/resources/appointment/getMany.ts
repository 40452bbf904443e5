import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { CONTACTS_API_VERSION } from '../../helpers/constants';
import { filterByField, getManyRouting } from '../event/getMany';

/**
 * Get Many appointments: a time window of one calendar, user or group (GET /calendars/events), or
 * every appointment of a contact (GET /contacts/{contactId}/appointments, chosen by Filter By).
 * The window, status filter and limit are shared with block slots (resources/event/getMany.ts).
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many appointments by time window or contact',
	description:
		"List the appointments in a time window of a calendar, user or group, or all of a contact's appointments",
	routing: getManyRouting('/calendars/events'),
};

export const getManyFilterField: INodeProperties = filterByField('appointment', {
	name: 'Contact',
	value: 'contact',
	description: "All of the contact's appointments, whatever the time",
	routing: {
		request: {
			url: '/contacts/{contactId}/appointments',
			headers: { Version: CONTACTS_API_VERSION },
		},
	},
});
