// The editor run's n8n: the packed package installed as a community package into n8n 2.41.1
// (`n8n start` on 127.0.0.1, quiet: no telemetry, banners or AI), the sandbox, the credential and
// the examples imported, and the owner account; or (E2E_EDITOR_BASE) an n8n left running earlier.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../../sandbox';
import { step, StepError } from '../checks';
import { CACHE_DIR, installN8n } from '../install-n8n';
import {
	buildAndPack,
	CRED_TYPE,
	E2E_OWNER,
	EXAMPLE_CRED_ID,
	installCommunityPackage,
	n8nEnvironment,
	NODE_TYPE,
	PACKAGE,
	setUpOwner,
	TRIGGER_TYPE,
	startSandboxProcess,
	waitForRestApi,
} from '../n8nSetup';
import { freePort, ROOT, run, startBackground } from '../processes';
import type { SandboxDump } from '../scenarios/major';
import { STATUS_WORKFLOW } from './statusWorkflow';

/** The name the examples give the credential. */
export const CRED_NAME = 'HighLevel Calendar account';
/** The webhook trigger (test/e2e/n8nSetup.ts names the two nodes every run uses). */
export const INSTANT_TRIGGER_TYPE = `${PACKAGE}.highLevelCalendarInstantTrigger`;

/** A running n8n with the package and its owner, and where the editor loads the icons from. */
export interface Running extends IconUrls {
	base: string;
	work: string;
	/** The owner's session cookie, for REST calls with the browser-id header `e2e-setup`. */
	cookie: string;
	/** The sandbox's base URL (none when attached to an n8n left running). */
	sandboxUrl?: string;
	/** What the sandbox received since the last dump (none when attached to an n8n left running). */
	takeDump?: () => Promise<SandboxDump>;
}

interface IconUrls {
	nodeIconUrl: string;
	triggerIconUrl: string;
	instantTriggerIconUrl: string;
	credIconUrl: string;
}

/**
 * Steps build-and-pack, install-n8n, install-package, start-sandbox, import (the credential and every
 * example, by the CLI), n8n-start and owner-setup.
 */
