import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { APP_CREDENTIAL_NAME } from '../helpers/constants';
import { nodeRunOf, type NodeContext } from '../helpers/nodeRun';

/**
 * HighLevel rotates refresh tokens: each refresh spends the old one, so two refreshes of one
 * credential at once leave it dead. n8n refreshes on its own only when a request's 401 rejects,
 * and the client reads every status itself (ignoreHttpStatusErrors), so n8n never refreshes by
 * itself here: this module is the only caller of n8n's `refreshOAuth2Token` (docs/oauth-refresh.md).
 *
 * - The first request of each node run goes alone; the others wait until it settled. A token that
 *   expired before the run (it lives a day) meets one 401, one refresh, and every other request
 *   leaves with the new token.
 * - A token 401 (not a scope 401) refreshes once per credential: a request that was sent before
 *   the last refresh ended just goes again; one that meets a refresh under way waits for it.
 * - A refresh HighLevel refuses fails the items with "reconnect the credential", once per run:
 *   nothing is retried in a loop, and a 401 that comes back after the refusal (its request was
 *   already sent) fails with the same error, without another token call.
 * Private Integration Tokens pass straight through.
 */

interface CredentialGate {
	refreshing?: Promise<void>;
	/** When the last refresh ended (ms); a request sent before it used the old token. */
	refreshedAt: number;
}

const gates = new Map<string, CredentialGate>();
/** Per node run: the first request's answer, which the run's other requests wait for. */
const firstRequests = new WeakMap<object, { answered: Promise<void>; release: () => void }>();
/** Per node run: a refresh HighLevel refused; the run's other items fail with it unsent. */
const refusedRefreshes = new WeakMap<object, NodeOperationError>();

function gateOf(context: NodeContext, type: string): CredentialGate {
	const node: INode = context.getNode();
	const key = `${type}:${node.credentials?.[type]?.id ?? node.credentials?.[type]?.name ?? ''}`;
	let gate = gates.get(key);
	if (!gate) gates.set(key, (gate = { refreshedAt: 0 }));
	return gate;
}

export const usesOAuth2 = (type: string): boolean => type === APP_CREDENTIAL_NAME;

/**
 * Before a request of an OAuth2 credential: the run's first request goes at once, the others wait
 * until it was answered (see releaseFirstRequest), and every one waits for a refresh under way.
 */
export async function beforeOAuth2Request(context: NodeContext, type: string): Promise<void> {
	if (!usesOAuth2(type)) return;
	const run = nodeRunOf(context);
	const first = firstRequests.get(run);
	if (first) await first.answered;
	else {
		let release = () => {};
		const answered = new Promise<void>((resolve) => (release = resolve));
		firstRequests.set(run, { answered, release });
	}
	const refreshing = gateOf(context, type).refreshing;
	if (refreshing) await refreshing.catch(() => undefined);
	const refused = refusedRefreshes.get(run);
	if (refused) throw refused;
}

/**
 * The run's first request got an answer that is not a refused token (errors.ts reads every
 * answer), or it ended: the others may go. Released before the answer's own postReceive hooks run,
 * since one of them may send a look-up of the same run.
 */
export function releaseFirstRequest(context: NodeContext): void {
	firstRequests.get(nodeRunOf(context))?.release();
}

function reconnectError(context: NodeContext, cause: unknown): NodeOperationError {
	const said = (cause as { message?: string }).message ?? String(cause);
	return new NodeOperationError(
		context.getNode(),
		'HighLevel refused to renew the OAuth2 token: reconnect the credential',
		{
			description: `Open the HighLevel Calendar OAuth2 credential and click "Reconnect" (the app may have been uninstalled, or its refresh token spent elsewhere). n8n said: "${said}". Nothing was sent to HighLevel with the old token.`,
		},
	);
}

/**
 * HighLevel refused the access token of a request sent at `sentAt`: renew it once for the
 * credential (or wait for the renewal another request started), then the caller sends again.
 * HighLevel did nothing with a refused token, so resending is safe, creates included. If the run
 * already had a refresh refused, that error again: the refresh token it would send is the spent one.
 */
export async function renewAfterRejection(
	context: NodeContext,
	type: string,
	sentAt: number,
): Promise<void> {
	const gate = gateOf(context, type);
	if (gate.refreshedAt >= sentAt) return;
	// A request sent before the refusal whose 401 comes back after it: nothing was stored since, so
	// a new refresh would only spend a token call on the same refusal.
	const refused = refusedRefreshes.get(nodeRunOf(context));
	if (refused) throw refused;
	if (!gate.refreshing) {
		gate.refreshing = (async () => {
			try {
				await context.helpers.refreshOAuth2Token.call(context, type);
				gate.refreshedAt = Date.now();
			} finally {
				gate.refreshing = undefined;
			}
		})();
	}
	try {
		await gate.refreshing;
	} catch (error) {
		const refused = reconnectError(context, error);
		refusedRefreshes.set(nodeRunOf(context), refused);
		throw refused;
	}
}
