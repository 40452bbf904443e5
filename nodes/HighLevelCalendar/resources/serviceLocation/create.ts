import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedBodyPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { normalizeServiceLocationCreateBody } from './normalize';

/** POST /calendars/services/locations (v3) in the credential's sub-account; the answer is the location itself. */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a service location',
	description:
		'Add a place where services are given: a name, and an address (Location Type Offline) or a label when the booker says where (Ask Booker)',
	routing: {
		request: { method: 'POST', url: '/calendars/services/locations' },
		send: {
			preSend: [
				parametersPreSend('body', ['name', 'slug', 'serviceLocationAdditionalFields']),
				normalizedBodyPreSend(normalizeServiceLocationCreateBody),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.calendarsWrite, 'service location', 'serviceLocationId'),
			],
		},
	},
};
