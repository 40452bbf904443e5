// The HighLevel sandbox itself, over real HTTP: fault injection and counting.
import { performance } from 'perf_hooks';
import {
	APPOINTMENTS,
	APPOINTMENT_URL,
	BLOCK_SLOTS,
	READONLY_TOKEN,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_ID,
	TOO_MANY,
	blockSlotUpdate,
	exchange,
	newAppointment,
	outcome,
	sandbox,
	title,
	type FaultKind,
	useSandbox,
} from '../sandbox/fixtures';

useSandbox();

describe('faults', () => {
	test('a scripted 503 answers without applying; the script entry is then used up', async () => {
		sandbox.options.faults = { script: [{ method: 'put', fault: '503' }] };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200); // not a PUT
		const failed = await exchange('PUT', APPOINTMENT_URL, { title: 'lost?' });
		expect(failed.status).toBe(503);
		expect(failed.body).toEqual({ statusCode: 503, message: 'Service Unavailable' });
		expect(failed.headers['x-ratelimit-remaining']).toBe('98');
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats.applied).toEqual([]);

		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'retried' })).status).toBe(200);
		expect(title()).toBe('retried');
		expect(sandbox.stats).toMatchObject({
			injected: { 503: 1 },
			byStatus: { 200: 2, 503: 1 },
			rateLimited: 0,
		});
		expect(sandbox.requests.map((r) => r.injected)).toEqual([undefined, '503', undefined]);
	});

	test('reset-after-apply: the create is applied exactly once, and the client only sees ECONNRESET', async () => {
		sandbox.options.faults = {
			script: [{ method: 'POST', pathIncludes: '/appointments', fault: 'reset-after-apply' }],
		};
		const err = await exchange(
			'POST',
			APPOINTMENTS,
			newAppointment({ title: 'Booked blind' }),
		).catch((e) => e);
		expect(err.message).toBe('fetch failed');
		expect(err.cause).toMatchObject({ code: 'ECONNRESET' });

		const created = [...sandbox.store.appointments.values()].filter(
			(a) => a.title === 'Booked blind',
		);
		expect(created).toHaveLength(1);
		expect(sandbox.stats.applied).toEqual([
			{
				method: 'POST',
				path: APPOINTMENTS,
				kind: 'appointment',
				id: created[0].id,
				body: newAppointment({ title: 'Booked blind' }),
				at: expect.any(Number),
			},
		]);
		expect(sandbox.stats).toMatchObject({
			received: 1,
			byStatus: { reset: 1 },
			injected: { 'reset-after-apply': 1 },
		});
		expect(sandbox.requests[0]).toMatchObject({
			status: 0,
			response: undefined,
			injected: 'reset-after-apply',
		});

		// a retry of the same create would book it twice, which the slot check here refuses
		expect(
			(await exchange('POST', APPOINTMENTS, newAppointment({ title: 'Booked blind' }))).status,
		).toBe(400);
		expect(sandbox.stats.applied).toHaveLength(1);
	});

	test('reset-before-apply: nothing is applied and the client sees ECONNRESET', async () => {
		sandbox.options.faults = { script: [{ fault: 'reset-before-apply', times: 2 }] };
		expect(await outcome('PUT', APPOINTMENT_URL, { title: 'never' })).toBe('reset');
		expect(await outcome('DELETE', `/calendars/events/${SANDBOX_APPOINTMENT_ID}`, {})).toBe(
			'reset',
		);
		expect(title()).toBe('Casey Contact');
		expect(sandbox.store.appointments.get(SANDBOX_APPOINTMENT_ID)!.deleted).toBe(false);
		expect(sandbox.stats).toMatchObject({
			applied: [],
			byStatus: { reset: 2 },
			injected: { 'reset-before-apply': 2 },
		});
		expect(await outcome('PUT', APPOINTMENT_URL, { title: 'now' })).toBe(200);
	});

	test('a scripted 429 carries Retry-After when given, reports the window as used up, and is not the limiter', async () => {
		sandbox.options.faults = { script: [{ fault: '429', retryAfterSeconds: 7 }, { fault: '429' }] };
		const told = await exchange('PUT', APPOINTMENT_URL, { title: 'x' });
		expect(told).toMatchObject({
			status: 429,
			body: TOO_MANY,
			headers: { 'retry-after': '7', 'x-ratelimit-remaining': '0' },
		});
		const untold = await exchange('PUT', APPOINTMENT_URL, { title: 'y' });
		expect(untold.status).toBe(429);
		expect(untold.headers).not.toHaveProperty('retry-after');
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats).toMatchObject({
			rateLimited: 0,
			injected: { 429: 2 },
			byStatus: { 429: 2 },
			applied: [],
		});
		// the limiter counted both: they got past it
		expect((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-remaining']).toBe('97');
	});

	test("502 and 504 are a load balancer's HTML pages; slow answers late but applies", async () => {
		sandbox.options.faults = {
			script: [{ fault: '502' }, { fault: '504' }, { fault: 'slow', slowMs: 120 }],
		};
		const bad = await exchange('PUT', APPOINTMENT_URL, { title: 'a' });
		expect(bad.status).toBe(502);
		expect(bad.headers['content-type']).toMatch(/^text\/html/);
		expect(bad.body).toContain('502 Bad Gateway');
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'b' })).status).toBe(504);
		expect(title()).toBe('Casey Contact');

		const started = performance.now();
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'c' })).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(120);
		expect(title()).toBe('c');
		expect(sandbox.stats.injected).toEqual({ 502: 1, 504: 1, slow: 1 });
	});

	test('faults never hide what a request earned: 4xx come first and do not use up the script', async () => {
		sandbox.options.faults = { script: [{ fault: '503' }] };
		expect((await exchange('PUT', APPOINTMENT_URL, { titel: 'x' })).status).toBe(422);
		expect(
			(await exchange('PUT', APPOINTMENT_URL, { title: 'x' }, { token: READONLY_TOKEN })).status,
		).toBe(401);
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'x' })).status).toBe(503);
		expect(sandbox.stats.injected).toEqual({ 503: 1 });
	});

	test('methods limits random faults to those methods', async () => {
		sandbox.options.faults = { status503Rate: 1, methods: ['POST', 'PUT'] };
		expect((await exchange('GET', APPOINTMENT_URL)).status).toBe(200);
		expect((await exchange('PUT', APPOINTMENT_URL, { title: 'x' })).status).toBe(503);
		expect((await exchange('POST', APPOINTMENTS, newAppointment())).status).toBe(503);
		expect(sandbox.store.appointments.size).toBe(1);
	});

	test('a seeded random run is reproducible, and stats.applied is exactly what reached the store', async () => {
		const run = async (seed: number) => {
			sandbox.reset();
			sandbox.options.faults = {
				seed,
				status503Rate: 0.15,
				burst429Rate: 0.1,
				burst429Length: 3,
				resetAfterApplyRate: 0.1,
				resetBeforeApplyRate: 0.1,
				slowRate: 0.1,
				slowMs: 1,
			};
			const outcomes: Array<number | 'reset'> = [];
			for (let i = 0; i < 60; i++)
				outcomes.push(await outcome('PUT', APPOINTMENT_URL, { title: `t${i}` }));
			const injected = sandbox.requests.map((r) => r.injected ?? '-');
			// every write that got a 200, or was applied before its socket was reset, and only those
			const landed = sandbox.requests
				.filter((r) => r.status === 200 || r.injected === 'reset-after-apply')
				.map((r) => (r.body as { title: string }).title);
			expect(sandbox.stats.applied.map((w) => (w.body as { title: string }).title)).toEqual(landed);
			expect(
				sandbox.stats.applied.every(
					(w) => w.id === SANDBOX_APPOINTMENT_ID && w.kind === 'appointment',
				),
			).toBe(true);
			expect(title()).toBe(landed[landed.length - 1]);
			expect(sandbox.stats.received).toBe(60);
			return {
				outcomes,
				injected,
				stats: structuredClone({
					...sandbox.stats,
					applied: sandbox.stats.applied.length,
					firstAt: undefined,
					lastAt: undefined,
				}),
			};
		};

		const first = await run(42);
		const second = await run(42);
		expect(second).toEqual(first);
		// every kind shows up in 60 draws at these rates (a property of seed 42, checked here)
		expect(new Set(first.injected)).toEqual(
			new Set(['-', '503', '429', 'reset-after-apply', 'reset-before-apply', 'slow']),
		);
		// a burst is burst429Length 429s in a row (bursts may follow each other; the last may be cut off)
		const runs: number[] = [];
		first.injected.forEach((kind, i) => {
			if (kind !== '429') return;
			if (first.injected[i - 1] === '429') runs[runs.length - 1]++;
			else runs.push(1);
		});
		if (first.injected[59] === '429') runs.pop();
		expect(runs.length).toBeGreaterThan(0);
		for (const length of runs) expect(length % 3).toBe(0);
		expect(first.stats.byStatus.reset).toBe(
			(first.stats.injected['reset-after-apply'] ?? 0) +
				(first.stats.injected['reset-before-apply'] ?? 0),
		);

		const other = await run(7);
		expect(other.injected).not.toEqual(first.injected);
	});

	test('a new faults object starts the sequence afresh; resetLimits does too', async () => {
		const sequence = async () => {
			const kinds: Array<FaultKind | undefined> = [];
			for (let i = 0; i < 20; i++) {
				await outcome('GET', APPOINTMENT_URL);
				kinds.push(sandbox.requests[sandbox.requests.length - 1].injected);
			}
			return kinds;
		};
		sandbox.options.faults = { seed: 3, status503Rate: 0.3 };
		const a = await sequence();
		sandbox.options.faults = { seed: 3, status503Rate: 0.3 };
		expect(await sequence()).toEqual(a);
		sandbox.resetLimits();
		expect(await sequence()).toEqual(a);
		expect(a).toContain('503');
	});
});

