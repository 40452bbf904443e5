import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedBodyPreSend, pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizeServiceLocationUpdateBody } from './normalize';

/** PUT /calendars/services/locations/{serviceLocationId} (v3): only the fields given. */
export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a service location',
	description:
		'Change fields of a service location (name, slug, address, phone, type): only the fields added to Update Fields are sent',
	routing: {
		request: { method: 'PUT', url: '/calendars/services/locations/{serviceLocationId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['serviceLocationUpdateFields']),
				pathIdsPreSend,
				normalizedBodyPreSend(normalizeServiceLocationUpdateBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'service location', 'serviceLocationId'),
			],
		},
	},
};
