import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../shared/constants';
import { responseCheckPostReceive } from '../../shared/errors';
import { parametersPreSend } from '../../shared/parameters';
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
