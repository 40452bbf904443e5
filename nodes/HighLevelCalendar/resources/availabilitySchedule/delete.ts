import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { TARGET } from './get';

/** DELETE /calendars/schedules/{id}: HighLevel answers `{ success: true }`, the node `{ id, deleted: true }`. */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an availability schedule by ID',
	description: 'Delete an availability schedule and its rules for good',
	routing: {
		request: { method: 'DELETE', url: '/calendars/schedules/{id}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, TARGET, 'id'),
				deletedPostReceive('id'),
			],
		},
	},
};
