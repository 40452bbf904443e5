import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';

/** DELETE /calendars/services/locations/{serviceLocationId} (v3): HighLevel answers `{ success, message }`, the node `{ id, deleted }`. */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a service location by ID',
	description: 'Remove a service location, by its serviceLocationId',
	routing: {
		request: { method: 'DELETE', url: '/calendars/services/locations/{serviceLocationId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'service location', 'serviceLocationId'),
				deletedPostReceive('serviceLocationId'),
			],
		},
	},
};
