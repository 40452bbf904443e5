import type { INodeProperties } from 'n8n-workflow';
import { deleteEventOperation } from '../../shared/deleteEvent';
import { eventIdField } from '../../shared/descriptions';
import { getManyEventsFields, getManyEventsOperation } from '../../shared/eventList';
import { createFields, createOperation } from './create';
import { updateFields, updateOperation } from './update';

export const blockSlotDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blockSlot'] } },
		options: [createOperation, deleteEventOperation('block slot'), getManyEventsOperation('blockSlot'), updateOperation],
		default: 'update',
	},
	eventIdField('blockSlot', ['delete', 'update'], 'ID of the block slot'),
	...createFields,
	...getManyEventsFields('blockSlot'),
	...updateFields,
];
