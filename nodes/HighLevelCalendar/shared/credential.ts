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
	/**
	 * An agency (Company) OAuth token: it serves any sub-account the app is installed in, and
	 * requests go with a location token minted for `locationId` (agency.ts).
	 */
	companyId?: string;
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
	const baseUrl = String(data.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	if (type !== APP_CREDENTIAL_NAME)
		return { type, baseUrl, locationId: String(data.locationId ?? '') };
	// A sub-account's OAuth token names its location; an agency's names its company.
	const token = data.oauthTokenData ?? {};
	if (token.userType === 'Company' && token.companyId)
		return { type, baseUrl, locationId: '', companyId: String(token.companyId) };
	return { type, baseUrl, locationId: String(token.locationId ?? '') };
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
	const stored = await credential;
	return stored.companyId ? { ...stored, locationId: agencyLocationOf(context) } : stored;
}

/** An agency connection acts in the sub-account the node's Location ID names, item by item. */
function agencyLocationOf(context: NodeContext): string {
	const value = context.getNodeParameter('locationId', '') as unknown;
	const locationId =
		typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!locationId) {
		throw new InputError(
			'locationId',
			value,
			'An agency connection serves every sub-account the app is installed in: set Location ID to the sub-account to act in (an expression per item works).',
			'is empty',
		);
	}
	return locationId;
}

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
