// End-to-end in a real queue-mode n8n: does the node keep to HighLevel's limit when two
// executions run at the same time on two workers? And does the instant trigger run each delivery
// once when a webhook process and main both take deliveries?
//   npx tsx test/e2e/run-queue.ts          (npm run test:e2e:queue, part of npm test)
//   E2E_KEEP=1                            keep the whole work folder, data folders included
//   E2E_QUEUE_TIMEOUT_MS                  deadline of the whole run (default 25 minutes)
//   E2E_QUEUE_DUMP=file.json              write every request the sandbox recorded (arrival, answer,
//                                         status, body), to study the pacing beyond the timeline
// Steps: services-install (Postgres and Redis from Debian's packages, apt-get as root when missing)
// -> build-and-pack -> start-postgres, start-redis (started here on 127.0.0.1, free ports, data in
// the work folder) -> start-sandbox (HighLevel's limit scaled in time: 100 per 1,000 ms) ->
// install-n8n (2.41.1, cached), install-package (main's, each worker's and the webhook process's
// user folder) -> import (credential, both workflows, published) -> start-cluster (main with
// EXECUTIONS_MODE=queue, two `n8n worker --concurrency=1`) -> package-in-main -> two-executions
// (two webhook calls at once, 500 creates each; waits for both records to finish) ->
// worker-assignment (from the records, and the workers' logs) -> sandbox (1,000 appointments once
// each, every 429 resent; the 429s and the time against the floor printed, with the bars of 50
// and 1.2 x) -> start-webhook-process (`n8n webhook`, once the pacing is measured, so it takes no
// CPU from it) -> instant-once (signed deliveries to the webhook process and to main run once each
// on a worker; replays refused) -> instant-concurrency (the same delivery to both processes at
// once, one after the other, and to main twice at once: executions per delivery, reported) ->
// cleanup (everything stopped, no process group left, no data folder left).
// The modules are in queue/: services.ts (Postgres, Redis), cluster.ts (main, workers, webhook
// process), workflow.ts (the workflow, its import), scenario.ts (its two executions), figures.ts
// (what the sandbox saw), instant.ts (the instant trigger's workflow and deliveries), teardown.ts
// (stop order). Checks and steps go through checks.ts; failures name their step. A failed run
// keeps its logs (logs/ of the work folder, named at the end), never data.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SCALED_LIMIT } from '../../bench/floor';
import {
	begin,
	check,
	currentTally,
	errorText,
	report,
	step,
	StepError,
	stop,
	type Tally,
} from './checks';
import { N8N_VERSION } from './install-n8n';
import { buildAndPack, startSandboxProcess } from './n8nSetup';
import {
	groupsLeftBehind,
	killChildrenOnExit,
	refuseNewProcesses,
	signalChildren,
	sleep,
	stopChild,
} from './processes';
import {
	installCluster,
	startCluster,
	startWebhookProcess,
	WEBHOOK_PROCESS,
	WORKERS,
} from './queue/cluster';
import { instantQueueScenario, instantWorkflow } from './queue/instant';
import { queueScenario } from './queue/scenario';
import { ensureServiceBinaries, startPostgres, startRedis } from './queue/services';
import { Teardown } from './queue/teardown';
import { importScenario } from './queue/workflow';

const DEADLINE_MS = Number(process.env.E2E_QUEUE_TIMEOUT_MS ?? 25 * 60_000);
const KEEP = process.env.E2E_KEEP === '1';

/**
 * Ends the run early (deadline, Ctrl-C, SIGTERM): no new process starts, and the cleanup stops
 * what runs in order, so Postgres shuts down cleanly (a killed one leaves its shared memory
 * behind). Another signal, a second or more later, kills everything at once; one sooner is the
 * same Ctrl-C again (npx and tsx pass the terminal's signal on to this process as well).
 */
let abort: (e: StepError) => void = () => undefined;
let signalledAt: number | undefined;
killChildrenOnExit({
	onSignal: () => {
		if (signalledAt !== undefined) {
			if (Date.now() - signalledAt < 1_000) return;
			signalChildren('SIGKILL');
			process.exit(130);
		}
		signalledAt = Date.now();
		console.error('\ninterrupted: stopping everything (again to kill at once)');
		abort(
			new StepError(
				'interrupted',
				`stopped by a signal, in step ${tally.running.join(', ') || '(between steps)'}`,
			),
		);
	},
});

