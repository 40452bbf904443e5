// One n8n major, set up for the scenarios: the n8n install (cached), a user folder with the package
// installed as a community package, and (with the sandbox started by run-e2e.ts) the credentials
// and workflows imported. What the scenarios get: `execute` a workflow with `n8n execute`, and
// `takeDump` of what the sandbox received since the last one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN } from '../../sandbox';
import { currentTally, step, StepError } from '../checks';
import { E2E_FIXTURE } from '../fixture';
import { installN8nMajor, n8nMajor } from '../install-n8n';
import {
	CRED_TYPE,
	EXAMPLE_CRED_ID,
	installCommunityPackage,
	n8nEnvironment,
	NODE_TYPE,
	parseRunOutput,
	waitForRestApi,
	startSandboxProcess,
} from '../n8nSetup';
import { freePort, ROOT, run, startBackground, tail } from '../processes';
import { rerunWorkflow } from './rerun';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const GOOD_CRED_ID = EXAMPLE_CRED_ID;
export const BAD_CRED_ID = 'hlcE2eBadToken01';
export const BAD_TOKEN = 'pit-not-a-real-token';

export interface SandboxDump {
	requests: Array<{
		method: string;
		path: string;
		query: Json;
		headers: Json;
		body: any;
		status: number;
		response: any;
	}>; // eslint-disable-line @typescript-eslint/no-explicit-any
	applied: Array<{ method: string; path: string; kind: string; id: string; body: unknown }>;
	/** The OAuth token endpoint's counts since the last dump, and the answers by status. */
	stats: {
		codeExchanges: number;
		tokenRefreshes: number;
		refusedRefreshes: number;
		byStatus: Record<string, number>;
	};
	appointments: Json[];
	blockSlots: Json[];
	/** The appointment webhooks n8n answered since the last dump (status 0: no connection). */
	deliveries: Array<{
		index: number;
		url: string;
		type: string;
		webhookId: string;
		status: number;
		answer: string;
	}>;
}

/**
 * Extra environment per major. n8n 1.123.x defaults to the "vm" expression engine, which runs
 * expressions in isolated-vm 6.2.0: no prebuilt binaries, and it needs Node >= 22 to build, so on
 * Node 20 (which n8n 1.123's engines allow) every command that evaluates expressions crashes with
 * "Could not initialize the vm expression engine". The 1.x run therefore uses n8n's own "legacy"
 * engine, the one every 1.x before the vm engine used. (2.40.7 and 2.41.1 ship isolated-vm 7 with
 * prebuilt binaries for Node 24, so 2.x keeps its default.)
 */
const MAJOR_ENV: Record<1 | 2, NodeJS.ProcessEnv> = {
	1: { N8N_EXPRESSION_ENGINE: 'legacy' },
	2: {},
};

/** A major's n8n with the package, ready for commands. */
export interface MajorN8n {
	major: 1 | 2;
	work: string;
	nodeBinDir: string;
	n8nBin: string;
	env: NodeJS.ProcessEnv;
	/** Runs an n8n CLI command in the major's work folder. */
	n8n(
		stepName: string,
		args: string[],
		timeoutMs?: number,
		allowFail?: boolean,
		extraEnv?: NodeJS.ProcessEnv,
	): ReturnType<typeof run>;
}

export type Sandbox = Awaited<ReturnType<typeof startSandboxProcess>>;

/** What the scenarios run with: the major's n8n, its sandbox, its imported workflows. */
export interface MajorRun extends MajorN8n {
	sandbox: Sandbox;
	/** `n8n execute` of a workflow: its run, or a StepError when it failed (unless expected). */
	execute(stepName: string, id: string, opts?: { expectNodeError?: boolean }): Promise<Json>;
	/** Asks the sandbox for what it received since the last dump (SIGUSR2), and waits for it. */
	takeDump(): Promise<SandboxDump>;
	/** Expires the sandbox's OAuth access tokens (SIGUSR1), and waits until it says it did. */
	expireOAuthTokens(): Promise<void>;
}

