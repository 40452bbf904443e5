import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';

/** GET /calendars/services/catalog/{serviceId} (v3); HighLevel answers `{ service }`. */
export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a service by ID',
	description:
		'Get one service of the services catalog with its staff, duration, price and variations, by its serviceId (from Service: Get Many)',
	routing: {
		request: { method: 'GET', url: '/calendars/services/catalog/{serviceId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'service', 'serviceId'),
				{ type: 'rootProperty', properties: { property: 'service' } },
			],
		},
	},
};
