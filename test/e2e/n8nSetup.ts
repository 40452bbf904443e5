// What the e2e, editor and dev scripts all do to get a real n8n with our package next to the
// sandbox: build and pack, install the tarball as a community package, start the sandbox process,
// n8n's environment on 127.0.0.1, and (e2e and editor) wait for n8n's REST API and set up its owner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StepError } from './checks';
import { envWithNode } from './install-n8n';
import { run, sleep, startBackground, tail } from './processes';

export const PACKAGE = 'n8n-nodes-highlevel-calendar';
export const NODE_TYPE = `${PACKAGE}.highLevelCalendar`;
export const TRIGGER_TYPE = `${PACKAGE}.highLevelCalendarTrigger`;
export const CRED_TYPE = 'highLevelCalendarApi';
/** The credential id the example workflows reference. */
export const EXAMPLE_CRED_ID = 'hlcExampleCred01';
/** The owner account the e2e and editor runs create in their n8n. */
export const E2E_OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-password-123',
};

/** `npm run build`, then `npm pack` into `work`. */
export async function buildAndPack(
	step: string,
	work: string,
): Promise<{ tarball: string; entryCount: number; size: number }> {
	await run(step, 'npm', ['run', 'build'], { timeoutMs: 5 * 60_000 });
	const packed = await run(step, 'npm', ['pack', '--json', '--pack-destination', work], {
		timeoutMs: 2 * 60_000,
	});
	const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
	const tarball = path.join(work, info.filename);
	if (!fs.existsSync(tarball))
		throw new StepError(step, `npm pack reported ${tarball}, which does not exist`);
	return { tarball, entryCount: info.entryCount, size: info.size };
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes/node_modules/` the way n8n's community-package
 * installer leaves it: without dev, peer and optional dependencies, and recorded in
 * .n8n/nodes/package.json (its "ledger"). Fails if the package lacks a file its n8n section names.
 * `via: 'npm'` installs it the way the README tells a user to install from a clone
 * (`npm install --omit=peer <tarball>` in ~/.n8n/nodes), so that route is run too.
 */
export async function installCommunityPackage(
	step: string,
	tarball: string,
	userFolder: string,
	{ via = 'tar' }: { via?: 'tar' | 'npm' } = {},
): Promise<void> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dir = path.join(nodesDir, 'node_modules', PACKAGE);
	fs.mkdirSync(via === 'npm' ? nodesDir : dir, { recursive: true });
	if (via === 'npm') {
		await run(step, 'npm', ['install', '--omit=peer', '--no-audit', '--no-fund', tarball], {
			cwd: nodesDir,
			timeoutMs: 300_000,
		});
		if (fs.existsSync(path.join(nodesDir, 'node_modules', 'n8n-workflow')))
			throw new StepError(step, 'npm installed n8n-workflow next to the package');
	} else {
		await run(step, 'tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], {
			timeoutMs: 60_000,
		});
	}
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
	);
	if (via === 'tar') {
		(void devDependencies, void peerDependencies, void optionalDependencies);
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
		fs.writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify(
				{ name: 'installed-nodes', private: true, dependencies: { [PACKAGE]: manifest.version } },
				null,
				2,
			),
		);
	}
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		if (!fs.existsSync(path.join(dir, file)))
			throw new StepError(step, `the tarball lacks ${file}`);
	}
}

/**
 * Starts test/e2e/sandbox-server.ts with the records the examples work on; its log and request dumps
 * go into `work`. Resolves with its base URL, its webhook control URL and the public key of its
 * webhook signatures (webhookControl.ts drives them). Run with node --import tsx (not the tsx
 * wrapper), so SIGUSR2 reaches the sandbox process itself. `env` adds to its environment
 * (E2E_SANDBOX_RATE_LIMIT, SANDBOX_SEED, E2E_SANDBOX_WEBHOOK_URL).
 */
export async function startSandboxProcess(step: string, work: string, env: NodeJS.ProcessEnv = {}) {
	const dumpFile = path.join(work, 'sandbox-requests.json');
	const background = startBackground(
		step,
		process.execPath,
		['--import', 'tsx', path.join(__dirname, 'sandbox-server.ts')],
		{ ...process.env, ...env, E2E_SANDBOX_DUMP: dumpFile },
		/"baseUrl"/,
		60_000,
		path.join(work, 'sandbox.log'),
	);
	const { baseUrl, controlUrl, publicKeyPem } = JSON.parse(await background.first) as {
		baseUrl: string;
		controlUrl: string;
		publicKeyPem: string;
	};
	console.log(`  sandbox at ${baseUrl} (webhook control at ${controlUrl})`);
	return { ...background, baseUrl, dumpFile, controlUrl, publicKeyPem };
}

/**
 * n8n's environment: its own user folder, everything on 127.0.0.1, no telemetry, version check,
 * templates or survey, community packages on; `extra` adds or overrides.
 */
export function n8nEnvironment(
	nodeBinDir: string,
	settings: {
		userFolder: string;
		encryptionKey: string;
		brokerPort: number;
		extra?: NodeJS.ProcessEnv;
	},
): NodeJS.ProcessEnv {
	return envWithNode(nodeBinDir, {
		N8N_USER_FOLDER: settings.userFolder,
		N8N_ENCRYPTION_KEY: settings.encryptionKey,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_BROKER_PORT: String(settings.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		NODE_OPTIONS: '',
		...settings.extra,
	});
}

/**
 * `n8n execute --rawOutput` prints the IRun as indented JSON (both majors), possibly between log lines:
 * n8n's task runner can log "Registered runner ..." after it. The indented object starts with a line
 * "{" and ends with the first line "}" after it.
 */
export function parseRunOutput(step: string, stdout: string): Record<string, unknown> {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		const end = lines.indexOf('}', i + 1);
		if (end < 0) continue;
		try {
			return JSON.parse(lines.slice(i, end + 1).join('\n'));
		} catch {
			/* try the next candidate */
		}
	}
	throw new StepError(step, `no run JSON in n8n's output:\n${tail(stdout)}`);
}

