import {
	LocationBudget,
	retryAfterMs,
} from '../../../../../nodes/HighLevelCalendar/transport/pacing/rateLimit';
import {
	backoffMs,
	classifyFailure,
	isSafeToResend,
	RETRY,
} from '../../../../../nodes/HighLevelCalendar/transport/client';

/** A request let go and answered at once (the in-flight cap never holds it back). */
async function sendAnswered(budget: LocationBudget, share = 1) {
	const slot = await budget.acquire(share);
	budget.complete(slot);
	return slot;
}

/** As after `count` answers that said the window is empty: that many may be in flight at once. */
function answeredBefore(budget: LocationBudget, count: number) {
	for (let answer = 0; answer < count; answer++)
		budget.observe({ 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '100' }, 200);
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('LocationBudget', () => {
	it('sends one request until HighLevel answers, then one more per answer (doubling each round trip)', async () => {
		const budget = new LocationBudget();
		const first = await budget.acquire(1);
		const sent: number[] = [];
		const waiting = [1, 2, 3].map((n) => budget.acquire(1).then((slot) => (sent.push(n), slot)));
		await nextTick();
		expect(sent).toEqual([]);
		budget.observe({ 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '99' }, 200);
		budget.complete(first);
		await Promise.all(waiting.slice(0, 2));
		await nextTick();
		expect(sent).toEqual([1, 2]); // two in flight now; the third waits for one of them
		const [second] = await Promise.all(waiting.slice(0, 1));
		budget.observe({ 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '97' }, 200);
		budget.complete(second);
		await waiting[2];
		expect(sent).toEqual([1, 2, 3]);
	});

	it('reads the headers as of when HighLevel wrote them: ours that left our window since are not others', async () => {
		let now = 0;
		const budget = new LocationBudget(() => now);
		answeredBefore(budget, 100);
		for (let sent = 0; sent < 50; sent++) await sendAnswered(budget);
		now = 9_990;
		const last = await budget.acquire(1);
		// HighLevel counted our 51 when the last one arrived; we read its answer after the first 50
		// left our window. Nobody else is there.
		now = 10_005;
		budget.observe({ 'x-ratelimit-remaining': '49' }, 200);
		budget.complete(last);
		expect(budget.contention.target).toBeUndefined();
	});

	it('does not wait for room it can never learn: answers without rate-limit headers', async () => {
		const budget = new LocationBudget();
		budget.complete(await budget.acquire(1));
		budget.observe({}, 200); // a proxy dropped HighLevel's headers
		const outer = await budget.acquire(1);
		// A hook's look-up while the outer request is still open (Get Free Slots' slot length) goes at
		// once, instead of after a whole window waiting for an answer that would say the room.
		const lookUp = budget.acquire(1);
		await expect(
			Promise.race([lookUp.then(() => 'sent'), nextTick().then(() => 'held')]),
		).resolves.toBe('sent');
		budget.complete(outer);
	});

	it('lets the published 100 per 10 s through at once, then spaces by the window', async () => {
		let now = 1_000_000;
		const budget = new LocationBudget(() => now);
		for (let sent = 0; sent < 100; sent++) await sendAnswered(budget);
		expect(budget.delayFor(1)).toBe(10_000 + 100);
		now += 5_000;
		expect(budget.delayFor(1)).toBe(5_000 + 100);
		now += 5_101;
		expect(budget.delayFor(1)).toBe(0);
	});

	it('counts a request in the window from when it was answered, never earlier', async () => {
		let now = 2_000_000;
		const budget = new LocationBudget(() => now);
		answeredBefore(budget, 100);
		const slots = [];
		for (let sent = 0; sent < 100; sent++) slots.push(await budget.acquire(1));
		// n8n's busy thread sent them late; HighLevel answered them 3 s after we let them go.
		now += 3_000;
		for (const slot of slots) budget.complete(slot);
		now += 7_500; // 10.5 s after letting them go, but only 7.5 s after HighLevel may have counted them
		expect(budget.delayFor(1)).toBe(2_500 + 100);
		now += 2_600;
		expect(budget.delayFor(1)).toBe(0);
	});

	it('gives a workflow only its share of the budget', async () => {
		const now = 5_000_000;
		const budget = new LocationBudget(() => now);
		for (let sent = 0; sent < 25; sent++) await sendAnswered(budget, 0.25);
		expect(budget.delayFor(0.25)).toBeGreaterThan(0);
		expect(budget.delayFor(1)).toBe(0);
	});

	it("follows HighLevel's headers: another limit, another window, an exhausted remainder", async () => {
		let now = 0;
		const budget = new LocationBudget(() => now);
		budget.observe(
			{
				'x-ratelimit-max': '25',
				'x-ratelimit-interval-milliseconds': '2000',
				'x-ratelimit-remaining': '24',
			},
			200,
		);
		expect([budget.max, budget.windowMs]).toEqual([25, 2000]);
		await budget.acquire(1);
		now = 100;
		// A 429 itself blocks nothing here (onTooManyRequests does); but a full window holding 24
		// requests that are not ours says another client shares the budget: we hold the fewest places
		// anyone holds, 5% of 25 (contention.ts), and space our sends over the window.
		budget.observe({ 'x-ratelimit-remaining': '0' }, 429);
		expect(budget.contention.target).toBe(2);
		expect(budget.delayFor(1)).toBe((2000 / 2) * 0.5 - 100);
		// An answer that says the window is full holds everything until our oldest leaves it.
		budget.observe({ 'x-ratelimit-remaining': '0' }, 200);
		expect(budget.delayFor(1)).toBe(2000 + 20 - 100);
	});

	it('with another client in the window: we hold our places and half the room, sends spaced', async () => {
		let now = 0;
		const budget = new LocationBudget(() => now);
		await sendAnswered(budget);
		// 100 per 10 s; after ours, 60 are left: 39 belong to someone else.
		budget.observe({ 'x-ratelimit-remaining': '60' }, 200);
		expect(budget.contention.target).toBe(1 + Math.ceil((60 - 2) / 2));
		// Sends are spaced at half the even spacing of our places and the room still free (58).
		expect(budget.delayFor(1)).toBeCloseTo((10_000 / (30 + 58)) * 0.5, 5);
		// The other client takes the rest of the room. Once we hold our 30 places, the next waits for
		// the oldest of them to leave the window.
		for (let sent = 1; sent < 30; sent++) {
			now += 200;
			budget.observe({ 'x-ratelimit-remaining': '2' }, 200);
			budget.complete(await budget.acquire(1));
		}
		expect(budget.contention.target).toBe(30);
		expect(budget.delayFor(1)).toBe(10_000 + 100 - now);
		// Alone again once a whole window has held nobody else's requests.
		now = 16_000;
		budget.observe({ 'x-ratelimit-remaining': '100' }, 200);
		expect(budget.contention.target).toBeUndefined();
		expect(budget.delayFor(1)).toBe(0);
	});

	it('holds back while HighLevel says the window is full and an answer is on its way', async () => {
		let now = 0;
		const budget = new LocationBudget(() => now);
		answeredBefore(budget, 1); // two may be in flight
		const a = await budget.acquire(1);
		await budget.acquire(1);
		// 3 per window, 1 left after our first: our second, unanswered, may take it.
		budget.observe({ 'x-ratelimit-max': '3', 'x-ratelimit-remaining': '1' }, 200);
		budget.complete(a);
		expect(budget.contention.target).toBeUndefined();
		expect(budget.delayFor(1)).toBe(Math.round(10_000 / 3)); // until the next answer says more
		now += 10_001;
		expect(budget.delayFor(1)).toBe(0); // what it said is a window old
	});

	it('fails fast once the daily budget is spent', async () => {
		const budget = new LocationBudget(() => 0);
		budget.observe({ 'x-ratelimit-daily-remaining': '0' }, 200);
		await expect(budget.acquire(1)).rejects.toThrow(
			"HighLevel's daily request limit for this location is used up",
		);
	});

	it('holds everything back after a 429, for Retry-After or until the window resets', () => {
		let now = 0;
		const budget = new LocationBudget(() => now);
		expect(budget.onTooManyRequests(3_000)).toBe(3_000);
		now = 1_000;
		expect(budget.delayFor(1)).toBe(2_000);
		expect(budget.onTooManyRequests(undefined)).toBe(10_000 + 100);
	});

	it('holds a refused place a random part of half a window longer while nothing of ours got in', async () => {
		let now = 0;
		const budget = new LocationBudget(
			() => now,
			() => 0.5,
		);
		const full = { 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '0' };
		// Someone else fills the window alone: each of our tries is refused. We hold the fewest places
		// anyone holds (5 of 100), sends a second apart (half the even spacing of 5 per 10 s).
		for (let tried = 0; tried < 5; tried++) {
			now = tried * 1_000;
			const slot = await budget.acquire(1);
			budget.observe(full, 429);
			now += 10;
			budget.complete(slot);
			expect(budget.onTooManyRequests(undefined, slot)).toBe(0);
		}
		// The oldest refused place leaves our window half of half a window later than its answer plus
		// a window and the margin: the next try comes at another moment of HighLevel's window.
		expect(budget.delayFor(1)).toBe(10 + 2_500 + 10_000 + 100 - now);
	});

	it('holds a refused place as any other while some of ours got in', async () => {
		let now = 0;
		const budget = new LocationBudget(
			() => now,
			() => 0.5,
		);
		await sendAnswered(budget);
		budget.observe({ 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '40' }, 200);
		now = 1_000;
		const slot = await budget.acquire(1);
		budget.observe({ 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '0' }, 429);
		budget.complete(slot);
		budget.onTooManyRequests(undefined, slot);
		expect(slot.at).toBe(1_000);
	});

	it('releases waiters in arrival order and honours cancellation', async () => {
		const budget = new LocationBudget();
		budget.observe({ 'x-ratelimit-max': '1', 'x-ratelimit-interval-milliseconds': '50' }, 200);
		const order: number[] = [];
		const controller = new AbortController();
		const first = budget.acquire(1).then(() => order.push(1));
		const cancelled = budget.acquire(1, controller.signal);
		const third = budget.acquire(1).then(() => order.push(3));
		controller.abort();
		await expect(cancelled).rejects.toThrow('cancelled');
		await Promise.all([first, third]);
		expect(order).toEqual([1, 3]);
	});

	it('reads Retry-After as seconds or an HTTP date', () => {
		expect(retryAfterMs({ 'retry-after': '2' }, 0)).toBe(2000);
		expect(retryAfterMs({ 'retry-after': new Date(5_000).toUTCString() }, 1_000)).toBe(4_000);
		expect(retryAfterMs({}, 0)).toBeUndefined();
	});
});

describe('retry rules', () => {
	it('classifies what came back', () => {
		expect(classifyFailure({ httpCode: '429', context: { retryAfterMs: 1000 } })).toEqual({
			outcome: 'rateLimited',
			retryAfterMs: 1000,
		});
		expect(classifyFailure({ httpCode: '429', context: { dailyLimit: true } }).outcome).toBe(
			'dailyLimit',
		);
		expect(classifyFailure({ httpCode: '503' }).outcome).toBe('serverError');
		expect(classifyFailure({ httpCode: 'ECONNREFUSED' }).outcome).toBe('refused');
		expect(classifyFailure({ httpCode: 'ECONNRESET' }).outcome).toBe('broken');
		expect(classifyFailure({ message: 'socket hang up' }).outcome).toBe('broken');
		expect(classifyFailure({ httpCode: '400' }).outcome).toBe('final');
		expect(classifyFailure({ httpCode: '500' }).outcome).toBe('final');
	});

	it('never resends a create HighLevel may have acted on', () => {
		expect(isSafeToResend('POST', 'rateLimited')).toBe(true);
		expect(isSafeToResend('POST', 'refused')).toBe(true);
		expect(isSafeToResend('POST', 'serverError')).toBe(false);
		expect(isSafeToResend('POST', 'broken')).toBe(false);
		for (const method of ['GET', 'PUT', 'DELETE']) {
			expect(isSafeToResend(method, 'serverError')).toBe(true);
			expect(isSafeToResend(method, 'broken')).toBe(true);
			expect(isSafeToResend(method, 'final')).toBe(false);
		}
	});

	it('backs off exponentially with full jitter, capped', () => {
		expect(backoffMs(0, () => 1)).toBe(RETRY.baseMs);
		expect(backoffMs(3, () => 1)).toBe(RETRY.baseMs * 8);
		expect(backoffMs(20, () => 1)).toBe(RETRY.capMs);
		expect(backoffMs(5, () => 0)).toBe(0);
	});
});