/** The items a node of the run output (its first run, first output). */
export function nodeOutput(stepName: string, runJson: Json, nodeName: string): Json[] {
	const runs = runJson.data?.resultData?.runData?.[nodeName];
	if (!runs)
		throw new StepError(
			stepName,
			`node "${nodeName}" did not run (ran: ${Object.keys(runJson.data?.resultData?.runData ?? {}).join(', ')})`,
		);
	return (runs[0]?.data?.main?.[0] ?? []).map((item: Json) => item.json);
}

/** Steps install-n8n (a real n8n, cached outside the repository, one folder per version) and install-package. */
export async function installMajor(major: 1 | 2, tarball: string, work: string): Promise<MajorN8n> {
	const cfg = n8nMajor(major);
	const userFolder = path.join(work, 'user');
	const install = await step('install-n8n', () =>
		installN8nMajor(major, (m) => console.log(`  ${m}`)),
	);
	const nodeVersion = (
		await run(`install-n8n`, path.join(install.nodeBinDir, 'node'), ['--version'], {
			timeoutMs: 30_000,
		})
	).stdout.trim();
	const tally = currentTally();
	tally.label = `n8n ${major}.x = n8n@${cfg.version} on node ${nodeVersion}`;
	tally.notes.push(
		`install ${install.cached ? 'warm (cache reused)' : 'cold (fresh install)'} ${install.seconds.toFixed(1)}s`,
	);
	console.log(
		`  n8n@${cfg.version} in ${install.cacheDir} (${install.cached ? 'cache reused' : 'fresh install'}, ${install.seconds.toFixed(1)}s); node ${nodeVersion}: ${install.nodeBinDir}`,
	);

	// The user folder, with the package installed the way n8n's community-package installer leaves it.
	await step('install-package', () =>
		installCommunityPackage('install-package', tarball, userFolder),
	);

	const env = n8nEnvironment(install.nodeBinDir, {
		userFolder,
		encryptionKey: 'e2e-highlevel-calendar-encryption-key',
		brokerPort: await freePort(),
		extra: { N8N_LOG_LEVEL: 'warn', ...MAJOR_ENV[major] },
	});
	return {
		major,
		work,
		nodeBinDir: install.nodeBinDir,
		n8nBin: install.n8nBin,
		env,
		n8n: (stepName, args, timeoutMs = 120_000, allowFail = false, extraEnv = {}) =>
			run(stepName, path.join(install.nodeBinDir, 'node'), [install.n8nBin, ...args], {
				env: { ...env, ...extraEnv },
				timeoutMs,
				allowFail,
				cwd: work,
			}),
	};
}

/** The examples the scenarios run, pointed at the credential; the sweep on the fixture's day. */
function exampleWorkflows(): Json[] {
	return ['daily-no-show-sweep', 'book-from-form', 'book-a-service', 'holiday-block'].map(
		(name) => {
			const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', `${name}.json`), 'utf8'));
			for (const node of wf.nodes) {
				if (node.type === NODE_TYPE)
					node.credentials = {
						[CRED_TYPE]: { id: GOOD_CRED_ID, name: 'HighLevel Calendar account' },
					};
				// Deterministic no-show sweep: $today is the fixture's day, not the clock's (fixture.ts).
				if (name === 'daily-no-show-sweep' && node.name === 'Yesterday') {
					for (const a of node.parameters.assignments.assignments) {
						if (!String(a.value).includes('$today'))
							throw new StepError('import', `the sweep's ${a.name} no longer uses $today`);
						a.value = String(a.value).replaceAll(
							'$today',
							`DateTime.fromISO('${E2E_FIXTURE.sweepToday}T00:00:00', { zone: 'America/New_York' })`,
						);
					}
				}
			}
			return wf;
		},
	);
}

