import type { ResourceDefinition } from '../define';
import { blockTargetFields, createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { getManyFilterField, getManyOperation } from './getMany';
import { updateFields, updateOperation } from './update';

/** Its End Time (Create) is among the event fields, between Start Time and Additional Fields. */
export const blockSlot: ResourceDefinition = {
	displayName: 'Block Slot',
	value: 'blockSlot',
	defaultOperation: 'update',
	operations: [createOperation, deleteOperation, getManyOperation, updateOperation],
	fields: {
		target: [...blockTargetFields, getManyFilterField],
		main: [...createFields, ...updateFields],
	},
};
