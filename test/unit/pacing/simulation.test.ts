import { simulate, SCALED, type Figures, type Scenario } from './simulator';
import type { WindowKind } from './highLevelModel';

const TOTAL = 1_000;
const LATE_MS = 1.5 * SCALED.windowMs;

function split(processes: number, lateMs = 0): Scenario['processes'] {
	return Array.from({ length: processes }, (_, index) => ({
		startMs: index === 0 ? 0 : lateMs,
		requests: Math.floor(TOTAL / processes),
	}));
}

const rows: string[] = [];
function record(name: string, f: Figures) {
	rows.push(
		`| ${name} | ${f.sent} | ${f.status429} | ${f.percent429.toFixed(1)} | ${f.afterFirstMs.toFixed(0)} | ${f.floorMs} | ${f.xFloor.toFixed(3)} | ${f.windowsToFairShare} |`,
	);
}
afterAll(() =>
	console.log(
		[
			'| scenario | sent | 429s | % 429 | ms after first | floor ms | x floor | windows to fair share |',
			'|---|---|---|---|---|---|---|---|',
			...rows,
		].join('\n'),
	),
);

const windows: WindowKind[] = ['fixed', 'sliding'];
const scenarios: Array<{ name: string; processes: Scenario['processes'] }> = [
	{ name: '1 x 1000', processes: split(1) },
	{ name: '2 x 500', processes: split(2) },
	{ name: '3 x 333', processes: split(3) },
	{ name: '5 x 200', processes: split(5) },
	{ name: '2 x 500, late', processes: split(2, LATE_MS) },
	{ name: '3 x 333, late', processes: split(3, LATE_MS) },
	{ name: '5 x 200, late', processes: split(5, LATE_MS) },
];

describe.each(windows)('pacing under a %s window', (window) => {
	test.each(scenarios)('$name', async ({ name, processes }) => {
		const figures = await simulate({ window, processes });
		record(`${window}, ${name}`, figures);
		expect(figures.acceptedTwice).toBe(0);
		expect(figures.neverAccepted).toBe(0);
	});
});
