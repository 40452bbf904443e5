import { CREDENTIAL_NAME } from './constants';
import { nodeRunOf, type NodeContext } from './nodeRun';

/** What the node itself needs from the credential. The token is n8n's business (it signs requests). */
export interface HighLevelCredential {
	/** Without trailing slashes. */
	baseUrl: string;
	locationId: string;
}

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/**
 * In a real n8n every getCredentials call reads the credential from the database and decrypts it.
 * So it is read once per node run (see nodeRun.ts), whatever the number of items and of hooks and
 * requests that need it.
 */
const perNodeRun = new WeakMap<object, Promise<HighLevelCredential>>();

async function read(context: NodeContext): Promise<HighLevelCredential> {
	const data = await context.getCredentials<{ baseUrl?: string; locationId?: string }>(
		CREDENTIAL_NAME,
	);
	return {
		baseUrl: String(data.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, ''),
		locationId: String(data.locationId ?? ''),
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
