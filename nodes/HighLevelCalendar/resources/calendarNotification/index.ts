import type { ResourceDefinition } from '../define';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import {
	createFields,
	getManyFields,
	notificationCalendarField,
	notificationIdField,
	updateFields,
} from './fields';
import { getOperation } from './get';
import { getManyOperation } from './getMany';
import { updateOperation } from './update';

export const calendarNotification: ResourceDefinition = {
	displayName: 'Calendar Notification',
	value: 'calendarNotification',
	defaultOperation: 'getAll',
	operations: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
	fields: {
		main: [notificationCalendarField, notificationIdField, ...createFields, ...updateFields],
		// Get Many's filters, after Return All and Limit.
		list: getManyFields,
	},
};
