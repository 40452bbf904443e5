import type { ResourceDefinition } from '../define';
import { addCalendarOperation, removeCalendarOperation } from './association';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { associationCalendarField, RESOURCE, scheduleIdField, scheduleUserIdField } from './fields';
import { getOperation } from './get';
import { searchFields, searchOperation } from './search';
import { updateFields, updateOperation } from './update';

/**
 * Availability Schedule: a user's weekly hours and date overrides, applied to team calendars
 * (the spec's "Availability" tag, /calendars/schedules).
 */
export const availabilitySchedule: ResourceDefinition = {
	displayName: 'Availability Schedule',
	value: RESOURCE,
	defaultOperation: 'get',
	operations: [
		addCalendarOperation,
		createOperation,
		deleteOperation,
		getOperation,
		removeCalendarOperation,
		searchOperation,
		updateOperation,
	],
	fields: {
		// The user before Return All and Limit, so Search shows it first.
		main: [scheduleUserIdField],
		list: [
			scheduleIdField,
			associationCalendarField,
			...createFields,
			...updateFields,
			...searchFields,
		],
	},
};
