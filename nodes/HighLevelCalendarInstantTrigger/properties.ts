import type { INodeProperties } from 'n8n-workflow';
import {
	appointmentFilters,
	toStatusesField,
	triggerSimplifyField,
} from '../HighLevelCalendarTrigger/properties';
import { INSTANT_EVENT_NAMES, SECRET_HEADER } from './events';

/**
 * The instant trigger's fields, in the order the editor shows them. Events, To Statuses, Simplify
 * and the filters mean what they mean in the polling trigger (HighLevelCalendarTrigger/properties.ts),
 * so a workflow moves from one to the other without rewiring.
 */

/** The oldest delivery accepted by default, and the most a user may allow (minutes). */
export const MAX_AGE = { default: 5, max: 60 };

/** Each event's help: which source can tell it apart (docs/instant-trigger.md says why). */
const EVENT_HELP: Record<keyof typeof INSTANT_EVENT_NAMES, string> = {
	appointmentBooked: 'HighLevel reports a new appointment',
	appointmentDeleted: 'HighLevel reports an appointment deleted (Marketplace app only)',
	appointmentRescheduled:
		'Its start or end moved since the trigger last heard of it; the item holds the previous times',
	appointmentStatusChanged:
		'Its status changed since the trigger last heard of it; the item holds the previous status',
	appointmentUpdated: 'Any change HighLevel reports (times, status, title, notes, ...)',
};

export const instantTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'HighLevel Workflow Webhook Action',
				value: 'workflow',
				description:
					"A HighLevel workflow's Webhook action posts to this trigger, with the secret below in a header. No app needed.",
			},
			{
				name: 'Marketplace App Webhooks',
				value: 'app',
				description:
					"Your Marketplace app's webhook URL: HighLevel signs each event, the trigger checks the signature",
			},
		],
		default: 'app',
	},
	{
		displayName:
			"Open Webhook URLs above, choose Production URL, and paste it into your Marketplace app's settings as its webhook URL; give the app the calendars/events.readonly scope. HighLevel then sends the appointment events of every location that installed the app here, signed.",
		name: 'appNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['app'] } },
	},
	{
		displayName: `In HighLevel, go to Automation > Workflows and build a workflow with an appointment trigger (Customer Booked Appointment or Appointment Status) followed by a Webhook action: Method POST, URL = this trigger's Production URL (under Webhook URLs above), and a header ${SECRET_HEADER} set to the Secret below.`,
		name: 'workflowNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['workflow'] } },
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: `A long random value (at least 24 characters) that HighLevel sends in the ${SECRET_HEADER} header; requests without it fire nothing. Leave it empty and activate: the error offers a freshly generated one.`,
		displayOptions: { show: { source: ['workflow'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: Object.entries(INSTANT_EVENT_NAMES).map(([value, name]) => ({
			name,
			value,
			description: EVENT_HELP[value as keyof typeof INSTANT_EVENT_NAMES],
		})),
		default: ['appointmentBooked'],
		description:
			'What starts the workflow. Each output item has an "event" field naming what fired; one delivery can fire several events.',
	},
	toStatusesField,
	triggerSimplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...appointmentFilters,
			{
				displayName: 'Calendar IDs',
				name: 'calendarId',
				type: 'string',
				default: '',
				placeholder: 'BqTwX8QFwXzpegMve9EQ',
				description: 'Fire only for appointments on one of these calendars (comma-separated)',
			},
			{
				displayName: 'Location IDs',
				name: 'locationId',
				type: 'string',
				default: '',
				placeholder: 've9EPM428h8vShlRW1KT',
				description:
					'Fire only for these sub-accounts (comma-separated). An app receives the events of every location that installed it.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { source: ['app'] } },
		options: [
			{
				displayName: 'HighLevel Public Key',
				name: 'publicKey',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: '-----BEGIN PUBLIC KEY-----',
				description:
					'Only when HighLevel announces a new webhook signing key: its Ed25519 public key (PEM). Empty: the key HighLevel publishes today.',
			},
			{
				displayName: 'Max Age (Minutes)',
				name: 'maxAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_AGE.max },
				default: 5, // MAX_AGE.default
				description: `Refuse an event whose signed timestamp is further than this from now (HighLevel's advice: 5 minutes; at most ${MAX_AGE.max}). Replays inside it are refused by their webhookId.`,
			},
		],
	},
];
