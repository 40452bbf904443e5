import type { INodeProperties } from 'n8n-workflow';
import { MEETING_LOCATION_TYPE_NAMES } from '../../helpers/constants';
import { APPOINTMENT_STATUS_OPTIONS, namedOptions } from '../../fields/namedOptions';

/**
 * The optional body fields only appointments have (create and update share them), with
 * HighLevel's own help text. Each is sent under its API name, and only when the user added it to
 * the collection; the fields block slots have too live in resources/event/fields.ts.
 */

export const endTimeField: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	default: '',
	description: 'When the appointment ends; must be after the start time. Read like Start Time.',
};

/** Optional appointment-only fields, sorted by display name as n8n's lint asks. */
export const optionalAppointmentFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: 'Zoom',
		description:
			'Appointment address or meeting link. When set, HighLevel defaults the meeting location type to custom.',
	},
	{
		displayName: 'Appointment Status',
		name: 'appointmentStatus',
		type: 'options',
		options: APPOINTMENT_STATUS_OPTIONS,
		allowArbitraryValues: true,
		default: 'confirmed',
		description:
			'Status of the appointment. An expression may give a status as listed (No Show) or as HighLevel names it (noshow).',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'Booking a call to discuss the project',
		description: 'Appointment description',
	},
	{
		displayName: 'Ignore Date Range',
		name: 'ignoreDateRange',
		type: 'boolean',
		default: false,
		description: "Whether to ignore the calendar's minimum scheduling notice and date range",
	},
	{
		displayName: 'Ignore Free Slot Validation',
		name: 'ignoreFreeSlotValidation',
		type: 'boolean',
		default: true,
		description:
			'Whether to skip the free-slot check (and the date range) so a taken or closed slot can still be booked. HighLevel applies an RRULE only when this is true, so the node sends true whenever an RRULE is set.',
	},
	{
		displayName: 'Meeting Location ID',
		name: 'meetingLocationId',
		type: 'string',
		default: 'default',
		placeholder: 'custom_0',
		description:
			"ID of one of the meeting locations configured on the calendar: found in the calendar's locationConfigurations or teamMembers[].locationConfigurations",
	},
	{
		displayName: 'Meeting Location Type',
		name: 'meetingLocationType',
		type: 'options',
		options: namedOptions(MEETING_LOCATION_TYPE_NAMES),
		allowArbitraryValues: true,
		default: 'custom',
		description:
			'Kind of meeting location. If Address is set, HighLevel defaults this to custom. An expression may give a type as listed (Google Meet) or as HighLevel names it (gmeet).',
	},
	{
		displayName: 'Override Location Config',
		name: 'overrideLocationConfig',
		type: 'boolean',
		default: true,
		description:
			"Whether to override the calendar's location configuration: set it to false when you give only Meeting Location ID, and to true when you give only Meeting Location Type",
	},
	{
		displayName: 'To Notify',
		name: 'toNotify',
		type: 'boolean',
		// Off when added: the common reason to add it is a change (a status sweep, a bulk move) that
		// must not message contacts. Without the field HighLevel notifies.
		default: false,
		description:
			"Whether HighLevel runs the calendar's workflows and notifications (messages to the contact) for this change. Off when added, so the change is silent; turn it on to notify. Without this field HighLevel notifies (its own default).",
	},
];
