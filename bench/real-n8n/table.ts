// The real-n8n bench's figures: one row per run (read from n8n's run data and the sandbox) and
// the tables that print them.
import type { Sandbox } from '../../test/sandbox';
import type { CpuSamples } from './cpu';
import { floorMs } from '../floor';
import { ITEMS, NODE_NAME, type Json } from './variants';

const FLOOR_MS = floorMs(ITEMS);

// ---------------------------------------------------------------- one run
export interface Row {
	variant: string;
	round: string;
	firstMs: number;
	/** The n8n process's CPU time (all threads) in the same span as firstMs. */
	cpuFirstMs: number;
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

export function rowFrom(
	variant: string,
	round: string,
	sandbox: Sandbox,
	runJson: Json,
	processS: number,
	cpu: CpuSamples,
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
	const { firstAt } = sandbox.stats;
	return {
		variant,
		round,
		startTime: task.startTime,
		firstMs: firstAt === undefined ? NaN : firstAt - task.startTime,
		cpuFirstMs: firstAt === undefined ? NaN : cpu.at(firstAt) - cpu.at(task.startTime),
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

// ---------------------------------------------------------------- tables
export const median = (values: number[]) => {
	const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
	return v.length === 0
		? NaN
		: v.length % 2
			? v[(v.length - 1) / 2]
			: (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
export function printRows(title: string, rows: Row[]) {
	const header = [
		'variant',
		'round',
		'first req ms',
		'ms/item before 1st',
		'CPU ms before 1st',
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
			r.cpuFirstMs.toFixed(0),
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

/** One row per variant: the median of each figure over its rounds. */
export function mediansOf(variants: string[], rows: Row[]): Row[] {
	return variants.map((variant) => {
		const of = rows.filter((r) => r.variant === variant);
		const m = (pick: (r: Row) => number) => median(of.map(pick));
		return {
			variant,
			round: `median of ${of.length}`,
			firstMs: m((r) => r.firstMs),
			cpuFirstMs: m((r) => r.cpuFirstMs),
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
}

/** One figure of each pair's first variant over its second's, where both ran. */
export function printRatios(
	title: string,
	figure: (r: Row) => number,
	rows: Row[],
	medians: Row[],
	pairs: Array<[string, string]>,
) {
	const of = (some: Row[], variant: string) => some.find((r) => r.variant === variant);
	const ratio = (some: Row[], [a, b]: [string, string]) =>
		figure(of(some, a)!) / figure(of(some, b)!);
	const rounds = [...new Set(rows.map((r) => r.round))];
	const lines = pairs
		.filter(([a, b]) => of(medians, a) && of(medians, b))
		.map((pair) => {
			const inRound = (round: string) => rows.filter((r) => r.round === round);
			const perRound = rounds.map((round) => ratio(inRound(round), pair));
			// Also the median of the rounds' own ratios: a round runs its variants back to back, so
			// under about the same load.
			const cells = [ratio(medians, pair), median(perRound), ...perRound];
			return `| ${pair.join(' / ')} | ${cells.map((x) => x.toFixed(2)).join(' | ')} |`;
		});
	const header = ['variants', 'of the medians', "median of the rounds'"];
	header.push(...rounds.map((r) => `round ${r}`));
	if (lines.length)
		console.log(
			`\n${title}, as a ratio\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${lines.join('\n')}`,
		);
}
