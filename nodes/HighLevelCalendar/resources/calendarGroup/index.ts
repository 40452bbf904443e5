import type { ResourceDefinition } from '../define';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { calendarGroupIdField, groupFields } from './fields';
import { getManyOperation } from './getMany';
import { setStatusFields, setStatusOperation } from './setStatus';
import { updateOperation } from './update';
import { validateSlugOperation } from './validateSlug';

/** Calendar groups: one booking page for several calendars. */
export const calendarGroup: ResourceDefinition = {
	displayName: 'Calendar Group',
	value: 'calendarGroup',
	defaultOperation: 'getAll',
	operations: [
		createOperation,
		deleteOperation,
		setStatusOperation,
		getManyOperation,
		updateOperation,
		validateSlugOperation,
	],
	fields: {
		list: [calendarGroupIdField, ...groupFields, ...setStatusFields, ...createFields],
	},
};
