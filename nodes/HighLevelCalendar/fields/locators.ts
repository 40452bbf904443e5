import type { INodeProperties } from 'n8n-workflow';

/**
 * Pickers for ids people should not paste by hand. "From List" searches HighLevel; "By ID" always
 * works, even for a token without the list's scope. The parameter keeps the API's field name.
 */

type PickerKind =
	| 'calendar'
	| 'user'
	| 'contact'
	| 'group'
	| 'calendarResource'
	| 'schedule'
	| 'appointmentNote'
	| 'calendarNotification'
	| 'serviceBooking';

/** What differs between the pickers; everything else is the same resource locator. */
const PICKERS: Record<
	PickerKind,
	{ field: Partial<INodeProperties>; search: string; placeholder: string; byEmail?: boolean }
> = {
	calendar: {
		field: {
			displayName: 'Calendar',
			name: 'calendarId',
			description: 'The HighLevel calendar (calendarId)',
		},
		search: 'searchCalendars',
		placeholder: 'CVokAlI8fgw4WYWoCtQz',
	},
	user: {
		field: {
			displayName: 'User',
			description: 'A HighLevel user (team member) of the sub-account',
		},
		search: 'searchUsers',
		placeholder: '0007BWpSzSwfiuSl0tR2',
	},
	contact: {
		field: {
			displayName: 'Contact',
			name: 'contactId',
			description: 'The HighLevel contact (contactId)',
		},
		search: 'searchContacts',
		placeholder: '0007BWpSzSwfiuSl0tR2',
		byEmail: true,
	},
	group: {
		field: {
			displayName: 'Calendar Group',
			name: 'groupId',
			description: 'The HighLevel calendar group (groupId)',
		},
		search: 'searchCalendarGroups',
		placeholder: 'BqTwX8QFwXzpegMve9EQ',
	},
	// Rooms and equipment are listed per resourceType; the search reads the node's Resource Type.
	calendarResource: {
		field: {
			displayName: 'Calendar Resource',
			name: 'id',
			description: 'The HighLevel room or equipment (id)',
		},
		search: 'searchCalendarResources',
		placeholder: 'Ch1QO8ZXHvPc9fL2YxGk',
	},
	// A calendar's notifications; the search reads the node's Calendar.
	calendarNotification: {
		field: {
			displayName: 'Notification',
			name: 'notificationId',
			description: 'The notification of the calendar (notificationId)',
		},
		search: 'searchCalendarNotifications',
		placeholder: '64f1c2a9e9c0a1b2c3d4e5f6',
	},
	schedule: {
		field: {
			displayName: 'Availability Schedule',
			name: 'id',
			description: 'The HighLevel availability schedule (id)',
		},
		search: 'searchAvailabilitySchedules',
		placeholder: 'sch_0dO5VTxB3o6xEoOq',
	},
	// HighLevel lists service bookings only in a time window; the search lists the coming 30 days.
	serviceBooking: {
		field: {
			displayName: 'Service Booking',
			name: 'bookingId',
			description: 'The HighLevel service booking (bookingId)',
		},
		search: 'searchServiceBookings',
		placeholder: '7NkT25Vor1v4aQatFsv2',
	},
	// Notes are listed per appointment; the search reads the node's Appointment ID.
	appointmentNote: {
		field: {
			displayName: 'Note',
			name: 'noteId',
			description: 'The note of the appointment (noteId)',
		},
		search: 'searchAppointmentNotes',
		placeholder: 'HGPcayliwcdoUFzvbTok',
	},
};

/** A picker field: "From List" (searchable), "By ID", and for contacts "By Email". */
export function pickerField(
	kind: PickerKind,
	field: Partial<INodeProperties> = {},
): INodeProperties {
	const picker = PICKERS[kind];
	return {
		displayName: '',
		name: '',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: picker.search, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: picker.placeholder },
			...(picker.byEmail
				? [
						{
							displayName: 'By Email',
							name: 'email',
							type: 'string' as const,
							placeholder: 'jane@example.com',
						},
					]
				: []),
		],
		...picker.field,
		...field,
	};
}

export const calendarLocator = (field: Partial<INodeProperties> = {}) =>
	pickerField('calendar', field);
export const userLocator = (field: Partial<INodeProperties> & { name: string }) =>
	pickerField('user', field);
export const contactLocator = (field: Partial<INodeProperties> = {}) =>
	pickerField('contact', field);
export const groupLocator = (field: Partial<INodeProperties> = {}) => pickerField('group', field);

/**
 * The group whose events Appointment and Block Slot Get Many list (Filter By: Group). A picker now
 * that groups can be listed; a plain id saved by older workflows still works (resolveId reads
 * either). The Calendar Group operations' own group is resources/calendarGroup/fields.ts's.
 */
export const groupIdField: INodeProperties = groupLocator({
	required: true,
	description: 'The HighLevel calendar group (groupId) whose events are listed',
	displayOptions: {
		show: { resource: ['appointment', 'blockSlot'], operation: ['getAll'], filterBy: ['group'] },
	},
});
