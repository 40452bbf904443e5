import type { ResourceDefinition } from '../define';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import {
	bookingIdField,
	createFields,
	filterByField,
	getManyFields,
	updateFields,
	writeOptionFields,
} from './fields';
import { getOperation } from './get';
import { getManyOperation } from './getMany';
import { updateOperation } from './update';

/**
 * Bookings of the services catalog (Calendars API v3). Contact, Start Time and End Time are the
 * event fields' properties (description.ts places them), shown for this resource too.
 */
export const serviceBooking: ResourceDefinition = {
	displayName: 'Service Booking',
	value: 'serviceBooking',
	defaultOperation: 'getAll',
	operations: [createOperation, deleteOperation, getOperation, getManyOperation, updateOperation],
	fields: {
		target: [filterByField, bookingIdField],
		main: [...createFields, ...updateFields, ...writeOptionFields],
		list: getManyFields,
	},
};
