import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class HighLevelCalendarApi implements ICredentialType {
	name = 'highLevelCalendarApi';

	displayName = 'HighLevel Calendar API';

	icon: Icon = {
		light: 'file:../nodes/HighLevelCalendar/highLevelCalendar.svg',
		dark: 'file:../nodes/HighLevelCalendar/highLevelCalendar.dark.svg',
	};

	documentationUrl =
		'https://marketplace.gohighlevel.com/docs/Authorization/PrivateIntegrationsToken';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A sub-account (location) Private Integration Token, or a sub-account access token. Give it the scopes of the operations you use: calendars.readonly, calendars.write, calendars/events.readonly, calendars/events.write, calendars/groups.readonly, calendars/groups.write, calendars/resources.readonly, calendars/resources.write, users.readonly and contacts.readonly.',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'C2QujeCh8ZnC7al2InWR',
			description:
				'The sub-account ID (Settings > Business Profile in HighLevel). Used as locationId wherever the API needs one.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description:
				'HighLevel API host. White-label brands (LeadConnector, PowerLeads, ...) use the same host; change it only for a proxy or a test server.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Listing the location's calendars proves the token, its calendars scope and the location id at once.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(new RegExp("/+$"), "")}}',
			url: '/calendars/',
			qs: { locationId: '={{$credentials.locationId}}' },
			// The Calendars API Version the node sends (CALENDARS_API_VERSION in helpers/constants.ts).
			headers: { Version: 'v3', Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'HighLevel rejected the Access Token: it is invalid or expired, or it lacks the calendars.readonly scope. Use a sub-account Private Integration Token with the calendar scopes.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The Access Token does not belong to this Location ID: use the sub-account the token was created in.',
				},
			},
		],
	};
}
