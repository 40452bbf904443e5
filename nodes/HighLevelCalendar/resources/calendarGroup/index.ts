import type { INodeProperties } from 'n8n-workflow';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { calendarGroupIdField, groupFields } from './fields';
import { getManyOperation } from './getMany';
import { setStatusFields, setStatusOperation } from './setStatus';
import { updateOperation } from './update';
import { validateSlugOperation } from './validateSlug';

/**
 * Calendar groups: one booking page for several calendars.
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

/** In the order the editor shows them. */
export const calendarGroupFields: INodeProperties[] = [
	calendarGroupIdField,
	...groupFields,
	...setStatusFields,
	...createFields,
];
