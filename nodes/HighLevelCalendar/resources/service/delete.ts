import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';

/** DELETE /calendars/services/catalog/{serviceId} (v3): HighLevel answers `{ success, message }`, the node `{ id, deleted }`. */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a service by ID',
	description: 'Remove a service from the services catalog, by its serviceId',
	routing: {
		request: { method: 'DELETE', url: '/calendars/services/catalog/{serviceId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'service', 'serviceId'),
				deletedPostReceive('serviceId'),
			],
		},
	},
};
