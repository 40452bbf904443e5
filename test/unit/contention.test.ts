import { Contention } from '../../nodes/HighLevelCalendar/shared/contention';

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

	it('gives one place back after a 429, and while it holds more than all the others', () => {
		const contention = new Contention();
		contention.observe(seen(45, 20));
		contention.observe(seen(0, 40, 40, true));
		expect(contention.target).toBe(39);
		contention.observe(seen(2, 70)); // full: we hold 70, the others 28
		expect(contention.target).toBe(38);
		contention.observe(seen(2, 70)); // a quarter of the limit per window: one per 400 ms
		expect(contention.target).toBe(38);
		clock += 300;
		contention.observe(seen(2, 70));
		expect(contention.target).toBe(37);
		contention.observe(seen(2, 37)); // now we hold less than the others
		expect(contention.target).toBe(37);
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
		contention.observe(seen(12, 69)); // 10 free beyond the reserve: theirs to claim, not ours
		expect(contention.target).toBe(68);
	});

	it('takes the room another worker leaves when it finishes', () => {
		const contention = new Contention();
		contention.observe(seen(2, 48));
		expect(contention.target).toBe(48);
		contention.observe(seen(45, 48)); // the other's requests are leaving the window
		expect(contention.target).toBe(48 + 22);
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