/**
 * Waits for n8n's REST API: the "ready" log line comes before it is mounted ("n8n is starting up"),
 * so GET /rest/settings is polled until it answers JSON (120 s at most, or until `stopped()`).
 */
export async function waitForRestApi(
	step: string,
	base: string,
	logFile: string,
	stopped: () => boolean = () => false,
): Promise<void> {
	const until = Date.now() + 120_000;
	for (;;) {
		const r = await fetch(`${base}/rest/settings`).catch(() => undefined);
		if (r?.ok && (r.headers.get('content-type') ?? '').includes('json')) return;
		if (stopped()) throw new StepError(step, 'the run ran out of time');
		if (Date.now() > until)
			throw new StepError(step, `n8n's REST API did not come up within 120s (log: ${logFile})`);
		await sleep(500);
	}
}

/** Creates E2E_OWNER through POST /rest/owner/setup; returns the session cookie for `browserId`. */
export async function setUpOwner(step: string, base: string, browserId: string): Promise<string> {
	const res = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify(E2E_OWNER),
	});
	if (!res.ok)
		throw new StepError(
			step,
			`POST /rest/owner/setup: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`,
		);
	const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	if (!cookie.includes('n8n-auth='))
		throw new StepError(
			step,
			`owner setup gave no n8n-auth cookie: HTTP ${res.status} ${JSON.stringify([...res.headers])} ${(await res.text()).slice(0, 500)}`,
		);
	return cookie;
}

/** Signs E2E_OWNER in through POST /rest/login (an owner set up before); returns the session cookie. */
export async function signIn(step: string, base: string, browserId: string): Promise<string> {
	const res = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password }),
	});
	const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	if (!res.ok || !cookie.includes('n8n-auth='))
		throw new StepError(
			step,
			`POST /rest/login: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`,
		);
	return cookie;
}
