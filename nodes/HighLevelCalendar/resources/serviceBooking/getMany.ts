import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { SERVICE_BOOKING_SHAPE } from '../../helpers/simplify';
import { limitPostReceive } from '../../hooks/pagedList';
import { parametersPreSend } from '../../hooks/parameters';
import { normalizedQueryPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { simplifyPostReceive } from '../../hooks/simplify';
import { normalizeServiceBookingWindow } from './normalize';
import { bookingContactFilterPostReceive, bookingContactFilterPreSend } from './request';

/**
 * GET /calendars/services/bookings?locationId&startTime&endTime[&timezone][&serviceLocationId]
 * (Calendars API v3): the bookings of a window, answered whole (`{ bookings }`), so Limit cuts
 * the list after HighLevel answers.
 */
export const getManyOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many service bookings in a time window',
	description:
		"List the sub-account's service bookings between a start and an end time (both required), optionally at one service location or for one contact",
	routing: {
		request: { method: 'GET', url: '/calendars/services/bookings' },
		send: {
			preSend: [
				parametersPreSend('qs', ['startTime', 'endTime', 'options']),
				normalizedQueryPreSend(normalizeServiceBookingWindow),
				bookingContactFilterPreSend,
			],
		},
		output: {
			postReceive: [
				responseCheckPostReceive(SCOPES.eventsRead, 'service booking', 'bookingId'),
				{ type: 'rootProperty', properties: { property: 'bookings' } },
				bookingContactFilterPostReceive,
				limitPostReceive,
				simplifyPostReceive(SERVICE_BOOKING_SHAPE),
			],
		},
	},
};
