// What the editor must show: the fields of the node's panel per resource and operation, the node
// creator's actions, the triggers' entries and panels, and which console errors are not about the
// node. Taken from the nodes' descriptions; editor/views.ts, editor/trigger.ts and
// editor/instantTrigger.ts check them.
import { PACKAGE } from '../n8nSetup';
import type { ConsoleEntry } from './browser';

/**
 * What each resource/operation must show in the node's panel (top-level parameters, by display name,
 * with their default values), and, for a few, what must not show. Taken from the node's description.
 */
export const ALWAYS = ['Resource', 'Operation', 'Rate Limit'];
export const EXPECTED: Array<{
	resource: string;
	operation: string;
	fields: string[];
	absent?: string[];
	shot?: string;
}> = [
	{
		resource: 'Appointment',
		operation: 'Create',
		fields: [
			'Calendar',
			'Contact',
			'Start Time',
			'Additional Fields',
			'Recurrence',
			'Options',
			'Simplify',
			'Add Recurrence Summary',
		],
		absent: ['Event ID', 'Filter By'],
	},
	{
		resource: 'Appointment',
		operation: 'Delete',
		fields: ['Event ID'],
		absent: ['Calendar', 'Start Time', 'Simplify'],
	},
	{
		resource: 'Appointment',
		operation: 'Get',
		fields: ['Event ID', 'Simplify', 'Add Recurrence Summary', 'Options'],
		absent: ['Calendar', 'Start Time'],
	},
	{
		resource: 'Appointment',
		operation: 'Get Many',
		fields: [
			'Filter By',
			'Calendar',
			'Start Time',
			'End Time',
			'Return All',
			'Limit',
			'Options',
			'Simplify',
		],
		absent: ['Event ID', 'Contact'],
		shot: 'editor-appointment-get-many.png',
	},
	{
		resource: 'Appointment',
		operation: 'Update',
		fields: [
			'Update',
			'Event ID',
			'Update Fields',
			'Recurrence',
			'Options',
			'Simplify',
			'Add Recurrence Summary',
		],
		absent: ['Contact', 'Filter By'],
	},
	{
		resource: 'Block Slot',
		operation: 'Create',
		fields: ['Block', 'Calendar', 'Start Time', 'End Time', 'Additional Fields', 'Options'],
		absent: ['Event ID', 'Recurrence'],
		shot: 'editor-block-slot-create.png',
	},
	{
		resource: 'Block Slot',
		operation: 'Delete',
		fields: ['Event ID'],
		absent: ['Calendar', 'Start Time'],
	},
	{
		resource: 'Block Slot',
		operation: 'Get Many',
		fields: [
			'Filter By',
			'Calendar',
			'Start Time',
			'End Time',
			'Return All',
			'Limit',
			'Options',
			'Simplify',
		],
		absent: ['Event ID'],
	},
	{
		resource: 'Block Slot',
		operation: 'Update',
		fields: ['Event ID', 'Update Fields', 'Options'],
		absent: ['Calendar', 'Recurrence'],
	},
	{
		resource: 'Calendar',
		operation: 'Get',
		fields: ['Calendar'],
		absent: ['Event ID', 'Start Time', 'Start Date'],
	},
	{
		resource: 'Calendar',
		operation: 'Get Free Slots',
		fields: ['Calendar', 'Start Date', 'End Date', 'Output', 'Options'],
		absent: ['Event ID', 'Start Time'],
		shot: 'editor-free-slots.png',
	},
	{
		resource: 'Calendar',
		operation: 'Get Many',
		fields: ['Filters'],
		absent: ['Calendar', 'Event ID'],
	},
];
/** The node creator's actions (the operations' `action` texts), in its order. */
export const EXPECTED_ACTIONS = [
	'Book an appointment for a contact',
	'Delete an appointment by ID',
	'Get an appointment by ID',
	'Get many appointments by time window or contact',
	'Reschedule or update an appointment',
	'Block time on a calendar',
	'Delete a block slot by ID',
	'Get many block slots in a time window',
	'Move or update a block slot',
	'Get a calendar by ID',
	'Get bookable free slots of a calendar',
	'Get many calendars and their IDs',
	'Book a service for a contact',
	'Reschedule or update a service booking',
];
/** Shown once "Recurrence" is "Build a Rule" (the book-from-form example: weekly, ends after a count). */
export const RECURRENCE_BUILD = [
	'Frequency',
	'Interval',
	'Weekdays',
	'Ends',
	'Occurrences',
	'Skip Dates',
];
/** Filter By = Contact swaps Calendar and the time window for Contact. */
export const FILTER_BY_CONTACT = {
	fields: ['Filter By', 'Contact'],
	absent: ['Calendar', 'Start Time', 'End Time'],
};

/**
 * n8n's node creator merges a node and its "<name>Trigger" into one item, and that item takes the
 * trigger's description (generateMergedNodesAndActions in n8n's editor): "HighLevel Calendar" reads
 * the trigger's, on a new workflow and after a trigger ("What happens next?") alike, so it names
 * both the actions and the trigger.
 */
export const CREATOR_ITEM_DESCRIPTION =
	'Book and manage HighLevel (LeadConnector) appointments, or start a workflow when one is booked, changed, cancelled, about to start or over';
