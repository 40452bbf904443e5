// The editor in a real browser: the packed node in a real n8n 2.40.7 (`n8n start`), driven by
// playwright-core in Debian's chromium (/usr/bin/chromium; `apt-get install -y chromium`).
//   npx tsx test/e2e/editor.ts            (npm run test:e2e:editor)
// Steps: build + pack -> install n8n (cached) -> user folder with the package installed as a community
// package -> sandbox -> import the credential + example workflows (CLI) -> n8n start on 127.0.0.1 ->
// owner account (REST) -> sign in through the UI -> open an example workflow, the node's panel, every
// resource and operation, and assert the fields, the icons of the node and the credential, and that the
// page logged no errors -> screenshots in docs/.
// Every failure names its step; the whole run has a deadline; n8n, the sandbox and chromium are
// killed in `finally` (and on exit / SIGINT / SIGTERM).
//   E2E_EDITOR_TIMEOUT_MS  overall deadline (default 10 min)
//   E2E_KEEP=1             keep the temp folder (n8n log, sandbox log)
//   E2E_EDITOR_HOLD=1      after setup, print the URL + login and wait (for exploring the UI by hand)
//   E2E_EDITOR_BASE=url    skip the setup and drive an n8n left running by E2E_EDITOR_HOLD=1
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, selectors, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../sandbox';
import { begin, check, report, step, StepError, stop, passed } from './checks';
import { CACHE_DIR, installN8n, N8N_VERSION } from './install-n8n';
import {
	buildAndPack,
	installCommunityPackage,
	n8nEnvironment,
	PACKAGE,
	startSandboxProcess,
} from './n8nSetup';
import {
	freePort,
	groupsLeftBehind,
	killChildrenOnExit,
	ROOT,
	run,
	runningChildren,
	signalChildren,
	sleep,
	startBackground,
	stopChild,
} from './processes';

const DOCS = path.join(ROOT, 'docs');
/**
 * Screenshots go into the run's work folder; `npm run screenshots` (E2E_SCREENSHOTS=docs) writes them
 * into docs/, which the README shows, so a test run never rewrites tracked files.
 */
const TO_DOCS = process.env.E2E_SCREENSHOTS === 'docs';
let shots = DOCS;
const shot = (file: string) => path.join(shots, file);
const NODE_TYPE = `${PACKAGE}.highLevelCalendar`;
const CRED_TYPE = 'highLevelCalendarApi';
const CRED_ID = 'hlcExampleCred01'; // the id the examples reference
const CRED_NAME = 'HighLevel Calendar account';
const OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-password-123',
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEADLINE_MS = Number(process.env.E2E_EDITOR_TIMEOUT_MS ?? 10 * 60_000);
const KEEP = process.env.E2E_KEEP === '1';
const HOLD = process.env.E2E_EDITOR_HOLD === '1';
const UI_TIMEOUT = 20_000;

// ---------------------------------------------------------------- processes
let browserContext: BrowserContext | undefined;
let chromiumProfile: string | undefined;
/** Pids whose command line names our chromium profile folder (chromium and its helpers). */
function chromiumPids(): number[] {
	if (!chromiumProfile) return [];
	const pids: number[] = [];
	for (const d of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
		try {
			if (fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(chromiumProfile))
				pids.push(Number(d));
		} catch {
			/* gone */
		}
	}
	return pids;
}
/** playwright closes chromium with the context; whatever is left of it (found by profile folder) is killed. */
function killBrowser(): void {
	for (const pid of chromiumPids()) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
}
killChildrenOnExit({ alsoKill: killBrowser });

