// The HighLevel sandbox itself, over real HTTP: rate limits and latency.
import { performance } from 'perf_hooks';
import {
	APPOINTMENTS,
	APPOINTMENT_URL,
	OTHER_LOCATION_TOKEN,
	READONLY_TOKEN,
	SANDBOX_LOCATION_ID,
	TOO_MANY,
	exchange,
	limits,
	rateHeaders,
	sandbox,
	sleep,
	title,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('rate limits', () => {
	test('every answer, errors included, carries the five headers; the counts fall with each request of the location', async () => {
		const answers = [
			await exchange('GET', APPOINTMENT_URL),
			await exchange('GET', `${APPOINTMENTS}/apt_missing`),
			await exchange('POST', APPOINTMENTS, { locationId: SANDBOX_LOCATION_ID }),
			await exchange('PUT', APPOINTMENT_URL, { title: 'x' }, { token: READONLY_TOKEN }),
			await exchange('GET', '/calendars/nothing/here/at/all'),
		];
		expect(answers.map((a) => a.status)).toEqual([200, 404, 422, 401, 404]);
		// HighLevel's defaults: 100 per 10 s, 200,000 a day; two tokens of one location share them.
		expect(answers.map((a) => rateHeaders(a.headers))).toEqual(
			[99, 98, 97, 96, 95].map((left, i) => limits(100, left, 10_000, 200_000, 199_999 - i)),
		);
		// a token the sandbox does not know belongs to no location: nothing is counted
		const unknown = await exchange('GET', APPOINTMENT_URL, undefined, { token: 'nope' });
		expect(unknown.status).toBe(401);
		expect(rateHeaders(unknown.headers)).toEqual(limits(100, 100, 10_000, 200_000, 200_000));
		expect(sandbox.requests[5].responseHeaders).toEqual(limits(100, 100, 10_000, 200_000, 200_000));
		expect(answers[0].headers).not.toHaveProperty('retry-after');
	});

	test('the (max+1)-th request inside the window is 429 and changes nothing; 429s do not fill the window; it slides', async () => {
		// The limiter's clock stands still until the test moves it: no race with a loaded machine.
		let now = 1_000;
		sandbox.options.clock = () => now;
		sandbox.options.rateLimit = { max: 3, windowMs: 300, dailyMax: 1000 };
		const first = await exchange('PUT', APPOINTMENT_URL, { title: 'one' });
		expect(rateHeaders(first.headers)).toEqual(limits(3, 2, 300, 1000, 999));
		expect(
			(await exchange('PUT', APPOINTMENT_URL, { title: 'two' })).headers['x-ratelimit-remaining'],
		).toBe('1');
		expect(
			(await exchange('PUT', APPOINTMENT_URL, { title: 'three' })).headers['x-ratelimit-remaining'],
		).toBe('0');

		const refused = await exchange('PUT', APPOINTMENT_URL, { title: 'four' });
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual(TOO_MANY);
		// the day counts the refused request too
		expect(rateHeaders(refused.headers)).toEqual(limits(3, 0, 300, 1000, 996));
		expect(refused.headers).not.toHaveProperty('retry-after');
		expect(title()).toBe('three');
		// what was sent is recorded all the same
		expect(sandbox.requests[3]).toMatchObject({
			body: { title: 'four' },
			status: 429,
			response: TOO_MANY,
		});
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(429);

		// a moment before the first accepted request is windowMs old, the window is still full
		now += 299;
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(429);
		// once it is windowMs old its slot is free again
		now += 1;
		const again = await exchange('PUT', APPOINTMENT_URL, { title: 'five' });
		expect(again.status).toBe(200);
		expect(title()).toBe('five');
		expect(again.headers['x-ratelimit-daily-remaining']).toBe('993');
		expect(sandbox.stats.rateLimited).toBe(3);
		expect(sandbox.stats.byStatus).toEqual({ 200: 4, 429: 3 });
		expect(sandbox.stats.applied.map((w) => (w.body as { title: string }).title)).toEqual([
			'one',
			'two',
			'three',
			'five',
		]);
	});

	test('each location has its own window, whichever of its tokens is used', async () => {
		sandbox.options.rateLimit = { max: 2, windowMs: 60_000, dailyMax: 1000 };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200);
		expect(
			(await exchange('GET', APPOINTMENT_URL, undefined, { token: READONLY_TOKEN })).status,
		).toBe(200);
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(429);
		expect(
			(await exchange('GET', APPOINTMENT_URL, undefined, { token: READONLY_TOKEN })).status,
		).toBe(429);

		const other = await exchange('GET', '/calendars/?locationId=loc_other', undefined, {
			token: OTHER_LOCATION_TOKEN,
		});
		expect(other.status).toBe(200);
		expect(rateHeaders(other.headers)).toEqual(limits(2, 1, 60_000, 1000, 999));
	});

	test('Retry-After comes only when enabled: whole seconds, rounded up, until a request is accepted again', async () => {
		sandbox.options.rateLimit = { max: 1, windowMs: 60_000, dailyMax: 1000 };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200);
		const plain = await exchange('GET', APPOINTMENT_URL);
		expect(plain.status).toBe(429);
		expect(plain.headers).not.toHaveProperty('retry-after');

		sandbox.options.rateLimit.retryAfterHeader = true;
		const told = await exchange('GET', APPOINTMENT_URL);
		expect(told).toMatchObject({ status: 429, body: TOO_MANY, headers: { 'retry-after': '60' } });

		sandbox.options.clock = () => 5_000;
		sandbox.options.rateLimit = { max: 1, windowMs: 250, dailyMax: 1000, retryAfterHeader: true };
		sandbox.resetLimits();
		await exchange('GET', APPOINTMENT_URL);
		expect((await exchange('GET', APPOINTMENT_URL)).headers['retry-after']).toBe('1');
	});

	test('a used-up day is 429 "Daily limit exceeded" with daily-remaining 0 until the day ends', async () => {
		sandbox.options.rateLimit = {
			max: 100,
			windowMs: 60_000,
			dailyMax: 3,
			dailyWindowMs: 300,
			retryAfterHeader: true,
		};
		const days = [];
		let now = 1_000;
		sandbox.options.clock = () => now;
		for (let i = 0; i < 3; i++)
			days.push((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-daily-remaining']);
		expect(days).toEqual(['2', '1', '0']);

		const refused = await exchange('PUT', APPOINTMENT_URL, { title: 'late' });
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({ statusCode: 429, message: 'Daily limit exceeded' });
		// the burst window still has room: only the day is used up
		expect(rateHeaders(refused.headers)).toEqual(limits(100, 97, 60_000, 3, 0));
		expect(refused.headers['retry-after']).toBe('1');
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats.rateLimited).toBe(1);

		// the day started with the first request: a moment before 300 ms it is still used up
		now += 299;
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(429);
		now += 1;
		const nextDay = await exchange('PUT', APPOINTMENT_URL, { title: 'next day' });
		expect(nextDay.status).toBe(200);
		expect(nextDay.headers['x-ratelimit-daily-remaining']).toBe('2');
	});

	test('rateLimit null: no limit and no headers', async () => {
		sandbox.options.rateLimit = null;
		for (let i = 0; i < 120; i++) {
			const res = await exchange('GET', APPOINTMENT_URL);
			expect(res.status).toBe(200);
			expect(Object.keys(res.headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
		}
	});
});

describe('latency', () => {
	test('every answer waits latencyMs, and a write is applied only after the wait', async () => {
		sandbox.options.latencyMs = 150;
		const started = performance.now();
		const pending = exchange('PUT', APPOINTMENT_URL, { title: 'Later' });
		await sleep(50);
		expect(title()).toBe('Casey Contact');
		expect((await pending).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(150);
		expect(title()).toBe('Later');

		// errors and 429s wait too, and concurrent requests wait side by side
		sandbox.options.rateLimit = { max: 1, windowMs: 60_000, dailyMax: 1000 };
		sandbox.resetLimits();
		const burst = performance.now();
		const statuses = await Promise.all(
			[0, 1, 2].map(() => exchange('GET', `${APPOINTMENTS}/apt_missing`).then((r) => r.status)),
		);
		expect(statuses.sort()).toEqual([404, 429, 429]);
		expect(performance.now() - burst).toBeGreaterThanOrEqual(150);
	});
});
