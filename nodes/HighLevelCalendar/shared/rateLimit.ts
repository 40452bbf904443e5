import { sleep } from 'n8n-workflow';

/**
 * HighLevel's budget per location: 100 requests per 10 seconds and 200,000 a day (published), told
 * precisely by headers on every response. n8n sends all items' requests at once, so without pacing
 * a large input turns into a burst of 429s. One LocationBudget per location is shared by every
 * execution in this n8n process (module state), so two workflows on one location share it.
 */

export const PUBLISHED_LIMIT = { max: 100, windowMs: 10_000 };

/** Sandbox and trial accounts get 25 per 10 seconds: safe to send before HighLevel has said which. */
export const TRIAL_LIMIT = 25;

/**
 * Sends are spaced this much beyond the window: HighLevel counts arrivals, we count sends, and
 * requests do not all travel equally fast. 2.5% of the window, within 25 to 100 ms.
 */
function safetyMarginMs(windowMs: number): number {
	return Math.min(100, Math.max(25, Math.round(windowMs * 0.025)));
}

/** After HighLevel says the day's budget is spent, new requests fail at once for this long. */
const DAILY_EXHAUSTED_HOLD_MS = 10 * 60_000;

export class DailyLimitError extends Error {
	constructor() {
		super(
			"HighLevel's daily request limit for this location is used up (x-ratelimit-daily-remaining: 0). Nothing more was sent; run the workflow again after the daily limit resets.",
		);
		this.name = 'DailyLimitError';
	}
}

export class CancelledError extends Error {
	constructor() {
		super('The execution was cancelled while waiting for HighLevel');
		this.name = 'CancelledError';
	}
}

type Headers = Record<string, unknown>;

function headerNumber(headers: Headers, name: string): number | undefined {
	const raw = headers[name];
	const value = Number(Array.isArray(raw) ? raw[0] : raw);
	return raw === undefined || raw === null || raw === '' || !Number.isFinite(value)
		? undefined
		: value;
}

/** Seconds (or an HTTP date) in a Retry-After header, as milliseconds. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
	const raw = headers['retry-after'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw);
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Waits, unless the execution is cancelled first. */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new CancelledError();
	if (ms <= 0) return;
	if (!signal) return await sleep(ms);
	let onAbort: () => void = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new CancelledError());
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** One request's place in the window; its time moves later once we learn when it really went out. */
export interface Slot {
	at: number;
}

interface Waiter {
	share: number;
	resolve: (slot: Slot) => void;
	reject: (error: Error) => void;
	signal?: AbortSignal;
}

export class LocationBudget {
	max = PUBLISHED_LIMIT.max;
	windowMs = PUBLISHED_LIMIT.windowMs;
	/** The requests inside the current window. */
	private sends: Slot[] = [];
	private blockedUntil = 0;
	private dailyExhaustedAt?: number;
	private queue: Waiter[] = [];
	private pumping = false;
	/**
	 * Until HighLevel has answered once, at most TRIAL_LIMIT requests go: a trial account allows 25
	 * per 10 seconds, not the published 100, and the first answer's headers say which applies.
	 */
	private learned = false;
	private firstAnswer: Promise<void>;
	private markLearned: () => void = () => {};

	constructor(private readonly now: () => number = Date.now) {
		this.firstAnswer = new Promise((resolve) => (this.markLearned = resolve));
	}

	/**
	 * How long a request must wait before it may go, when its workflow may use `share` (0 to 1) of
	 * the location's budget per window.
	 */
	delayFor(share: number, at = this.now()): number {
		this.sends = this.sends.filter((slot) => slot.at > at - this.windowMs);
		if (at < this.blockedUntil) return this.blockedUntil - at;
		const allowed = Math.max(1, Math.floor(this.max * Math.min(1, share)));
		if (this.sends.length < allowed) return 0;
		const times = this.sends.map((slot) => slot.at).sort((a, b) => a - b);
		return times[times.length - allowed] + this.windowMs + safetyMarginMs(this.windowMs) - at;
	}

