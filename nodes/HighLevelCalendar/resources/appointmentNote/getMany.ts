import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { pathIdsPreSend } from '../../hooks/request';
import { pagedListPreSend } from '../../hooks/pagedList';
import { NOTES_PAGE_SIZE } from './normalize';

/**
 * GET /calendars/appointments/{appointmentId}/notes requires `limit` (at most 20) and `offset`
 * (the notes skipped, from 0): the client asks page after page of 20 (transport/pagedList.ts) until
 * a page comes back short or Limit is reached. One item per note.
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many notes of an appointment',
	description: 'List the notes of an appointment',
	routing: {
		request: { method: 'GET', url: '/calendars/appointments/{appointmentId}/notes' },
		send: {
			preSend: [
				pathIdsPreSend,
				pagedListPreSend({ offsetParameter: 'offset', pageSize: NOTES_PAGE_SIZE, listed: 'notes' }),
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsRead, 'appointment', 'appointmentId'),
				{ type: 'rootProperty', properties: { property: 'notes' } },
			],
		},
	},
};
