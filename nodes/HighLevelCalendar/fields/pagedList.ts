import type { INodeProperties } from 'n8n-workflow';

/**
 * What every Get Many shares: Return All and Limit (one property each, see docs/architecture.md),
 * and paging through the endpoints that answer a page at a time (`limit` with `skip` or `offset`).
 * The client (client.ts) sends each page; this module only says which pages to ask for.
 */

/** The resources whose Get Many (or Search) shows Return All and Limit. Calendar lists all. */
export const LIMITED_LIST_RESOURCES = [
	'appointment',
	'appointmentNote',
	'availabilitySchedule',
	'blockSlot',
	'calendarGroup',
	'calendarNotification',
	'calendarResource',
];

export const LIST_OPERATIONS = ['getAll', 'search'];

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
	displayOptions: { show: { resource: LIMITED_LIST_RESOURCES, operation: LIST_OPERATIONS } },
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: {
		show: { resource: LIMITED_LIST_RESOURCES, operation: LIST_OPERATIONS, returnAll: [false] },
	},
};
