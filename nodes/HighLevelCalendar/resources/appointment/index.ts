import type { INodeProperties } from 'n8n-workflow';
import { deleteEventOperation } from '../../shared/deleteEvent';
import { eventIdField, timeZoneOptions } from '../../shared/descriptions';
import { getManyEventsFields, getManyEventsOperation } from '../../shared/eventList';
import { simplifyField } from '../../shared/simplify';
import { createFields, createOperation } from './create';
import { getOperation } from './get';
import { recurrenceSummaryField } from './recurrence';
import { updateFields, updateOperation } from './update';

const eventId = eventIdField(
	'appointment',
	['delete', 'get', 'update'],
	'ID of the appointment. For a recurring series, an instance ID (ocQHyuzHvysMo5N5VsXc_1729821600000_1800) addresses one occurrence and the master event ID the whole series.',
);

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
	// Update can address one occurrence of a series instead (see occurrence.ts).
	{ ...eventId, displayOptions: { ...eventId.displayOptions, hide: { target: ['occurrence'] } } },
	simplifyField('appointment', ['get'], false),
	recurrenceSummaryField(['get'], true),
	timeZoneOptions('appointment', ['get']),
	...getManyEventsFields('appointment'),
	...createFields,
	...updateFields,
];
