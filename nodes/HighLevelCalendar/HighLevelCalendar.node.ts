import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { searchCalendars } from './listSearch/calendars';
import { getCalendarOptions } from './listSearch/calendarOptions';
import { searchCalendarNotifications } from './listSearch/calendarNotifications';
import { searchCalendarResources } from './listSearch/calendarResources';
import { searchContacts } from './listSearch/contacts';
import { searchCalendarGroups } from './listSearch/groups';
import { searchAppointmentNotes } from './listSearch/notes';
import { searchAvailabilitySchedules } from './listSearch/schedules';
import { searchUsers } from './listSearch/users';
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
import { CALENDARS_API_VERSION, MAIN_CONNECTION } from './shared/constants';
import { rateLimitOption, sendRoutedRequest } from './shared/client';
import {
	agencyLocationField,
	authenticationField,
	credentialDescriptions,
	DEFAULT_BASE_URL,
} from './shared/credential';
import {
	additionalFieldsField,
	calendarIdField,
	contactIdField,
	eventIdField,
	startTimeField,
	updateFieldsField,
} from './shared/eventFields';
import { getManyEndTimeField, getManyListFields, getManyTargetFields } from './shared/eventList';

/**
 * The node's description, written for the model as much as for a person: which ids, where to get
 * them, how to write times, and to look for free slots before booking. It is the text a tool starts
 * from with "Set Manually", and the text a model gets while the builder leaves it unchanged: a tool
 * variant's `usableAsTool.replacements` reach only the editor (n8n 2.40.7 builds the variant it runs
 * from the node's own description: packages/cli/src/node-types.ts, getByNameAndVersion; the editor's
 * from the replacements: buildSyntheticToolDescription), and n8n stores no parameter left at its
 * default, so a replaced text would be shown to the builder and never reach the model (seen in the
 * MCP end-to-end run, test/e2e/scenarios/mcp.ts).
 */
export const NODE_DESCRIPTION =
	'Book and manage appointments in HighLevel (LeadConnector) calendars. IDs are HighLevel IDs: get calendar IDs from Calendar: Get Many, never guess them; a contact is its HighLevel contact ID, or its email where asked. Times are ISO 8601 with an offset, e.g. 2026-12-07T15:00:00-05:00. Before booking, pick a start time that Calendar: Get Free Slots returned';

export class HighLevelCalendar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendar',
		name: 'highLevelCalendar',
		icon: { light: 'file:highLevelCalendar.svg', dark: 'file:highLevelCalendar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: NODE_DESCRIPTION,
		defaults: { name: 'HighLevel Calendar' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: credentialDescriptions,
		requestDefaults: {
			// A plain value, not an expression: n8n evaluates requestDefaults twice per item. The
			// client (shared/client.ts) sends each request to the credential's Base URL.
			baseURL: DEFAULT_BASE_URL,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
				Version: CALENDARS_API_VERSION,
			},
			json: true,
			// Every status reaches our postReceive hook, which turns HighLevel's error body into a clear message.
			ignoreHttpStatusErrors: true,
		},
		properties: [
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
				// Routes every request through the one client (shared/client.ts), as n8n's declarative pagination hook.
				routing: { send: { paginate: true } },
			},
			appointment.appointmentOperation,
			appointmentNote.appointmentNoteOperation,
			blockSlot.blockSlotOperation,
			calendarGroupOperation,
			availabilityScheduleOperation,
			// Appointments and block slots, in the order the editor shows them. Fields that mean the
			// same in several operations are one property each (shared/eventFields.ts): n8n evaluates
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
			// Its groupId is also the group of the Calendar Group operations (shared/locators.ts).
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
		],
		requestOperations: { pagination: sendRoutedRequest },
	};

	methods = {
		listSearch: {
			searchAppointmentNotes,
			searchAvailabilitySchedules,
			searchCalendarGroups,
			searchCalendars,
			searchCalendarNotifications,
			searchCalendarResources,
			searchContacts,
			searchUsers,
		},
		loadOptions: { getCalendarOptions },
	};
}
