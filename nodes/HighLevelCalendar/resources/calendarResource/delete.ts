import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { resourceTypePathPreSend } from './request';

/** HighLevel answers `{ success: true }`; the output names what was deleted (hooks/deleted.ts). */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a room or equipment by ID',
	description: 'Delete a room or equipment',
	routing: {
		request: { method: 'DELETE', url: '/calendars/resources/{resourceType}/{id}' },
		send: { preSend: [resourceTypePathPreSend, pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.resourcesWrite, 'calendar resource', 'id'),
				deletedPostReceive('id'),
			],
		},
	},
};
