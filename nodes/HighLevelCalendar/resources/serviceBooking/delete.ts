import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { deletedPostReceive } from '../../hooks/deleted';
import { pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';

/** HighLevel answers `{ success, message }`; the output names what was deleted (hooks/deleted.ts). */
export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a service booking',
	description:
		'Delete a service booking (by its booking ID, from Service Booking: Get Many). To keep it on record, Update its status to cancelled instead.',
	routing: {
		request: { method: 'DELETE', url: '/calendars/services/bookings/{bookingId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'service booking', 'bookingId'),
				deletedPostReceive('bookingId'),
			],
		},
	},
};