async function scenario(work: string, teardown: Teardown): Promise<void> {
	const bins = await step('services-install', () => ensureServiceBinaries('services-install'));
	console.log(
		`  postgres: ${bins.pgBin}; redis: ${bins.redisServer}${bins.installed.length ? `; installed now: ${bins.installed.join(', ')}` : ' (both there already)'}`,
	);
	const packed = await step('build-and-pack', () => buildAndPack('build-and-pack', work));
	console.log(`  ${path.basename(packed.tarball)}: ${packed.entryCount} files`);
	const postgres = await step('start-postgres', () =>
		startPostgres('start-postgres', work, bins.pgBin, teardown),
	);
	const redis = await step('start-redis', () =>
		startRedis('start-redis', work, bins.redisServer, teardown),
	);
	const sandbox = await step('start-sandbox', async () => {
		const started = await startSandboxProcess('start-sandbox', path.join(work, 'logs'), {
			E2E_SANDBOX_RATE_LIMIT: JSON.stringify(SCALED_LIMIT),
		});
		teardown.add('sandbox', () => stopChild(started.child));
		return started;
	});
	const setup = await installCluster(packed.tarball, work, { postgres, redisPort: redis.port });
	await importScenario(setup, sandbox, [instantWorkflow(sandbox.publicKeyPem)]);
	const cluster = await startCluster(setup, teardown);
	const figures = await queueScenario(setup, cluster, postgres, sandbox);
	currentTally().notes.push(
		`429s ${figures.status429}, wall ${figures.wallMs} ms, floor ${figures.floorMs} ms, ${figures.xFloor.toFixed(2)} x floor after the 1st request`,
	);
	const webhook = await startWebhookProcess(setup, teardown);
	await instantQueueScenario(setup.n8nBin, cluster, webhook, postgres, sandbox);
}

/** Stops what the run started, then checks nothing is left: no process group, no data folder. */
async function cleanup(work: string, teardown: Teardown, ok: () => boolean): Promise<void> {
	const notStopped = await teardown.run();
	signalChildren('SIGKILL'); // whatever a failed step left half-started
	for (let waited = 0; waited < 10_000 && groupsLeftBehind().length; waited += 100)
		await sleep(100);
	const left = groupsLeftBehind();
	for (const group of left) process.kill(-group, 'SIGKILL');
	check('cleanup', notStopped.length === 0, 'every service stopped when asked', notStopped);
	check(
		'cleanup',
		left.length === 0,
		'no process left behind (Postgres, Redis, sandbox, n8n main, workers and webhook process, commands)',
		left,
	);
	const pgLog = path.join(work, 'logs', 'postgres.log');
	if (fs.existsSync(pgLog))
		check(
			'cleanup',
			/database system is shut down\s*$/.test(fs.readFileSync(pgLog, 'utf8')),
			'Postgres shut down cleanly (nothing of it left in shared memory)',
		);
	const processes = ['main', ...WORKERS, WEBHOOK_PROCESS];
	const data = ['postgres', 'redis', ...processes.map((n) => path.join(n, 'user'))];
	if (KEEP) return console.log(`  kept ${work} (E2E_KEEP=1)`);
	const keepLogs = !ok();
	if (keepLogs) {
		// Only the logs: main's log moves next to the others, everything else goes.
		const mainLog = path.join(work, 'main', 'n8n-main.log');
		if (fs.existsSync(mainLog)) fs.renameSync(mainLog, path.join(work, 'logs', 'n8n-main.log'));
		for (const entry of fs.readdirSync(work))
			if (entry !== 'logs') fs.rmSync(path.join(work, entry), { recursive: true, force: true });
	} else fs.rmSync(work, { recursive: true, force: true });
	const dataLeft = data.filter((d) => fs.existsSync(path.join(work, d)));
	check(
		'cleanup',
		dataLeft.length === 0,
		'no data folder left behind (Postgres, Redis, user folders)',
		dataLeft,
	);
	if (keepLogs) console.log(`  kept the logs of this failed run: ${path.join(work, 'logs')}`);
}

async function main(tally: Tally): Promise<void> {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-queue-'));
	fs.mkdirSync(path.join(work, 'logs'));
	console.log(`work folder: ${work}`);
	const teardown = new Teardown();
	const aborted = new Promise<never>((_, reject) => {
		abort = (e) => {
			tally.aborted = true;
			refuseNewProcesses(e.message);
			reject(e);
		};
	});
	const timer = setTimeout(
		() =>
			abort(
				new StepError(
					'deadline',
					`the run did not finish within ${DEADLINE_MS / 1000}s (E2E_QUEUE_TIMEOUT_MS), in step ${tally.running.join(', ') || '(between steps)'}`,
				),
			),
		DEADLINE_MS,
	);
	const run = scenario(work, teardown);
	run.catch(() => undefined); // after the deadline its own rejection no longer matters
	try {
		await Promise.race([run, aborted]);
	} catch (e) {
		stop(tally, e);
		console.error(`\nFAILED at ${errorText(e)}`);
	} finally {
		clearTimeout(timer);
		// No step may start any more (a run cut short by a deadline or a signal is still unwinding);
		// the cleanup is not a step() for that reason, but prints and times itself like one.
		tally.aborted = true;
		refuseNewProcesses('the run is being cleaned up');
		console.log('\n▶ cleanup');
		const started = Date.now();
		await cleanup(work, teardown, () => !tally.error && tally.failures.length === 0).catch((e) =>
			stop(tally, new StepError('cleanup', errorText(e))),
		);
		tally.timings.cleanup = (Date.now() - started) / 1000;
		console.log(`  (${tally.timings.cleanup.toFixed(1)}s)`);
		tally.seconds = (Date.now() - tally.started) / 1000;
	}
}

const tally = begin(
	`queue mode: n8n@${N8N_VERSION} main + 2 workers + webhook process, Postgres, Redis`,
);
main(tally).then(
	() => report('E2E queue mode', [tally]),
	(e) => report('E2E queue mode', [tally], e),
);