describe('stats', () => {
	test('applied lists exactly the writes that changed the store, in order', async () => {
		const apt = await exchange('POST', APPOINTMENTS, newAppointment({ title: 'A' }));
		await exchange('PUT', `${APPOINTMENTS}/${apt.body.id}`, { title: 'A2' });
		const slot = await exchange('POST', BLOCK_SLOTS, {
			locationId: SANDBOX_LOCATION_ID,
			calendarId: SANDBOX_CALENDAR_ID,
			startTime: '2030-05-01T10:00:00Z',
			endTime: '2030-05-01T11:00:00Z',
		});
		await exchange(
			'PUT',
			`${BLOCK_SLOTS}/${slot.body.id}`,
			blockSlotUpdate({ calendarId: SANDBOX_CALENDAR_ID, title: 'S2' }),
		);
		await exchange('DELETE', `/calendars/events/${apt.body.id}`, {});
		await exchange('DELETE', `/calendars/events/${slot.body.id}`, {});
		// none of these change anything
		await exchange('GET', `${APPOINTMENTS}/${SANDBOX_APPOINTMENT_ID}`);
		await exchange('PUT', `${APPOINTMENTS}/apt_missing`, { title: 'x' }); // 404
		await exchange('POST', APPOINTMENTS, newAppointment({ startTime: '2030-01-14T09:15:00Z' })); // 400 slot taken
		await exchange('POST', APPOINTMENTS, newAppointment({ titel: 'x' })); // 422
		await exchange('DELETE', `/calendars/events/${slot.body.id}`, {}); // 404: already gone

		const writes = sandbox.stats.applied.map(({ method, path: p, kind, id }) => [
			method,
			p,
			kind,
			id,
		]);
		expect(writes).toEqual([
			['POST', APPOINTMENTS, 'appointment', apt.body.id],
			['PUT', `${APPOINTMENTS}/${apt.body.id}`, 'appointment', apt.body.id],
			['POST', BLOCK_SLOTS, 'blockSlot', slot.body.id],
			['PUT', `${BLOCK_SLOTS}/${slot.body.id}`, 'blockSlot', slot.body.id],
			['DELETE', `/calendars/events/${apt.body.id}`, 'appointment', apt.body.id],
			['DELETE', `/calendars/events/${slot.body.id}`, 'blockSlot', slot.body.id],
		]);
		expect(sandbox.stats.applied[1].body).toEqual({ title: 'A2' });
		const at = sandbox.stats.applied.map((w) => w.at);
		expect([...at].sort((x, y) => x - y)).toEqual(at);
		expect(sandbox.stats).toMatchObject({
			received: 11,
			byStatus: { 200: 3, 201: 4, 400: 1, 404: 2, 422: 1 },
		});
	});

	test('resetStats keeps the store; record false keeps requests empty while stats still count', async () => {
		await exchange('PUT', APPOINTMENT_URL, { title: 'kept' });
		sandbox.resetStats();
		expect(sandbox.stats).toEqual({
			received: 0,
			byStatus: {},
			rateLimited: 0,
			injected: {},
			applied: [],
			codeExchanges: 0,
			tokenRefreshes: 0,
			refusedRefreshes: 0,
			locationTokenMints: {},
		});
		expect(sandbox.requests).toEqual([]);
		expect(title()).toBe('kept');
		// the rate-limit window is not stats: it still holds the first request
		expect((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-remaining']).toBe('98');

		sandbox.options.record = false;
		await exchange('PUT', APPOINTMENT_URL, { title: 'unrecorded' });
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.stats).toMatchObject({
			received: 2,
			byStatus: { 200: 2 },
			applied: [{ body: { title: 'unrecorded' } }],
		});

		sandbox.reset();
		expect(title()).toBe('Casey Contact');
		expect(sandbox.stats.received).toBe(0);
		expect((await exchange('GET', APPOINTMENT_URL)).headers['x-ratelimit-remaining']).toBe('99');
	});
});