// ---------------------------------------------------------------- setup: chromium, n8n with the package
/** A fresh machine has no browser: Debian's chromium is installed with apt-get when we are root. */
async function ensureChromium(): Promise<void> {
	if (fs.existsSync(CHROMIUM)) return console.log(`  ${CHROMIUM} is there`);
	if (process.env.CHROMIUM_PATH)
		throw new StepError('chromium', `CHROMIUM_PATH=${CHROMIUM} does not exist`);
	if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
		throw new StepError(
			'chromium',
			`${CHROMIUM} not found: install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = ['install', '-y', '-q', '--no-install-recommends', 'chromium'];
	console.log(`  ${CHROMIUM} not found: apt-get ${install.join(' ')}`);
	const first = await run('chromium', 'apt-get', install, {
		env,
		timeoutMs: 10 * 60_000,
		allowFail: true,
	});
	if (first.code !== 0) {
		console.log('  apt-get install failed; apt-get update, then again');
		await run('chromium', 'apt-get', ['update', '-q'], { env, timeoutMs: 5 * 60_000 });
		await run('chromium', 'apt-get', install, { env, timeoutMs: 10 * 60_000 });
	}
	if (!fs.existsSync(CHROMIUM))
		throw new StepError('chromium', `apt-get installed chromium, but ${CHROMIUM} is still missing`);
}

interface Running {
	base: string;
	work: string;
	nodeIconUrl: string;
	credIconUrl: string;
}

async function setup(work: string): Promise<Running> {
	const userFolder = path.join(work, 'user');

	const { tarball } = await step('build-and-pack', () => buildAndPack('build-and-pack', work));

	const install = await step('install-n8n', () => installN8n((m) => console.log(`  ${m}`)));
	console.log(`  n8n in ${CACHE_DIR} (${install.cached ? 'cache reused' : 'fresh install'})`);

	await step('install-package', () =>
		installCommunityPackage('install-package', tarball, userFolder),
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

	const { baseUrl: sandboxUrl } = await step('start-sandbox', () =>
		startSandboxProcess('start-sandbox', work),
	);

	await step('import', async () => {
		const creds = [
			{
				id: CRED_ID,
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
		// The "ready" line comes before the REST API is mounted: poll.
		const until = Date.now() + 120_000;
		for (;;) {
			const r = await fetch(`${url}/rest/settings`).catch(() => undefined);
			if (r?.ok && (r.headers.get('content-type') ?? '').includes('json')) break;
			if (Date.now() > until)
				throw new StepError(
					'n8n-start',
					`n8n's REST API did not come up within 120s (log: ${logFile})`,
				);
			await sleep(500);
		}
		console.log(`  n8n at ${url}`);
		return url;
	});

	return await step('owner-setup', async () => {
		const res = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': 'e2e-setup' },
			body: JSON.stringify(OWNER),
		});
		if (!res.ok)
			throw new StepError(
				'owner-setup',
				`POST /rest/owner/setup: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`,
			);
		const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
		return { base, work, ...(await iconUrls('owner-setup', base, cookie)) };
	});
}

/** Where the editor loads the icons from, as n8n's own node and credential type lists give it. */
async function iconUrls(
	stepName: string,
	base: string,
	cookie: string,
): Promise<{ nodeIconUrl: string; credIconUrl: string }> {
	{
		const headers = { cookie, 'browser-id': 'e2e-setup' };
		const nodes = (await (await fetch(`${base}/types/nodes.json`, { headers })).json()) as Array<
			Record<string, any>
		>; // eslint-disable-line @typescript-eslint/no-explicit-any
		const creds = (await (
			await fetch(`${base}/types/credentials.json`, { headers })
		).json()) as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
		const node = nodes.find((n) => n.name === NODE_TYPE);
		const cred = creds.find((c) => c.name === CRED_TYPE);
		if (!node)
			throw new StepError(stepName, `${NODE_TYPE} is not among n8n's ${nodes.length} node types`);
		if (!cred)
			throw new StepError(
				stepName,
				`${CRED_TYPE} is not among n8n's ${creds.length} credential types`,
			);
		const iconUrl = (x: Record<string, any>) =>
			(typeof x.iconUrl === 'string' ? x.iconUrl : x.iconUrl?.light) as string; // eslint-disable-line @typescript-eslint/no-explicit-any
		console.log(
			`  node iconUrl ${JSON.stringify(node.iconUrl)}; credential iconUrl ${JSON.stringify(cred.iconUrl)}`,
		);
		const urls = { nodeIconUrl: iconUrl(node), credIconUrl: iconUrl(cred) };
		for (const u of new Set(Object.values(urls))) {
			const r = await fetch(`${base}/${u}`, { headers });
			const type = r.headers.get('content-type') ?? '';
			if (!r.ok || !type.includes('svg'))
				throw new StepError(stepName, `GET /${u}: HTTP ${r.status} ${type}`);
		}
		return urls;
	}
}

/** Development: an n8n started earlier with E2E_EDITOR_HOLD=1 (owner already set up). */
async function attach(base: string, work: string): Promise<Running> {
	const res = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'e2e-setup' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!res.ok) throw new StepError('attach', `POST /rest/login: HTTP ${res.status}`);
	const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	return { base, work, ...(await iconUrls('attach', base, cookie)) };
}

