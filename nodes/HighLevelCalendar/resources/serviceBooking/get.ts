import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { SERVICE_BOOKING_SHAPE } from '../../helpers/simplify';
import { pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { simplifyPostReceive } from '../../hooks/simplify';

/** GET /calendars/services/bookings/{bookingId} (Calendars API v3). */
export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a service booking by ID',
	description:
		'Get one service booking: its contact, services, staff, times, service location and status. The booking ID comes from Service Booking: Get Many or the answer of Create.',
	routing: {
		request: { method: 'GET', url: '/calendars/services/bookings/{bookingId}' },
		send: { preSend: [pathIdsPreSend] },
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsRead, 'service booking', 'bookingId'),
				simplifyPostReceive(SERVICE_BOOKING_SHAPE),
			],
		},
	},
};
