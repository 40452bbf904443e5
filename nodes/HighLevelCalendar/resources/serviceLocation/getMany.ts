import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { limitPostReceive, listLimitPreSend } from '../../hooks/pagedList';
import { credentialLocationPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';

/**
 * GET /calendars/services/locations?locationId (v3) answers every service location at once, in
 * `serviceLocations`; Limit cuts the list here.
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many service locations and their IDs',
	description: "List the sub-account's service locations (where its services are given)",
	routing: {
		request: { method: 'GET', url: '/calendars/services/locations' },
		send: { preSend: [credentialLocationPreSend('qs'), listLimitPreSend('service locations')] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsRead, 'service location', 'serviceLocationId'),
				{ type: 'rootProperty', properties: { property: 'serviceLocations' } },
				limitPostReceive,
			],
		},
	},
};