// ---------------------------------------------------------------- main
const tally = begin(`editor in n8n@${N8N_VERSION}`);

async function main(): Promise<void> {
	const deadline = setTimeout(() => {
		console.error(
			`\nE2E editor deadline of ${DEADLINE_MS / 1000}s reached; killing n8n, the sandbox and chromium.`,
		);
		killBrowser();
		signalChildren('SIGKILL');
		process.exit(124);
	}, DEADLINE_MS);
	deadline.unref();
	await step('chromium', ensureChromium);

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-editor-'));
	console.log(`work folder: ${work}`);
	try {
		const running = process.env.E2E_EDITOR_BASE
			? await attach(process.env.E2E_EDITOR_BASE, work)
			: await setup(work);
		if (HOLD) {
			console.log(`\nHOLD: ${running.base}  (${OWNER.email} / ${OWNER.password}); Ctrl-C to stop`);
			deadline.refresh();
			await new Promise(() => undefined);
		}
		await driveEditor(running);
	} finally {
		await browserContext?.close().catch(() => undefined);
		killBrowser();
		for (const child of runningChildren()) await stopChild(child);
		signalChildren('SIGKILL');
		// Nothing may be left: no chromium with our profile, no process in n8n's or the sandbox's group.
		await sleep(500);
		const left = [
			...chromiumPids().map((p) => `chromium pid ${p}`),
			...groupsLeftBehind().map((g) => `process group ${g}`),
		];
		if (left.length) {
			console.error(`left behind: ${left.join(', ')}; killing`);
			killBrowser();
			for (const g of groupsLeftBehind()) process.kill(-g, 'SIGKILL');
			stop(tally, new StepError('cleanup', `left behind: ${left.join(', ')}`));
		} else console.log('\nno process left behind (chromium, n8n, sandbox)');
		if (!KEEP && passed(tally)) fs.rmSync(work, { recursive: true, force: true });
		else console.log(`\nkept ${work} for inspection`);
	}
}

main().then(
	() => report('E2E EDITOR', [tally]),
	(e) => report('E2E EDITOR', [tally], e),
);

// ---------------------------------------------------------------- the editor
/**
 * What each resource/operation must show in the node's panel (top-level parameters, by display name,
 * with their default values), and, for a few, what must not show. Taken from the node's description.
 */
const ALWAYS = ['Resource', 'Operation', 'Rate Limit'];
const EXPECTED: Array<{
	resource: string;
	operation: string;
	fields: string[];
	absent?: string[];
	shot?: string;
}> = [
	{
		resource: 'Appointment',
		operation: 'Create',
		fields: [
			'Calendar',
			'Contact',
			'Start Time',
			'Additional Fields',
			'Recurrence',
			'Options',
			'Simplify',
			'Add Recurrence Summary',
		],
		absent: ['Event ID', 'Filter By'],
	},
	{
		resource: 'Appointment',
		operation: 'Delete',
		fields: ['Event ID'],
		absent: ['Calendar', 'Start Time', 'Simplify'],
	},
	{
		resource: 'Appointment',
		operation: 'Get',
		fields: ['Event ID', 'Simplify', 'Add Recurrence Summary', 'Options'],
		absent: ['Calendar', 'Start Time'],
	},
	{
		resource: 'Appointment',
		operation: 'Get Many',
		fields: [
			'Filter By',
			'Calendar',
			'Start Time',
			'End Time',
			'Return All',
			'Limit',
			'Options',
			'Simplify',
		],
		absent: ['Event ID', 'Contact'],
		shot: 'editor-appointment-get-many.png',
	},
	{
		resource: 'Appointment',
		operation: 'Update',
		fields: [
			'Event ID',
			'Update',
			'Update Fields',
			'Recurrence',
			'Options',
			'Simplify',
			'Add Recurrence Summary',
		],
		absent: ['Contact', 'Filter By'],
	},
	{
		resource: 'Block Slot',
		operation: 'Create',
		fields: ['Block', 'Calendar', 'Start Time', 'End Time', 'Additional Fields', 'Options'],
		absent: ['Event ID', 'Recurrence'],
		shot: 'editor-block-slot-create.png',
	},
	{
		resource: 'Block Slot',
		operation: 'Delete',
		fields: ['Event ID'],
		absent: ['Calendar', 'Start Time'],
	},
	{
		resource: 'Block Slot',
		operation: 'Get Many',
		fields: [
			'Filter By',
			'Calendar',
			'Start Time',
			'End Time',
			'Return All',
			'Limit',
			'Options',
			'Simplify',
		],
		absent: ['Event ID'],
	},
	{
		resource: 'Block Slot',
		operation: 'Update',
		fields: ['Event ID', 'Update Fields', 'Options'],
		absent: ['Calendar', 'Recurrence'],
	},
	{
		resource: 'Calendar',
		operation: 'Get',
		fields: ['Calendar'],
		absent: ['Event ID', 'Start Time', 'Start Date'],
	},
	{
		resource: 'Calendar',
		operation: 'Get Free Slots',
		fields: ['Calendar', 'Start Date', 'End Date', 'Output', 'Options'],
		absent: ['Event ID', 'Start Time'],
		shot: 'editor-free-slots.png',
	},
	{
		resource: 'Calendar',
		operation: 'Get Many',
		fields: ['Filters'],
		absent: ['Calendar', 'Event ID'],
	},
];
/** The node creator's actions (the operations' `action` texts), in its order. */
const EXPECTED_ACTIONS = [
	'Create an appointment',
	'Delete an appointment',
	'Get an appointment',
	'Get many appointments',
	'Update an appointment',
	'Create a block slot',
	'Delete a block slot',
	'Get many block slots',
	'Update a block slot',
	'Get a calendar',
	'Get free slots of a calendar',
	'Get many calendars',
];
/** Shown once "Recurrence" is "Build a Rule" (the book-from-form example: weekly, ends after a count). */
const RECURRENCE_BUILD = ['Frequency', 'Interval', 'Weekdays', 'Ends', 'Occurrences', 'Skip Dates'];
/** Filter By = Contact swaps Calendar and the time window for Contact. */
const FILTER_BY_CONTACT = {
	fields: ['Filter By', 'Contact'],
	absent: ['Calendar', 'Start Time', 'End Time'],
};

