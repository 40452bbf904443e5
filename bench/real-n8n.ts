/**
 * `npm run bench`, second part: a 1,000-create burst (and 1,000 updates) in a REAL n8n 2.41.1 (Node 24, its default expression engine), against the
 * HighLevel sandbox with HighLevel's limit scaled in time (100 requests per 1,000 ms per location).
 *   npx tsx bench/real-n8n.ts [--rounds N] [--variants ours,one-property,http] [--profile] [--keep]
 * One run: build + pack the package (test/e2e/n8nSetup.ts), one n8n user folder with it installed as
 * a community package plus a generated one-property declarative package (n8n-nodes-bench-baseline,
 * plain JS, using our package's credential type highLevelCalendarApi), one import of the credential
 * and one workflow per variant (Manual Trigger -> Code node making 1,000 items -> the node under test):
 *   ours                 n8n-nodes-highlevel-calendar.highLevelCalendar, Appointment: Create
 *   one-property         n8n-nodes-bench-baseline.benchBaseline: one hidden property routing the same POST
 *   http                 n8n-nodes-base.httpRequest, predefined credential type, batching 100 / 1,000 ms
 *   ours-update          Appointment: Update of 1,000 appointments the sandbox holds (the no-show sweep)
 *   one-property-update  benchBaselineUpdate: one hidden property routing the same PUT
 * Each pair compares two expressions per item: the start and the title, or the id and the status.
 * Rounds are interleaved; each run is its own `n8n execute --id X --rawOutput` process. The sandbox
 * runs in this process (the bench does nothing else while n8n runs) and is reset before each run.
 * Per run: the node's startTime and executionTime from the run data, and the sandbox's first-request
 * time, 429s and store. "first req" = sandbox's first request - the node's startTime. Failed items
 * are counted (the node continues on fail). Figures, not pass/fail.
 * --profile: runs "ours" once under `node --cpu-prof` and prints the top self-time functions (whole
 * process, and inside the node's own time window) and the top inclusive time of our package's,
 * routing-node's and expression frames.
 * Over 450 lines because the variants, the generated baseline package and the profile share one n8n
 * user folder and one sandbox: each figure is only comparable with the others of the same run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	startSandbox,
	type Sandbox,
} from '../test/sandbox';
import { StepError } from '../test/e2e/checks';
import { installN8n, N8N_VERSION } from '../test/e2e/install-n8n';
import { ONE_PROPERTY_CREATE_BODY } from './fixture';
import { floorMs, SCALED_LIMIT } from './floor';
import {
	buildAndPack,
	installCommunityPackage,
	n8nEnvironment,
	PACKAGE,
	parseRunOutput,
} from '../test/e2e/n8nSetup';
import {
	freePort,
	groupsLeftBehind,
	killChildrenOnExit,
	run,
	signalChildren,
	sleep,
	tail,
} from '../test/e2e/processes';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LIMIT = SCALED_LIMIT;
const ITEMS = 1_000;
const FLOOR_MS = floorMs(ITEMS);
const CRED = { id: 'benchHlcCred0001', name: 'HighLevel sandbox (bench)' };
const CRED_TYPE = 'highLevelCalendarApi';
const BASELINE = 'n8n-nodes-bench-baseline';
const API_HEADERS = {
	Accept: 'application/json',
	'Content-Type': 'application/json',
	Version: '2021-04-15',
};
const EXECUTE_TIMEOUT_MS = 5 * 60_000;
const DEADLINE_MS = 45 * 60_000;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const roundsArg = argv.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(argv[roundsArg + 1]) : 3;
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds takes a positive integer');

// ---------------------------------------------------------------- the variants
interface Variant {
	key: string;
	workflowId: string;
	node: (baseUrl: string) => Json;
	/** 1,000 updates of appointments the sandbox holds, instead of 1,000 creates. */
	updates?: boolean;
}
const NODE_NAME = 'Create appointments';
const body = ONE_PROPERTY_CREATE_BODY;
const VARIANTS: Variant[] = [
	{
		key: 'ours',
		workflowId: 'benchWfOurs00001',
		node: () => ({
			type: `${PACKAGE}.highLevelCalendar`,
			typeVersion: 1,
			parameters: {
				resource: 'appointment',
				operation: 'create',
				calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
				contactId: { __rl: true, mode: 'id', value: SANDBOX_CONTACT_ID },
				startTime: '={{ $json.start }}',
				additionalFields: {
					title: '={{ $json.title }}',
					ignoreFreeSlotValidation: true,
					toNotify: false,
				},
			},
		}),
	},
	{
		key: 'one-property',
		workflowId: 'benchWfBase00001',
		node: () => ({ type: `${BASELINE}.benchBaseline`, typeVersion: 1, parameters: {} }),
	},
	{
		key: 'ours-update',
		workflowId: 'benchWfOursUpd01',
		updates: true,
		node: () => ({
			type: `${PACKAGE}.highLevelCalendar`,
			typeVersion: 1,
			parameters: {
				resource: 'appointment',
				operation: 'update',
				eventId: '={{ $json.id }}',
				updateFields: { appointmentStatus: '={{ $json.status }}', toNotify: false },
			},
		}),
	},
	{
		key: 'one-property-update',
		workflowId: 'benchWfBaseUpd01',
		updates: true,
		node: () => ({ type: `${BASELINE}.benchBaselineUpdate`, typeVersion: 1, parameters: {} }),
	},
	{
		key: 'http',
		workflowId: 'benchWfHttp00001',
		node: (baseUrl) => ({
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${baseUrl}/calendars/events/appointments`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: CRED_TYPE,
				sendHeaders: true,
				headerParameters: {
					parameters: Object.entries(API_HEADERS)
						.filter(([k]) => k !== 'Content-Type')
						.map(([name, value]) => ({ name, value })),
				},
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `=${JSON.stringify({ ...body, startTime: '{{ $json.start }}', title: '{{ $json.title }}' }, null, 1)}`,
				options: { batching: { batch: { batchSize: 100, batchInterval: 1000 } } },
			},
		}),
	},
];

/** Manual Trigger -> Code node (1,000 items, titles and times unique per execution) -> the node. */
function workflow(variant: Variant, baseUrl: string): Json {
	const jsCode = variant.updates
		? `return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { id: 'apt_bench_' + i, status: 'noshow' } }));`
		: [
				`const k = Number($execution.id) || Date.now() % 100000;`,
				`const prefix = '${variant.key}-e' + k + '-' + Date.now();`,
				`const base = Date.UTC(2035, 0, 1) + k * ${ITEMS} * 1800000;`,
				`return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { title: prefix + '-' + i, start: new Date(base + i * 1800000).toISOString() } }));`,
			].join('\n');
	const node = {
		...variant.node(baseUrl),
		id: `${variant.workflowId}-n3`,
		name: NODE_NAME,
		position: [440, 0],
	};
	return {
		id: variant.workflowId,
		name: `bench: 1,000 ${variant.updates ? 'updates' : 'creates'} (${variant.key})`,
		nodes: [
			{
				id: `${variant.workflowId}-n1`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${variant.workflowId}-n2`,
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode },
			},
			{
				...node,
				credentials: { [CRED_TYPE]: CRED },
				alwaysOutputData: true,
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The one-property declarative community package (create and update), as plain JS, next to ours. */
function writeBaselinePackage(userFolder: string): void {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', BASELINE);
	fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
	const node = (className: string, name: string, request: Json) => {
		const description = {
			displayName: className,
			name,
			group: ['transform'],
			version: 1,
			description: `One-property declarative node: ${request.method} ${request.url}`,
			defaults: { name: className },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CRED_TYPE, required: true }],
			requestDefaults: {
				baseURL: '={{$credentials.baseUrl.replace(new RegExp("/+$"), "")}}',
				headers: API_HEADERS,
				json: true,
			},
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'hidden',
					default: 'send',
					routing: { request },
				},
			],
		};
		const file = `dist/${className}.node.js`;
		fs.writeFileSync(
			path.join(dir, file),
			`'use strict';\nclass ${className} {\n\tconstructor() {\n\t\tthis.description = ${JSON.stringify(description, null, '\t')};\n\t}\n}\nmodule.exports = { ${className} };\n`,
		);
		return file;
	};
	const nodes = [
		node('BenchBaseline', 'benchBaseline', {
			method: 'POST',
			url: '/calendars/events/appointments',
			body,
		}),
		node('BenchBaselineUpdate', 'benchBaselineUpdate', {
			method: 'PUT',
			url: '=/calendars/events/appointments/{{ $json.id }}',
			body: { appointmentStatus: '={{ $json.status }}', toNotify: false },
		}),
	];
	const manifest = {
		name: BASELINE,
		version: '0.0.1',
		keywords: ['n8n-community-node-package'],
		n8n: { n8nNodesApiVersion: 1, nodes, credentials: [] },
	};
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	const ledgerFile = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	const ledger = JSON.parse(fs.readFileSync(ledgerFile, 'utf8'));
	ledger.dependencies[BASELINE] = manifest.version;
	fs.writeFileSync(ledgerFile, JSON.stringify(ledger, null, 2));
}

