import type { INodeProperties } from 'n8n-workflow';
import { addCalendarOperation, removeCalendarOperation } from './association';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { associationCalendarField, RESOURCE, scheduleIdField, scheduleUserIdField } from './fields';
import { getOperation } from './get';
import { searchFields, searchOperation } from './search';
import { updateFields, updateOperation } from './update';

/**
 * Availability Schedule: a user's weekly hours and date overrides, applied to team calendars
 * (the spec's "Availability" tag, /calendars/schedules). Return All and Limit are
 * transport/pagedList.ts'.
 */
export const availabilityScheduleOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		addCalendarOperation,
		createOperation,
		deleteOperation,
		getOperation,
		removeCalendarOperation,
		searchOperation,
		updateOperation,
	],
	default: 'get',
};

/** Before Return All and Limit in the node, so Search shows the user first. */
export { scheduleUserIdField };

/** The resource's fields after the shared ones, in the order the editor shows them. */
export const availabilityScheduleFields: INodeProperties[] = [
	scheduleIdField,
	associationCalendarField,
	...createFields,
	...updateFields,
	...searchFields,
];
