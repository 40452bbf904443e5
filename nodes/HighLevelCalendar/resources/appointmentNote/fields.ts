import type { INodeProperties } from 'n8n-workflow';
import { pickerField } from '../../fields/locators';

/** The appointment every note operation addresses, and the note Update and Delete address. */
export const noteTargetFields: INodeProperties[] = [
	{
		displayName: 'Appointment ID',
		name: 'appointmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ocQHyuzHvysMo5N5VsXc',
		description:
			"ID of the appointment the notes belong to (appointmentId): an appointment's ID as Appointment: Create, Get or Get Many output it",
		displayOptions: { show: { resource: ['appointmentNote'] } },
	},
	pickerField('appointmentNote', {
		required: true,
		description:
			"The note (noteId): From List shows the appointment's notes, By ID takes the id Appointment Note: Create or Get Many output",
		displayOptions: { show: { resource: ['appointmentNote'], operation: ['update', 'delete'] } },
	}),
];

/** NotesDTO requires body on create and update alike. */
export const noteBodyField: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	placeholder: 'Call outcome: interested, wants a quote by Friday',
	description: 'Text of the note (body), at most 5,000 characters',
	displayOptions: { show: { resource: ['appointmentNote'], operation: ['create', 'update'] } },
};
