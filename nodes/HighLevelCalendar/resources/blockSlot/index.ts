import type { INodeProperties } from 'n8n-workflow';
import { deleteEventOperation } from '../../shared/deleteEvent';
import { getManyEventsOperation } from '../../shared/eventList';
import { createOperation } from './create';
import { updateOperation } from './update';

export { blockEndTimeField, blockTargetFields, createFields } from './create';
export { updateFields } from './update';

export const blockSlotOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blockSlot'] } },
	options: [
		createOperation,
		deleteEventOperation('block slot'),
		getManyEventsOperation('blockSlot'),
		updateOperation,
	],
	default: 'update',
};