/** The 1,000 appointments the update variants change, added to the sandbox's store. */
function seedAppointments(sandbox: Sandbox): void {
	const template = sandbox.store.appointments.get('apt_sandbox_001')!;
	for (let i = 0; i < ITEMS; i++)
		sandbox.store.appointments.set(`apt_bench_${i}`, {
			...template,
			id: `apt_bench_${i}`,
			title: `bench-${i}`,
		});
}

const variantsArg = argv.indexOf('--variants');
/** The variants this run measures (--variants ours,one-property), in table order. */
const RUN_VARIANTS =
	variantsArg >= 0
		? VARIANTS.filter((v) => argv[variantsArg + 1].split(',').includes(v.key))
		: VARIANTS;

// ---------------------------------------------------------------- one run
interface Row {
	variant: string;
	round: string;
	firstMs: number;
	totalMs: number;
	codeMs: number;
	status429: number;
	ok: number;
	failed: number;
	duplicated: number;
	requests: number;
	processS: number;
	error?: string;
}

function rowFrom(
	variant: string,
	round: string,
	sandbox: Sandbox,
	runJson: Json,
	processS: number,
): Row & { startTime: number } {
	const runData = runJson.data?.resultData?.runData ?? {};
	const task = runData[NODE_NAME]?.[0];
	if (!task)
		throw new Error(
			`${variant}: "${NODE_NAME}" did not run: ${JSON.stringify(runJson.data?.resultData?.error ?? {}).slice(0, 1500)}`,
		);
	const items: Json[] = task.data?.main?.[0] ?? [];
	const isFailed = (item: Json) => item.error !== undefined || item.json?.error !== undefined;
	const prefix = String(runData.Items?.[0]?.data?.main?.[0]?.[0]?.json?.title ?? '').replace(
		/-0$/,
		'',
	);
	const titles = new Map<string, number>();
	for (const a of sandbox.store.appointments.values())
		if (prefix && a.title.startsWith(`${prefix}-`))
			titles.set(a.title, (titles.get(a.title) ?? 0) + 1);
	const failedItem = items.find(isFailed);
	return {
		variant,
		round,
		startTime: task.startTime,
		firstMs: sandbox.stats.firstAt === undefined ? NaN : sandbox.stats.firstAt - task.startTime,
		totalMs: task.executionTime,
		codeMs: runData.Items?.[0]?.executionTime ?? NaN,
		status429: sandbox.stats.byStatus['429'] ?? 0,
		ok: items.filter((item) => !isFailed(item)).length,
		failed: items.filter(isFailed).length,
		duplicated: [...titles.values()].reduce((sum, n) => sum + n - 1, 0),
		requests: sandbox.stats.received,
		processS,
		error: failedItem
			? String(
					failedItem.error?.message ?? failedItem.json?.error?.message ?? failedItem.json?.error,
				).slice(0, 160)
			: undefined,
	};
}

