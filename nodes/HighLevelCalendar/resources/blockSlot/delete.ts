import type { INodePropertyOptions } from 'n8n-workflow';
import { deleteEventRouting } from '../event/delete';

/** DELETE /calendars/events/{eventId} (block slots are events too); the output names what was deleted. */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a block slot by ID',
	description: 'Delete a block slot by its event ID',
	routing: deleteEventRouting('block slot'),
};
