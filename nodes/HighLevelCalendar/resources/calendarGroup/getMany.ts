import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { credentialLocationPreSend } from '../../hooks/request';
import { limitPostReceive } from '../../hooks/pagedList';

/** GET /calendars/groups?locationId answers every group at once; Limit cuts the list here. */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many calendar groups',
	description: "List the sub-account's calendar groups",
	routing: {
		request: { method: 'GET', url: '/calendars/groups' },
		send: { preSend: [credentialLocationPreSend('qs')] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.groupsRead, 'calendar group'),
				{ type: 'rootProperty', properties: { property: 'groups' } },
				limitPostReceive,
			],
		},
	},
};
