import type { INodePropertyOptions } from 'n8n-workflow';
import { deleteEventRouting } from '../event/delete';

/** DELETE /calendars/events/{eventId}; the output names what was deleted. */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an appointment by ID',
	description: 'Delete an appointment by its event ID',
	routing: deleteEventRouting('appointment'),
};
