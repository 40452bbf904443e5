import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedBodyPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizeServiceCreateBody } from './normalize';

/** POST /calendars/services/catalog (v3) in the credential's sub-account; HighLevel answers `{ service }`. */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a service',
	description:
		'Add a service to the services catalog: a name, the staff who perform it (user IDs), and optionally its duration, buffers, price and variations',
	routing: {
		request: { method: 'POST', url: '/calendars/services/catalog' },
		send: {
			preSend: [
				parametersPreSend('body', ['name', 'slug', 'staff', 'serviceAdditionalFields']),
				normalizedBodyPreSend(normalizeServiceCreateBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'service', 'serviceId'),
				{ type: 'rootProperty', properties: { property: 'service' } },
			],
		},
	},
};
