import { serviceMenuNameField, serviceMenuSlugField } from '../../fields/serviceMenu';
import type { ResourceDefinition } from '../define';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { createFields, getManyFields, serviceIdField, staffField, updateFields } from './fields';
import { getOperation } from './get';
import { getManyOperation } from './getMany';
import { updateOperation } from './update';

/**
 * The services catalog (Calendars API v3). Name and Slug are shown for Service Location: Create
 * too, and registered here once (fields/serviceMenu.ts).
 */
export const service: ResourceDefinition = {
	displayName: 'Service',
	value: 'service',
	defaultOperation: 'getAll',
	operations: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
	fields: {
		main: [
			serviceIdField,
			serviceMenuNameField,
			serviceMenuSlugField,
			staffField,
			...createFields,
			...updateFields,
		],
		list: getManyFields,
	},
};
