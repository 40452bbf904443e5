// The operations the sandbox models, keyed by `METHOD template` exactly as the specs write the
// path. A spec operation missing here answers 501 once its request has passed validation.
import { createNote, deleteNote, listNotes, updateNote } from './appointmentNotes';
import {
	createGroup,
	deleteGroup,
	listGroups,
	setGroupStatus,
	updateGroup,
	validateGroupSlug,
} from './calendarGroups';
import { createAppointment, getAppointment, updateAppointment } from './appointments';
import { createBlockSlot, updateBlockSlot } from './blockSlots';
import {
	createCalendarNotifications,
	deleteCalendarNotification,
	getCalendarNotification,
	listCalendarNotifications,
	updateCalendarNotification,
} from './calendarNotifications';
import {
	createCalendarResource,
	deleteCalendarResource,
	getCalendarResource,
	listCalendarResources,
	updateCalendarResource,
} from './calendarResources';
import { freeSlots, getCalendar, listCalendars } from './calendars';
import { createCalendar, deleteCalendar, updateCalendar } from './calendarWrites';
import type { Handler } from './common';
import { contactAppointments, searchContacts } from './contacts';
import { deleteEvent, listBlockedSlots, listEvents } from './events';
import { getLocation } from './locations';
import {
	addScheduleCalendar,
	createSchedule,
	deleteSchedule,
	getSchedule,
	removeScheduleCalendar,
	searchSchedules,
	updateSchedule,
} from './schedules';
import {
	createServiceBooking,
	deleteServiceBooking,
	getServiceBooking,
	listServiceBookings,
	updateServiceBooking,
} from './serviceBookings';
import { listUsers, searchUsers } from './users';

export { fail, HttpError } from './common';
export type { Handler, HandlerContext, Reply } from './common';

export const handlers: Record<string, Handler> = {
	// Calendars API: every handler answers both Versions (2021-04-15 and v3) of its operation
	'GET /calendars/': listCalendars,
	'POST /calendars/': createCalendar,
	'GET /calendars/{calendarId}': getCalendar,
	'PUT /calendars/{calendarId}': updateCalendar,
	'DELETE /calendars/{calendarId}': deleteCalendar,
	'GET /calendars/{calendarId}/free-slots': freeSlots,
	'GET /calendars/events': listEvents,
	'GET /calendars/blocked-slots': listBlockedSlots,
	'POST /calendars/events/appointments': createAppointment,
	'PUT /calendars/events/appointments/{eventId}': updateAppointment,
	'GET /calendars/events/appointments/{eventId}': getAppointment,
	'POST /calendars/events/block-slots': createBlockSlot,
	'PUT /calendars/events/block-slots/{eventId}': updateBlockSlot,
	'DELETE /calendars/events/{eventId}': deleteEvent,
	'GET /calendars/groups': listGroups,
	'POST /calendars/groups': createGroup,
	'PUT /calendars/groups/{groupId}': updateGroup,
	'DELETE /calendars/groups/{groupId}': deleteGroup,
	'PUT /calendars/groups/{groupId}/status': setGroupStatus,
	'POST /calendars/groups/validate-slug': validateGroupSlug,
	'GET /calendars/appointments/{appointmentId}/notes': listNotes,
	'POST /calendars/appointments/{appointmentId}/notes': createNote,
	'PUT /calendars/appointments/{appointmentId}/notes/{noteId}': updateNote,
	'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}': deleteNote,
	'GET /calendars/resources/{resourceType}': listCalendarResources,
	'POST /calendars/resources/{resourceType}': createCalendarResource,
	'GET /calendars/resources/{resourceType}/{id}': getCalendarResource,
	'PUT /calendars/resources/{resourceType}/{id}': updateCalendarResource,
	'DELETE /calendars/resources/{resourceType}/{id}': deleteCalendarResource,
	'GET /calendars/{calendarId}/notifications': listCalendarNotifications,
	'POST /calendars/{calendarId}/notifications': createCalendarNotifications,
	'GET /calendars/{calendarId}/notifications/{notificationId}': getCalendarNotification,
	'PUT /calendars/{calendarId}/notifications/{notificationId}': updateCalendarNotification,
	'DELETE /calendars/{calendarId}/notifications/{notificationId}': deleteCalendarNotification,
	'GET /calendars/schedules/search': searchSchedules,
	'GET /calendars/schedules/{id}': getSchedule,
	'POST /calendars/schedules': createSchedule,
	'PUT /calendars/schedules/{id}': updateSchedule,
	'DELETE /calendars/schedules/{id}': deleteSchedule,
	'PUT /calendars/schedules/{id}/associations/{calendarId}': addScheduleCalendar,
	'DELETE /calendars/schedules/{id}/associations/{calendarId}': removeScheduleCalendar,
	// Calendars API v3 only: the service menu
	'GET /calendars/services/bookings': listServiceBookings,
	'POST /calendars/services/bookings': createServiceBooking,
	'GET /calendars/services/bookings/{bookingId}': getServiceBooking,
	'PUT /calendars/services/bookings/{bookingId}': updateServiceBooking,
	'DELETE /calendars/services/bookings/{bookingId}': deleteServiceBooking,
	// Users, Contacts and Locations APIs, Version 2021-07-28
	'GET /users/': listUsers,
	'GET /users/search': searchUsers,
	'POST /contacts/search': searchContacts,
	'GET /contacts/{contactId}/appointments': contactAppointments,
	'GET /locations/{locationId}': getLocation,
};
