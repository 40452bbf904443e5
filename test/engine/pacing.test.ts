/**
 * Rate limits and retries, against a sandbox with short windows. Each test starts its own sandbox:
 * the node's budget is per location and per process, and a new port is a new budget.
 */
import {} from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runHighLevel } from './harness/highLevel';
import { SANDBOX_APPOINTMENT_ID, SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID } from '../sandbox';
import { byId, nodeWithoutPickers, sandbox, startPacedSandbox, useSandboxPerTest } from './testing';

useSandboxPerTest();

function createParameters(extra: Record<string, unknown> = {}) {
	return {
		resource: 'appointment',
		operation: 'create',
		calendarId: byId(SANDBOX_CALENDAR_ID),
		contactId: byId(SANDBOX_CONTACT_ID),
		startTime: '={{ $json.start }}',
		additionalFields: { title: '={{ $json.title }}', ignoreFreeSlotValidation: true },
		...extra,
	};
}

function createItems(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		title: `item-${index}`,
		start: new Date(Date.UTC(2031, 0, 1, 9) + index * 3_600_000).toISOString(),
	}));
}

function createdTitles() {
	return [...sandbox.store.appointments.values()]
		.map((appointment) => appointment.title)
		.filter((title) => title.startsWith('item-'));
}

/** Most requests HighLevel accepted within any `windowMs`, from the recorded write times. */
function peakPerWindow(windowMs: number) {
	const times = sandbox.stats.applied.map((write) => write.at).sort((a, b) => a - b);
	let peak = 0;
	for (let first = 0, last = 0; last < times.length; last++) {
		while (times[last] - times[first] >= windowMs) first++;
		peak = Math.max(peak, last - first + 1);
	}
	return peak;
}

describe('pacing to the location budget', () => {
	it('books 12 items under a limit of 5 per 300 ms, each exactly once, resending only what HighLevel refused', async () => {
		await startPacedSandbox({ rateLimit: { max: 5, windowMs: 300, dailyMax: 10_000 } });
		const { items, error } = await runHighLevel(sandbox, createParameters(), {
			items: createItems(12),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		expect(items.every((item) => !item.error)).toBe(true);
		// Unpaced, 7 of the 12 would be refused. Paced, none are on a quiet machine (the benchmark
		// measures that); on a loaded one n8n's event loop can delay a window's sends, hence the bound.
		expect(sandbox.stats.rateLimited).toBeLessThanOrEqual(5);
		expect(sandbox.stats.received).toBe(12 + sandbox.stats.rateLimited);
		expect(createdTitles().sort()).toEqual(
			createItems(12)
				.map((item) => item.title)
				.sort(),
		);
	});

	it('shares one budget between two executions on the same location', async () => {
		await startPacedSandbox({ rateLimit: { max: 4, windowMs: 300, dailyMax: 10_000 } });
		const [first, second] = await Promise.all([
			runHighLevel(sandbox, createParameters(), { items: createItems(8) }),
			runHighLevel(sandbox, createParameters(), { items: createItems(16).slice(8) }),
		]);
		expect([first.error, second.error]).toEqual([undefined, undefined]);
		// Two separate budgets would send 8 + 8 at once: 12 refused. One shared budget: none, or
		// at most one window's worth on a loaded machine (see the first test).
		expect(sandbox.stats.rateLimited).toBeLessThanOrEqual(4);
		expect(createdTitles().sort()).toEqual(
			createItems(16)
				.map((item) => item.title)
				.sort(),
		);
	});

	it('uses only the share of the budget the user allows (Max Requests per 10 Seconds)', async () => {
		await startPacedSandbox({ rateLimit: { max: 10, windowMs: 300, dailyMax: 10_000 } });
		const { error } = await runHighLevel(
			sandbox,
			createParameters({ rateLimit: { maxRequestsPer10Seconds: 30 } }),
			{
				items: createItems(9),
			},
		);
		expect(error).toBeUndefined();
		// 30 of 100 is 3 of the sandbox's 10 per window (the first answer tells the node the real limit).
		expect(peakPerWindow(250)).toBeLessThanOrEqual(3);
	});

	it('fails fast, with a clear message, once the daily budget is spent', async () => {
		await startPacedSandbox(
			{ rateLimit: { max: 100, windowMs: 1000, dailyMax: 3 } },
			{ learnLimit: false },
		);
		const { items } = await runHighLevel(
			sandbox,
			createParameters({ rateLimit: { maxRequestsPer10Seconds: 10 } }),
			{
				items: createItems(6),
				continueOnFail: true,
			},
		);
		expect(items.filter((item) => !item.error)).toHaveLength(3);
		const failures = items.filter((item) => item.error).map((item) => item.error?.message);
		expect(failures).toEqual(
			Array(3).fill("HighLevel's daily request limit for this location is used up (429)"),
		);
		// Nothing is retried: every request HighLevel refused was sent once.
		expect(sandbox.stats.received).toBe(6);
		// Later items fail at once, without a request.
		const later = await runHighLevel(sandbox, createParameters(), {
			items: createItems(8).slice(6),
			continueOnFail: true,
		});
		expect(sandbox.stats.received).toBe(6);
		for (const item of later.items)
			expect(item.error?.message).toMatch(
				/^HighLevel's daily request limit for this location is used up/,
			);
	});
});

describe('429: wait and retry that request only', () => {
	it('retries a create HighLevel refused with 429, honouring Retry-After, and books it once', async () => {
		await startPacedSandbox({
			faults: { script: [{ method: 'POST', fault: '429', times: 2, retryAfterSeconds: 1 }] },
		});
		const { items, error } = await runHighLevel(sandbox, createParameters(), {
			items: createItems(1),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ title: 'item-0' });
		expect(sandbox.stats.injected['429']).toBe(2);
		expect(sandbox.stats.received).toBe(3);
		expect(createdTitles()).toEqual(['item-0']);
		const [first, , third] = sandbox.requests;
		expect(first.status).toBe(429);
		expect(third.status).toBe(200);
	});

	it('retries a 429 without Retry-After after the window resets', async () => {
		await startPacedSandbox({
			rateLimit: { max: 50, windowMs: 400, dailyMax: 10_000 },
			faults: { script: [{ method: 'PUT', fault: '429' }] },
		});
		const { items } = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'update',
			eventId: SANDBOX_APPOINTMENT_ID,
			updateFields: { title: 'after 429' },
		});
		expect(items[0].json).toMatchObject({ title: 'after 429' });
		expect(sandbox.requests.map((request) => request.status)).toEqual([429, 200]);
	});
});

