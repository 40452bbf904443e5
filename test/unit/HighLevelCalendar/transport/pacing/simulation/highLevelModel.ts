/**
 * HighLevel's burst limit as the simulation models it, per location: `max` accepted requests per
 * `windowMs`, told in the headers of every answer. HighLevel does not document whether its window
 * is fixed or sliding, so both are modelled and the pacing must meet its invariants under each:
 *
 * - fixed: a window starts at the first request, and the next one at the first request after it
 *   ended; its count starts at 0 then, whatever the last window held;
 * - sliding: a request counts for exactly `windowMs` after it arrived (as test/sandbox/limits.ts).
 *
 * A refused request (429, without Retry-After: HighLevel's 429 headers are undocumented) is not
 * counted, so a client that keeps knocking does not keep the window full.
 */
export type WindowKind = 'fixed' | 'sliding';

export interface Answer {
	status: 200 | 429;
	headers: Record<string, string>;
}

export class HighLevelModel {
	/** Arrival times of accepted requests still in the sliding window, oldest first. */
	private accepted: number[] = [];
	private fixedStart = -Infinity;
	private fixedCount = 0;

	constructor(
		readonly kind: WindowKind,
		readonly max: number,
		readonly windowMs: number,
	) {}

	/** Counts a request arriving at `at` (never earlier than the last arrival) and answers it. */
	admit(at: number): Answer {
		const inWindow = this.kind === 'fixed' ? this.fixedCountAt(at) : this.slidingCountAt(at);
		const admitted = inWindow < this.max;
		if (admitted && this.kind === 'fixed') this.fixedCount++;
		if (admitted && this.kind === 'sliding') this.accepted.push(at);
		return {
			status: admitted ? 200 : 429,
			headers: {
				'x-ratelimit-max': String(this.max),
				'x-ratelimit-remaining': String(Math.max(0, this.max - inWindow - (admitted ? 1 : 0))),
				'x-ratelimit-interval-milliseconds': String(this.windowMs),
			},
		};
	}

	private fixedCountAt(at: number): number {
		if (at >= this.fixedStart + this.windowMs) {
			this.fixedStart = at;
			this.fixedCount = 0;
		}
		return this.fixedCount;
	}

	private slidingCountAt(at: number): number {
		while (this.accepted.length && at - this.accepted[0] >= this.windowMs) this.accepted.shift();
		return this.accepted.length;
	}
}
