// The OAuth2 credential (a Marketplace app) in a real n8n: renewal of an expired token. The
// credential is seeded the way n8n stores it after "Connect my account" (the code flow done with
// fetch against the sandbox, as n8n would do it; the editor run does the real dance in the UI),
// then a workflow of 200 Appointment Gets is run with `n8n execute` three times: with a fresh
// token; after the sandbox expired every access token (exactly one refresh, one 401, all 200 items
// succeed, and n8n stored the ROTATED refresh token); and once more (no refresh). No token or
// client secret may show up in what n8n printed or logged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	ALL_SCOPES,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CLIENT_ID,
	SANDBOX_CLIENT_SECRET,
	SANDBOX_LOCATION_ID,
} from '../../sandbox';
import { check, step, StepError } from '../checks';
import { NODE_TYPE } from '../n8nSetup';
import { nodeOutput, type Json, type MajorRun, type SandboxDump } from './major';

export const OAUTH_CRED_TYPE = 'highLevelCalendarOAuth2Api';
export const OAUTH_CRED_ID = 'hlcE2eOAuthApp01';
export const OAUTH_CRED_NAME = 'HighLevel Calendar OAuth2 (e2e)';
export const OAUTH_WORKFLOW_ID = 'hlcE2eOAuthRun01';
export const OAUTH_NODE = 'Get the appointment';
const ITEMS = 200;
const APPOINTMENT_PATH = `/calendars/events/appointments/${SANDBOX_APPOINTMENT_ID}`;

/** Manual Trigger -> Code (`items` items) -> HighLevel Calendar, OAuth2: Appointment Get per item. */
export function oauthWorkflow(
	id: string,
	credential: { id: string; name: string },
	items = ITEMS,
): Json {
	return {
		id,
		name: `e2e: ${items} appointment reads over OAuth2`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: OAUTH_NODE, type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'oa-start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'oa-items',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `return Array.from({ length: ${items} }, (_, n) => ({ json: { n } }));`,
				},
			},
			{
				id: 'oa-get',
				name: OAUTH_NODE,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				credentials: { [OAUTH_CRED_TYPE]: credential },
				parameters: {
					authentication: 'oAuth2',
					resource: 'appointment',
					operation: 'get',
					eventId: SANDBOX_APPOINTMENT_ID,
				},
			},
		],
	};
}

/**
 * What n8n does between "Connect my account" and its callback, with fetch: the authorization page
 * (the sandbox approves at once and redirects with a code), then the code exchange at /oauth/token
 * (client id and secret in the body). Returns the token endpoint's answer.
 */
