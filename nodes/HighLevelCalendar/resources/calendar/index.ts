import type { INodeProperties } from 'n8n-workflow';
import { getFields, getOperation } from './get';
import { getFreeSlotsFields, getFreeSlotsOperation } from './getFreeSlots';
import { getManyFields, getManyOperation } from './getMany';

export const calendarDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendar'] } },
		options: [getOperation, getFreeSlotsOperation, getManyOperation],
		default: 'getAll',
	},
	...getFields,
	...getManyFields,
	...getFreeSlotsFields,
];
