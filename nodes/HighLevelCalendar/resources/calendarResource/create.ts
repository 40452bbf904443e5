import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { parametersPreSend } from '../../hooks/parameters';
import { calendarResourceBodyPreSend, resourceTypePathPreSend } from './request';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a room or equipment',
	description: 'Create a room or equipment and map it to service calendars',
	routing: {
		request: { method: 'POST', url: '/calendars/resources/{resourceType}' },
		send: {
			preSend: [
				resourceTypePathPreSend,
				parametersPreSend('body', [
					'name',
					'description',
					'quantity',
					'outOfService',
					'capacity',
					'calendarIds',
					'calendarResourceAdditionalFields',
				]),
				calendarResourceBodyPreSend('create'),
			],
		},
		output: { postReceive: [responseCheckPostReceive(SCOPES.resourcesWrite, 'calendar resource')] },
	},
};
