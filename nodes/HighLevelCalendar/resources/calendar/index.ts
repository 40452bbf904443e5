import type { ResourceDefinition } from '../define';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { getFreeSlotsFields, getFreeSlotsOperation } from './getFreeSlots';
import { getManyFields, getManyOperation } from './getMany';
import { updateFields, updateOperation } from './update';

export const calendar: ResourceDefinition = {
	displayName: 'Calendar',
	value: 'calendar',
	defaultOperation: 'getAll',
	operations: [
		createOperation,
		deleteOperation,
		getOperation,
		getFreeSlotsOperation,
		getManyOperation,
		updateOperation,
	],
	fields: {
		list: [...getFields, ...createFields, ...updateFields, ...getManyFields, ...getFreeSlotsFields],
	},
};
