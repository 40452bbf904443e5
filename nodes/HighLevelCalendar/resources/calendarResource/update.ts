import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { parametersPreSend } from '../../hooks/parameters';
import { calendarResourceBodyPreSend, resourceTypePathPreSend } from './request';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a room or equipment',
	description: 'Rename a room or equipment, change its numbers or calendars, or deactivate it',
	routing: {
		request: { method: 'PUT', url: '/calendars/resources/{resourceType}/{id}' },
		send: {
			preSend: [
				resourceTypePathPreSend,
				parametersPreSend('body', ['calendarResourceUpdateFields']),
				pathIdsPreSend,
				calendarResourceBodyPreSend('update'),
			],
		},
		output: {
			postReceive: [responseCheckPostReceive(SCOPES.resourcesWrite, 'calendar resource', 'id')],
		},
	},
};
