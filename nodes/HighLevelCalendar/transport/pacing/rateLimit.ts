import { sleep } from 'n8n-workflow';
import { Contention } from './contention';

/**
 * HighLevel's budget per location: 100 requests per 10 seconds and 200,000 a day (published), told
 * precisely by headers on every response. n8n sends all items' requests at once, so without pacing
 * a large input turns into a burst of 429s. One LocationBudget per location is shared by every
 * execution in this n8n process (module state), so two workflows on one location share it. The
 * gates a send passes, in order, and the reasons for each constant: docs/pacing.md.
 */

export const PUBLISHED_LIMIT = { max: 100, windowMs: 10_000 };

/**
 * Sends are spaced this much beyond the window: HighLevel counts arrivals, we count sends, and
 * requests do not all travel equally fast. 1% of the window, within 10 to 100 ms: 100 ms of
 * HighLevel's 10 s, and as much of a window scaled down in time.
 */
function safetyMarginMs(windowMs: number): number {
	return Math.min(100, Math.max(10, Math.round(windowMs * 0.01)));
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
	/** When we let it go: HighLevel cannot have counted it earlier. */
	sentAt: number;
	answered?: boolean;
	/** Answered 429. */
	refused?: boolean;
}

/** What the last answer said is left in the window, less our requests it had not counted yet. */
interface Room {
	left: number;
	at: number;
	/** How many we had sent by then: whatever we sent since comes off `left`. */
	sentBefore: number;
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
	/** Other processes spending this budget (contention.ts): the places in the window we hold. */
	readonly contention = new Contention();
	private sentTotal = 0;
	private lastSentAt = -Infinity;
	private room?: Room;
	/** The last answer had no x-ratelimit-remaining. */
	private answersWithoutHeaders = false;
	/**
	 * Requests in flight at once. One while no answer in the last window said how much room is
	 * left (a first request, or the first after a pause): the answer says the limit (a trial
	 * account has 25, not 100) and what others use. Then one more per accepted answer, so it
	 * doubles each round trip, up to the limit; a 429 halves it. Like TCP's slow start, this lets
	 * processes that start together see each other in the headers before they fill the window.
	 */
	private inFlightCap = 1;
	private answerArrived: () => void = () => {};
	private nextAnswer: Promise<void> = this.expectAnswer();

	/** The clock, chance and waiting are the real ones unless a test (the simulation) passes its own. */
	constructor(
		private readonly now: () => number = Date.now,
		private readonly random: () => number = Math.random,
		private readonly sleepFor: (ms: number) => Promise<void> = sleep,
	) {}

	private expectAnswer(): Promise<void> {
		return new Promise((resolve) => (this.answerArrived = resolve));
	}

	private answered(): void {
		const arrived = this.answerArrived;
		this.nextAnswer = this.expectAnswer();
		arrived();
	}

	/** Our requests in the window that ends at `at`, by our own count. */
	private inWindowAt(at: number): Slot[] {
		return this.sends.filter((slot) => slot.at > at - this.windowMs);
	}

	/** Ours unanswered; one unanswered for a whole window (a hung connection) holds nothing back. */
	private inFlight(): number {
		return this.inWindowAt(this.now()).filter((slot) => !slot.answered).length;
	}

	/**
	 * An answer said how much room the window has, within the last window; or answers come without
	 * rate-limit headers at all (a proxy that drops them, a test server), when waiting for one that
	 * says would hold every request after the first for a whole window.
	 */
	private roomIsKnown(at: number): boolean {
		if (this.answersWithoutHeaders) return true;
		return this.room !== undefined && at - this.room.at <= this.windowMs;
	}

	/**
	 * How long a request must wait before it may go, when its workflow may use `share` (0 to 1) of
	 * the location's budget per window.
	 */
	delayFor(share: number, at = this.now()): number {
		// Kept two windows: an answer's headers may speak of a moment a window before this one.
		this.sends = this.sends.filter((slot) => slot.at > at - 2 * this.windowMs);
		if (at < this.blockedUntil) return this.blockedUntil - at;
		const ours = this.max * Math.min(1, share);
		const allowed = Math.max(1, Math.floor(Math.min(ours, this.contention.target ?? Infinity)));
		const inWindow = this.inWindowAt(at);
		if (inWindow.length >= allowed) {
			const times = inWindow.map((slot) => slot.at).sort((a, b) => a - b);
			const full = this.windowMs + safetyMarginMs(this.windowMs);
			return Math.min(full, times[times.length - allowed] + full - at);
		}
		// Bounded by the spacing itself: a clock set back must not hold sends for the difference.
		const spacing = this.contention.spacingMs(this.windowMs);
		const spaced = Math.min(spacing, this.lastSentAt + spacing - at);
		if (spaced > 0) return spaced;
		// HighLevel said the window is full and an answer is on its way: it will say when there is room.
		if (this.noRoomLeft(at)) return Math.max(5, Math.round(this.windowMs / this.max));
		return 0;
	}

