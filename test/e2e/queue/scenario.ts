// The queue-mode scenario: the workflow (workflow.ts) called twice at the same moment with 500
// appointments each. Main takes both calls and queues two executions; each worker (concurrency 1)
// takes one, so both run at the same time against one HighLevel location and its one limit.
// Which worker ran an execution: n8n 2.40's execution records have no worker column
// (execution_entity holds status and times; the worker's id goes only to main over Redis, and into
// the logs). So the workflow writes it into the record itself: its Execution Data node saves
// `worker = {{ $env.HLC_E2E_WORKER }}`, evaluated on the worker that runs it, as the execution's
// custom data (table execution_metadata). The workers' own logs ("Worker started execution <id>")
// are checked to say the same. Waits are for conditions (the records' status), never fixed times.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { check, step, StepError } from '../checks';
import { NODE_TYPE, setUpOwner } from '../n8nSetup';
import { sleep } from '../processes';
import type { Json, Sandbox, SandboxDump } from '../scenarios/major';
import type { Cluster, ClusterSetup } from './cluster';
import { printFigures, sandboxFigures, type Figures } from './figures';
import type { Postgres } from './services';
import { CREATE_NODE, ITEMS_PER_RUN, RUNS, runItems, WEBHOOK_PATH, WORKFLOW_ID } from './workflow';

/** Both executions, 1,000 creates paced at 100/s, with room for a loaded machine. */
const EXECUTIONS_DEADLINE_MS = 10 * 60_000;

interface ExecutionRecord {
	id: string;
	status: string;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
	worker: string | null;
	run: string | null;
}

const RECORDS_SQL = `select coalesce(json_agg(t order by t.id), '[]') from (
	select e.id::text as id, e.status, e.mode, e."startedAt", e."stoppedAt",
		(select m.value from execution_metadata m where m."executionId" = e.id and m.key = 'worker') as worker,
		(select m.value from execution_metadata m where m."executionId" = e.id and m.key = 'run') as run
	from execution_entity e where e."workflowId" = '${WORKFLOW_ID}') t`;

const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const WEBHOOK_SQL = `select count(*) from webhook_entity where "workflowId" = '${WORKFLOW_ID}'`;

/** Polls `done` every second until it holds; a StepError of two-executions after `ms`. */
async function waitUntil(
	what: string,
	ms: number,
	done: () => Promise<boolean>,
	state: () => string = () => '',
): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await done())) {
		if (Date.now() > deadline)
			throw new StepError('two-executions', `${what}: not within ${ms / 1000}s ${state()}`);
		await sleep(1_000);
	}
}

/** The sandbox's recording since the last dump (SIGUSR2), which starts a new one. */
function dumper(sandbox: Sandbox) {
	let dumps = 0;
	return async (): Promise<SandboxDump> => {
		dumps++;
		process.kill(sandbox.child.pid!, 'SIGUSR2');
		await sandbox.waitFor(/"dumped"/, 60_000, `sandbox dump #${dumps}`, dumps);
		return JSON.parse(fs.readFileSync(sandbox.dumpFile, 'utf8'));
	};
}

