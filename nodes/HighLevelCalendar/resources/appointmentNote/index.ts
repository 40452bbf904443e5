import type { ResourceDefinition } from '../define';
import { createFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { noteBodyField, noteTargetFields } from './fields';
import { getManyOperation } from './getMany';
import { updateFields, updateOperation } from './update';

/** Notes on one appointment (its appointmentId). */
export const appointmentNote: ResourceDefinition = {
	displayName: 'Appointment Note',
	value: 'appointmentNote',
	defaultOperation: 'create',
	operations: [createOperation, deleteOperation, getManyOperation, updateOperation],
	fields: {
		// The appointment and note ids before Return All and Limit, the note's text after them.
		target: noteTargetFields,
		list: [noteBodyField, ...createFields, ...updateFields],
	},
};