interface ConsoleEntry {
	kind: 'console' | 'pageerror';
	text: string;
	url: string;
	phase: string;
}
/** Console errors that are not about the node, with why they may be ignored. */
const IGNORABLE: Array<{ why: string; test: (e: ConsoleEntry) => boolean }> = [
	{
		why:
			"blocked external network: the node creator's details panel of a community node asks the npm registry " +
			'(https://registry.npmjs.org/<package>) for the package from the browser; this closed network answers with an untrusted certificate',
		test: (e) =>
			e.url.startsWith(`https://registry.npmjs.org/${PACKAGE}`) &&
			/Failed to load resource: net::ERR_/.test(e.text),
	},
	{
		why: 'the sign-in page first asks GET /rest/login whether a session exists; 401 means "not signed in yet"',
		test: (e) =>
			e.phase === 'signin' && /status of 401/.test(e.text) && /\/rest\/login$/.test(e.url),
	},
];

async function driveEditor(running: Running): Promise<void> {
	const { base } = running;
	shots = TO_DOCS ? DOCS : path.join(running.work, 'screenshots');
	fs.mkdirSync(shots, { recursive: true });
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(running.work, 'chromium-profile-'));
	chromiumProfile = profile;
	let phase = 'launch';
	const logs: ConsoleEntry[] = [];
	const failedRequests: Array<{ url: string; error: string; phase: string }> = [];

	const page = await step('browser', async () => {
		// A persistent context is how playwright takes our own, fresh --user-data-dir.
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			timeout: 60_000,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run',
				'--disable-quic',
				'--disable-sync',
			],
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		browserContext = context;
		context.setDefaultTimeout(UI_TIMEOUT);
		console.log(
			`  ${CHROMIUM} (chromium ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}), fresh profile ${profile}`,
		);
		const p = context.pages()[0] ?? (await context.newPage());
		p.on('console', (m) => {
			if (m.type() === 'error')
				logs.push({ kind: 'console', text: m.text(), url: m.location().url, phase });
		});
		p.on('pageerror', (e) =>
			logs.push({ kind: 'pageerror', text: e.stack ?? e.message, url: '', phase }),
		);
		p.on('requestfailed', (r) =>
			failedRequests.push({ url: r.url(), error: r.failure()?.errorText ?? '', phase }),
		);
		tally.onStepFailure = async (name) => {
			const file = path.join(running.work, `failure-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
			await p.screenshot({ path: file }).then(
				() => console.log(`  screenshot of the failure: ${file}`),
				() => undefined,
			);
			await p.content().then(
				(html) => fs.writeFileSync(file.replace(/\.png$/, '.html'), html),
				() => undefined,
			);
		};
		return p;
	});

	await step('sign-in (UI)', async () => {
		phase = 'signin';
		await page.goto(`${base}/signin`);
		await page.locator('#emailOrLdapLoginId').fill(OWNER.email);
		await page.locator('#password').fill(OWNER.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
		await page.waitForLoadState('networkidle');
		check(
			'sign-in (UI)',
			!page.url().includes('/signin'),
			`signed in as ${OWNER.email}`,
			page.url(),
		);
	});

	const NODE_NAME = 'Book weekly series';
	const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
	const ndv = page.getByTestId('ndv');

	await step('open example workflow', async () => {
		const s = 'open example workflow';
		phase = 'workflow';
		await page.goto(`${base}/workflow/hlcExampleBook001`);
		await canvasNode.waitFor();
		await page.waitForLoadState('networkidle');
		const names = await page
			.getByTestId('canvas-node')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-name')));
		check(
			s,
			JSON.stringify(names) === JSON.stringify(['Run now', 'Form data', NODE_NAME]),
			'the book-from-form example shows its three nodes',
			names,
		);
		await checkIcon(s, canvasNode, running.nodeIconUrl, 'the node on the canvas');
		const subtitle = (await canvasNode.innerText()).replace(/\s+/g, ' ').trim();
		check(
			s,
			subtitle.includes('create: appointment'),
			'the node subtitle reads "create: appointment"',
			subtitle,
		);
		await page.screenshot({ path: shot('editor-workflow.png') });
	});

	await step('node creator', async () => {
		const s = 'node creator';
		phase = 'node-creator';
		await page.getByTestId('node-creator-plus-button').click();
		const search = page.getByTestId('node-creator-search-bar');
		await search.fill('HighLevel');
		const item = page.getByTestId('item-iterator-item').filter({
			has: page
				.getByTestId('node-creator-item-name')
				.getByText('HighLevel Calendar', { exact: true }),
		});
		await item.waitFor();
		await checkIcon(s, item, running.nodeIconUrl, 'the node in the node creator');
		const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
		check(s, text.includes('Book, find, move'), 'the node creator shows the description', text);
		await item.click();
		// A declarative node lists its operations as actions, each with the node's icon.
		await page.getByText('Create an appointment', { exact: true }).waitFor();
		await page.waitForTimeout(600); // the panel slides in
		const actions = page.locator(
			'[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]',
		);
		const actionNames = (await actions.getByTestId('node-creator-item-name').allInnerTexts()).map(
			(t) => t.trim(),
		);
		console.log(`  actions: ${actionNames.join(' | ')}`);
		check(
			s,
			JSON.stringify(actionNames) === JSON.stringify(EXPECTED_ACTIONS),
			`the node creator lists the ${EXPECTED_ACTIONS.length} actions`,
			{
				got: actionNames,
				missing: EXPECTED_ACTIONS.filter((a) => !actionNames.includes(a)),
				unexpected: actionNames.filter((a) => !EXPECTED_ACTIONS.includes(a)),
			},
		);
		const actionIcons = await actions
			.filter({ has: page.locator(`img[src$="${running.nodeIconUrl}"]`) })
			.count();
		check(s, actionIcons === actionNames.length, 'every action shows the node icon', actionIcons);
		await page.screenshot({ path: shot('editor-node-creator.png') });
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page
			.getByTestId('node-creator')
			.waitFor({ state: 'hidden' })
			.catch(() => undefined);
	});

	await step('node panel: Appointment / Create (example as saved)', async () => {
		const s = 'node panel';
		phase = 'ndv';
		await canvasNode.dblclick();
		await ndv.waitFor();
		const header = ndv.locator('header, [class*="header"]').first();
		await checkIcon(s, header, running.nodeIconUrl, 'the node icon in the panel header');
		const shown = await panelFields(page);
		expectFields(
			s,
			'Appointment / Create (example)',
			shown,
			[...ALWAYS, ...EXPECTED[0].fields, ...RECURRENCE_BUILD],
			EXPECTED[0].absent ?? [],
		);
		await page.screenshot({ path: shot('editor-appointment-create.png') });
		const recurrence = ndv.locator('label[for="recurrence"]');
		await recurrence.scrollIntoViewIfNeeded();
		await ndv.locator('label[for="recurrenceEnd"]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: shot('editor-recurrence.png') });
	});

	await step('credential', async () => {
		const s = 'credential';
		phase = 'credential';
		const picker = ndv.getByTestId('node-credentials-select');
		const value = await picker.locator('input').inputValue();
		check(s, value === CRED_NAME, `the credential picker shows "${CRED_NAME}"`, value);
		await picker.click();
		const options = page.locator('.el-select-dropdown__item:visible');
		await options.first().waitFor();
		const names = (await options.allInnerTexts()).map((t) => t.trim());
		check(
			s,
			names.some((n) => n.includes(CRED_NAME)),
			'the picker lists the imported credential',
			names,
		);
		await page.keyboard.press('Escape');
		// The credential modal (pencil next to the picker) shows the credential type's icon and fields.
		await ndv.getByTestId('credential-edit-button').click();
		const modal = page.getByTestId('editCredential-modal');
		await modal.waitFor();
		await checkIcon(s, modal, running.credIconUrl, 'the credential icon in the credential modal');
		// The modal opens before n8n has fetched the credential (GET /rest/credentials/<id>) and draws
		// its fields only then: reading the text at once failed in CI.
		for (const label of ['Access Token', 'Location ID', 'Base URL']) {
			const shown = await appears(modal.getByText(label).first());
			check(
				s,
				shown,
				`the credential modal shows "${label}"`,
				shown ? undefined : (await modal.innerText()).replace(/\s+/g, ' '),
			);
		}
		await page.screenshot({ path: shot('editor-credential.png') });
		await modal
			.getByTestId('credential-modal-close-button')
			.or(page.locator('.el-dialog__headerbtn:visible'))
			.first()
			.click();
		await modal.waitFor({ state: 'hidden' });
	});

	for (const exp of EXPECTED) {
		const label = `${exp.resource} / ${exp.operation}`;
		await step(`node panel: ${label}`, async () => {
			phase = `ndv ${label}`;
			await selectOption(page, 'resource', exp.resource);
			await selectOption(page, 'operation', exp.operation);
			const shown = await panelFields(page);
			expectFields(
				`node panel: ${label}`,
				label,
				shown,
				[...ALWAYS, ...exp.fields],
				exp.absent ?? [],
			);
			if (exp.resource === 'Appointment' && exp.operation === 'Get Many') {
				await selectOption(page, 'filterBy', 'Contact');
				expectFields(
					`node panel: ${label}`,
					`${label}, Filter By = Contact`,
					await panelFields(page),
					FILTER_BY_CONTACT.fields,
					FILTER_BY_CONTACT.absent,
				);
				await selectOption(page, 'filterBy', 'Calendar');
			}
			if (exp.shot) await page.screenshot({ path: shot(exp.shot) });
		});
	}

	await step('console', () => {
		const s = 'console';
		const ignored = logs.filter((e) => IGNORABLE.some((i) => i.test(e)));
		const errors = logs.filter((e) => !ignored.includes(e));
		for (const e of ignored)
			console.log(
				`  ignored (${IGNORABLE.find((i) => i.test(e))!.why}): [${e.phase}] ${e.text} ${e.url}`,
			);
		for (const e of errors) console.log(`  ERROR [${e.phase}] ${e.kind}: ${e.text} ${e.url}`);
		for (const r of failedRequests)
			console.log(`  failed request [${r.phase}] ${r.error} ${r.url}`);
		check(
			s,
			errors.length === 0,
			`no console errors or page errors (${ignored.length} ignored)`,
			errors.map((e) => `[${e.phase}] ${e.text}`),
		);
	});

	await step('screenshots', () => {
		const s = 'screenshots';
		const taken = fs
			.readdirSync(shots)
			.filter((f) => f.endsWith('.png'))
			.sort();
		const inDocs = fs
			.readdirSync(DOCS)
			.filter((f) => f.endsWith('.png'))
			.sort();
		const shownInReadme = [
			...fs
				.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
				.matchAll(/\(docs\/([^)\s]+\.png)\)/g),
		].map((m) => m[1]);
		console.log(`  ${taken.length} screenshots in ${shots}`);
		check(
			s,
			taken.every((f) => inDocs.includes(f)),
			'docs/ has every view this run took (else: npm run screenshots)',
			taken.filter((f) => !inDocs.includes(f)),
		);
		check(
			s,
			inDocs.every((f) => taken.includes(f)),
			'docs/ has no screenshot of a view the editor no longer shows',
			inDocs.filter((f) => !taken.includes(f)),
		);
		check(
			s,
			inDocs.every((f) => shownInReadme.includes(f)) &&
				shownInReadme.every((f) => inDocs.includes(f)),
			'the README shows every screenshot in docs/, and only those',
			{ inDocs, shownInReadme },
		);
	});
}

/** The labels of the panel's top-level parameters (not the ones inside a collection). */
async function panelFields(page: Page): Promise<string[]> {
	// Vue re-renders the panel over several frames after a change, later on a loaded machine: read
	// until two reads 250 ms apart agree (bounded), not once after a fixed pause.
	let last = await readPanelFields(page);
	for (const deadline = Date.now() + UI_TIMEOUT; Date.now() < deadline; ) {
		await page.waitForTimeout(250);
		const now = await readPanelFields(page);
		if (now.length > 0 && JSON.stringify(now) === JSON.stringify(last)) return now;
		last = now;
	}
	return last;
}

async function readPanelFields(page: Page): Promise<string[]> {
	// Parameters tab only (the Settings tab is rendered too); the label's title, without its
	// Fixed/Expression toggle; not the fields inside a collection.
	return page
		.getByTestId('ndv')
		.getByTestId('node-parameters')
		.locator('[data-test-id="input-label"] label')
		.evaluateAll((els) =>
			els
				.filter((el) => {
					if (!(el as unknown as { getClientRects(): { length: number } }).getClientRects().length)
						return false; // hidden tab
					const item = el.closest('[data-test-id="parameter-item"]');
					return !item?.parentElement?.closest('[data-test-id="parameter-item"]');
				})
				.map((el) =>
					((el.querySelector('[class*="_title_"]') ?? el).textContent ?? '')
						.replace(/\s+/g, ' ')
						.trim(),
				),
		);
}

function expectFields(
	step: string,
	what: string,
	shown: string[],
	expected: string[],
	absent: string[],
): void {
	const missing = expected.filter((f) => !shown.includes(f));
	const extra = absent.filter((f) => shown.includes(f));
	console.log(`  ${what}: ${shown.join(', ')}`);
	check(step, missing.length === 0, `${what}: shows ${expected.join(', ')}`, { missing, shown });
	if (absent.length)
		check(step, extra.length === 0, `${what}: does not show ${absent.join(', ')}`, {
			unexpected: extra,
		});
}

async function selectOption(page: Page, param: string, option: string): Promise<void> {
	const input = page.getByTestId('ndv').getByTestId(`parameter-input-${param}`);
	await input.scrollIntoViewIfNeeded();
	await input.click();
	const item = page
		.locator('.el-select-dropdown__item:visible')
		.filter({ has: page.locator(`text="${option}"`) });
	await item.first().click();
	await page.waitForFunction(
		([p, o]) => {
			const el = (globalThis as any).document.querySelector(
				`[data-test-id="ndv"] [data-test-id="parameter-input-${p}"] input`,
			); // eslint-disable-line @typescript-eslint/no-explicit-any
			return el?.value === o;
		},
		[param, option] as const,
	);
}

/** Whether the element shows up within UI_TIMEOUT; a check reports it, rather than the step failing. */
async function appears(locator: Locator): Promise<boolean> {
	return locator.waitFor({ timeout: UI_TIMEOUT }).then(
		() => true,
		() => false,
	);
}

/** An <img> with the icon URL inside `scope`, loaded (naturalWidth > 0). */
async function checkIcon(
	step: string,
	scope: Locator,
	iconUrl: string,
	what: string,
): Promise<void> {
	const img = scope.locator(`img[src$="${iconUrl.replace(/^\/?/, '')}"]`).first();
	const found = await appears(img);
	const loaded =
		found &&
		(await img.evaluate(
			(el) =>
				(el as unknown as { complete: boolean; naturalWidth: number }).complete &&
				(el as unknown as { naturalWidth: number }).naturalWidth > 0,
		));
	const srcs = found
		? []
		: await scope.locator('img').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
	check(
		step,
		found && loaded,
		`${what}: <img> ${iconUrl} ${found ? (loaded ? 'loaded' : 'NOT loaded') : 'missing'}`,
		found ? undefined : { imgs: srcs },
	);
}
