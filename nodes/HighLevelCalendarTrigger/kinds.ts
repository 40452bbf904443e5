import type { IDataObject } from 'n8n-workflow';
import {
	pick,
	simplifyEvent,
	SIMPLIFIED_SERVICE_BOOKING_FIELDS,
} from '../HighLevelCalendar/helpers/simplify';
import type { AppointmentEvent, BookingEvent, FiringRules } from './changes';

/**
 * What the polling trigger can watch: appointments, or the service bookings of Calendars API v3.
 * The rules of changes.ts are the same for both (a snapshot of updated, status, start and end);
 * a kind says which field holds the id and the status, which filters apply and which event each
 * change fires. Records are read by these fields only, so a field or a status HighLevel adds
 * later is carried to the item and never breaks a comparison.
 */

export type TriggerOn = 'appointments' | 'serviceBookings';

/** The rules' filter lists that test one field of the record each. */
type FieldFilter = keyof Pick<
	FiringRules,
	'calendarIds' | 'assignedUserIds' | 'serviceLocationIds'
>;

export interface Kind {
	/** The record's id field. */
	idField: string;
	/** The record's status field (also the name `previous` gives it). */
	statusField: string;
	/** Each filter list and the record field it tests. */
	filters: ReadonlyArray<readonly [FieldFilter, string]>;
	/** The event each change fires; Cancelled only where the kind has it. */
	events: {
		booked: AppointmentEvent | BookingEvent;
		updated: AppointmentEvent | BookingEvent;
		rescheduled: AppointmentEvent | BookingEvent;
		statusChanged: AppointmentEvent | BookingEvent;
		cancelled?: BookingEvent;
		deleted: AppointmentEvent | BookingEvent;
		starting: AppointmentEvent | BookingEvent;
		ended: AppointmentEvent | BookingEvent;
	};
	/** What Simplify keeps. */
	simplify: (record: IDataObject) => IDataObject;
}

export const APPOINTMENTS: Kind = {
	idField: 'id',
	statusField: 'appointmentStatus',
	filters: [
		['calendarIds', 'calendarId'],
		['assignedUserIds', 'assignedUserId'],
	],
	events: {
		booked: 'appointmentBooked',
		updated: 'appointmentUpdated',
		rescheduled: 'appointmentRescheduled',
		statusChanged: 'appointmentStatusChanged',
		deleted: 'appointmentDeleted',
		starting: 'appointmentStarting',
		ended: 'appointmentEnded',
	},
	simplify: simplifyEvent,
};

export const SERVICE_BOOKINGS: Kind = {
	idField: 'bookingId',
	statusField: 'status',
	filters: [['serviceLocationIds', 'serviceLocationId']],
	events: {
		booked: 'serviceBookingBooked',
		updated: 'serviceBookingUpdated',
		rescheduled: 'serviceBookingRescheduled',
		statusChanged: 'serviceBookingStatusChanged',
		cancelled: 'serviceBookingCancelled',
		deleted: 'serviceBookingDeleted',
		starting: 'serviceBookingStarting',
		ended: 'serviceBookingEnded',
	},
	simplify: (booking) => pick(booking, SIMPLIFIED_SERVICE_BOOKING_FIELDS),
};

export const KINDS: Record<TriggerOn, Kind> = {
	appointments: APPOINTMENTS,
	serviceBookings: SERVICE_BOOKINGS,
};

/** A record's id: its kind's field (a booking HighLevel answers with `id` instead is read too). */
export function idOf(record: IDataObject, kind: Kind): string | undefined {
	const id = record[kind.idField] ?? record.id;
	return id === undefined || id === null ? undefined : String(id);
}
