import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizeServiceUpdateBody } from './normalize';

/** PUT /calendars/services/catalog/{serviceId} (v3): only the fields given; HighLevel answers `{ service }`. */
export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a service',
	description:
		'Change fields of a service (name, staff, duration, price, variations...): only the fields added to Update Fields are sent',
	routing: {
		request: { method: 'PUT', url: '/calendars/services/catalog/{serviceId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['serviceUpdateFields']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeServiceUpdateBody),
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
