import type { INodeProperties } from 'n8n-workflow';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { calendarResourceIdField, createFields, resourceTypeField, updateFields } from './fields';
import { getOperation } from './get';
import { getManyOperation } from './getMany';
import { updateOperation } from './update';

/** Rooms and equipment (HighLevel's "Calendar Resources"): the Operation, then the fields in editor order. */
export const calendarResourceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendarResource'] } },
		options: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
		default: 'getAll',
	},
	resourceTypeField,
	calendarResourceIdField,
	...createFields,
	...updateFields,
];
