import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { SERVICE_BOOKING_SHAPE } from '../../helpers/simplify';
import { parametersPreSend } from '../../hooks/parameters';
import { pathIdsPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { simplifyPostReceive } from '../../hooks/simplify';
import { serviceBookingBodyPreSend } from './request';

/** PUT /calendars/services/bookings/{bookingId} (Calendars API v3, UpdateServiceBookingDTO). */
export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Reschedule or update a service booking',
	description:
		'Reschedule a service booking, change its status (confirmed, cancelled, showed, no_show...), title, service location or meeting location, or replace its services. The booking ID comes from Service Booking: Get Many.',
	routing: {
		request: { method: 'PUT', url: '/calendars/services/bookings/{bookingId}' },
		send: {
			preSend: [
				parametersPreSend('body', ['serviceBookingUpdateFields']),
				serviceBookingBodyPreSend('update'),
				pathIdsPreSend,
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsWrite, 'service booking', 'bookingId'),
				simplifyPostReceive(SERVICE_BOOKING_SHAPE),
			],
		},
	},
};