/** Step import (the good and the bad credential, the examples and the re-run workflow). */
export async function importWorkflows(n8n: MajorN8n, sandbox: Sandbox): Promise<MajorRun> {
	const { work } = n8n;
	await step('import', async () => {
		const creds = [
			{
				id: GOOD_CRED_ID,
				name: 'HighLevel Calendar account',
				type: CRED_TYPE,
				data: {
					accessToken: SANDBOX_TOKEN,
					locationId: SANDBOX_LOCATION_ID,
					baseUrl: sandbox.baseUrl,
				},
			},
			{
				id: BAD_CRED_ID,
				name: 'HighLevel Calendar (bad token)',
				type: CRED_TYPE,
				data: {
					accessToken: BAD_TOKEN,
					locationId: SANDBOX_LOCATION_ID,
					baseUrl: sandbox.baseUrl,
				},
			},
		];
		fs.writeFileSync(path.join(work, 'creds.json'), JSON.stringify(creds, null, 2));
		const c = await n8n.n8n(
			'import',
			['import:credentials', `--input=${path.join(work, 'creds.json')}`],
			180_000,
		);
		console.log(`  import:credentials ${c.seconds.toFixed(1)}s: ${tail(c.stdout + c.stderr, 3)}`);

		const workflows = exampleWorkflows();
		workflows.push(
			rerunWorkflow(NODE_TYPE, {
				[CRED_TYPE]: { id: GOOD_CRED_ID, name: 'HighLevel Calendar account' },
			}),
		);
		fs.writeFileSync(path.join(work, 'workflows.json'), JSON.stringify(workflows, null, 2));
		const w = await n8n.n8n(
			'import',
			['import:workflow', `--input=${path.join(work, 'workflows.json')}`],
			180_000,
		);
		console.log(`  import:workflow ${w.seconds.toFixed(1)}s: ${tail(w.stdout + w.stderr, 3)}`);
	});

	let dumps = 0;
	const takeDump = async (): Promise<SandboxDump> => {
		dumps++;
		process.kill(sandbox.child.pid!, 'SIGUSR2');
		await sandbox.waitFor(/"dumped"/, 10_000, `sandbox dump #${dumps}`, dumps);
		return JSON.parse(fs.readFileSync(sandbox.dumpFile, 'utf8'));
	};

	const execute = async (stepName: string, id: string, { expectNodeError = false } = {}) => {
		// The command prints the run through n8n's logger at level info, so info it must be.
		const r = await n8n.n8n(stepName, ['execute', `--id=${id}`, '--rawOutput'], 180_000, true, {
			N8N_LOG_LEVEL: 'info',
		});
		fs.writeFileSync(path.join(work, `${id}.stdout.txt`), r.stdout);
		fs.writeFileSync(path.join(work, `${id}.stderr.txt`), r.stderr);
		console.log(`  n8n execute --id=${id}: exit ${r.code}, ${r.seconds.toFixed(1)}s`);
		// A run whose node fails makes `n8n execute` exit 1, with the run still printed.
		if (r.code !== 0 && !(expectNodeError && r.code === 1))
			throw new StepError(
				stepName,
				`n8n execute exited ${r.code}:\n${tail(r.stdout + '\n' + r.stderr)}`,
			);
		const runJson = parseRunOutput(stepName, r.stdout) as Json;
		if (runJson.data?.resultData?.error && !expectNodeError)
			throw new StepError(
				stepName,
				`run failed: ${JSON.stringify(runJson.data.resultData.error).slice(0, 2000)}`,
			);
		if (expectNodeError && !runJson.data?.resultData?.error)
			throw new StepError(stepName, 'the run was expected to fail, and did not');
		return runJson;
	};
	let expirations = 0;
	const expireOAuthTokens = async (): Promise<void> => {
		expirations++;
		process.kill(sandbox.child.pid!, 'SIGUSR1');
		await sandbox.waitFor(/"expired"/, 10_000, `sandbox expiry #${expirations}`, expirations);
	};
	await takeDump(); // start the recording afresh: nothing before the runs counts
	return { ...n8n, sandbox, execute, takeDump, expireOAuthTokens };
}

/**
 * `n8n start` of the major's user folder on `port`, logging to n8n-<label>.log in its work folder;
 * resolves once n8n's REST API answers.
 */
export async function startN8n(run: MajorN8n, stepName: string, port: number, label: string) {
	const logFile = path.join(run.work, `n8n-${label}.log`);
	const bg = startBackground(
		stepName,
		path.join(run.nodeBinDir, 'node'),
		[run.n8nBin, 'start'],
		{ ...run.env, N8N_PORT: String(port), N8N_LOG_LEVEL: 'info' },
		/Editor is now accessible|n8n ready on/i,
		180_000,
		logFile,
	);
	await bg.first;
	const base = `http://127.0.0.1:${port}`;
	await waitForRestApi(stepName, base, logFile, () => currentTally().aborted);
	return { ...bg, base, logFile };
}
