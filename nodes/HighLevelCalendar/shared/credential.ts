import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_NAME, APP_CREDENTIAL_NAME } from './constants';
import { InputError } from './inputError';
import { nodeRunOf, type NodeContext } from './nodeRun';

/** What the node itself needs from the credential. The token is n8n's business (it signs requests). */
export interface HighLevelCredential {
	/** The credential type requests are signed with. */
	type: string;
	/** Without trailing slashes. */
	baseUrl: string;
	locationId: string;
}

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

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

/** The credential type the node's requests are signed with, from its Authentication choice. */
export function credentialTypeOf(context: NodeContext): string {
	const choice = context.getNodeParameter('authentication', 'accessToken', {
		rawExpressions: true,
	});
	return choice === 'oAuth2' ? APP_CREDENTIAL_NAME : CREDENTIAL_NAME;
}

/**
 * In a real n8n every getCredentials call reads the credential from the database and decrypts it.
 * So it is read once per node run (see nodeRun.ts), whatever the number of items and of hooks and
 * requests that need it.
 */
const perNodeRun = new WeakMap<object, Promise<HighLevelCredential>>();

interface StoredCredential {
	baseUrl?: string;
	locationId?: string;
	/** OAuth2 only: what HighLevel's token endpoint answered, as n8n stores it. */
	oauthTokenData?: { locationId?: string; userType?: string; companyId?: string };
}

async function read(context: NodeContext): Promise<HighLevelCredential> {
	const type = credentialTypeOf(context);
	const data = await context.getCredentials<StoredCredential>(type);
	const token = data.oauthTokenData;
	// A sub-account's OAuth token names its location; a Private Integration Token's credential does.
	const locationId = String(
		(type === APP_CREDENTIAL_NAME ? token?.locationId : data.locationId) ?? '',
	);
	if (type === APP_CREDENTIAL_NAME && !locationId) {
		throw new InputError(
			'oauthTokenData.locationId',
			token?.userType ?? '',
			'Connect the app to a sub-account (choose a sub-account, not the agency, when HighLevel asks), or use a Private Integration Token.',
			'is missing: the credential holds an agency (Company) token',
		);
	}
	return {
		type,
		baseUrl: String(data.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, ''),
		locationId,
	};
}

export async function readCredential(context: NodeContext): Promise<HighLevelCredential> {
	const run = nodeRunOf(context);
	let credential = perNodeRun.get(run);
	if (!credential) {
		credential = read(context);
		perNodeRun.set(run, credential);
		// A failed read is not kept: the next item asks again and gets n8n's own error.
		credential.catch(() => perNodeRun.delete(run));
	}
	return await credential;
}