	private noRoomLeft(at: number): boolean {
		const room = this.room;
		if (!room || at - room.at > this.windowMs) return false;
		const awaited = this.inWindowAt(at).some((slot) => !slot.answered);
		return awaited && room.left - (this.sentTotal - room.sentBefore) <= 0;
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
				const cap = this.roomIsKnown(this.now()) ? this.inFlightCap : 1;
				if (this.inFlight() >= cap) {
					await Promise.race([this.nextAnswer, this.sleepFor(this.windowMs)]);
					continue;
				}
				const head = this.queue[0];
				const delay = this.delayFor(head.share);
				if (delay > 0) {
					await this.sleepFor(delay);
					continue;
				}
				this.queue.shift();
				if (head.signal?.aborted) continue;
				const at = this.now();
				const slot: Slot = { at, sentAt: at };
				this.sends.push(slot);
				this.sentTotal++;
				this.lastSentAt = at;
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
		slot.answered = true;
		this.answered();
	}

	/** A request ended without any answer from HighLevel (e.g. refused): stop waiting for one. */
	settle(): void {
		this.answered();
	}

	/** Follows what HighLevel says about the budget on every response. */
	observe(headers: Headers, statusCode: number): void {
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
		this.answersWithoutHeaders = remaining === undefined;
		if (remaining !== undefined) this.followRoom(at, remaining, statusCode === 429);
		this.inFlightCap =
			statusCode === 429
				? Math.max(1, Math.floor(this.inFlightCap / 2))
				: Math.min(this.max, this.inFlightCap + 1);
	}

	/**
	 * The room this answer reports is everyone's: our requests still unanswered (but this one) may
	 * not be counted in it yet, and what the window holds beyond ours is another client's.
	 */
	private followRoom(at: number, remaining: number, refused: boolean): void {
		const inWindow = this.inWindowAt(at);
		const awaited = inWindow.filter((slot) => !slot.answered);
		// HighLevel wrote this answer's headers when the request arrived: after we let it go, so no
		// earlier than the oldest of ours still unanswered (this one is among them; one unanswered for
		// a whole window is not). Ours it may have counted then are ours in the window ending there.
		const headersAt = Math.min(at, ...awaited.map((slot) => slot.sentAt));
		const unanswered = awaited.length;
		this.room = { left: remaining - Math.max(0, unanswered - 1), at, sentBefore: this.sentTotal };
		this.contention.observe({
			at,
			max: this.max,
			windowMs: this.windowMs,
			remaining,
			ownInWindow: inWindow.length,
			ownHighLevelMayCount: this.inWindowAt(headersAt).length,
			ownLikelyCounted: this.sends.filter(
				(slot) => slot.sentAt > headersAt - this.windowMs && slot.sentAt <= headersAt,
			).length,
			ownCounted: inWindow.filter((slot) => slot.answered && slot.sentAt > at - this.windowMs)
				.length,
			refused,
		});
	}

	/** After a 429: nothing more goes until Retry-After, or until the window has room again. */
	onTooManyRequests(retryAfter: number | undefined, slot?: Slot): number {
		const at = this.now();
		if (slot) slot.refused = true;
		if (retryAfter !== undefined) this.blockedUntil = Math.max(this.blockedUntil, at + retryAfter);
		// Shared with others, the resend waits for a place we hold to leave the window (the target,
		// just lowered, says how many we hold), not until all of our own requests have left it.
		else if (this.contention.target === undefined) this.pauseUntilWindowResets(at);
		else if (slot && this.inWindowAt(at).every((held) => held.refused)) this.holdLonger(slot, at);
		return Math.max(0, this.blockedUntil - at);
	}

	/**
	 * Nothing of ours got into a window someone else fills alone: they reuse each place as it leaves
	 * HighLevel's window, so there is room only when their places leave, at the same moment in every
	 * window. Our refused places leave ours a window after their answers, at the same moment too, so
	 * our next tries would miss again and again (measured: a worker that started 1.5 windows later got
	 * nothing until the other had finished, three windows on). A refused place held a random part of
	 * half a window longer (HighLevel did not count it, so holding it longer is safe) sends the next
	 * try at another moment of the window.
	 */
	private holdLonger(slot: Slot, at: number): void {
		slot.at = Math.max(slot.at, at) + this.random() * (this.windowMs / 2);
	}

	private pauseUntilWindowResets(at: number): void {
		const oldest = Math.min(...this.inWindowAt(at).map((slot) => slot.at));
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
