import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { resourceTypePathPreSend } from './request';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a room or equipment by ID',
	description: 'Get one room or equipment with the calendars it serves',
	routing: {
		request: { method: 'GET', url: '/calendars/resources/{resourceType}/{id}' },
		send: { preSend: [resourceTypePathPreSend, pathIdsPreSend] },
		output: {
			postReceive: [responseCheckPostReceive(SCOPES.resourcesRead, 'calendar resource', 'id')],
		},
	},
};
