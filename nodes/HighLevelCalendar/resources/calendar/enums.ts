import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The enums of CalendarCreateDTO / CalendarUpdateDTO (apps/calendars.json), value → the name the
 * editor shows. An expression may give either (matchOption in helpers/bodyChecks.ts).
 */

export const CALENDAR_TYPE_NAMES: Record<string, string> = {
	round_robin: 'Round Robin',
	event: 'Event',
	class_booking: 'Class Booking',
	collective: 'Collective',
	service_booking: 'Service Booking',
	personal: 'Personal',
};

export const EVENT_TYPE_NAMES: Record<string, string> = {
	RoundRobin_OptimizeForAvailability: 'Optimize for Availability',
	RoundRobin_OptimizeForEqualDistribution: 'Optimize for Equal Distribution',
};

/** The spec: 'Choose "default" for "neo" and "classic" for "classic" layout'. */
export const WIDGET_TYPE_NAMES: Record<string, string> = { default: 'Neo', classic: 'Classic' };

export const DURATION_UNIT_NAMES: Record<string, string> = { mins: 'Minutes', hours: 'Hours' };

export const BOOKING_AFTER_UNIT_NAMES: Record<string, string> = {
	mins: 'Minutes',
	hours: 'Hours',
	days: 'Days',
	weeks: 'Weeks',
	months: 'Months',
};

export const BOOKING_FOR_UNIT_NAMES: Record<string, string> = {
	days: 'Days',
	weeks: 'Weeks',
	months: 'Months',
};

export const FORM_SUBMIT_TYPE_NAMES: Record<string, string> = {
	RedirectURL: 'Redirect to URL',
	ThankYouMessage: 'Thank You Message',
};

export const GUEST_TYPE_NAMES: Record<string, string> = {
	count_only: 'Count Only',
	collect_detail: 'Collect Details',
};

/** A number enum: `availabilityType` 0 or 1 (the spec's `null`, both, is "not set"). */
export const AVAILABILITY_TYPE_NAMES: Record<string, string> = {
	'0': 'Open Hours Only',
	'1': 'Custom Availabilities Only',
};

/** LocationConfiguration.kind. */
export const LOCATION_KIND_NAMES: Record<string, string> = {
	custom: 'Custom',
	zoom_conference: 'Zoom',
	google_conference: 'Google Meet',
	ms_teams_conference: 'Microsoft Teams',
	inbound_call: 'Inbound Call',
	outbound_call: 'Outbound Call',
	physical: 'Physical Address',
	booker: 'Booker',
};

/** Kinds that take no `location` and that an Event calendar does not support (the spec's text). */
export const CONFERENCE_KINDS = ['zoom_conference', 'google_conference', 'ms_teams_conference'];

/** A number enum: TeamMember.priority. */
export const PRIORITY_NAMES: Record<string, string> = { '1': 'High', '0.5': 'Medium', '0': 'Low' };

export const RECURRING_FREQ_NAMES: Record<string, string> = {
	DAILY: 'Daily',
	WEEKLY: 'Weekly',
	MONTHLY: 'Monthly',
};

export const RECURRING_BOOKING_OPTION_NAMES: Record<string, string> = {
	skip: 'Skip',
	continue: 'Continue',
	book_next: 'Book Next',
};

export const OVERLAP_STATUS_NAMES: Record<string, string> = { confirmed: 'Confirmed', new: 'New' };

export const NOTIFICATION_TYPE_NAMES: Record<string, string> = { email: 'Email' };

/** OpenHour.daysOfTheWeek: 0 is Sunday, as in JavaScript's getDay(). */
export const DAY_NAMES = [
	'Sunday',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
];

/** The editor's options for an enum, sorted by name as n8n's lint asks. */
export function optionsOf(names: Record<string, string>, numeric = false): INodePropertyOptions[] {
	return Object.entries(names)
		.map(([value, name]) => ({ name, value: numeric ? Number(value) : value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
