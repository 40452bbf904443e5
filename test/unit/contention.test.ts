import { Contention, noiseOf } from '../../nodes/HighLevelCalendar/shared/contention';

const WINDOW = { max: 100, windowMs: 10_000 };
const seen = (at: number, remaining: number, ownInWindow: number, refused = false) => ({
	...WINDOW,
	at,
	remaining,
	ownInWindow,
	refused,
});

describe('Contention: sharing a location budget with other processes', () => {
	it('stays out of the way while the window holds only our requests (and a little timing noise)', () => {
		const contention = new Contention();
		contention.observe(seen(0, 100 - 40 - noiseOf(100), 40));
		expect(contention.rate).toBeUndefined();
		expect(contention.spacingMs(10_000)).toBe(0);
	});

	it('starts at what it had plus half the room left, and spaces its sends', () => {
		const contention = new Contention();
		contention.observe(seen(0, 45, 20)); // 35 are someone else's
		const start = 20 + (45 - 5) / 2;
		expect(contention.rate).toBeCloseTo(start + 5 / start, 5);
		expect(contention.spacingMs(10_000)).toBeCloseTo((10_000 / contention.rate!) * 0.5, 5);
	});

	it('cuts by 15% when the room is down to the reserve, by 30% after a 429, once per half window', () => {
		const contention = new Contention();
		contention.observe(seen(0, 45, 20));
		const before = contention.rate!;
		contention.observe(seen(1, 5, 30));
		expect(contention.rate).toBeCloseTo(before * 0.85, 5);
		contention.observe(seen(2, 0, 30, true));
		expect(contention.rate).toBeCloseTo(before * 0.85, 5); // the same congestion, already cut
		contention.observe(seen(5_002, 0, 30, true));
		expect(contention.rate).toBeCloseTo(before * 0.85 * 0.7, 5);
	});

	it('grows by 5% of the limit per window, and takes half the room when much is left', () => {
		const contention = new Contention();
		contention.observe(seen(0, 10, 30)); // room 10: just above the reserve, under 3x
		const rate = contention.rate!;
		contention.observe(seen(1, 10, 30));
		expect(contention.rate).toBeCloseTo(rate + 5 / rate, 5);
		contention.observe(seen(2, 60, 30)); // someone finished: 60 left
		expect(contention.rate).toBeGreaterThanOrEqual(30 + (60 - 5) / 2);
	});

	it('never falls under 5% of the limit, so nobody is starved', () => {
		const contention = new Contention();
		for (let at = 0; at < 100_000; at += 6_000) contention.observe(seen(at, 0, 1, true));
		expect(contention.rate).toBe(5);
	});

	it('is alone again once the window holds nobody else', () => {
		const contention = new Contention();
		contention.observe(seen(0, 45, 20));
		contention.observe(seen(10_000, 70, 30));
		expect(contention.rate).toBeUndefined();
	});
});