	/** How many requests are waiting for their turn. */
	get waiting(): number {
		return this.queue.length;
	}

	/** Resolves when a request may be sent, in arrival order; counts it as sent. */
	async acquire(share: number, signal?: AbortSignal): Promise<Slot> {
		if (this.dailyExhaustedAt !== undefined) {
			if (this.now() - this.dailyExhaustedAt < DAILY_EXHAUSTED_HOLD_MS) throw new DailyLimitError();
			this.dailyExhaustedAt = undefined;
		}
		if (signal?.aborted) throw new CancelledError();
		return await new Promise<Slot>((resolve, reject) => {
			const waiter: Waiter = { share, resolve, reject, signal };
			signal?.addEventListener(
				'abort',
				() => {
					const index = this.queue.indexOf(waiter);
					if (index >= 0) this.queue.splice(index, 1);
					reject(new CancelledError());
				},
				{ once: true },
			);
			this.queue.push(waiter);
			void this.pump();
		});
	}

	private async pump(): Promise<void> {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.queue.length) {
				if (!this.learned && this.sends.length >= TRIAL_LIMIT) {
					await this.firstAnswer;
					continue;
				}
				const head = this.queue[0];
				const delay = this.delayFor(head.share);
				if (delay > 0) {
					await sleep(delay);
					continue;
				}
				this.queue.shift();
				if (head.signal?.aborted) continue;
				const at = this.now();
				const slot = { at };
				this.sends.push(slot);
				head.resolve(slot);
			}
		} finally {
			this.pumping = false;
		}
	}

	/**
	 * A request ended. HighLevel counted it when it arrived, somewhere between when we let it go and
	 * now. n8n prepares requests on one busy thread, so it may have left long after we let it go; the
	 * only time that is never too early is now, so its place in the window starts now.
	 */
	complete(slot: Slot): void {
		slot.at = Math.max(slot.at, this.now());
	}

	/** A request ended without any answer from HighLevel (e.g. refused): stop waiting for one. */
	settle(): void {
		this.learned = true;
		this.markLearned();
	}

	/** Follows what HighLevel says about the budget on every response. */
	observe(headers: Headers, statusCode: number): void {
		this.settle();
		const at = this.now();
		const max = headerNumber(headers, 'x-ratelimit-max');
		const interval = headerNumber(headers, 'x-ratelimit-interval-milliseconds');
		const remaining = headerNumber(headers, 'x-ratelimit-remaining');
		const dailyRemaining = headerNumber(headers, 'x-ratelimit-daily-remaining');
		if (max !== undefined && max > 0) this.max = max;
		if (interval !== undefined && interval > 0) this.windowMs = interval;
		// Another client (a second n8n worker, another app) may be spending the same budget.
		// A 429 is handled by onTooManyRequests, which prefers Retry-After.
		if (remaining === 0 && statusCode !== 429) this.pauseUntilWindowResets(at);
		if (dailyRemaining === 0) this.dailyExhaustedAt = at;
	}

	/** After a 429: nothing more goes until Retry-After, or until the window has room again. */
	onTooManyRequests(retryAfter: number | undefined): number {
		const at = this.now();
		if (retryAfter !== undefined) this.blockedUntil = Math.max(this.blockedUntil, at + retryAfter);
		else this.pauseUntilWindowResets(at);
		return Math.max(0, this.blockedUntil - at);
	}

	private pauseUntilWindowResets(at: number): void {
		const oldest = Math.min(
			...this.sends.map((slot) => slot.at).filter((sent) => sent > at - this.windowMs),
		);
		this.blockedUntil = Math.max(
			this.blockedUntil,
			(Number.isFinite(oldest) ? oldest : at) + this.windowMs + safetyMarginMs(this.windowMs),
		);
	}
}

const budgets = new Map<string, LocationBudget>();

export function budgetFor(baseUrl: string, locationId: string): LocationBudget {
	const key = `${baseUrl.replace(/\/+$/, '')}|${locationId}`;
	let budget = budgets.get(key);
	if (!budget) {
		budget = new LocationBudget();
		budgets.set(key, budget);
	}
	return budget;
}
