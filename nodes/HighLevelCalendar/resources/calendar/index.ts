import type { INodeProperties } from 'n8n-workflow';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getFreeSlotsFields, getFreeSlotsOperation } from './getFreeSlots';
import { getManyFields, getManyOperation } from './getMany';
import { updateFields, updateOperation } from './update';

export const calendarDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendar'] } },
		options: [
			createOperation,
			deleteOperation,
			getOperation,
			getFreeSlotsOperation,
			getManyOperation,
			updateOperation,
		],
		default: 'getAll',
	},
	...getFields,
	...createFields,
	...updateFields,
	...getManyFields,
	...getFreeSlotsFields,
];
