/**
 * The pacing's invariants, checked on the simulation (simulator.ts): 1,000 creates split among
 * 1, 2, 3 or 5 n8n processes on one location, starting together or the others 1.5 windows after
 * the first, under a fixed and a sliding HighLevel window, each run with five latency seeds. The
 * figures (the worst of the five seeds) are printed as a table after the run; docs/pacing.md
 * explains the invariants and carries the last table.
 *
 * An invariant the pacing does not meet today is marked in KNOWN_FAILING: its test is
 * `test.failing`, so it passes while the invariant fails and fails once it holds (remove it then).
 */
import { simulate, SCALED, type Figures, type Scenario } from './pacing/simulation/simulator';
import type { WindowKind } from './pacing/simulation/highLevelModel';

const TOTAL = 1_000;
const LATE_MS = 1.5 * SCALED.windowMs;
const SEEDS = [1, 2, 3, 4, 5];

/** Alone, after the first request: HighLevel's limit plus what the safety margin costs. */
const ALONE_MAX_X_FLOOR = 1.08;
const SHARED_MAX_X_FLOOR = 1.2;
const MAX_PERCENT_429 = 5;
/** Windows (from a process's first request) within which it gets its fair share. */
const FAIR_SHARE_WITHIN = 3;

type Invariant = '429s' | 'x floor' | 'fair share';

/** `${window} ${scenario}: ${invariant}` the pacing does not meet today (worst of the seeds). */
const KNOWN_FAILING = new Set<string>([
	'fixed 3 x 333: x floor',
	'fixed 5 x 200: 429s',
	'fixed 5 x 200: x floor',
	'fixed 2 x 500, late: fair share',
	'fixed 3 x 333, late: fair share',
	'fixed 5 x 200, late: 429s',
	'fixed 5 x 200, late: x floor',
	'fixed 5 x 200, late: fair share',
	'sliding 5 x 200: 429s',
	'sliding 2 x 500, late: fair share',
	'sliding 3 x 333, late: fair share',
	'sliding 5 x 200, late: 429s',
	'sliding 5 x 200, late: x floor',
	'sliding 5 x 200, late: fair share',
]);

function split(processes: number, lateMs = 0): Scenario['processes'] {
	return Array.from({ length: processes }, (_, index) => ({
		startMs: index === 0 ? 0 : lateMs,
		requests: Math.floor(TOTAL / processes),
	}));
}

const SCENARIOS: Array<{ name: string; processes: Scenario['processes'] }> = [
	{ name: '1 x 1000', processes: split(1) },
	{ name: '2 x 500', processes: split(2) },
	{ name: '3 x 333', processes: split(3) },
	{ name: '5 x 200', processes: split(5) },
	{ name: '2 x 500, late', processes: split(2, LATE_MS) },
	{ name: '3 x 333, late', processes: split(3, LATE_MS) },
	{ name: '5 x 200, late', processes: split(5, LATE_MS) },
];
const WINDOWS: WindowKind[] = ['fixed', 'sliding'];

interface Worst {
	status429: number;
	percent429: number;
	xFloor: number;
	windowsToFairShare: number;
	runs: Figures[];
}

function worstOf(runs: Figures[]): Worst {
	const most = (pick: (figures: Figures) => number) => Math.max(...runs.map(pick));
	return {
		status429: most((f) => f.status429),
		percent429: most((f) => f.percent429),
		xFloor: most((f) => f.xFloor),
		windowsToFairShare: most((f) => f.windowsToFairShare),
		runs,
	};
}

const table: string[] = [];
afterAll(() =>
	console.log(
		[
			`Worst of ${SEEDS.length} seeds, ${SCALED.max} per ${SCALED.windowMs} ms:`,
			'| window | scenario | 429s | % 429 | x floor | windows to fair share |',
			'|---|---|---|---|---|---|',
			...table,
		].join('\n'),
	),
);

describe.each(WINDOWS)('pacing under a %s window', (window) => {
	describe.each(SCENARIOS)('$name', ({ name, processes }) => {
		const alone = processes.length === 1;
		let worst: Worst;
		beforeAll(async () => {
			const runs: Figures[] = [];
			for (const seed of SEEDS) runs.push(await simulate({ window, processes, seed }));
			worst = worstOf(runs);
			table.push(
				`| ${window} | ${name} | ${worst.status429} | ${worst.percent429.toFixed(1)} | ${worst.xFloor.toFixed(3)} | ${worst.windowsToFairShare} |`,
			);
		});

		const check = (invariant: Invariant, title: string, assert: () => void) => {
			const known = KNOWN_FAILING.has(`${window} ${name}: ${invariant}`);
			(known ? test.failing : test)(known ? `${title} (known failing)` : title, assert);
		};

		test('every logical request is accepted exactly once: each 429 resent, no create twice', () => {
			for (const run of worst.runs) {
				expect(run.neverAccepted).toBe(0);
				expect(run.acceptedTwice).toBe(0);
			}
		});

		if (alone) {
			test('alone, it never draws a 429', () => expect(worst.status429).toBe(0));
			test(`alone, it takes at most ${ALONE_MAX_X_FLOOR} x the floor`, () =>
				expect(worst.xFloor).toBeLessThanOrEqual(ALONE_MAX_X_FLOOR));
			return;
		}
		check('429s', `at most ${MAX_PERCENT_429}% of requests draw a 429`, () =>
			expect(worst.percent429).toBeLessThanOrEqual(MAX_PERCENT_429),
		);
		check('x floor', `the run takes at most ${SHARED_MAX_X_FLOOR} x the floor`, () =>
			expect(worst.xFloor).toBeLessThanOrEqual(SHARED_MAX_X_FLOOR),
		);
		check(
			'fair share',
			`each process gets its fair share within ${FAIR_SHARE_WITHIN} windows`,
			() => expect(worst.windowsToFairShare).toBeLessThanOrEqual(FAIR_SHARE_WITHIN),
		);
	});
});
