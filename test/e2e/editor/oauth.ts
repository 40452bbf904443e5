// The OAuth2 credential in the editor, the real dance: a "HighLevel Calendar OAuth2 API"
// credential made in the UI (the sandbox's app, Marketplace = Custom, the sandbox as Marketplace
// and Base URL), "Connect" opens n8n's popup on the sandbox's authorization page,
// which approves and redirects to n8n's callback; n8n exchanges the code at the sandbox's
// /oauth/token and the modal says "Account connected". Then a workflow with Authentication =
// OAuth2 and that credential, run from the canvas, reads an appointment with the token n8n got.
import type { Page } from 'playwright-core';
import { SANDBOX_APPOINTMENT_ID, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from '../../sandbox';
import { check, step, StepError } from '../checks';
import type { Json, SandboxDump } from '../scenarios/major';
import { OAUTH_CRED_TYPE, OAUTH_NODE, oauthWorkflow } from '../scenarios/oauth';
import { UI_TIMEOUT, type Browser } from './browser';
import type { Running } from './setup';
import { appears } from './ui';

const TYPE_NAME = 'HighLevel Calendar OAuth2 API';
const CUSTOM = 'Custom (a Proxy or a Test Server)';
/** The popup's round trip: the sandbox, n8n's callback and its code exchange. */
const DANCE_TIMEOUT = 60_000;
const ITEMS = 3;

/** n8n's REST API as the owner (the cookie of setup's owner, its browser id). */
async function rest(running: Running, method: string, url: string, body?: unknown): Promise<Json> {
	const res = await fetch(`${running.base}/rest${url}`, {
		method,
		headers: {
			'content-type': 'application/json',
			'browser-id': 'e2e-setup',
			cookie: running.cookie,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok)
		throw new StepError('oauth', `${method} /rest${url}: HTTP ${res.status} ${text.slice(0, 500)}`);
	return (JSON.parse(text) as Json).data as Json;
}

async function pick(page: Page, param: string, option: string): Promise<void> {
	const modal = page.getByTestId('editCredential-modal');
	await modal.getByTestId(`parameter-input-${param}`).click();
	await page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator(`text="${option}"`) })
		.first()
		.click();
}

async function fill(page: Page, param: string, value: string): Promise<void> {
	const input = page
		.getByTestId('editCredential-modal')
		.getByTestId(`parameter-input-${param}`)
		.locator('input')
		.first();
	await input.scrollIntoViewIfNeeded();
	await input.fill(value);
}

/** Polls `probe` until it returns something (not undefined), up to `ms`. */
async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
	for (const deadline = Date.now() + ms; ; ) {
		const got = await probe();
		if (got !== undefined) return got;
		if (Date.now() > deadline) throw new StepError('oauth', `${what}: not within ${ms / 1000}s`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

export async function driveOAuth(running: Running, b: Browser): Promise<void> {
	const { base, sandboxUrl, takeDump } = running;
	const { page } = b;
	if (!sandboxUrl || !takeDump) {
		console.log('  (attached to an n8n left running: no sandbox of ours; OAuth steps skipped)');
		return;
	}
	const modal = page.getByTestId('editCredential-modal');
	const callback = `${base}/rest/oauth2-credential/callback`;

	const credential = await step('oauth: connect (UI)', async () => {
		const s = 'oauth: connect (UI)';
		b.phase = 'oauth-connect';
		await takeDump(); // what the sandbox received before does not count
		await page.goto(`${base}/home/credentials/create`);
		await page
			.getByTestId('new-credential-type-select')
			.locator('input')
			.fill('HighLevel Calendar');
		await page
			.getByTestId('new-credential-type-select-option')
			.filter({ hasText: TYPE_NAME })
			.first()
			.click();
		await page.getByTestId('new-credential-type-button').click();
		await modal.waitFor();
		const redirect = modal.getByText(callback, { exact: true });
		check(s, await appears(redirect), `the modal shows n8n's OAuth Redirect URL ${callback}`);
		await fill(page, 'clientId', SANDBOX_CLIENT_ID);
		await fill(page, 'clientSecret', SANDBOX_CLIENT_SECRET);
		await pick(page, 'marketplace', CUSTOM);
		await fill(page, 'marketplaceUrl', sandboxUrl);
		await fill(page, 'baseUrl', sandboxUrl);

		// n8n saves the credential, asks its backend for the authorization URL and opens it in a popup.
		const urls: string[] = [];
		const popupP = page.waitForEvent('popup', { timeout: UI_TIMEOUT });
		popupP.catch(() => undefined); // awaited below, after the click
		// 2.40.7 says "Connect your account to use this credential" over a "Connect" button.
		await modal.getByText('Connect', { exact: true }).click();
		const popup = await popupP;
		popup.on('request', (r) => urls.push(r.url()));
		const closed = popup.isClosed()
			? Promise.resolve()
			: popup.waitForEvent('close', { timeout: DANCE_TIMEOUT });
		await closed.catch(async () => {
			throw new StepError(
				s,
				`the OAuth popup did not close within ${DANCE_TIMEOUT / 1000}s; it shows ${popup.url()}: ${(await popup.content().catch(() => '')).slice(0, 800)}`,
			);
		});
		const connected = await appears(modal.getByText('Account connected').first());
		check(s, connected, 'the modal says "Account connected"', connected ? undefined : urls);

		const dump = await takeDump();
		const auth = dump.requests.find((r) => r.path === '/v2/oauth/chooselocation');
		const exchange = dump.requests.find(
			(r) => r.path === '/oauth/token' && r.body?.grant_type === 'authorization_code',
		);
		check(
			s,
			auth?.status === 302 &&
				auth.query.client_id === SANDBOX_CLIENT_ID &&
				auth.query.redirect_uri === callback &&
				String(auth.query.scope).includes('calendars/events.readonly'),
			"the popup opened the sandbox's authorization page with the app, n8n's callback and the scopes",
			auth && { status: auth.status, query: { ...auth.query, state: '…' } },
		);
		check(
			s,
			dump.stats.codeExchanges === 1 &&
				exchange?.status === 200 &&
				exchange.body.client_id === SANDBOX_CLIENT_ID &&
				exchange.body.client_secret === SANDBOX_CLIENT_SECRET &&
				exchange.body.redirect_uri === callback,
			'n8n exchanged the code once at /oauth/token, client id and secret in the body',
			{ stats: dump.stats, status: exchange?.status, keys: Object.keys(exchange?.body ?? {}) },
		);
		const listed = (await rest(running, 'GET', '/credentials')) as unknown as Json[];
		const made = listed.filter((c) => c.type === OAUTH_CRED_TYPE);
		check(s, made.length === 1, 'n8n holds one credential of the OAuth2 type', made.length);
		if (!made[0]) throw new StepError(s, 'no OAuth2 credential was saved');
		const saved = await rest(running, 'GET', `/credentials/${made[0].id}?includeData=true`);
		check(
			s,
			saved.data?.marketplace === 'custom' &&
				saved.data?.marketplaceUrl === sandboxUrl &&
				saved.data?.baseUrl === sandboxUrl &&
				saved.data?.clientId === SANDBOX_CLIENT_ID,
			'the UI saved Marketplace = custom, the Marketplace URL, the Base URL and the Client ID',
			{ ...saved.data, clientSecret: '…', oauthTokenData: typeof saved.data?.oauthTokenData },
		);
		await modal
			.getByTestId('credential-modal-close-button')
			.or(page.locator('.el-dialog__headerbtn:visible'))
			.first()
			.click();
		await modal.waitFor({ state: 'hidden' });
		return {
			id: String(made[0].id),
			name: String(made[0].name),
			accessToken: String((exchange?.response as Json | undefined)?.access_token ?? ''),
		};
	});

	await step('oauth: run a workflow (UI)', async () => {
		const s = 'oauth: run a workflow (UI)';
		b.phase = 'oauth-run';
		// n8n gives a workflow made through its API its own id.
		const workflow = oauthWorkflow('', { id: credential.id, name: credential.name }, ITEMS);
		delete workflow.id;
		const created = await rest(running, 'POST', '/workflows', workflow);
		await page.goto(`${base}/workflow/${created.id}`);
		const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${OAUTH_NODE}"]`);
		await node.waitFor();
		await page.waitForLoadState('networkidle');
		await page.getByTestId('execute-workflow-button').click();
		const status = await until('the execution', DANCE_TIMEOUT, async () => {
			const list = await rest(
				running,
				'GET',
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: created.id }))}`,
			);
			const done = (list.results as Json[] | undefined)?.find(
				(e) => !['new', 'running', 'waiting'].includes(e.status),
			);
			return done?.status as string | undefined;
		});
		check(s, status === 'success', 'the run from the canvas succeeded', status);
		check(
			s,
			await appears(node.getByTestId('canvas-node-status-success')),
			'the HighLevel Calendar node shows success on the canvas',
		);
		const dump = (await takeDump()) as SandboxDump;
		const gets = dump.requests.filter(
			(r) => r.path === `/calendars/events/appointments/${SANDBOX_APPOINTMENT_ID}`,
		);
		check(
			s,
			gets.length === ITEMS &&
				gets.every(
					(r) => r.status === 200 && r.headers.authorization === `Bearer ${credential.accessToken}`,
				) &&
				dump.stats.tokenRefreshes === 0,
			`${ITEMS} appointment reads, all 200, with the access token n8n got at the connect, no refresh`,
			{ gets: gets.map((r) => r.status), stats: dump.stats },
		);
	});
}
