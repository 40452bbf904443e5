import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { credentialLocationPreSend } from '../../hooks/request';
import { arrayItemsPostReceive, pagedListPreSend } from '../../hooks/pagedList';
import { resourceTypePathPreSend } from './request';

/**
 * GET /calendars/resources/{resourceType}?locationId&limit&skip: limit and skip are required, skip
 * counts results (not pages). The spec names no maximum page size; 100 is what HighLevel's other
 * lists give at most, so Return All asks for pages of 100.
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many rooms or equipment',
	description: "List the sub-account's rooms or equipment",
	routing: {
		request: { method: 'GET', url: '/calendars/resources/{resourceType}' },
		send: {
			preSend: [
				resourceTypePathPreSend,
				credentialLocationPreSend('qs'),
				pagedListPreSend({ offsetParameter: 'skip', pageSize: 100, listed: 'rooms or equipment' }),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.resourcesRead, 'calendar resource'),
				arrayItemsPostReceive,
			],
		},
	},
};
