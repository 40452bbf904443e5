/**
 * A deterministic simulation of the pacing: n8n processes (each its own LocationBudget, as each
 * process has its own module state) sending creates to one location of a modelled HighLevel, on a
 * virtual clock. The processes share no memory: only HighLevel's answers connect them, as in queue
 * mode. Each logical request goes the way client.ts's sendPaced takes it: acquire a place, send,
 * read the answer's headers, complete; after a 429, wait what the budget says and send again.
 */
import { LocationBudget } from '../../../../../../nodes/HighLevelCalendar/transport/pacing/rateLimit';
import { HighLevelModel, type Answer, type WindowKind } from './highLevelModel';
import { seededRandom, VirtualClock } from './virtualClock';

/** HighLevel's 100 per 10 s scaled in time, as the sandbox and the benchmarks scale it. */
export const SCALED = { max: 100, windowMs: 1_000 };

export interface Scenario {
	window: WindowKind;
	/** When each process starts, and how many creates it sends (n8n sends all its items at once). */
	processes: Array<{ startMs: number; requests: number }>;
	/** Round trip of one request, drawn evenly in this range; it reaches HighLevel halfway. */
	roundTripMs?: { min: number; max: number };
	seed?: number;
	/** Called after each answer is read, to look into a run. */
	probe?: (process: number, budget: LocationBudget, answer: Answer, at: number) => void;
}

export interface Figures {
	requests: number;
	sent: number;
	status429: number;
	/** 429s per logical request, in percent. */
	percent429: number;
	/** From the first request's arrival at HighLevel to the last accepted one's. */
	afterFirstMs: number;
	floorMs: number;
	xFloor: number;
	/** The slowest process's windows (from its first request) until it gets its fair share. */
	windowsToFairShare: number;
	/** Logical requests HighLevel accepted more than once (a create sent twice), and never. */
	acceptedTwice: number;
	neverAccepted: number;
	/** Every request as HighLevel saw it, to look into a run. */
	arrivals: Arrival[];
}

export interface Arrival {
	process: number;
	request: number;
	at: number;
	accepted: boolean;
}

/** A process gets its fair share in a window when it gets this part of the limit's even split. */
export const FAIR_SHARE_PART = 0.8;

export async function simulate(scenario: Scenario): Promise<Figures> {
	const { processes, seed = 1 } = scenario;
	const roundTrip = scenario.roundTripMs ?? { min: 10, max: 40 };
	const clock = new VirtualClock();
	const highLevel = new HighLevelModel(scenario.window, SCALED.max, SCALED.windowMs);
	const latency = seededRandom(seed);
	const arrivals: Arrival[] = [];
	let finished = 0;
	const total = processes.reduce((sum, process) => sum + process.requests, 0);

	const exchange = (process: number, request: number) =>
		new Promise<Answer>((resolve) => {
			const sentAt = clock.now();
			const trip = roundTrip.min + latency() * (roundTrip.max - roundTrip.min);
			clock.at(sentAt + trip / 2, () => {
				const answer = highLevel.admit(clock.now());
				arrivals.push({ process, request, at: clock.now(), accepted: answer.status === 200 });
				clock.at(sentAt + trip, () => resolve(answer));
			});
		});

	const sendOne = async (budget: LocationBudget, process: number, request: number) => {
		for (;;) {
			const slot = await budget.acquire(1);
			const answer = await exchange(process, request);
			budget.observe(answer.headers, answer.status);
			budget.complete(slot);
			scenario.probe?.(process, budget, answer, clock.now());
			if (answer.status !== 429) break;
			budget.settle();
			await clock.sleep(budget.onTooManyRequests(undefined, slot));
		}
		finished++;
	};

	processes.forEach(({ startMs, requests }, process) => {
		const budget = new LocationBudget(clock.now, seededRandom(seed * 1_000 + process), clock.sleep);
		clock.at(startMs, () => {
			for (let request = 0; request < requests; request++) void sendOne(budget, process, request);
		});
	});
	await clock.run(() => finished === total, 100 * SCALED.windowMs * Math.ceil(total / SCALED.max));
	return figuresOf(scenario, arrivals, total);
}

function figuresOf(scenario: Scenario, arrivals: Arrival[], total: number): Figures {
	const accepted = arrivals.filter((arrival) => arrival.accepted);
	const timesAccepted = new Map<string, number>();
	for (const { process, request } of accepted) {
		const key = `${process}:${request}`;
		timesAccepted.set(key, (timesAccepted.get(key) ?? 0) + 1);
	}
	const status429 = arrivals.length - accepted.length;
	const afterFirstMs = accepted[accepted.length - 1].at - arrivals[0].at;
	const floor = floorMs(scenario.processes);
	return {
		requests: total,
		sent: arrivals.length,
		status429,
		percent429: (100 * status429) / total,
		afterFirstMs,
		floorMs: floor,
		xFloor: afterFirstMs / floor,
		windowsToFairShare: Math.max(
			...scenario.processes.map((_, process) => windowsToFairShare(process, accepted, arrivals)),
		),
		acceptedTwice: [...timesAccepted.values()].filter((times) => times > 1).length,
		neverAccepted: total - timesAccepted.size,
		arrivals,
	};
}

/**
 * The floor: the least time HighLevel's limit allows from the first request to the last, for
 * these requests becoming ready when their processes start. A client that knew everything would
 * send each as soon as it is ready and the place of the one `max` requests earlier left the window.
 */
export function floorMs(processes: Scenario['processes']): number {
	const ready = processes
		.flatMap(({ startMs, requests }) => Array<number>(requests).fill(startMs))
		.sort((a, b) => a - b);
	const sent: number[] = [];
	ready.forEach((at, index) =>
		sent.push(Math.max(at, index >= SCALED.max ? sent[index - SCALED.max] + SCALED.windowMs : at)),
	);
	return sent[sent.length - 1] - sent[0];
}

/**
 * Windows of the process's own, counted from its first request, until one in which HighLevel
 * accepted at least FAIR_SHARE_PART of its even split of the limit among the processes then at
 * work (started, not yet done), or in which it finished (it needed no more).
 */
function windowsToFairShare(process: number, accepted: Arrival[], arrivals: Arrival[]): number {
	const spans = new Map<number, { first: number; last: number }>();
	for (const arrival of arrivals) {
		const span = spans.get(arrival.process) ?? { first: arrival.at, last: arrival.at };
		if (arrival.accepted) span.last = arrival.at;
		spans.set(arrival.process, span);
	}
	const own = spans.get(process)!;
	for (let window = 0; ; window++) {
		const from = own.first + window * SCALED.windowMs;
		const to = from + SCALED.windowMs;
		if (own.last < to) return window + 1;
		const atWork = [...spans.values()].filter((span) => span.first < to && span.last >= from);
		const got = accepted.filter((a) => a.process === process && a.at >= from && a.at < to);
		if (got.length >= (FAIR_SHARE_PART * SCALED.max) / atWork.length) return window + 1;
	}
}
