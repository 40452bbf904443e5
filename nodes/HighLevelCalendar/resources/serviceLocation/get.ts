import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';

/** GET /calendars/services/locations/{serviceLocationId} (v3); the answer is the location itself. */
export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a service location by ID',
	description:
		'Get one service location (name, address, phone, type) by its serviceLocationId (from Service Location: Get Many)',
	routing: {
		request: { method: 'GET', url: '/calendars/services/locations/{serviceLocationId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'service location', 'serviceLocationId'),
			],
		},
	},
};
