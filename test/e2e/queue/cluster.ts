// n8n in queue mode, as a self-hosted team runs it: one main (`n8n start`, EXECUTIONS_MODE=queue:
// it takes the webhook calls and puts each execution on Bull's queue in Redis), two workers
// (`n8n worker --concurrency=1`: each takes one execution at a time off the queue) and, started
// once the pacing is measured (so it shares no CPU with that measurement), a webhook process
// (`n8n webhook`, its own port: it takes production webhook calls like main, and queues their
// executions the same way), all four on the same Postgres and Redis and the same encryption key
// (a worker decrypts the credential main stored). Each has its own user folder with the packed
// package installed as a community package, as separate hosts or containers would: a worker that
// lacked it could not run the node, a webhook process could not run the trigger's webhook.
// Each worker gets HLC_E2E_WORKER=<its name>, readable in expressions (N8N_BLOCK_ENV_ACCESS_IN_NODE
// =false on the workers only): the workflow writes it into its execution's record (scenario.ts).
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { currentTally, step, StepError } from '../checks';
import { installN8n } from '../install-n8n';
import { installCommunityPackage, n8nEnvironment } from '../n8nSetup';
import { freePort, run, sleep, startBackground, stopChild } from '../processes';
import { startN8n, type MajorN8n } from '../scenarios/major';
import type { Postgres } from './services';
import type { Teardown } from './teardown';

export const WORKERS = ['worker-1', 'worker-2'] as const;
export type WorkerName = (typeof WORKERS)[number];
/** The webhook process's folder and name. */
export const WEBHOOK_PROCESS = 'webhook';
/** The same for every process: n8n encrypts credentials with it in the shared database. */
const ENCRYPTION_KEY = 'e2e-queue-highlevel-calendar-encryption-key';

export interface ClusterSetup {
	nodeBinDir: string;
	n8nBin: string;
	cached: boolean;
	installSeconds: number;
	/** Main's user folder and environment, as startN8n (scenarios/major.ts) takes them. */
	main: MajorN8n;
	workers: Array<{ name: WorkerName; env: NodeJS.ProcessEnv; work: string }>;
	webhook: { env: NodeJS.ProcessEnv; work: string };
}

export interface Cluster {
	base: string;
	mainLog: string;
	workers: Array<{ name: WorkerName; logFile: string; exited: () => boolean }>;
}

/** The webhook process: its base URL (production webhooks at /webhook/...) and its log. */
export interface WebhookProcess {
	base: string;
	logFile: string;
	exited: () => boolean;
}

/**
 * Steps install-n8n (n8n 2.41.1 under Node 24, cached outside the repository) and install-package
 * (the tarball into main's and each worker's user folder); builds the three environments.
 */
export async function installCluster(
	tarball: string,
	work: string,
	services: { postgres: Postgres; redisPort: number },
): Promise<ClusterSetup> {
	const install = await step('install-n8n', () => installN8n((m) => console.log(`  ${m}`)));
	const nodeVersion = (
		await run('install-n8n', path.join(install.nodeBinDir, 'node'), ['--version'], {
			timeoutMs: 30_000,
		})
	).stdout.trim();
	currentTally().notes.push(
		`n8n install ${install.cached ? 'warm (cache reused)' : 'cold (fresh install)'} ${install.seconds.toFixed(1)}s, node ${nodeVersion}`,
	);
	const folders = ['main', ...WORKERS, WEBHOOK_PROCESS].map((name) => path.join(work, name));
	await step('install-package', async () => {
		for (const folder of folders) {
			await installCommunityPackage('install-package', tarball, path.join(folder, 'user'));
			console.log(`  ${path.basename(folder)}: ${path.join(folder, 'user', '.n8n', 'nodes')}`);
		}
	});
	const { postgres } = services;
	const shared = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redisPort),
		N8N_LOG_LEVEL: 'info',
	};
	// Each process its own task-runner broker port: all three share one host.
	const envFor = async (folder: string, extra: NodeJS.ProcessEnv = {}) =>
		n8nEnvironment(install.nodeBinDir, {
			userFolder: path.join(folder, 'user'),
			encryptionKey: ENCRYPTION_KEY,
			brokerPort: await freePort(),
			extra: { ...shared, ...extra },
		});
	const mainEnv = await envFor(folders[0]);
	const main: MajorN8n = {
		major: 2,
		work: folders[0],
		nodeBinDir: install.nodeBinDir,
		n8nBin: install.n8nBin,
		env: mainEnv,
		n8n: (stepName, args, timeoutMs = 180_000, allowFail = false, extraEnv = {}) =>
			run(stepName, path.join(install.nodeBinDir, 'node'), [install.n8nBin, ...args], {
				env: { ...mainEnv, ...extraEnv },
				timeoutMs,
				allowFail,
				cwd: folders[0],
			}),
	};
	const workers = await Promise.all(
		WORKERS.map(async (name, i) => ({
			name,
			work: folders[i + 1],
			env: await envFor(folders[i + 1], {
				HLC_E2E_WORKER: name,
				N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			}),
		})),
	);
	const webhookFolder = folders[WORKERS.length + 1];
	const webhook = { work: webhookFolder, env: await envFor(webhookFolder) };
	return {
		nodeBinDir: install.nodeBinDir,
		n8nBin: install.n8nBin,
		cached: install.cached,
		installSeconds: install.seconds,
		main,
		workers,
		webhook,
	};
}

