// What the sandbox saw of the two queue-mode executions, worked out from its recorded requests and
// its store: the appointments (each title once), the 429s (each one resent), and the time from the
// first request to the last answer against the floor the limit allows. The floor and "x floor
// after the first request" are the benchmarks' own definitions (bench/floor.ts), so these
// figures compare with the other figures in docs/benchmarks.md.
import { floorMs, SCALED_LIMIT, xFloorAfterFirst } from '../../../bench/floor';
import { check } from '../checks';
import type { SandboxDump } from '../scenarios/major';

export const CREATE_PATH = '/calendars/events/appointments';
/** At most this many requests may draw a 429 for the 1,000 creates (a bar, reported). */
export const MAX_429 = 50;
/** The run may take at most this many floors after its first request (a bar, reported). */
export const MAX_X_FLOOR = 1.2;

type Recorded = SandboxDump['requests'][number] & { receivedAt: number; answeredAt?: number };

export interface Figures {
	requests: number;
	creates: number;
	status429: number;
	/** 429s by execution (the title's run key). */
	status429ByRun: Record<string, number>;
	byStatus: Record<string, number>;
	/** First request, after the webhook calls. */
	firstMs: number;
	/** From the webhook calls to the last answer. */
	totalMs: number;
	/** From the first request to the last answer. */
	wallMs: number;
	floorMs: number;
	xFloor: number;
}

const titleOf = (r: Recorded) => String((r.body as { title?: unknown } | undefined)?.title ?? '');
const ok = (status: number) => status >= 200 && status < 300;

/**
 * The checks on what HighLevel received and holds, as check()s of step `s`; returns the figures.
 * `titles` maps each run's key to the titles it books; `firedAt` is when the webhooks were called.
 */
export function sandboxFigures(
	s: string,
	dump: SandboxDump,
	titles: Record<string, string[]>,
	firedAt: number,
): Figures {
	const requests = dump.requests as Recorded[];
	const creates = requests.filter((r) => r.method === 'POST' && r.path === CREATE_PATH);
	const expected = Object.values(titles).flat();

	// Every title booked exactly once, nothing else booked with the runs' prefixes.
	const booked = new Map<string, number>();
	const prefixes = Object.keys(titles).map((key) => `queue-${key}-`);
	for (const a of dump.appointments) {
		const title = String(a.title ?? '');
		if (prefixes.some((p) => title.startsWith(p))) booked.set(title, (booked.get(title) ?? 0) + 1);
	}
	const missing = expected.filter((t) => !booked.has(t));
	const twice = [...booked].filter(([, n]) => n > 1).map(([t, n]) => `${t} x${n}`);
	const unexpected = [...booked.keys()].filter((t) => !expected.includes(t));
	check(
		s,
		booked.size === expected.length && !missing.length && !twice.length && !unexpected.length,
		`all ${expected.length} appointments exist in HighLevel exactly once`,
		{ distinct: booked.size, missing: missing.slice(0, 5), twice: twice.slice(0, 5), unexpected },
	);
	const createdOk = creates.filter((r) => ok(r.status));
	check(
		s,
		createdOk.length === expected.length,
		`exactly ${expected.length} creates were answered 2xx (no create applied twice)`,
		createdOk.length,
	);

	// Each 429 resent: a later create with the same title was answered 2xx.
	const limited = requests.filter((r) => r.status === 429);
	const notResent = limited.filter((r) => {
		const at = requests.indexOf(r);
		return !requests.some(
			(later, i) => i > at && ok(later.status) && titleOf(later) === titleOf(r),
		);
	});
	bar(limited.length <= MAX_429, `at most ${MAX_429} requests drew a 429`, `${limited.length} did`);
	check(
		s,
		notResent.length === 0,
		'every request that drew a 429 was resent and then answered 2xx',
		notResent.slice(0, 5).map(titleOf),
	);
	const status429ByRun: Record<string, number> = {};
	for (const key of Object.keys(titles))
		status429ByRun[key] = limited.filter((r) => titleOf(r).startsWith(`queue-${key}-`)).length;

	// Time: first request to last answer, against the floor of the creates.
	const firstAt = Math.min(...requests.map((r) => r.receivedAt));
	const lastAt = Math.max(...requests.map((r) => r.answeredAt ?? r.receivedAt));
	const floor = floorMs(expected.length);
	const xFloor = xFloorAfterFirst(lastAt - firedAt, firstAt - firedAt, floor);
	bar(
		xFloor <= MAX_X_FLOOR,
		`the run took at most ${MAX_X_FLOOR} x the floor after its first request`,
		`${xFloor.toFixed(2)} x (${lastAt - firstAt} ms, floor ${floor} ms)`,
	);
	const byStatus: Record<string, number> = {};
	for (const r of requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
	printTimeline(requests, Object.keys(titles), firstAt);
	return {
		requests: requests.length,
		creates: creates.length,
		status429: limited.length,
		status429ByRun,
		byStatus,
		firstMs: firstAt - firedAt,
		totalMs: lastAt - firedAt,
		wallMs: lastAt - firstAt,
		floorMs: floor,
		xFloor,
	};
}

/**
 * Per window of the limit, from the first request: what each execution got accepted, and the
 * 429s: how the two workers shared the budget over time.
 */
function printTimeline(requests: Recorded[], keys: string[], firstAt: number): void {
	const windows: string[] = [];
	for (
		let start = firstAt;
		requests.some((r) => r.receivedAt >= start);
		start += SCALED_LIMIT.windowMs
	) {
		const inWindow = requests.filter(
			(r) => r.receivedAt >= start && r.receivedAt < start + SCALED_LIMIT.windowMs,
		);
		const accepted = keys.map(
			(key) =>
				inWindow.filter((r) => ok(r.status) && titleOf(r).startsWith(`queue-${key}-`)).length,
		);
		const refused = inWindow.filter((r) => r.status === 429).length;
		windows.push(`${accepted.join('+')}${refused ? ` (${refused} x 429)` : ''}`);
	}
	console.log(
		`  accepted per ${SCALED_LIMIT.windowMs} ms window (${keys.join('+')}): ${windows.join(', ')}`,
	);
}

/**
 * The performance bars, reported and not asserted: how many 429s and how long depend on how
 * busy the machine is, and timing belongs in benchmarks, not in what decides a CI run
 * (docs/benchmarks.md has the figures and where they stand).
 */
function bar(met: boolean, what: string, got: string): void {
	console.log(`    ${met ? 'met   ' : 'MISSED'} bar: ${what} (${got})`);
}

/** The figures as docs/benchmarks.md shows them. */
export function printFigures(f: Figures): void {
	const header = [
		'requests',
		'creates sent',
		'429s',
		'429s by execution',
		'first request ms',
		'wall ms (first request to last answer)',
		'floor ms',
		'x floor after 1st request',
	];
	const cells = [
		f.requests,
		f.creates,
		f.status429,
		Object.entries(f.status429ByRun)
			.map(([k, n]) => `${k}: ${n}`)
			.join(', '),
		f.firstMs,
		f.wallMs,
		f.floorMs,
		f.xFloor.toFixed(2),
	];
	console.log(
		`\n  figures (limit ${SCALED_LIMIT.max} per ${SCALED_LIMIT.windowMs} ms, one location, two workers):`,
	);
	console.log(`  | ${header.join(' | ')} |\n  |${header.map(() => '---').join('|')}|`);
	console.log(`  | ${cells.join(' | ')} |`);
	console.log(`  answers by status: ${JSON.stringify(f.byStatus)}`);
}