export async function codeFlow(sandboxUrl: string, redirectUri: string): Promise<Json> {
	const s = 'oauth-connect';
	const auth = new URL(`${sandboxUrl}/v2/oauth/chooselocation`);
	for (const [k, v] of Object.entries({
		client_id: SANDBOX_CLIENT_ID,
		redirect_uri: redirectUri,
		response_type: 'code',
		scope: ALL_SCOPES.join(' '),
		state: 'e2e-state',
	}))
		auth.searchParams.set(k, v);
	const approved = await fetch(auth, { redirect: 'manual' });
	const location = approved.headers.get('location') ?? '';
	const code = location ? new URL(location).searchParams.get('code') : null;
	if (approved.status !== 302 || !code)
		throw new StepError(s, `authorization page: HTTP ${approved.status}, location "${location}"`);
	const answer = await fetch(`${sandboxUrl}/oauth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: SANDBOX_CLIENT_ID,
			client_secret: SANDBOX_CLIENT_SECRET,
		}).toString(),
	});
	const text = await answer.text();
	if (!answer.ok) throw new StepError(s, `code exchange: HTTP ${answer.status} ${text}`);
	return JSON.parse(text) as Json;
}

/** The credential's data as n8n stores it once connected (hidden fields resolved). */
function credentialData(major: 1 | 2, sandboxUrl: string, token: Json): Json {
	// 2.x's callback adds when the token expires (oauth2-credential.controller.js); 1.x does not.
	const expiresAt =
		major === 2 ? { n8n_expires_at: String(Date.now() + token.expires_in * 1000) } : {};
	return {
		grantType: 'authorizationCode',
		authUrl: `${sandboxUrl}/v2/oauth/chooselocation`,
		accessTokenUrl: `${sandboxUrl}/oauth/token`,
		clientId: SANDBOX_CLIENT_ID,
		clientSecret: SANDBOX_CLIENT_SECRET,
		scope: ALL_SCOPES.join(' '),
		authQueryParameters: '',
		authentication: 'body',
		marketplace: 'custom',
		marketplaceUrl: sandboxUrl,
		baseUrl: sandboxUrl,
		versionId: '',
		oauthTokenData: { ...token, ...expiresAt },
	};
}

interface Pass {
	items: Json[];
	dump: SandboxDump;
	/** The node's requests to HighLevel's API (the token endpoint's left out). */
	api: SandboxDump['requests'];
	/** What `n8n execute` printed, stdout and stderr. */
	printed: string;
}

/** `n8n export:credentials --decrypted` of the credential: its oauthTokenData as stored now. */
async function storedToken(run: MajorRun, stepName: string): Promise<Json> {
	const file = path.join(run.work, 'oauth-cred-export.json');
	await run.n8n(stepName, [
		'export:credentials',
		`--id=${OAUTH_CRED_ID}`,
		'--decrypted',
		`--output=${file}`,
	]);
	const [exported] = JSON.parse(fs.readFileSync(file, 'utf8')) as Json[];
	fs.rmSync(file); // it holds the client secret and the tokens
	if (!exported?.data?.oauthTokenData)
		throw new StepError(
			stepName,
			`the export has no oauthTokenData: ${Object.keys(exported ?? {})}`,
		);
	return exported.data.oauthTokenData as Json;
}

export async function oauthScenario(run: MajorRun): Promise<void> {
	const s = 'oauth';
	const token = await step('oauth-import', async () => {
		const answer = await codeFlow(
			run.sandbox.baseUrl,
			'http://127.0.0.1:5678/rest/oauth2-credential/callback',
		);
		const cred = {
			id: OAUTH_CRED_ID,
			name: OAUTH_CRED_NAME,
			type: OAUTH_CRED_TYPE,
			data: credentialData(run.major, run.sandbox.baseUrl, answer),
		};
		const credFile = path.join(run.work, 'oauth-creds.json');
		fs.writeFileSync(credFile, JSON.stringify([cred], null, 2));
		await run.n8n('oauth-import', ['import:credentials', `--input=${credFile}`], 180_000);
		fs.rmSync(credFile);
		const wfFile = path.join(run.work, 'oauth-workflow.json');
		const workflow = oauthWorkflow(OAUTH_WORKFLOW_ID, { id: OAUTH_CRED_ID, name: OAUTH_CRED_NAME });
		fs.writeFileSync(wfFile, JSON.stringify([workflow], null, 2));
		await run.n8n('oauth-import', ['import:workflow', `--input=${wfFile}`], 180_000);
		const dump = await run.takeDump();
		check(s, dump.stats.codeExchanges === 1, 'the connect exchanged one code', dump.stats);
		check(
			s,
			answer.userType === 'Location' && answer.locationId === SANDBOX_LOCATION_ID,
			"the token is the sandbox location's (a sub-account connection)",
			{ userType: answer.userType, locationId: answer.locationId },
		);
		return answer;
	});
	const secrets: Record<string, string> = {
		'the first access token': token.access_token,
		'the first refresh token': token.refresh_token,
		'the client secret': SANDBOX_CLIENT_SECRET,
	};
	const printed: string[] = [];

	const pass = async (name: string): Promise<Pass> => {
		const runJson = await run.execute(name, OAUTH_WORKFLOW_ID);
		const out = {
			items: nodeOutput(name, runJson, OAUTH_NODE),
			dump: await run.takeDump(),
			printed: ['stdout', 'stderr']
				.map((f) => fs.readFileSync(path.join(run.work, `${OAUTH_WORKFLOW_ID}.${f}.txt`), 'utf8'))
				.join('\n'),
		};
		printed.push(out.printed);
		const api = out.dump.requests.filter((r) => r.path === APPOINTMENT_PATH);
		const all = (items: Json[]) =>
			items.length === ITEMS && items.every((i) => i.id === SANDBOX_APPOINTMENT_ID);
		check(
			name,
			all(out.items),
			`all ${ITEMS} items are the appointment`,
			out.items.length === ITEMS
				? out.items.find((i) => i.id !== SANDBOX_APPOINTMENT_ID)
				: out.items.length,
		);
		console.log(
			`  ${api.length} GETs (${JSON.stringify(out.dump.stats.byStatus)}), token endpoint: ${out.dump.stats.tokenRefreshes} refreshes, ${out.dump.stats.refusedRefreshes} refused`,
		);
		return { ...out, api };
	};
	const bearers = (p: Pass, status: number) =>
		new Set(p.api.filter((r) => r.status === status).map((r) => r.headers.authorization));

	await step('oauth-fresh-token', async () => {
		const s1 = 'oauth-fresh-token';
		const p = await pass(s1);
		check(
			s1,
			p.dump.stats.tokenRefreshes === 0 && p.dump.stats.refusedRefreshes === 0,
			'no refresh with a fresh token',
			p.dump.stats,
		);
		const sent = bearers(p, 200);
		check(
			s1,
			p.api.length === ITEMS && sent.size === 1 && sent.has(`Bearer ${token.access_token}`),
			`${ITEMS} GETs, all 200, all with the stored access token`,
			{ requests: p.api.length, byStatus: p.dump.stats.byStatus },
		);
	});

	const renewed = await step('oauth-expired-token', async () => {
		const s2 = 'oauth-expired-token';
		await run.expireOAuthTokens();
		const p = await pass(s2);
		const refreshes = p.dump.requests.filter(
			(r) => r.path === '/oauth/token' && r.body?.grant_type === 'refresh_token',
		);
		check(
			s2,
			p.dump.stats.tokenRefreshes === 1 &&
				p.dump.stats.refusedRefreshes === 0 &&
				refreshes.length === 1,
			'exactly one refresh, none refused',
			{ stats: p.dump.stats, tokenRequests: refreshes.length },
		);
		const ask = refreshes[0];
		check(
			s2,
			ask?.body?.refresh_token === token.refresh_token &&
				ask?.body?.client_id === SANDBOX_CLIENT_ID &&
				ask?.body?.client_secret === SANDBOX_CLIENT_SECRET &&
				!/^Basic /i.test(ask?.headers.authorization ?? ''),
			'the refresh spent the stored refresh token, client id and secret in the body',
			ask && { bodyKeys: Object.keys(ask.body ?? {}), authorization: !!ask.headers.authorization },
		);
		const fresh = (ask?.response ?? {}) as Json;
		const refused = p.api.filter((r) => r.status === 401);
		check(
			s2,
			refused.length === 1 && refused[0].headers.authorization === `Bearer ${token.access_token}`,
			'one 401, for the expired token',
			p.dump.stats.byStatus,
		);
		const sent = bearers(p, 200);
		check(
			s2,
			p.api.length === ITEMS + 1 &&
				bearers(p, 200).size === 1 &&
				sent.has(`Bearer ${fresh.access_token}`),
			`${ITEMS} GETs answered 200, all with the renewed access token`,
			{ requests: p.api.length, byStatus: p.dump.stats.byStatus, bearers: sent.size },
		);
		const stored = await storedToken(run, s2);
		check(
			s2,
			typeof fresh.refresh_token === 'string' &&
				fresh.refresh_token !== token.refresh_token &&
				stored.refresh_token === fresh.refresh_token,
			'n8n stored the ROTATED refresh token (the one the refresh answered), not the spent one',
			{ storedIsSpent: stored.refresh_token === token.refresh_token },
		);
		check(
			s2,
			stored.access_token === fresh.access_token && stored.locationId === SANDBOX_LOCATION_ID,
			'n8n stored the renewed access token, and kept the location',
			{ accessStored: stored.access_token === fresh.access_token, locationId: stored.locationId },
		);
		console.log(
			`  stored token data keys: ${Object.keys(stored).sort().join(', ')}${stored.n8n_expires_at ? `; n8n_expires_at in ${Math.round((Number(stored.n8n_expires_at) - Date.now()) / 1000)} s` : ''}`,
		);
		return fresh;
	});
	secrets['the renewed access token'] = renewed.access_token;
	secrets['the renewed refresh token'] = renewed.refresh_token;

	await step('oauth-after-refresh', async () => {
		const s3 = 'oauth-after-refresh';
		const p = await pass(s3);
		const sent = bearers(p, 200);
		check(
			s3,
			p.dump.stats.tokenRefreshes === 0 &&
				p.api.length === ITEMS &&
				sent.size === 1 &&
				sent.has(`Bearer ${renewed.access_token}`),
			'the next run uses the stored renewed token: no refresh, no 401',
			{ stats: p.dump.stats, requests: p.api.length },
		);
	});

	await step('oauth-secrets', () => {
		const text = printed.join('\n');
		const leaked = Object.entries(secrets).filter(([, v]) => v && text.includes(v));
		check(
			'oauth-secrets',
			leaked.length === 0 && printed.length === 3,
			`no token and no client secret in what the ${printed.length} runs printed or logged`,
			leaked.map(([what]) => what), // which, never the value
		);
	});
}