/** The scenario's steps, once the cluster is up; returns the figures for the report. */
export async function queueScenario(
	setup: ClusterSetup,
	cluster: Cluster,
	postgres: Postgres,
	sandbox: Sandbox,
): Promise<Figures> {
	const takeDump = dumper(sandbox);
	await step('package-in-main', async () => {
		// The node types main serves the editor, which needs a signed-in user: the owner.
		const browserId = 'e2e-queue-browser';
		const cookie = await setUpOwner('package-in-main', cluster.base, browserId);
		const r = await fetch(`${cluster.base}/types/nodes.json`, {
			headers: { cookie, 'browser-id': browserId },
		});
		const types = r.ok ? ((await r.json()) as Array<{ name: string }>) : [];
		check(
			'package-in-main',
			types.some((t) => t.name === NODE_TYPE),
			`main lists ${NODE_TYPE} among its node types (GET /types/nodes.json)`,
			`HTTP ${r.status}, ${types.length} types`,
		);
	});
	await takeDump(); // nothing before the two calls counts

	const titles: Record<string, string[]> = {};
	let firedAt = 0;
	const records = await step('two-executions', async () => {
		const bodies = RUNS.map((run, i) => ({ run, items: runItems(run, i) }));
		for (const b of bodies) titles[b.run] = b.items.map((item) => item.title);
		// Main activates published workflows after its REST API is up: wait for the webhook's row.
		await waitUntil(
			'the webhook registered by main (webhook_entity)',
			180_000,
			async () => Number(await postgres.query('two-executions', WEBHOOK_SQL)) > 0,
		);
		firedAt = Date.now();
		const answers = await Promise.all(
			bodies.map((body) =>
				fetch(`${cluster.base}/webhook/${WEBHOOK_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				}).then(async (r) => ({ status: r.status, text: await r.text() })),
			),
		);
		console.log(`  both webhook calls answered within ${Date.now() - firedAt} ms`);
		if (!answers.every((a) => a.status === 200))
			throw new StepError(
				'two-executions',
				`main did not take both webhook calls: ${JSON.stringify(answers).slice(0, 1500)}`,
			);
		check('two-executions', true, 'main answered both webhook calls at once (200)');
		let found: ExecutionRecord[] = [];
		await waitUntil(
			'both executions finished',
			EXECUTIONS_DEADLINE_MS,
			async () => {
				const gone = cluster.workers.filter((w) => w.exited()).map((w) => w.name);
				if (gone.length) throw new StepError('two-executions', `${gone.join(', ')} exited mid-run`);
				found = await postgres.json<ExecutionRecord[]>('two-executions', RECORDS_SQL);
				return found.length >= RUNS.length && found.every((e) => FINISHED.includes(e.status));
			},
			() => JSON.stringify(found),
		);
		console.log(`  both executions finished ${Date.now() - firedAt} ms after the calls`);
		return found;
	});

	await step('worker-assignment', async () => {
		const s = 'worker-assignment';
		check(s, records.length === RUNS.length, 'two executions recorded', records.length);
		check(
			s,
			records.every((e) => e.status === 'success' && e.mode === 'webhook'),
			'both executions succeeded (status success, mode webhook)',
			records.map(({ id, status, mode }) => ({ id, status, mode })),
		);
		const workers = records.map((e) => e.worker);
		check(
			s,
			new Set(workers).size === 2 &&
				workers.every((w) => cluster.workers.some((c) => c.name === w)),
			'the execution records name two different workers (custom data "worker")',
			records.map(({ id, worker, run }) => ({ id, worker, run })),
		);
		const starts = records.map((e) => Date.parse(e.startedAt ?? ''));
		const stops = records.map((e) => Date.parse(e.stoppedAt ?? ''));
		check(
			s,
			Math.max(...starts) < Math.min(...stops),
			'the two executions ran at the same time (their records overlap)',
			records.map(({ startedAt, stoppedAt }) => ({ startedAt, stoppedAt })),
		);
		for (const w of cluster.workers) {
			const log = fs.readFileSync(w.logFile, 'utf8');
			const started = [...log.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
			const own = records.filter((e) => e.worker === w.name).map((e) => e.id);
			check(
				s,
				started.length === 1 && started[0] === own[0],
				`${w.name}'s log says it started the execution its record names (${own.join(', ') || 'none'})`,
				started,
			);
		}
		// Each worker's node ran with the package it has: 500 items out, none failed.
		const flatted = createRequire(setup.n8nBin)('flatted') as { parse(text: string): Json };
		for (const e of records) {
			const raw = await postgres.query(
				s,
				`select data from execution_data where "executionId" = ${Number(e.id)}`,
			);
			const items: Json[] =
				flatted.parse(raw).resultData?.runData?.[CREATE_NODE]?.[0]?.data?.main?.[0] ?? [];
			const failed = items.filter((item) => item.error || item.json?.error).length;
			check(
				s,
				items.length === ITEMS_PER_RUN && failed === 0 && items.every((item) => item.json?.id),
				`${e.worker} ran the HighLevel node of execution ${e.id}: ${ITEMS_PER_RUN} appointments out, none failed`,
				{ items: items.length, failed },
			);
		}
	});

	return step('sandbox', async () => {
		const dump = await takeDump();
		if (process.env.E2E_QUEUE_DUMP)
			fs.writeFileSync(process.env.E2E_QUEUE_DUMP, JSON.stringify(dump.requests));
		const figures = sandboxFigures('sandbox', dump, titles, firedAt);
		printFigures(figures);
		return figures;
	});
}
