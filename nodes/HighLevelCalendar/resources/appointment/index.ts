import type { INodeProperties } from 'n8n-workflow';
import { eventIdField } from '../../shared/descriptions';
import { createFields, createOperation } from './create';
import { getOperation } from './get';
import { updateFields, updateOperation } from './update';
import { deleteEventOperation } from '../../shared/deleteEvent';
import { getManyEventsFields, getManyEventsOperation } from '../../shared/eventList';
import { simplifyField } from '../../shared/simplify';

export const appointmentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['appointment'] } },
		options: [createOperation, deleteEventOperation('appointment'), getOperation, getManyEventsOperation('appointment'), updateOperation],
		default: 'get',
	},
	eventIdField(
		'appointment',
		['delete', 'get', 'update'],
		'ID of the appointment. For a recurring series, an instance ID (ocQHyuzHvysMo5N5VsXc_1729821600000_1800) addresses one occurrence and the master event ID the whole series.',
	),
	simplifyField('appointment', ['get'], false),
	...getManyEventsFields('appointment'),
	...createFields,
	...updateFields,
];
