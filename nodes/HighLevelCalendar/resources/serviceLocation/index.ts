import type { ResourceDefinition } from '../define';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { createFields, serviceLocationIdField, updateFields } from './fields';
import { getOperation } from './get';
import { getManyOperation } from './getMany';
import { updateOperation } from './update';

/**
 * Service locations (Calendars API v3): where services are given. Create's Name and Slug are
 * the Service resource's (fields/serviceMenu.ts, registered by resources/service/index.ts).
 */
export const serviceLocation: ResourceDefinition = {
	displayName: 'Service Location',
	value: 'serviceLocation',
	defaultOperation: 'getAll',
	operations: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
	fields: { main: [serviceLocationIdField, ...createFields, ...updateFields] },
};
