import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * A HighLevel Marketplace app (OAuth 2.0, authorization code). n8n runs the authorization, stores
 * the tokens and refreshes them; this class only says where and how. HighLevel rotates refresh
 * tokens (each refresh spends the old one), so the node makes sure n8n never refreshes one
 * credential twice at once (see docs/oauth-refresh.md).
 *
 * A sub-account (Location) token names its location in the token data; an agency (Company) token
 * serves any sub-account the app is installed in, and the node mints a location token per
 * sub-account (POST /oauth/locationToken).
 */

/** Every scope an operation of the package needs, and those an agency token needs to mint. */
export const HIGHLEVEL_CALENDAR_SCOPES = [
	'calendars.readonly',
	'calendars.write',
	'calendars/events.readonly',
	'calendars/events.write',
	'calendars/groups.readonly',
	'calendars/groups.write',
	'calendars/resources.readonly',
	'calendars/resources.write',
	'users.readonly',
	'contacts.readonly',
	'oauth.readonly',
	'oauth.write',
];

const MARKETPLACES = {
	standard: 'https://marketplace.gohighlevel.com',
	whiteLabel: 'https://marketplace.leadconnectorhq.com',
};

export class HighLevelCalendarOAuth2Api implements ICredentialType {
	name = 'highLevelCalendarOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel Calendar OAuth2 API';

	icon: Icon = {
		light: 'file:../nodes/HighLevelCalendar/highLevelCalendar.svg',
		dark: 'file:../nodes/HighLevelCalendar/highLevelCalendar.dark.svg',
	};

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Marketplace',
			name: 'marketplace',
			type: 'options',
			options: [
				{
					name: 'HighLevel (marketplace.gohighlevel.com)',
					value: 'standard',
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com)',
					value: 'whiteLabel',
				},
				{
					name: 'Custom (a Proxy or a Test Server)',
					value: 'custom',
				},
			],
			default: 'standard',
			description: 'Where users choose the sub-account (or agency) that installs your app',
		},
		{
			displayName: 'Marketplace URL',
			name: 'marketplaceUrl',
			type: 'string',
			default: '',
			placeholder: 'https://marketplace.example.com',
			description: 'The host that serves /v2/oauth/chooselocation',
			displayOptions: { show: { marketplace: ['custom'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description:
				'HighLevel API host (also the token endpoint, /oauth/token). White-label brands use the same host; change it only for a proxy or a test server.',
		},
		{
			displayName: 'Version ID',
			name: 'versionId',
			type: 'string',
			default: '',
			placeholder: '6613b1e0a7d05e5a3c0d1f3e',
			description:
				'Only for an app still in draft: the part of the Client ID before the "-" (HighLevel asks for version_id then)',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ($self["marketplace"] === "custom" ? $self["marketplaceUrl"] : $self["marketplace"] === "whiteLabel" ? "${MARKETPLACES.whiteLabel}" : "${MARKETPLACES.standard}").replace(/\\/+$/, "") + "/v2/oauth/chooselocation" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{ $self["baseUrl"].replace(/\\/+$/, "") + "/oauth/token" }}',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: HIGHLEVEL_CALENDAR_SCOPES.join(' '),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '={{ $self["versionId"] ? "version_id=" + $self["versionId"] : "" }}',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
