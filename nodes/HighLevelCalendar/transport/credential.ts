import { CREDENTIAL_NAME, APP_CREDENTIAL_NAME } from '../helpers/constants';
import { InputError } from '../helpers/inputError';
import { nodeRunOf, type NodeContext } from '../helpers/nodeRun';

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
