import type { INodeProperties } from 'n8n-workflow';
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

/** A calendar's notifications: the Operation, then the fields in editor order. */
export const calendarNotificationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendarNotification'] } },
		options: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
		default: 'getAll',
	},
	notificationCalendarField,
	notificationIdField,
	...createFields,
	...updateFields,
];

/** Get Many's Filters, placed after Return All and Limit. */
export const calendarNotificationFilters: INodeProperties[] = getManyFields;
