import type { INodeProperties } from 'n8n-workflow';
import { timeZoneOptions } from '../../fields/options';
import { simplifyField } from '../../fields/simplify';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getManyOperation } from './getMany';
import { recurrenceSummaryField } from './recurrence/parameters';
import { updateOperation } from './update';

export { createFields } from './create';
export { updateTargetFields } from './occurrence';
export { getManyFilterField } from './getMany';
export { updateFields } from './update';

export const appointmentOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['appointment'] } },
	options: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
	default: 'get',
};

export const getFields: INodeProperties[] = [
	...simplifyField('appointment', ['get'], false),
	recurrenceSummaryField(['get'], true),
	timeZoneOptions('appointment', ['get']),
];