// ---------------------------------------------------------------- the CPU profile
interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}>;
	samples: number[];
	timeDeltas: number[];
	startTime: number;
}

/** Self and inclusive time per function (name + url + line), whole run and inside [fromUs, toUs] of the profile. */
function aggregate(profile: CpuProfile, fromUs: number, toUs: number) {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, [number, number]>();
	let t = profile.startTime;
	profile.samples.forEach((id, i) => {
		t += profile.timeDeltas[i];
		const d = profile.timeDeltas[i];
		const s = self.get(id) ?? [0, 0];
		s[0] += d;
		if (t >= fromUs && t <= toUs) s[1] += d;
		self.set(id, s);
	});
	const keyOf = (n: CpuProfile['nodes'][number]) => {
		const { functionName, url, lineNumber } = n.callFrame;
		const short = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '');
		return `${functionName || '(anonymous)'} ${short}${url ? `:${lineNumber + 1}` : ''}`;
	};
	const selfBy = new Map<string, [number, number]>();
	const inclBy = new Map<string, [number, number]>();
	const add = (map: Map<string, [number, number]>, key: string, v: [number, number]) => {
		const cur = map.get(key) ?? [0, 0];
		map.set(key, [cur[0] + v[0], cur[1] + v[1]]);
	};
	const onStack = new Set<string>();
	// Post-order subtree sums; a function recursing into itself counts once (the outermost frame).
	const visit = (id: number): [number, number] => {
		const n = byId.get(id)!;
		const key = keyOf(n);
		const own = self.get(id) ?? [0, 0];
		add(selfBy, key, own);
		const outer = !onStack.has(key);
		if (outer) onStack.add(key);
		const sum: [number, number] = [own[0], own[1]];
		for (const child of n.children ?? []) {
			const c = visit(child);
			sum[0] += c[0];
			sum[1] += c[1];
		}
		if (outer) {
			onStack.delete(key);
			add(inclBy, key, sum);
		}
		return sum;
	};
	visit(profile.nodes[0].id);
	return { selfBy, inclBy };
}

