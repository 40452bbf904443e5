import { SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID, SANDBOX_LOCATION_ID } from '../test/sandbox';

/**
 * What the benchmarks' one-property declarative node sends for each item (two expressions, like
 * our node's Start Time and Title): the smallest node that books the same appointments.
 */
export const ONE_PROPERTY_CREATE_BODY = {
	calendarId: SANDBOX_CALENDAR_ID,
	contactId: SANDBOX_CONTACT_ID,
	locationId: SANDBOX_LOCATION_ID,
	startTime: '={{ $json.start }}',
	title: '={{ $json.title }}',
	ignoreFreeSlotValidation: true,
	toNotify: false,
};
