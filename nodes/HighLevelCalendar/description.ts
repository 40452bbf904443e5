import type { INodeProperties } from 'n8n-workflow';
import * as appointment from './resources/appointment';
import * as appointmentNote from './resources/appointmentNote';
import {
	availabilityScheduleFields,
	availabilityScheduleOperation,
	scheduleUserIdField,
} from './resources/availabilitySchedule';
import * as blockSlot from './resources/blockSlot';
import { calendarDescription } from './resources/calendar';
import { calendarGroupFields, calendarGroupOperation } from './resources/calendarGroup';
import {
	calendarNotificationDescription,
	calendarNotificationFilters,
} from './resources/calendarNotification';
import { calendarResourceDescription } from './resources/calendarResource';
import { rateLimitOption } from './fields/rateLimit';
import { agencyLocationField, authenticationField } from './fields/credential';
import {
	additionalFieldsField,
	calendarIdField,
	contactIdField,
	eventIdField,
	startTimeField,
	updateFieldsField,
} from './resources/event/fields';
import {
	getManyEndTimeField,
	getManyListFields,
	getManyTargetFields,
} from './resources/event/getMany';

/**
 * The node's properties, in the order the editor shows them. For each operation the editor shows
 * the properties whose displayOptions match, in this order; so the order here is the order of
 * every operation's panel. One rule decides it: an operation's own fields follow the fields it
 * shares with other operations (one property per name: docs/architecture.md, "One property per
 * name"), and a list's Return All and Limit come after its resource's target fields and before its
 * filters. test/unit/description.test.ts holds each operation's panel as it is.
 */
export const properties: INodeProperties[] = [
	authenticationField,
	agencyLocationField,
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Appointment', value: 'appointment' },
			{ name: 'Appointment Note', value: 'appointmentNote' },
			{ name: 'Availability Schedule', value: 'availabilitySchedule' },
			{ name: 'Block Slot', value: 'blockSlot' },
			{ name: 'Calendar', value: 'calendar' },
			{ name: 'Calendar Group', value: 'calendarGroup' },
			{ name: 'Calendar Notification', value: 'calendarNotification' },
			{ name: 'Calendar Resource', value: 'calendarResource' },
		],
		default: 'appointment',
		// Routes every request through the one client (transport/client.ts), as n8n's declarative pagination hook.
		routing: { send: { paginate: true } },
	},
	appointment.appointmentOperation,
	appointmentNote.appointmentNoteOperation,
	blockSlot.blockSlotOperation,
	calendarGroupOperation,
	availabilityScheduleOperation,
	// Appointments and block slots, in the order the editor shows them. Fields that mean the
	// same in several operations are one property each (resources/event/fields.ts): n8n evaluates
	// a parameter once per property of its name, twice per item (docs/architecture.md).
	eventIdField,
	// Before Return All and Limit, which Appointment Note: Get Many shows after them.
	...appointmentNote.noteTargetFields,
	...appointment.updateTargetFields,
	...blockSlot.blockTargetFields,
	appointment.getManyFilterField,
	blockSlot.getManyFilterField,
	calendarIdField,
	contactIdField,
	// Its groupId is also the group of the Calendar Group operations (fields/locators.ts).
	...getManyTargetFields,
	startTimeField,
	blockSlot.blockEndTimeField,
	getManyEndTimeField,
	additionalFieldsField,
	updateFieldsField,
	...appointment.getFields,
	...appointment.createFields,
	...appointment.updateFields,
	...blockSlot.createFields,
	...blockSlot.updateFields,
	// Resources whose Get Many shows Return All and Limit: their Operation and fields first,
	// so Return All and Limit follow them; their filters come after.
	...calendarNotificationDescription,
	...calendarResourceDescription,
	scheduleUserIdField,
	...getManyListFields,
	...calendarNotificationFilters,
	...calendarDescription,
	...calendarGroupFields,
	...appointmentNote.noteFields,
	...availabilityScheduleFields,
	rateLimitOption,
];
