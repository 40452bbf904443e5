import type { INodePropertyOptions } from 'n8n-workflow';
import { SCOPES } from '../../helpers/constants';
import { SERVICE_BOOKING_SHAPE } from '../../helpers/simplify';
import { parametersPreSend } from '../../hooks/parameters';
import { contactByEmailPreSend } from '../../hooks/request';
import { responseCheckPostReceive } from '../../hooks/responseCheck';
import { simplifyPostReceive } from '../../hooks/simplify';
import { serviceBookingBodyPreSend } from './request';

/**
 * POST /calendars/services/bookings (Calendars API v3). A create, so the client never resends it
 * unless HighLevel surely did not act (transport/client.ts).
 */
export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Book a service for a contact',
	description:
		'Book one or more services for a contact, from a start to an end time. Needs the contact ID (Contact: search or a trigger), each service ID (Service: Get Many) and, optionally, the service location (Service Location: Get Many; empty uses the default) and the staff member (a user ID).',
	routing: {
		request: { method: 'POST', url: '/calendars/services/bookings' },
		send: {
			preSend: [
				parametersPreSend('body', [
					'contactId',
					'startTime',
					'endTime',
					'serviceBookingAdditionalFields',
				]),
				serviceBookingBodyPreSend('create'),
				contactByEmailPreSend,
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
