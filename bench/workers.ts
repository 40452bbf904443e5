// Several n8n processes on one location (queue mode's workers, each with its own memory): each
// process runs the built node in its own n8n engine, all against one sandbox whose limit is
// HighLevel's scaled in time. Figures side by side: the budget shared through HighLevel's headers
// (contention.ts), and the manual share (Max Requests per 10 Seconds = 100 / workers). Medians of
// three rounds. A late start too: the second process starts 1.5 windows after the first, which
// fills the window alone by then (a refused request is not counted, so the first cannot see the
// second until it holds a place). The real queue-mode n8n is measured by `npm run test:e2e:queue`.
// WORKERS_DEBUG=N: only N processes, printing when each 429 arrived and from which process;
// WORKERS_LATE_MS=ms with it starts the processes after the first that much later.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	startSandbox,
	type Sandbox,
} from '../test/sandbox';

const LIMIT = { max: 100, windowMs: 1_000, dailyMax: 10_000_000 };
const PER_PROCESS = 500;
const ROUNDS = 3;

interface Round {
	requests: number;
	status429: number;
	ok: number;
	duplicated: number;
	/** From the first request's arrival to the last one's. */
	afterFirstMs: number;
	floorMs: number;
}

/** The least time the limit allows after the first request: a window's worth goes at once. */
const floorAfterFirstMs = (requests: number) =>
	(Math.ceil(requests / LIMIT.max) - 1) * LIMIT.windowMs;

function runProcess(sandbox: Sandbox, env: Record<string, string>) {
	return new Promise<{ ok: number; failed: number }>((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', path.join(__dirname, 'worker-process.ts')],
			{
				env: {
					...process.env,
					BASE_URL: sandbox.baseUrl,
					TOKEN: SANDBOX_TOKEN,
					LOCATION_ID: SANDBOX_LOCATION_ID,
					CALENDAR_ID: SANDBOX_CALENDAR_ID,
					CONTACT_ID: SANDBOX_CONTACT_ID,
					COUNT: String(PER_PROCESS),
					...env,
				},
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(out)),
		);
	});
}

interface Variant {
	processes: number;
	/** Max Requests per 10 Seconds of each process; unset: shared through the headers. */
	share?: number;
	/** The processes after the first start this much later. */
	lateStartMs?: number;
}

async function round(
	{ processes, share, lateStartMs = 0 }: Variant,
	index: number,
): Promise<Round> {
	const sandbox = await startSandbox({ rateLimit: { ...LIMIT } });
	try {
		const prefix = `workers-${processes}-${share ?? 'shared'}-${index}`;
		const results = await Promise.all(
			Array.from({ length: processes }, async (_, worker) => {
				// A bench, not a test: the late start is the scenario itself.
				if (worker > 0 && lateStartMs) await new Promise((go) => setTimeout(go, lateStartMs));
				return await runProcess(sandbox, {
					PREFIX: `${prefix}-${worker}`,
					YEAR: String(2040 + worker),
					...(share ? { SHARE: String(share) } : {}),
				});
			}),
		);
		const titles = new Map<string, number>();
		for (const appointment of sandbox.store.appointments.values())
			if (appointment.title.startsWith(prefix))
				titles.set(appointment.title, (titles.get(appointment.title) ?? 0) + 1);
		const requests = processes * PER_PROCESS;
		if (process.env.WORKERS_DEBUG) {
			const t0 = sandbox.stats.firstAt ?? 0;
			const who = (r: { body: unknown }) =>
				String((r.body as { title?: string })?.title).split('-')[4];
			const at = sandbox.requests
				.filter((r) => r.status === 429)
				.map((r) => `${r.receivedAt - t0}:${who(r)}`);
			console.log(`429s at ms:worker: ${at.join(' ')}`);
			const starts = [0, 1, 2].map(
				(w) => sandbox.requests.find((r) => who(r) === String(w))?.receivedAt,
			);
			console.log(`first request per worker: ${starts.map((s) => (s ?? t0) - t0).join(' ')}`);
			const windows: string[] = [];
			for (let from = t0; from <= (sandbox.stats.lastAt ?? t0); from += LIMIT.windowMs) {
				const inside = sandbox.requests.filter(
					(r) => r.status < 300 && r.receivedAt >= from && r.receivedAt < from + LIMIT.windowMs,
				);
				windows.push(
					[0, 1, 2].map((w) => inside.filter((r) => who(r) === String(w)).length).join('+'),
				);
			}
			console.log(`accepted per window (worker 0+1+2): ${windows.join(', ')}`);
		}
		return {
			requests: sandbox.stats.received,
			status429: sandbox.stats.byStatus['429'] ?? 0,
			ok: results.reduce((sum, result) => sum + result.ok, 0),
			duplicated: [...titles.values()].reduce((sum, count) => sum + count - 1, 0),
			afterFirstMs: (sandbox.stats.lastAt ?? 0) - (sandbox.stats.firstAt ?? 0),
			floorMs: floorAfterFirstMs(requests),
		};
	} finally {
		await sandbox.close();
	}
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	console.log(
		`several processes, one location: ${PER_PROCESS} creates each, limit ${LIMIT.max} per ${LIMIT.windowMs} ms (median of ${ROUNDS}; Node ${process.version})\n`,
	);
	console.log(
		'| processes | pacing | requests | 429s | 429s % | ok | duplicated | ms after first request | floor ms | x floor |',
	);
	console.log('|---|---|---|---|---|---|---|---|---|---|');
	const late = 1.5 * LIMIT.windowMs;
	const variants: Variant[] = process.env.WORKERS_DEBUG
		? [
				{
					processes: Number(process.env.WORKERS_DEBUG),
					lateStartMs: Number(process.env.WORKERS_LATE_MS ?? 0),
				},
			]
		: [
				{ processes: 2 },
				{ processes: 3 },
				{ processes: 2, share: 50 },
				{ processes: 2, lateStartMs: late },
			];
	for (const variant of variants) {
		const { processes, share, lateStartMs } = variant;
		const rounds: Round[] = [];
		for (let index = 0; index < ROUNDS; index++) rounds.push(await round(variant, index));
		const m = (pick: (r: Round) => number) => median(rounds.map(pick));
		const pacing =
			(share ? `manual share: ${share} per 10 s each` : 'shared through the headers') +
			(lateStartMs ? `, the second ${lateStartMs} ms later` : '');
		const total = processes * PER_PROCESS;
		console.log(
			`| ${processes} | ${pacing} | ${m((r) => r.requests)} | ${m((r) => r.status429)} | ${((100 * m((r) => r.status429)) / total).toFixed(1)} | ${m((r) => r.ok)} | ${m((r) => r.duplicated)} | ${m((r) => r.afterFirstMs)} | ${rounds[0].floorMs} | ${(m((r) => r.afterFirstMs) / rounds[0].floorMs).toFixed(2)} |`,
		);
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
