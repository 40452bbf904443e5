import type { ResourceDefinition } from '../define';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { calendarResourceIdField, createFields, resourceTypeField, updateFields } from './fields';
import { getOperation } from './get';
import { getManyOperation } from './getMany';
import { updateOperation } from './update';

/** Rooms and equipment: one resource, the type chosen by Resource Type. */
export const calendarResource: ResourceDefinition = {
	displayName: 'Calendar Resource',
	value: 'calendarResource',
	defaultOperation: 'getAll',
	operations: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
	fields: {
		main: [resourceTypeField, calendarResourceIdField, ...createFields, ...updateFields],
	},
};