describe('server errors and broken connections', () => {
	it.each(['503', '502', '504'] as const)(
		'retries an update after %s and applies it',
		async (fault) => {
			await startPacedSandbox({ faults: { script: [{ method: 'PUT', fault, times: 2 }] } });
			const { items, error } = await runHighLevel(sandbox, {
				resource: 'appointment',
				operation: 'update',
				eventId: SANDBOX_APPOINTMENT_ID,
				updateFields: { appointmentStatus: 'noshow' },
			});
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ appointmentStatus: 'noshow' });
			expect(sandbox.requests.map((request) => request.status)).toEqual([
				Number(fault),
				Number(fault),
				200,
			]);
			expect(sandbox.stats.applied).toHaveLength(1);
		},
	);

	it('retries a get and a delete after a reset', async () => {
		await startPacedSandbox({
			faults: {
				script: [
					{ method: 'GET', fault: 'reset-before-apply' },
					{ method: 'DELETE', fault: 'reset-after-apply' },
				],
			},
		});
		const got = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'get',
			eventId: SANDBOX_APPOINTMENT_ID,
		});
		expect(got.items[0].json).toMatchObject({ id: SANDBOX_APPOINTMENT_ID });
		const deleted = await runHighLevel(sandbox, {
			resource: 'blockSlot',
			operation: 'delete',
			eventId: 'blk_sandbox_001',
		});
		// The first DELETE was applied, then the connection broke; the retry finds it gone.
		expect(sandbox.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
			'GET 0',
			'GET 200',
			'DELETE 0',
			'DELETE 404',
		]);
		expect(deleted.error?.message).toBe(
			'HighLevel found no block slot with eventId "blk_sandbox_001" (404)',
		);
	});

	it.each([
		['503', 'not applied'],
		['reset-after-apply', 'applied'],
		['reset-before-apply', 'not applied'],
	] as const)(
		'never resends a create after %s: the item fails and says the booking may exist',
		async (fault, applied) => {
			await startPacedSandbox({ faults: { script: [{ method: 'POST', fault }] } });
			const { items, error } = await runHighLevel(sandbox, createParameters(), {
				items: createItems(2),
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(sandbox.stats.received).toBe(2);
			const failed = items.filter((item) => item.error);
			expect(failed).toHaveLength(1);
			expect(failed[0].error?.message).toMatch(/^HighLevel may have created this item/);
			expect(failed[0].error?.description).toMatch(/was not sent again/);
			expect(createdTitles()).toHaveLength(applied === 'applied' ? 2 : 1);
		},
	);

	it('resends a create whose connection was refused (nothing reached HighLevel)', async () => {
		await startPacedSandbox({});
		const { error } = await runHighLevel(
			sandbox,
			createParameters({ rateLimit: { maxRetrySeconds: 1 } }),
			{
				items: createItems(1),
				credentials: { accessToken: 'x', locationId: 'loc', baseUrl: 'http://127.0.0.1:9' },
			},
		);
		expect(error?.message).toMatch(/refused the connection/);
		expect(error?.description).toMatch(/Gave up after [2-9] attempts/);
	});
});

describe('cancellation', () => {
	// With pickers, n8n passes no cancel signal, and waiting ends at Max Retry Time instead (see
	// nodeWithoutPickers in testing.ts). This proves the node honours the signal.
	it('stops waiting when the execution is cancelled', async () => {
		await startPacedSandbox({ rateLimit: { max: 2, windowMs: 2_000, dailyMax: 10_000 } });
		const nodeType = nodeWithoutPickers();
		const controller = new AbortController();
		const running = runHighLevel(sandbox, createParameters(), {
			nodeType,
			items: createItems(20),
			cancelSignal: controller.signal,
		});
		// Cancelled once the window's two requests are answered (a condition, not a pause: n8n may
		// take long to prepare 20 items on a busy machine); the other 18 wait in the node's budget.
		const answered = () => sandbox.requests.filter((request) => request.status !== 0).length;
		while (answered() < 2) await new Promise((resolve) => setImmediate(resolve));
		controller.abort();
		const { run } = await running;
		expect(run.status).toBe('canceled');
		const sentAtCancel = sandbox.stats.received;
		expect(sentAtCancel).toBeLessThanOrEqual(4);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(sandbox.stats.received).toBe(sentAtCancel);
	});
});
