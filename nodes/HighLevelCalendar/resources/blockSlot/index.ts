import type { INodeProperties } from 'n8n-workflow';
import { eventIdField } from '../../shared/descriptions';
import { updateFields, updateOperation } from './update';

export const blockSlotDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blockSlot'] } },
		options: [updateOperation],
		default: 'update',
	},
	eventIdField('blockSlot', ['update'], 'ID of the block slot'),
	...updateFields,
];
