import { timeZoneOptions } from '../../fields/options';
import { simplifyField } from '../../fields/simplify';
import type { ResourceDefinition } from '../define';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getManyFilterField, getManyOperation } from './getMany';
import { updateTargetFields } from './occurrence';
import { recurrenceSummaryField } from './recurrence/parameters';
import { updateFields, updateOperation } from './update';

export const appointment: ResourceDefinition = {
	displayName: 'Appointment',
	value: 'appointment',
	defaultOperation: 'get',
	operations: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
	fields: {
		target: [...updateTargetFields, getManyFilterField],
		main: [
			...simplifyField('appointment', ['get'], false),
			recurrenceSummaryField(['get'], true),
			timeZoneOptions('appointment', ['get']),
			...createFields,
			...updateFields,
		],
	},
};
