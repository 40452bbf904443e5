/**
 * Several n8n processes (queue-mode workers), or another app with the same token, spending one
 * location's budget. Each process paces only what it sends, so on its own each would believe it
 * owns all of HighLevel's 100 requests per 10 seconds. What they all see is HighLevel's
 * `x-ratelimit-remaining` on every answer: the window's room after that request was counted. What
 * the window holds beyond our own requests is someone else's, and while there is someone else this
 * process sends at a rate it adjusts from the headers, the way TCP shares a link:
 *
 * - it starts at what it had in the window plus half the room left (the others take the other half);
 * - room at or under the reserve, or a 429, cuts the rate (by 15%, by 30% for a 429), at most once
 *   per half window, as the others' answers say the same and they cut too;
 * - otherwise the rate grows by 5% of the limit per window, and jumps to half the room when a lot
 *   is left (a worker finished), so nobody is starved and nothing is left unused for long;
 * - sends are spaced over the window (half the even spacing), so everyone's headers stay current.
 *
 * Once the window holds nobody else's requests the process is alone again and paces as before.
 * Pure: the budget (rateLimit.ts) feeds it observations and asks for the rate and the spacing.
 * `npm run bench` and the queue-mode e2e measure it (README, "Queue mode and several workers").
 */

export interface Observation {
	at: number;
	max: number;
	windowMs: number;
	/** x-ratelimit-remaining of this answer. */
	remaining: number;
	/** Our own requests HighLevel may have counted in the window (ours answered within it). */
	ownInWindow: number;
	/** The answer was a 429. */
	refused: boolean;
}

const RESERVE = 0.05;
const CUT = 0.85;
const CUT_AFTER_429 = 0.7;
const GROWTH_PER_WINDOW = 0.05;
const MIN_RATE = 0.05;
const ROOM_SHARE = 0.5;
const SPACING = 0.5;

/** Fewer foreign requests than this in the window are our own timing, not another client. */
export function noiseOf(max: number): number {
	return Math.max(2, Math.ceil(max * 0.02));
}

export class Contention {
	/** Requests per window this process allows itself while others spend the budget; unset alone. */
	rate: number | undefined;
	private lastCutAt = -Infinity;

	observe(o: Observation): void {
		const others = o.max - o.remaining - o.ownInWindow;
		if (others <= noiseOf(o.max) && !o.refused) {
			this.rate = undefined;
			return;
		}
		const reserve = Math.max(1, o.max * RESERVE);
		const halfTheRoom = o.ownInWindow + (o.remaining - reserve) * ROOM_SHARE;
		let rate = this.rate ?? halfTheRoom;
		if (o.refused || o.remaining <= reserve) {
			if (o.at - this.lastCutAt > o.windowMs / 2) {
				rate *= o.refused ? CUT_AFTER_429 : CUT;
				this.lastCutAt = o.at;
			}
		} else {
			rate += (GROWTH_PER_WINDOW * o.max) / rate;
			if (o.remaining > 3 * reserve) rate = Math.max(rate, halfTheRoom);
		}
		this.rate = Math.min(o.max, Math.max(o.max * MIN_RATE, rate));
	}

	/** The least time between two of our sends while others share the budget; 0 when alone. */
	spacingMs(windowMs: number): number {
		return this.rate === undefined ? 0 : (windowMs / this.rate) * SPACING;
	}
}
