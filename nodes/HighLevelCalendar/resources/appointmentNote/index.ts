import type { INodeProperties } from 'n8n-workflow';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { noteBodyField } from './fields';
import { getManyOperation } from './getMany';
import { updateFields, updateOperation } from './update';

/** Notes on one appointment (its appointmentId). Return All and Limit are transport/pagedList.ts's. */
export const appointmentNoteOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['appointmentNote'] } },
	options: [createOperation, deleteOperation, getManyOperation, updateOperation],
	default: 'create',
};

export { noteTargetFields } from './fields';

/** In the order the editor shows them, after the appointment and note ids (noteTargetFields). */
export const noteFields: INodeProperties[] = [noteBodyField, ...createFields, ...updateFields];