export async function setup(work: string): Promise<Running> {
	const userFolder = path.join(work, 'user');

	const { tarball } = await step('build-and-pack', () => buildAndPack('build-and-pack', work));

	const install = await step('install-n8n', () => installN8n((m) => console.log(`  ${m}`)));
	console.log(`  n8n in ${CACHE_DIR} (${install.cached ? 'cache reused' : 'fresh install'})`);

	await step('install-package', () =>
		// The README's install-from-clone route: npm install of the packed tarball in ~/.n8n/nodes.
		installCommunityPackage('install-package', tarball, userFolder, { via: 'npm' }),
	);

	const n8nEnv = n8nEnvironment(install.nodeBinDir, {
		userFolder,
		encryptionKey: 'e2e-highlevel-calendar-encryption-key',
		brokerPort: await freePort(),
		extra: {
			N8N_LOG_LEVEL: 'warn',
			// A quiet UI: no telemetry, no banners, no AI.
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
		},
	});
	const nodeExe = path.join(install.nodeBinDir, 'node');

	// Appointments around now besides the e2e seed (as npm run dev has), so the trigger's Fetch Test
	// Event finds one in its window.
	process.env.SANDBOX_SEED = 'around-now';
	const sandbox = await step('start-sandbox', () => startSandboxProcess('start-sandbox', work));
	const sandboxUrl = sandbox.baseUrl;
	let dumps = 0;
	const takeDump = async (): Promise<SandboxDump> => {
		dumps++;
		process.kill(sandbox.child.pid!, 'SIGUSR2');
		await sandbox.waitFor(/"dumped"/, 10_000, `sandbox dump #${dumps}`, dumps);
		return JSON.parse(fs.readFileSync(sandbox.dumpFile, 'utf8')) as SandboxDump;
	};

	await step('import', async () => {
		const creds = [
			{
				id: EXAMPLE_CRED_ID,
				name: CRED_NAME,
				type: CRED_TYPE,
				data: { accessToken: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION_ID, baseUrl: sandboxUrl },
			},
		];
		fs.writeFileSync(path.join(work, 'creds.json'), JSON.stringify(creds, null, 2));
		await run(
			'import',
			nodeExe,
			[install.n8nBin, 'import:credentials', `--input=${path.join(work, 'creds.json')}`],
			{ env: n8nEnv, timeoutMs: 180_000, cwd: work },
		);
		const workflows = fs
			.readdirSync(path.join(ROOT, 'examples'))
			.filter((f) => f.endsWith('.json'))
			.map((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')));
		// And the status fields' workflow (editor/statuses.ts), which is no example.
		workflows.push(STATUS_WORKFLOW);
		fs.writeFileSync(path.join(work, 'workflows.json'), JSON.stringify(workflows, null, 2));
		await run(
			'import',
			nodeExe,
			[install.n8nBin, 'import:workflow', `--input=${path.join(work, 'workflows.json')}`],
			{ env: n8nEnv, timeoutMs: 180_000, cwd: work },
		);
		console.log(
			`  1 credential, ${workflows.length} workflows: ${workflows.map((w) => w.id).join(', ')}`,
		);
	});

	const base = await step('n8n-start', async () => {
		const port = await freePort();
		const logFile = path.join(work, 'n8n-start.log');
		const bg = startBackground(
			'n8n-start',
			nodeExe,
			[install.n8nBin, 'start'],
			{ ...n8nEnv, N8N_PORT: String(port), N8N_LOG_LEVEL: 'info' },
			/Editor is now accessible|n8n ready on/i,
			180_000,
			logFile,
		);
		await bg.first;
		const url = `http://127.0.0.1:${port}`;
		await waitForRestApi('n8n-start', url, logFile);
		console.log(`  n8n at ${url}`);
		return url;
	});

	return await step('owner-setup', async () => {
		const cookie = await setUpOwner('owner-setup', base, 'e2e-setup');
		return {
			base,
			work,
			cookie,
			sandboxUrl,
			takeDump,
			...(await iconUrls('owner-setup', base, cookie)),
		};
	});
}

/**
 * Where the editor loads the icons from, as n8n's own node and credential type lists give it; each
 * must be served as SVG.
 */
async function iconUrls(stepName: string, base: string, cookie: string): Promise<IconUrls> {
	const headers = { cookie, 'browser-id': 'e2e-setup' };
	const nodes = (await (await fetch(`${base}/types/nodes.json`, { headers })).json()) as Array<
		Record<string, any>
	>; // eslint-disable-line @typescript-eslint/no-explicit-any
	const creds = (await (
		await fetch(`${base}/types/credentials.json`, { headers })
	).json()) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
	const node = nodes.find((n) => n.name === NODE_TYPE);
	const trigger = nodes.find((n) => n.name === TRIGGER_TYPE);
	const instant = nodes.find((n) => n.name === INSTANT_TRIGGER_TYPE);
	const cred = creds.find((c) => c.name === CRED_TYPE);
	for (const [type, found] of [
		[NODE_TYPE, node],
		[TRIGGER_TYPE, trigger],
		[INSTANT_TRIGGER_TYPE, instant],
	] as const) {
		if (!found)
			throw new StepError(stepName, `${type} is not among n8n's ${nodes.length} node types`);
	}
	if (!cred)
		throw new StepError(
			stepName,
			`${CRED_TYPE} is not among n8n's ${creds.length} credential types`,
		);
	const iconUrl = (x: Record<string, any>) =>
		(typeof x.iconUrl === 'string' ? x.iconUrl : x.iconUrl?.light) as string; // eslint-disable-line @typescript-eslint/no-explicit-any
	console.log(
		`  node iconUrl ${JSON.stringify(node!.iconUrl)}; trigger iconUrl ${JSON.stringify(trigger!.iconUrl)}; instant trigger iconUrl ${JSON.stringify(instant!.iconUrl)}; credential iconUrl ${JSON.stringify(cred.iconUrl)}`,
	);
	const urls = {
		nodeIconUrl: iconUrl(node!),
		triggerIconUrl: iconUrl(trigger!),
		instantTriggerIconUrl: iconUrl(instant!),
		credIconUrl: iconUrl(cred),
	};
	if (urls.triggerIconUrl === urls.nodeIconUrl)
		throw new StepError(
			stepName,
			`the trigger has the node's icon, not its own: ${urls.nodeIconUrl}`,
		);
	if ([urls.nodeIconUrl, urls.triggerIconUrl].includes(urls.instantTriggerIconUrl))
		throw new StepError(
			stepName,
			`the instant trigger has another node's icon, not its own: ${urls.instantTriggerIconUrl}`,
		);
	for (const u of new Set(Object.values(urls))) {
		const r = await fetch(`${base}/${u}`, { headers });
		const type = r.headers.get('content-type') ?? '';
		if (!r.ok || !type.includes('svg'))
			throw new StepError(stepName, `GET /${u}: HTTP ${r.status} ${type}`);
	}
	return urls;
}

/** Development: an n8n started earlier with E2E_EDITOR_HOLD=1 (owner already set up). */
export async function attach(base: string, work: string): Promise<Running> {
	const res = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'e2e-setup' },
		body: JSON.stringify({ emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password }),
	});
	if (!res.ok) throw new StepError('attach', `POST /rest/login: HTTP ${res.status}`);
	const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	return { base, work, cookie, ...(await iconUrls('attach', base, cookie)) };
}