function printTop(
	title: string,
	map: Map<string, [number, number]>,
	n: number,
	sortBy: 0 | 1,
	filter: (key: string) => boolean = () => true,
) {
	console.log(
		`\n${title}\n| # | function url:line | ms (whole process) | ms (node window) |\n|---|---|---|---|`,
	);
	[...map.entries()]
		.filter(([key]) => filter(key))
		.sort((a, b) => b[1][sortBy] - a[1][sortBy])
		.slice(0, n)
		.forEach(([key, [all, win]], i) =>
			console.log(
				`| ${i + 1} | ${key.replace(/\|/g, '\\|')} | ${(all / 1000).toFixed(1)} | ${(win / 1000).toFixed(1)} |`,
			),
		);
}

// ---------------------------------------------------------------- tables
const median = (values: number[]) => {
	const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
	return v.length === 0
		? NaN
		: v.length % 2
			? v[(v.length - 1) / 2]
			: (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
function printRows(title: string, rows: Row[]) {
	const header = [
		'variant',
		'round',
		'first req ms',
		'ms/item before 1st',
		'node total ms',
		'floor ms',
		'x floor',
		'429s',
		'ok',
		'failed',
		'dup',
		'requests',
		'Code node ms',
		'n8n execute s',
	];
	console.log(`\n${title}\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
	for (const r of rows) {
		const cells = [
			r.variant,
			r.round,
			r.firstMs.toFixed(0),
			(r.firstMs / ITEMS).toFixed(2),
			r.totalMs.toFixed(0),
			String(FLOOR_MS),
			(r.totalMs / FLOOR_MS).toFixed(2),
			r.status429,
			r.ok,
			r.failed,
			r.duplicated,
			r.requests,
			r.codeMs.toFixed(0),
			r.processS.toFixed(1),
		];
		console.log(`| ${cells.join(' | ')} |`);
	}
}

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

		sandbox = await startSandbox({ rateLimit: { ...LIMIT }, record: false });
		const env = n8nEnvironment(install.nodeBinDir, {
			userFolder,
			encryptionKey: 'bench-highlevel-calendar-key',
			brokerPort: await freePort(),
			extra: { N8N_LOG_LEVEL: 'warn' },
		});
		const n8n = (
			step: string,
			args: string[],
			nodeArgs: string[] = [],
			extra: NodeJS.ProcessEnv = {},
		) =>
			run(step, nodeExe, [...nodeArgs, install.n8nBin, ...args], {
				env: { ...env, ...extra },
				timeoutMs: EXECUTE_TIMEOUT_MS,
				cwd: work,
				allowFail: true,
			});

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

		const execute = async (variant: Variant, round: string, nodeArgs: string[] = []) => {
			sandbox!.reset();
			if (variant.updates) seedAppointments(sandbox!);
			const spawnedAt = Date.now();
			// The command prints the run through n8n's logger at level info.
			const r = await n8n(
				`execute ${variant.key}`,
				['execute', `--id=${variant.workflowId}`, '--rawOutput'],
				nodeArgs,
				{ N8N_LOG_LEVEL: 'info' },
			);
			fs.writeFileSync(
				path.join(work, `${variant.key}-${round}.stdout.txt`),
				r.stdout + '\n--- stderr\n' + r.stderr,
			);
			if (r.code !== 0)
				throw new StepError(
					`execute ${variant.key}`,
					`exit ${r.code}:\n${tail(r.stdout + '\n' + r.stderr)}`,
				);
			const row = rowFrom(
				variant.key,
				round,
				sandbox!,
				parseRunOutput(`execute ${variant.key}`, r.stdout) as Json,
				r.seconds,
			);
			console.log(
				`  ${variant.key} round ${round}: first request ${row.firstMs} ms after the node's start, node ${row.totalMs} ms, ok ${row.ok}, failed ${row.failed}, 429s ${row.status429}${row.error ? `; first error: ${row.error}` : ''}`,
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
			for (let round = 1; round <= ROUNDS; round++)
				for (const variant of RUN_VARIANTS) rows.push((await execute(variant, String(round))).row);
			printRows(
				`1,000 creates (or updates) in n8n@${N8N_VERSION}, every round (limit ${LIMIT.max} requests per ${LIMIT.windowMs} ms)`,
				rows,
			);
			const medians = RUN_VARIANTS.map((v) => {
				const of = rows.filter((r) => r.variant === v.key);
				const m = (pick: (r: Row) => number) => median(of.map(pick));
				return {
					variant: v.key,
					round: `median of ${of.length}`,
					firstMs: m((r) => r.firstMs),
					totalMs: m((r) => r.totalMs),
					codeMs: m((r) => r.codeMs),
					status429: m((r) => r.status429),
					ok: m((r) => r.ok),
					failed: m((r) => r.failed),
					duplicated: m((r) => r.duplicated),
					requests: m((r) => r.requests),
					processS: m((r) => r.processS),
				};
			});
			printRows('medians', medians);
			for (const [oursKey, baselineKey] of [
				['ours', 'one-property'],
				['ours-update', 'one-property-update'],
			]) {
				const ours = medians.find((m) => m.variant === oursKey);
				const baseline = medians.find((m) => m.variant === baselineKey);
				if (!ours || !baseline) continue;
				const perRound = Array.from({ length: ROUNDS }, (_, i) => {
					const inRound = rows.filter((r) => r.round === String(i + 1));
					return (
						inRound.find((r) => r.variant === oursKey)!.firstMs /
						inRound.find((r) => r.variant === baselineKey)!.firstMs
					).toFixed(2);
				});
				console.log(
					`\n${oursKey} / ${baselineKey}, time before the first request (medians): ${(ours.firstMs / baseline.firstMs).toFixed(2)}`,
				);
				console.log(`${oursKey} / ${baselineKey}, per round: ${perRound.join(', ')}`);
			}
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
