import type { IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { CREDENTIAL_NAME } from './constants';

/** What the node itself needs from the credential. The token is n8n's business (it signs requests). */
export interface HighLevelCredential {
	/** Without trailing slashes. */
	baseUrl: string;
	locationId: string;
}

export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

type CredentialContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

/**
 * In a real n8n every getCredentials call reads the credential from the database and decrypts it.
 * One node run (all its items) shares n8n's executeData object, so the credential is read once per
 * run, whatever the number of items and of hooks that need it.
 */
const perNodeRun = new WeakMap<object, Promise<HighLevelCredential>>();

async function read(context: CredentialContext): Promise<HighLevelCredential> {
	const data = await context.getCredentials<{ baseUrl?: string; locationId?: string }>(
		CREDENTIAL_NAME,
	);
	return {
		baseUrl: String(data.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, ''),
		locationId: String(data.locationId ?? ''),
	};
}

export async function readCredential(context: CredentialContext): Promise<HighLevelCredential> {
	const run =
		'getExecuteData' in context ? (context.getExecuteData() as object | undefined) : undefined;
	if (!run) return await read(context);
	let credential = perNodeRun.get(run);
	if (!credential) {
		credential = read(context);
		perNodeRun.set(run, credential);
		// A failed read is not kept: the next item asks again and gets n8n's own error.
		credential.catch(() => perNodeRun.delete(run));
	}
	return await credential;
}
