import type { INodeProperties } from 'n8n-workflow';
import { deleteEventOperation } from '../../shared/deleteEvent';
import { timeZoneOptions } from '../../shared/descriptions';
import { getManyEventsOperation } from '../../shared/eventList';
import { simplifyField } from '../../shared/simplify';
import { createOperation } from './create';
import { getOperation } from './get';
import { recurrenceSummaryField } from './recurrence/parameters';
import { updateOperation } from './update';

export { createFields } from './create';
export { updateTargetFields } from './occurrence';
export { updateFields } from './update';

export const appointmentOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['appointment'] } },
	options: [
		createOperation,
		deleteEventOperation('appointment'),
		getOperation,
		getManyEventsOperation('appointment'),
		updateOperation,
	],
	default: 'get',
};

export const getFields: INodeProperties[] = [
	simplifyField('appointment', ['get'], false),
	recurrenceSummaryField(['get'], true),
	timeZoneOptions('appointment', ['get']),
];
