import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { SERVICE_SHAPE } from '../../helpers/simplify';
import { limitPostReceive, listLimitPreSend } from '../../hooks/pagedList';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedQueryPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { simplifyPostReceive } from '../../hooks/simplify';
import { normalizeServiceListQuery } from './normalize';

/**
 * GET /calendars/services/catalog?locationId (v3) answers every service at once, in `services`;
 * Limit cuts the list here.
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many services and their IDs',
	description:
		"List the sub-account's services catalog, optionally only one category or only private or public services",
	routing: {
		request: { method: 'GET', url: '/calendars/services/catalog' },
		send: {
			preSend: [
				parametersPreSend('qs', ['serviceFilters']),
				normalizedQueryPreSend(normalizeServiceListQuery),
				listLimitPreSend('services'),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'service', 'serviceId'),
				{ type: 'rootProperty', properties: { property: 'services' } },
				limitPostReceive,
				simplifyPostReceive(SERVICE_SHAPE),
			],
		},
	},
};
