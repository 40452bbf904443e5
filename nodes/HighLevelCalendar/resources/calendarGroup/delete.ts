import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';

/** DELETE /calendars/groups/{groupId}: HighLevel answers `{ success: true }`, the node `{ id, deleted }`. */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a calendar group by ID',
	description: 'Delete a calendar group',
	routing: {
		request: { method: 'DELETE', url: '/calendars/groups/{groupId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.groupsWrite, 'calendar group', 'groupId'),
				deletedPostReceive('groupId'),
			],
		},
	},
};
