import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { appointmentDescription } from './resources/appointment';
import { blockSlotDescription } from './resources/blockSlot';
import { CALENDARS_API_VERSION, CREDENTIAL_NAME, MAIN_CONNECTION } from './shared/constants';

export class HighLevelCalendar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel Calendar',
		name: 'highLevelCalendar',
		icon: { light: 'file:highLevelCalendar.svg', dark: 'file:highLevelCalendar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Get, book and update HighLevel (LeadConnector) appointments and block slots',
		defaults: { name: 'HighLevel Calendar' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl.replace(new RegExp("/+$"), "")}}',
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
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Appointment', value: 'appointment' },
					{ name: 'Block Slot', value: 'blockSlot' },
				],
				default: 'appointment',
			},
			...appointmentDescription,
			...blockSlotDescription,
		],
	};
}
