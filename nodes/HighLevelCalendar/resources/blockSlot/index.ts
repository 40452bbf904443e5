import type { INodeProperties } from 'n8n-workflow';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getManyOperation } from './getMany';
import { updateOperation } from './update';

export { blockEndTimeField, blockTargetFields, createFields } from './create';
export { getManyFilterField } from './getMany';
export { updateFields } from './update';

export const blockSlotOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['blockSlot'] } },
	options: [createOperation, deleteOperation, getManyOperation, updateOperation],
	default: 'update',
};
