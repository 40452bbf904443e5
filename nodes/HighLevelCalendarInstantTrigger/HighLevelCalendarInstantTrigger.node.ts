import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { DOCS_URL, MAIN_CONNECTION } from '../HighLevelCalendar/helpers/constants';
import {
	authenticationField,
	credentialDescriptions,
} from '../HighLevelCalendar/fields/credential';
import { instantTriggerLifecycle } from './activation';
import { TRIGGER_SUBTITLE } from '../HighLevelCalendarTrigger/properties';
import { instantTriggerProperties } from './properties';
import { receiveDelivery } from './receive';

/**
 * Starts a workflow the moment HighLevel pushes an appointment event: a Marketplace app's signed
 * webhooks, or a HighLevel workflow's Webhook action with a shared secret. Same events, items and
 * filters as the polling HighLevel Calendar Trigger. receive.ts holds the order of one delivery;
 * docs/instant-trigger.md the rules and their sources.
 */
export class HighLevelCalendarInstantTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendar Instant Trigger',
		name: 'highLevelCalendarInstantTrigger',
		icon: {
			light: 'file:highLevelCalendarInstantTrigger.svg',
			dark: 'file:highLevelCalendarInstantTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: TRIGGER_SUBTITLE,
		description:
			'Starts a workflow the moment a HighLevel (LeadConnector) appointment is booked, changed or deleted, from signed app webhooks or a HighLevel workflow',
		documentationUrl: DOCS_URL,
		defaults: { name: 'HighLevel Calendar Instant Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		// Deliveries need no HighLevel token; an app's OAuth2 credential, when connected, lets
		// activation check its scope (activation.ts). So the credential is optional here.
		credentials: credentialDescriptions.map((credential) => ({ ...credential, required: false })),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answered as soon as the delivery is accepted: HighLevel waits for no workflow.
				responseMode: 'onReceived',
				path: 'highlevel-calendar',
			},
		],
		properties: [
			{
				...authenticationField,
				description:
					"Optional here: deliveries need no token. Connect your Marketplace app's OAuth2 credential to have activation check that the app may receive appointment events.",
			},
			...instantTriggerProperties,
		],
	};

	webhookMethods = instantTriggerLifecycle;

	webhook = receiveDelivery;
}
