import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { searchCalendars } from '../HighLevelCalendar/methods/listSearch/calendars';
import { searchCalendarGroups } from '../HighLevelCalendar/methods/listSearch/groups';
import { searchUsers } from '../HighLevelCalendar/methods/listSearch/users';
import { DOCS_URL, MAIN_CONNECTION } from '../HighLevelCalendar/helpers/constants';
import {
	agencyLocationField,
	authenticationField,
	credentialDescriptions,
} from '../HighLevelCalendar/fields/credential';
import { pollAppointments } from './poll';
import { POLLING_TRIGGER_SUBTITLE, triggerProperties } from './properties';

/**
 * Starts a workflow when an appointment is booked, changed, cancelled, about to start or over.
 * A polling trigger (n8n's Google Calendar Trigger is the model): each poll lists the watched
 * window through the package's one client, compares it with what the last poll recorded in the
 * workflow's static data (changes.ts) and fires each change once. See poll.ts for the order.
 */
export class HighLevelCalendarTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendar Trigger',
		name: 'highLevelCalendarTrigger',
		icon: {
			light: 'file:highLevelCalendarTrigger.svg',
			dark: 'file:highLevelCalendarTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: POLLING_TRIGGER_SUBTITLE,
		// n8n's node creator shows one "HighLevel Calendar" item for this trigger and the action node,
		// and that item takes this description (generateMergedNodesAndActions in n8n's editor:
		// `app.description = trigger.description`), also where a step is added after another trigger.
		// So it names both halves of the app; the action node's own description is for AI agents.
		description:
			'Book and manage HighLevel (LeadConnector) appointments, or start a workflow when one is booked, changed, cancelled, about to start or over',
		documentationUrl: DOCS_URL,
		defaults: { name: 'HighLevel Calendar Trigger' },
		polling: true,
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: credentialDescriptions,
		properties: [authenticationField, agencyLocationField, ...triggerProperties],
	};

	methods = {
		listSearch: { searchCalendarGroups, searchCalendars, searchUsers },
	};

	poll = pollAppointments;
}
