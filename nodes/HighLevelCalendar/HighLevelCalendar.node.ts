import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { properties } from './description';
import { searchCalendars } from './methods/listSearch/calendars';
import { getCalendarOptions } from './methods/loadOptions/calendarOptions';
import { searchCalendarNotifications } from './methods/listSearch/calendarNotifications';
import { searchCalendarResources } from './methods/listSearch/calendarResources';
import { searchContacts } from './methods/listSearch/contacts';
import { searchCalendarGroups } from './methods/listSearch/groups';
import { searchAppointmentNotes } from './methods/listSearch/notes';
import { searchAvailabilitySchedules } from './methods/listSearch/schedules';
import { searchServiceBookings } from './methods/listSearch/serviceBookings';
import { searchServiceLocations } from './methods/listSearch/serviceLocations';
import { searchServices } from './methods/listSearch/services';
import { searchUsers } from './methods/listSearch/users';
import { getUserOptions } from './methods/loadOptions/userOptions';
import { CALENDARS_API_VERSION, DOCS_URL, MAIN_CONNECTION } from './helpers/constants';
import { sendRoutedRequest } from './transport/client';
import { DEFAULT_BASE_URL } from './transport/credential';
import { credentialDescriptions } from './fields/credential';
import { registerFieldLabels } from './helpers/fieldLabels';

const NODE_NAME = 'highLevelCalendar';

// An input error names its field as this node's editor shows it (helpers/fieldLabels.ts).
registerFieldLabels(NODE_NAME, () => properties);

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
	'Book and manage appointments and service bookings in HighLevel (LeadConnector) calendars. IDs are HighLevel IDs: get calendar IDs from Calendar: Get Many and service IDs from Service: Get Many, never guess them; a contact is its HighLevel contact ID, or its email where asked. Times are ISO 8601 with an offset, e.g. 2026-12-07T15:00:00-05:00. Before booking an appointment, pick a start time that Calendar: Get Free Slots returned; to book a service, give the contact, start, end and the services with their staff';

export class HighLevelCalendar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendar',
		name: NODE_NAME,
		icon: { light: 'file:highLevelCalendar.svg', dark: 'file:highLevelCalendar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: NODE_DESCRIPTION,
		documentationUrl: DOCS_URL,
		defaults: { name: 'HighLevel Calendar' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: credentialDescriptions,
		requestDefaults: {
			// A plain value, not an expression: n8n evaluates requestDefaults twice per item. The
			// client (transport/client.ts) sends each request to the credential's Base URL.
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
		properties,
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
			searchServiceBookings,
			searchServiceLocations,
			searchServices,
			searchUsers,
		},
		loadOptions: { getCalendarOptions, getUserOptions },
	};
}
