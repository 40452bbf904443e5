import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { filterByField, getManyRouting } from '../event/getMany';

/**
 * Get Many block slots: a time window of one calendar, user or group (GET
 * /calendars/blocked-slots). The window and limit are shared with appointments (resources/event/getMany.ts).
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many block slots in a time window',
	description: 'List the block slots in a time window of a calendar, user or group',
	routing: getManyRouting('/calendars/blocked-slots'),
};

export const getManyFilterField: INodeProperties = filterByField('blockSlot');
