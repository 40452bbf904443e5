import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_NAME, APP_CREDENTIAL_NAME } from '../helpers/constants';

/**
 * Private Integration Token (the default, a sub-account's static token) or OAuth2 (a Marketplace
 * app). n8n's routing picks the credential whose displayOptions match this parameter.
 */
export const authenticationField: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Private Integration Token', value: 'accessToken' },
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
	],
	default: 'accessToken',
};

export const credentialDescriptions: INodeCredentialDescription[] = [
	{
		name: CREDENTIAL_NAME,
		required: true,
		displayOptions: { show: { authentication: ['accessToken'] } },
	},
	{
		name: APP_CREDENTIAL_NAME,
		required: true,
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];

/** Location ID, shown for OAuth2: the sub-account an agency (Company) connection acts in. */
export const agencyLocationField: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	placeholder: 'C2QujeCh8ZnC7al2InWR',
	description:
		'Only for an agency (Company) connection: the sub-account to act in; an expression can give each item its own. A sub-account connection acts in its own sub-account and ignores this.',
	displayOptions: { show: { authentication: ['oAuth2'] } },
};
