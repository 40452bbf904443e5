/**
 * Several n8n processes (queue-mode workers), or another app with the same token, spending one
 * location's budget, seen only through HighLevel's answers. While someone else spends it, this
 * process holds a number of places in HighLevel's window (the target) and reuses each as it leaves
 * the window; alone, the target is unset and the budget (rateLimit.ts) paces by the limit. Pure: the
 * budget feeds it one observation per answer and reads the target and the spacing.
 *
 * What it keeps true: a place we hold is reused by us alone, so a 429 can only come from claiming
 * free room that someone else claimed too. The words, the rules and their reasons, and how they are
 * measured: docs/pacing.md.
 */

export interface Observation {
	at: number;
	max: number;
	windowMs: number;
	/** x-ratelimit-remaining of this answer. */
	remaining: number;
	/** Our own requests in the window, by our count: the places we hold. */
	ownInWindow: number;
	/**
	 * Our own requests HighLevel may have counted when it wrote the headers (a moment before we read
	 * them: some of ours may have left our window since). What it counted beyond these is others'.
	 */
	ownHighLevelMayCount: number;
	/**
	 * Our own requests HighLevel surely still counts (answered, and sent within the window). The
	 * rest of ownInWindow may have left HighLevel's window already, and its room, but we hold their
	 * places until our own count lets them go: that room is ours to reuse, not free to claim.
	 */
	ownCounted: number;
	/**
	 * Our own requests HighLevel most likely counted when it wrote the headers: those we let go within
	 * the window that ends then. A request arrives a few milliseconds after we let it go, but its
	 * answer may reach our busy thread much later, so ownInWindow (held from the answer) runs ahead of
	 * HighLevel's count after a burst. Shares are compared, and others seen leaving, by this count.
	 */
	ownLikelyCounted: number;
	/** The answer was a 429. */
	refused: boolean;
}

/** Room left free for the others' requests already on their way. */
const RESERVE = 0.02;
/** Nobody holds fewer places than this share of the limit. */
const MIN_SHARE = 0.05;
/**
 * Places given back per window, as a share of the limit, while we hold more than the others: slow
 * enough that they claim each one before the next (a window left unfilled is time lost).
 */
const YIELDS = 0.25;
/** Sends are at least this share of the even spacing apart, so they can catch up after a delay. */
const SPACING = 0.5;
/** Others holding a twentieth of the limit fewer than within this share of the window are leaving. */
const LEAVING_SINCE = 0.5;

/**
 * The lead: how many places more than the others we may hold before we give places back, and stop
 * claiming free room: a tenth of the limit. Closer, two workers trade places back and forth and
 * leave some unused.
 */
export function leadOf(max: number): number {
	return Math.max(2, Math.ceil(max * 0.1));
}

/** Requests our count and HighLevel's may differ by: one or two in flight. */
export function noiseOf(max: number): number {
	return Math.max(2, Math.ceil(max * 0.02));
}

export class Contention {
	/** Places in the window this process holds while others spend the budget; unset alone. */
	target: number | undefined;
	private yieldedAt = -Infinity;
	private sharedUntil = -Infinity;
	/** Free room the last answer showed (beyond the reserve, not ours): sends come closer to fill it. */
	private free = 0;
	/** How many places the others held, answer by answer, over the last LEAVING_SINCE of a window. */
	private othersSeen: Array<{ at: number; others: number }> = [];

	/**
	 * The others hold half a lead fewer than they did a moment ago: they are finishing, and the room
	 * their requests leave is nobody's unless we claim it. Before we would give them places (holding
	 * a whole lead more than them, when we held as many), we see them leave. (A newcomer grows, never
	 * shrinks; the others give places back only while they hold more than us.)
	 */
	private othersLeaving(at: number, others: number, lead: number, windowMs: number): boolean {
		const since = at - windowMs * LEAVING_SINCE;
		this.othersSeen = this.othersSeen.filter((seen) => seen.at >= since);
		this.othersSeen.push({ at, others });
		return Math.max(...this.othersSeen.map((seen) => seen.others)) - others > lead / 2;
	}

	observe(o: Observation): void {
		const lead = leadOf(o.max);
		const held = o.ownInWindow;
		const others = o.max - o.remaining - Math.max(held, o.ownHighLevelMayCount);
		// Our count of our own never falls short of HighLevel's (a request holds its place from its
		// answer, and a 429 that HighLevel did not count still holds one), so anything beyond it is
		// someone else's: even one, a worker that started later squeezing in between our sends.
		// Our count may run a few ahead of HighLevel's (we hold a place until our answer plus a
		// window), which can hide a newcomer holding one or two: once seen, the others count as
		// present until a whole window has shown none.
		if (others > 0 || o.refused) this.sharedUntil = o.at + o.windowMs;
		// Who holds more, and whether the others are leaving, are read from the likely counts: the
		// bound above would make the others' share shrink while only our answers were late.
		const mine = o.ownLikelyCounted;
		const theirs = o.max - o.remaining - mine;
		// Gone is leaving too: while the others count as present, nobody is there to give places to.
		const leaving = this.othersLeaving(o.at, theirs, lead, o.windowMs) || theirs <= 0;
		if (o.at >= this.sharedUntil) {
			this.target = undefined;
			return;
		}
		const ours = held - Math.min(held, o.ownCounted);
		const reserve = Math.max(1, Math.ceil(o.max * RESERVE));
		const free = o.remaining - ours - reserve;
		this.free = Math.max(0, free);
		let target = this.target ?? held;
		if (o.refused) target = Math.min(target, held) - 1;
		// Holding more than the others, we leave the free room to them (what we gave back is theirs),
		// unless they are leaving. A claim is what this answer's free room allows, not the most an
		// earlier one allowed: a target kept from more free room sends into every later room the
		// others are claiming too.
		else if (free > 0 && (mine <= theirs + lead || leaving)) target = held + Math.ceil(free / 2);
		else if (
			mine > theirs + lead &&
			!leaving &&
			o.at - this.yieldedAt >= o.windowMs / (o.max * YIELDS)
		) {
			// From what we hold, give or take the timing: a process that momentarily holds fewer than its
			// target (its thread was busy) must not ratchet its target down to that.
			target = Math.min(target, held + noiseOf(o.max)) - 1;
			this.yieldedAt = o.at;
		}
		this.target = Math.min(o.max, Math.max(Math.ceil(o.max * MIN_SHARE), target));
	}

	/**
	 * The least time between two of our sends while others share the budget; 0 when alone. Spread
	 * sends leave the window spread: few of our places are ever between leaving HighLevel's window
	 * and our reuse, when the others see them as room. Free room counts too: when the others
	 * finish, their places leave the window as fast as they were sent, and ours must follow to fill
	 * them (measured: spaced by our places alone, the window fell to 69 of 100 as they left).
	 */
	spacingMs(windowMs: number): number {
		return this.target === undefined ? 0 : (windowMs / (this.target + this.free)) * SPACING;
	}
}
