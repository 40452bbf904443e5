import type { INodeProperties } from 'n8n-workflow';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { groupFields, groupFilterByField } from './fields';
import { getManyOperation } from './getMany';
import { setStatusFields, setStatusOperation } from './setStatus';
import { updateOperation } from './update';
import { validateSlugOperation } from './validateSlug';

/**
 * Calendar groups: one booking page for several calendars. The group an operation addresses is the
 * node's one groupId property (shared/locators.ts), placed with the event fields in the node.
 */
export const calendarGroupOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['calendarGroup'] } },
	options: [
		createOperation,
		deleteOperation,
		setStatusOperation,
		getManyOperation,
		updateOperation,
		validateSlugOperation,
	],
	default: 'getAll',
};

/** In the order the editor shows them, after the group. */
export const calendarGroupFields: INodeProperties[] = [
	groupFilterByField,
	...groupFields,
	...setStatusFields,
	...createFields,
];