/** Every list of appointment statuses, in the action node and the trigger: the names, sorted. */
export const STATUS_LABELS = [
	'Active',
	'Cancelled',
	'Completed',
	'Confirmed',
	'Invalid',
	'New',
	'No Show',
	'Showed',
];
/**
 * The trigger's entries in the node creator on a new workflow: n8n makes one per option of the
 * trigger's first options property, which is Trigger On (picking one sets it); the events are
 * chosen in the panel.
 */
export const EXPECTED_TRIGGERS = ['On appointments', 'On service bookings'];

/** The trigger's panel: what every Watch choice shows, then what each one adds or hides. */
export const TRIGGER_ALWAYS = [
	'Poll Times',
	'Trigger On',
	'Watch',
	'Events',
	'Simplify',
	'Filters',
	'Options',
	'Rate Limit',
];
/** Shown only for some events (the example watches Appointment Booked alone). */
export const TRIGGER_EVENT_ONLY = ['Minutes Before Start', 'To Statuses'];
export const TRIGGER_WATCH: Array<{ watch: string; fields: string[]; absent: string[] }> = [
	{ watch: 'User', fields: ['User'], absent: ['Calendar', 'Calendar Group'] },
	{ watch: 'Group', fields: ['Calendar Group'], absent: ['Calendar', 'User'] },
	{ watch: 'Every Calendar', fields: [], absent: ['Calendar', 'User', 'Calendar Group'] },
	{ watch: 'Calendar', fields: ['Calendar'], absent: ['User', 'Calendar Group'] },
];
/** Events added one after the other (to Appointment Booked), and the fields each adds. */
export const TRIGGER_EVENTS: Array<{ event: string; fields: string[]; absent: string[] }> = [
	{ event: 'Appointment Starting', fields: ['Minutes Before Start'], absent: ['To Statuses'] },
	{
		event: 'Appointment Status Changed',
		fields: ['Minutes Before Start', 'To Statuses'],
		absent: [],
	},
];

/**
 * Trigger On = Service Bookings (after the Events step): the booking fields replace the appointment
 * ones, and Minutes Before Start comes back with Service Booking Starting.
 */
export const TRIGGER_BOOKINGS = {
	fields: ['Poll Times', 'Trigger On', 'Events', 'Simplify', 'Filters', 'Options', 'Rate Limit'],
	absent: ['Watch', 'Calendar', 'User', 'Calendar Group', 'Minutes Before Start', 'To Statuses'],
	event: 'Service Booking Starting',
	adds: ['Minutes Before Start'],
};

/**
 * The instant (webhook) trigger. n8n's node creator lists triggers without the word "Trigger" and
 * does not merge this one into "HighLevel Calendar" (it merges only "<name>Trigger" with "<name>").
 */
export const INSTANT_CREATOR_NAME = 'HighLevel Calendar Instant';
/** Its entries in the node creator: one per Events option, in its order. */
export const EXPECTED_INSTANT_TRIGGERS = [
	'On appointment booked',
	'On appointment deleted',
	'On appointment rescheduled',
	'On appointment status changed',
	'On appointment updated',
];
/** The webhook's path: n8n shows <webhook base>/webhook/<the node's webhook id>/<path>. */
export const INSTANT_WEBHOOK_PATH = 'highlevel-calendar';
/** The header the HighLevel workflow's Webhook action must send the Secret in. */
export const INSTANT_SECRET_HEADER = 'x-n8n-secret';
export const INSTANT_SOURCES = {
	app: 'Marketplace App Webhooks',
	workflow: 'HighLevel Workflow Webhook Action',
};
/** What each Source shows (the credential is drawn apart from the fields). */
export const INSTANT_ALWAYS = ['Source', 'Events', 'Simplify', 'Filters'];
export const INSTANT_APP = {
	fields: ['Options'],
	absent: ['Secret', 'To Statuses'],
	/** What the Options collection offers: only the app's deliveries are signed and timestamped. */
	options: ['HighLevel Public Key', 'Max Age (Minutes)'],
};
export const INSTANT_WORKFLOW = { fields: ['Secret'], absent: ['To Statuses', 'Options'] };

/** Console errors that are not about the node, with why they may be ignored. */
export const IGNORABLE: Array<{ why: string; test: (e: ConsoleEntry) => boolean }> = [
	{
		why:
			"blocked external network: the node creator's details panel of a community node asks the npm registry " +
			'(https://registry.npmjs.org/<package>) for the package from the browser; this closed network answers with an untrusted certificate',
		test: (e) =>
			e.url.startsWith(`https://registry.npmjs.org/${PACKAGE}`) &&
			/Failed to load resource: net::ERR_/.test(e.text),
	},
	{
		why:
			"n8n's editor asks for a node's output schema (/schemas/<package>.<node>/<version>/<resource>/<operation>.json) " +
			'when it shows a node with input data; the package ships none, so n8n answers 404 and shows no schema',
		test: (e) =>
			/status of 404/.test(e.text) &&
			new RegExp(`/schemas/${PACKAGE}\\.[A-Za-z]+/[0-9.]+/[A-Za-z]+/[A-Za-z]+\\.json$`).test(e.url),
	},
	{
		why: 'the sign-in page first asks GET /rest/login whether a session exists; 401 means "not signed in yet"',
		test: (e) =>
			e.phase === 'signin' && /status of 401/.test(e.text) && /\/rest\/login$/.test(e.url),
	},
];
