import { Contention } from '../../../../../nodes/HighLevelCalendar/transport/pacing/contention';

let clock = 0;
/** One answer's view of a window of 100 per 10 s, 100 ms after the last one. */
const seen = (
	remaining: number,
	ownInWindow: number,
	ownCounted = ownInWindow,
	refused = false,
) => ({
	at: (clock += 100),
	max: 100,
	windowMs: 10_000,
	remaining,
	ownInWindow,
	ownHighLevelMayCount: ownInWindow,
	ownCounted,
	ownLikelyCounted: ownInWindow,
	refused,
});

describe('Contention: sharing a location budget with other processes', () => {
	it('stays out of the way while the window holds only our requests', () => {
		const contention = new Contention();
		contention.observe(seen(100 - 40, 40));
		expect(contention.target).toBeUndefined();
		expect(contention.spacingMs(10_000)).toBe(0);
	});

	it('holds its places and claims half the room beyond the reserve; spaces its sends', () => {
		const contention = new Contention();
		contention.observe(seen(45, 20)); // 35 are someone else's; 43 free beyond the reserve of 2
		expect(contention.target).toBe(20 + 22);
		// Half the even spacing of the places it holds and the room still free, so it fills the room.
		expect(contention.spacingMs(10_000)).toBe((10_000 / (42 + 43)) * 0.5);
		contention.observe(seen(2, 42)); // the window is full: spaced by its own places alone
		expect(contention.spacingMs(10_000)).toBe((10_000 / 42) * 0.5);
	});

	it("does not claim as room its own places that left HighLevel's window before ours", () => {
		const contention = new Contention();
		// 10 of our 30 may have left HighLevel's window already: of the 25 left, 13 are beyond them
		// and the reserve.
		contention.observe(seen(25, 30, 20));
		expect(contention.target).toBe(30 + 7);
	});

	it('keeps its places while the window is full and it holds no more than the others', () => {
		const contention = new Contention();
		contention.observe(seen(45, 20));
		contention.observe(seen(2, 40)); // 58 are others': full, and we hold less
		expect(contention.target).toBe(42);
	});

	it('gives one place back after a 429', () => {
		const contention = new Contention();
		contention.observe(seen(45, 20));
		contention.observe(seen(0, 40, 40, true));
		expect(contention.target).toBe(39);
	});

	it('gives one place back while it holds more than all the others, a quarter of the limit per window', () => {
		const contention = new Contention();
		contention.observe(seen(2, 70)); // full: we hold 70, the others 28
		expect(contention.target).toBe(69);
		contention.observe(seen(2, 70)); // one per 400 ms
		expect(contention.target).toBe(69);
		clock += 300;
		contention.observe(seen(2, 70));
		expect(contention.target).toBe(68);
		contention.observe(seen(2, 37)); // now we hold less than the others
		expect(contention.target).toBe(68);
	});

	it('compares shares by what HighLevel likely counts of ours, not by our late answers', () => {
		const contention = new Contention();
		contention.observe(seen(2, 50)); // full, shared evenly: the others hold 48
		clock += 6_000; // more than half a window on: whatever the others held then is past
		// After a burst our thread read 20 answers late: we still hold 70 places, but only 50 of ours
		// were sent within HighLevel's window, and the others still hold 48. We hold no more than they
		// do: nothing is given back (by our late count the others would hold 28, and we would).
		contention.observe({ ...seen(2, 70), ownLikelyCounted: 50 });
		expect(contention.target).toBe(50);
	});

	it('does not give back more than it holds when its thread was slow to use its places', () => {
		const contention = new Contention();
		contention.observe(seen(45, 20)); // target 42
		contention.observe(seen(2, 30)); // we hold 30, the others 68: keep the target
		expect(contention.target).toBe(42);
	});

	it('leaves the room it gave back to the others, while it holds more than them', () => {
		const contention = new Contention();
		contention.observe(seen(2, 70)); // full: we hold 70, the others 28: give one back
		expect(contention.target).toBe(69);
		clock += 400;
		// We hold 60 now, the others still 28: the 10 free beyond the reserve are theirs to claim, not
		// ours. We give one more back, from what we hold.
		contention.observe(seen(12, 60));
		expect(contention.target).toBe(61);
	});

	it('takes the room another worker leaves when it finishes', () => {
		const contention = new Contention();
		contention.observe(seen(2, 48));
		expect(contention.target).toBe(48);
		contention.observe(seen(45, 48)); // the other's requests are leaving the window
		expect(contention.target).toBe(48 + 22);
	});

	it('does not give places back to others that are finishing: claims the room their places leave', () => {
		const contention = new Contention();
		contention.observe(seen(2, 50)); // full, shared evenly: the others hold 48
		const held = 50;
		const targets: number[] = [];
		// The others stop sending: each answer, two more of their places leave the window. We come to
		// hold more than them by the margin, when we would give places back; they are leaving instead.
		for (let others = 46; others >= 30; others -= 2) {
			contention.observe(seen(100 - held - others, held));
			targets.push(contention.target ?? NaN);
		}
		expect(Math.min(...targets)).toBeGreaterThanOrEqual(50);
		// At the end 18 are free beyond the reserve, under a quarter of the limit: claimed by half.
		expect(targets[targets.length - 1]).toBe(50 + 9);
	});

	it('gives nothing back to others that are gone, while they still count as present', () => {
		const contention = new Contention();
		contention.observe(seen(2, 50)); // full, shared evenly: the others hold 48
		clock += 6_000; // their places have all left the window, and it has shown none since
		contention.observe(seen(40, 60)); // we hold 60, nobody else: 38 free beyond the reserve
		expect(contention.target).toBe(60 + 19);
	});

	it('never holds fewer than 5% of the limit, so nobody is starved', () => {
		const contention = new Contention();
		for (let answer = 0; answer < 50; answer++) contention.observe(seen(0, 1, 1, true));
		expect(contention.target).toBe(5);
	});

	it('is alone again once a whole window has shown nobody else', () => {
		const contention = new Contention();
		contention.observe(seen(45, 20));
		contention.observe(seen(70, 30)); // nobody else now, but a newcomer may hide in our timing
		expect(contention.target).toBeDefined();
		clock += 10_000;
		contention.observe(seen(70, 30));
		expect(contention.target).toBeUndefined();
	});
});
