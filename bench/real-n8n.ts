/**
 * `npm run bench`, second part: a 1,000-create burst (and 1,000 updates) in a REAL n8n 2.41.1 (Node 24, its default expression engine), against the
 * HighLevel sandbox with HighLevel's limit scaled in time (100 requests per 1,000 ms per location).
 *   npx tsx bench/real-n8n.ts [--rounds N] [--variants ours,previous,one-property] [--profile] [--keep]
 * One run: build + pack the package (test/e2e/n8nSetup.ts), one n8n user folder with it installed as
 * a community package plus a generated one-property declarative package (n8n-nodes-bench-baseline,
 * plain JS, using our package's credential type highLevelCalendarApi), one import of the credential
 * and one workflow per variant (Manual Trigger -> Code node making 1,000 items -> the node under test):
 *   ours                 n8n-nodes-highlevel-calendar.highLevelCalendar, Appointment: Create
 *   previous             the same on the package as it was at PREVIOUS_COMMIT (before the v3 work),
 *                        installed as n8n-nodes-bench-previous (built once, cached per commit)
 *   one-property         n8n-nodes-bench-baseline.benchBaseline: one hidden property routing the same POST
 *   http                 n8n-nodes-base.httpRequest, predefined credential type, batching 100 / 1,000 ms
 *   ours-update          Appointment: Update of 1,000 appointments the sandbox holds (the no-show sweep)
 *   one-property-update  benchBaselineUpdate: one hidden property routing the same PUT
 * Each pair compares two expressions per item: the start and the title, or the id and the status.
 * After one warm-up run, rounds are interleaved, every other one in reverse order (in one 4-round
 * run of ours and previous, whichever ran first in a round took about 5% longer); each run is its
 * own `n8n execute --id X --rawOutput` process. The sandbox runs in this process (the bench does
 * nothing else while n8n runs) and is reset before each run.
 * Per run: the node's startTime and executionTime from the run data, and the sandbox's first-request
 * time, 429s and store. "first req" = sandbox's first request - the node's startTime; "CPU ms before
 * 1st" = the n8n process's CPU time in that span (real-n8n/cpu.ts), which other processes' load on
 * the machine stretches less. Ratios: of the medians, and each round's. Failed items
 * are counted (the node continues on fail). Figures, not pass/fail.
 * --profile: runs "ours" once under `node --cpu-prof` and prints the top self-time functions (whole
 * process, and inside the node's own time window) and the top inclusive time of our package's,
 * routing-node's and expression frames.
 * The variants and the generated baseline package are in real-n8n/variants.ts, the previous
 * package's build and install in real-n8n/previous.ts, the rows and tables in real-n8n/table.ts,
 * the profile's reading in real-n8n/profile.ts; they share one n8n user folder and one sandbox:
 * each figure is only comparable with the others of the same run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SANDBOX_LOCATION_ID, SANDBOX_TOKEN, startSandbox, type Sandbox } from '../test/sandbox';
import { StepError } from '../test/e2e/checks';
import { installN8n, N8N_VERSION } from '../test/e2e/install-n8n';
import { SCALED_LIMIT } from './floor';
import {
	buildAndPack,
	installCommunityPackage,
	n8nEnvironment,
	parseRunOutput,
} from '../test/e2e/n8nSetup';
import {
	freePort,
	groupsLeftBehind,
	killChildrenOnExit,
	onChildStarted,
	run,
	signalChildren,
	sleep,
	tail,
} from '../test/e2e/processes';
import { sampleCpu, type CpuSamples } from './real-n8n/cpu';
import { installPrevious } from './real-n8n/previous';
import { aggregate, printTop, type CpuProfile } from './real-n8n/profile';
import { mediansOf, printRatios, printRows, rowFrom, type Row } from './real-n8n/table';
import {
	CRED,
	CRED_TYPE,
	seedAppointments,
	VARIANTS,
	workflow,
	writeBaselinePackage,
	type Json,
	type Variant,
} from './real-n8n/variants';

const LIMIT = SCALED_LIMIT;
const EXECUTE_TIMEOUT_MS = 5 * 60_000;
const DEADLINE_MS = 45 * 60_000;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const roundsArg = argv.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(argv[roundsArg + 1]) : 3;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds takes a positive integer');

const variantsArg = argv.indexOf('--variants');
/** The variants this run measures (--variants ours,one-property), in table order. */
const RUN_VARIANTS =
	variantsArg >= 0
		? VARIANTS.filter((v) => argv[variantsArg + 1].split(',').includes(v.key))
		: VARIANTS;

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-bench-n8n-'));
	if (!flag('--keep')) process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
	const userFolder = path.join(work, 'user');
	let sandbox: Sandbox | undefined;
	try {
		console.log(
			`work folder ${work}; ${flag('--profile') ? 'one profiled run of ours' : `${ROUNDS} round(s), interleaved`}`,
		);
		const install = installN8n((m) => console.log(`  ${m}`));
		const nodeExe = path.join(install.nodeBinDir, 'node');
		const { tarball } = await buildAndPack('build-and-pack', work);
		await installCommunityPackage('install-package', tarball, userFolder);
		writeBaselinePackage(userFolder);
		if (RUN_VARIANTS.some((v) => v.key === 'previous'))
			await installPrevious('install-previous', userFolder);

		sandbox = await startSandbox({ rateLimit: { ...LIMIT }, record: false });
		const env = n8nEnvironment(install.nodeBinDir, {
			userFolder,
			encryptionKey: 'bench-highlevel-calendar-key',
			brokerPort: await freePort(),
			extra: { N8N_LOG_LEVEL: 'warn' },
		});
		/** Runs n8n; with `stdoutFile`, its stdout goes into that file instead (see execute). */
		const n8n = (
			step: string,
			args: string[],
			nodeArgs: string[] = [],
			extra: NodeJS.ProcessEnv = {},
			stdoutFile?: string,
		) => {
			const argv = [nodeExe, ...nodeArgs, install.n8nBin, ...args];
			const [cmd, ...cmdArgs] = stdoutFile
				? ['sh', '-c', 'out=$1; shift; exec "$@" > "$out"', 'sh', stdoutFile, ...argv]
				: argv;
			return run(step, cmd, cmdArgs, {
				env: { ...env, ...extra },
				timeoutMs: EXECUTE_TIMEOUT_MS,
				cwd: work,
				allowFail: true,
			});
		};

		const creds = [
			{
				...CRED,
				type: CRED_TYPE,
				data: {
					accessToken: SANDBOX_TOKEN,
					locationId: SANDBOX_LOCATION_ID,
					baseUrl: sandbox.baseUrl,
				},
			},
		];
		fs.writeFileSync(path.join(work, 'creds.json'), JSON.stringify(creds));
		fs.writeFileSync(
			path.join(work, 'workflows.json'),
			JSON.stringify(VARIANTS.map((v) => workflow(v, sandbox!.baseUrl))),
		);
		for (const [what, file] of [
			['credentials', 'creds.json'],
			['workflow', 'workflows.json'],
		]) {
			const r = await n8n('import', [`import:${what}`, `--input=${path.join(work, file)}`]);
			if (r.code !== 0)
				throw new StepError(
					'import',
					`import:${what} exited ${r.code}:\n${tail(r.stdout + r.stderr)}`,
				);
		}
		console.log(
			`n8n@${N8N_VERSION} on ${(await run('node', nodeExe, ['--version'], { timeoutMs: 30_000 })).stdout.trim()}; sandbox ${sandbox.baseUrl}; limit ${LIMIT.max} per ${LIMIT.windowMs} ms`,
		);

		// The CPU time of the latest child: an `n8n execute` runs alone (the bench waits for it).
		let cpu: CpuSamples | undefined;
		onChildStarted((pid) => {
			cpu?.stop();
			cpu = sampleCpu(pid);
		});
		const execute = async (variant: Variant, round: string, nodeArgs: string[] = []) => {
			sandbox!.reset();
			if (variant.updates) seedAppointments(sandbox!);
			const spawnedAt = Date.now();
			// The command prints the run (about 1 MB) through n8n's logger at level info, just before
			// it exits: into a file, as a pipe loses what this process has not read by then (seen
			// under load).
			const stdoutFile = path.join(work, `${variant.key}-${round}.stdout.txt`);
			const r = await n8n(
				`execute ${variant.key}`,
				['execute', `--id=${variant.workflowId}`, '--rawOutput'],
				nodeArgs,
				{ N8N_LOG_LEVEL: 'info' },
				stdoutFile,
			);
			cpu!.stop();
			const stdout = fs.readFileSync(stdoutFile, 'utf8');
			fs.writeFileSync(path.join(work, `${variant.key}-${round}.stderr.txt`), r.stderr);
			if (r.code !== 0)
				throw new StepError(
					`execute ${variant.key}`,
					`exit ${r.code}:\n${tail(stdout + '\n' + r.stderr)}`,
				);
			const row = rowFrom(
				variant.key,
				round,
				sandbox!,
				parseRunOutput(`execute ${variant.key}`, stdout) as Json,
				r.seconds,
				cpu!,
			);
			console.log(
				`  ${variant.key} round ${round}: first request ${row.firstMs} ms after the node's start (${row.cpuFirstMs.toFixed(0)} ms CPU), node ${row.totalMs} ms, ok ${row.ok}, failed ${row.failed}, 429s ${row.status429}${row.error ? `; first error: ${row.error}` : ''}`,
			);
			return { row, spawnedAt };
		};

		if (flag('--profile')) {
			const dir = path.join(work, 'cpuprof');
			const ours = VARIANTS[0];
			const { row, spawnedAt } = await execute(ours, 'profile', [
				'--cpu-prof',
				`--cpu-prof-dir=${dir}`,
			]);
			printRows('profiled run (ours, under --cpu-prof)', [row]);
			const files = fs
				.readdirSync(dir)
				.map((f) => ({ f, size: fs.statSync(path.join(dir, f)).size }))
				.sort((a, b) => b.size - a.size);
			console.log(
				`\nprofiles: ${files.map(({ f, size }) => `${f} (${(size / 1e6).toFixed(1)} MB)`).join(', ')}; using the largest`,
			);
			const profile = JSON.parse(fs.readFileSync(path.join(dir, files[0].f), 'utf8')) as CpuProfile;
			// The profile clock starts with the process: map the node's startTime (epoch ms) through the spawn time.
			const fromUs = profile.startTime + (row.startTime - spawnedAt) * 1000;
			const { selfBy, inclBy } = aggregate(profile, fromUs, fromUs + row.totalMs * 1000);
			const totalSelf = [...selfBy.values()].reduce((s, v) => [s[0] + v[0], s[1] + v[1]], [0, 0]);
			console.log(
				`sampled ${(totalSelf[0] / 1000).toFixed(0)} ms in all, ${(totalSelf[1] / 1000).toFixed(0)} ms in the node's window (its startTime + executionTime, mapped via the spawn time; +-tens of ms)`,
			);
			printTop('top 40 by self time (whole process)', selfBy, 40, 0);
			printTop("top 40 by self time inside the node's window", selfBy, 40, 1);
			printTop(
				'top 25 by total (inclusive) time, frames of n8n-nodes-highlevel-calendar, routing-node or expression (sorted by node window)',
				inclBy,
				25,
				1,
				(key) => /n8n-nodes-highlevel-calendar|routing-node|expression/.test(key),
			);
		} else {
			const rows: Row[] = [];
			// The run's first `n8n execute` was often its slowest (up to 1.4 x the same variant's
			// next one): a warm-up run first, not counted.
			await execute(RUN_VARIANTS[0], 'warm-up');
			// Every other round runs the variants in reverse, so none always runs first (or right after
			// the same other one).
			for (let round = 1; round <= ROUNDS; round++)
				for (const variant of round % 2 ? RUN_VARIANTS : [...RUN_VARIANTS].reverse())
					rows.push((await execute(variant, String(round))).row);
			printRows(
				`1,000 creates (or updates) in n8n@${N8N_VERSION}, every round (limit ${LIMIT.max} requests per ${LIMIT.windowMs} ms)`,
				rows,
			);
			const medians = mediansOf(
				RUN_VARIANTS.map((v) => v.key),
				rows,
			);
			printRows('medians', medians);
			const pairs: Array<[string, string]> = [
				['ours', 'one-property'],
				['ours', 'previous'],
				['ours-update', 'one-property-update'],
			];
			printRatios('time before the first request', (r) => r.firstMs, rows, medians, pairs);
			printRatios('CPU time before the first request', (r) => r.cpuFirstMs, rows, medians, pairs);
		}
	} finally {
		await sandbox?.close();
		signalChildren('SIGKILL');
		// A finished `n8n execute` may leave its task runner exiting for a moment: wait (bounded), then kill.
		for (let i = 0; i < 50 && groupsLeftBehind().length; i++) await sleep(100);
		const left = groupsLeftBehind();
		if (left.length) {
			const ps = await run('ps', 'ps', ['-eo', 'pid,pgid,args'], {
				timeoutMs: 10_000,
				allowFail: true,
			});
			const members = ps.stdout
				.split('\n')
				.filter((l) => left.includes(Number(l.trim().split(/\s+/)[1])));
			console.error(
				`still running after 5 s, killed: process groups ${left.join(', ')}:\n${members.join('\n')}`,
			);
			left.forEach((g) => process.kill(-g, 'SIGKILL'));
		}
		if (flag('--keep')) console.log(`kept ${work}`);
		else fs.rmSync(work, { recursive: true, force: true });
	}
}

killChildrenOnExit();
const deadline = setTimeout(() => {
	console.error(`deadline of ${DEADLINE_MS / 60_000} min reached`);
	signalChildren('SIGKILL');
	process.exit(124);
}, DEADLINE_MS);
deadline.unref();
main().then(
	() => process.exit(0),
	(error) => {
		console.error(error instanceof StepError ? error.message : error);
		process.exit(1);
	},
);