/** Resolves once `url` answers 200 (the webhook process's /healthz), polled every 500 ms. */
async function answers(stepName: string, url: string, logFile: string, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	for (;;) {
		const r = await fetch(url).catch(() => undefined);
		if (r?.ok) return;
		if (currentTally().aborted) throw new StepError(stepName, 'the run ran out of time');
		if (Date.now() > deadline)
			throw new StepError(stepName, `${url} did not answer within ${ms / 1000}s (log: ${logFile})`);
		await sleep(500);
	}
}

/**
 * Step start-cluster: main and both workers at once; resolves when main's REST API answers and each
 * worker has said it is ready, i.e. listens on the queue. `teardown` stops the workers, then main
 * (one that failed to come up is killed with every other child at the end of the run).
 */
export async function startCluster(setup: ClusterSetup, teardown: Teardown): Promise<Cluster> {
	return step('start-cluster', async () => {
		const logs = path.join(setup.main.work, '..', 'logs');
		const workers = setup.workers.map((w) => {
			const logFile = path.join(logs, `${w.name}.log`);
			const bg = startBackground(
				'start-cluster',
				path.join(setup.nodeBinDir, 'node'),
				[setup.n8nBin, 'worker', '--concurrency=1'],
				w.env,
				/n8n worker is now ready/,
				300_000,
				logFile,
			);
			return { name: w.name, logFile, bg };
		});
		// One teardown entry, registered before anything can fail: the workers first, then main.
		let mainChild: ChildProcess | undefined;
		teardown.add('n8n (workers, then main)', async () => {
			await Promise.all(workers.map((w) => stopChild(w.bg.child, 30_000)));
			if (mainChild) await stopChild(mainChild, 30_000);
		});
		const port = await freePort();
		const mainP = startN8n(setup.main, 'start-cluster', port, 'main').then((m) => {
			mainChild = m.child;
			return m;
		});
		mainP.catch(() => undefined); // awaited below, after the workers
		await Promise.all([
			mainP,
			...workers.map(async (w) => {
				await w.bg.first;
				console.log(`  ${w.name} ready (log ${w.logFile})`);
			}),
		]);
		const mainUp = await mainP;
		console.log(`  main ready at ${mainUp.base} (log ${mainUp.logFile})`);
		return {
			base: mainUp.base,
			mainLog: mainUp.logFile,
			workers: workers.map((w) => ({
				name: w.name,
				logFile: w.logFile,
				exited: () => w.bg.child.exitCode !== null || w.bg.child.signalCode !== null,
			})),
		};
	});
}

/**
 * Step start-webhook-process: `n8n webhook` on a port of its own; resolves once it answers
 * /healthz. `teardown` stops it (before the workers and main, registered after them).
 */
export async function startWebhookProcess(
	setup: ClusterSetup,
	teardown: Teardown,
): Promise<WebhookProcess> {
	return step('start-webhook-process', async () => {
		const port = await freePort();
		const logFile = path.join(setup.main.work, '..', 'logs', `${WEBHOOK_PROCESS}.log`);
		const bg = startBackground(
			'start-webhook-process',
			path.join(setup.nodeBinDir, 'node'),
			[setup.n8nBin, 'webhook'],
			{ ...setup.webhook.env, N8N_PORT: String(port) },
			/Webhook listener waiting for requests/,
			300_000,
			logFile,
		);
		teardown.add('n8n webhook process', () => stopChild(bg.child, 30_000));
		await bg.first;
		const base = `http://127.0.0.1:${port}`;
		await answers('start-webhook-process', `${base}/healthz`, logFile, 120_000);
		console.log(`  webhook process ready at ${base} (log ${logFile})`);
		return {
			base,
			logFile,
			exited: () => bg.child.exitCode !== null || bg.child.signalCode !== null,
		};
	});
}
