/**
 * Look-ups (a contact By Email, the calendar behind Get Free Slots, the instance behind "one
 * occurrence") and pickers go through the same client as routed requests (transport/client.ts): the
 * same budget and share, the same retry rules, the same cancellation.
 */
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runListSearch } from './harness/editorRequests';
import { runHighLevel, sandboxCredentials } from './harness/highLevel';
import { budgetFor } from '../../nodes/HighLevelCalendar/transport/pacing/rateLimit';
import { SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID, SANDBOX_LOCATION_ID } from '../sandbox';
import { nodeWithoutPickers, sandbox, startPacedSandbox, useSandboxPerTest } from './testing';

useSandboxPerTest();

const CONTACT_EMAIL = 'casey.contact@example.com';

function createByEmail(extra: Record<string, unknown> = {}) {
	return {
		resource: 'appointment',
		operation: 'create',
		calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
		contactId: { __rl: true, mode: 'email', value: CONTACT_EMAIL },
		startTime: '={{ $json.start }}',
		additionalFields: { title: '={{ $json.title }}', ignoreFreeSlotValidation: true },
		...extra,
	};
}

function items(count: number) {
	return Array.from({ length: count }, (_, index) => ({
		title: `lookup-${index}`,
		start: new Date(Date.UTC(2031, 2, 1, 9) + index * 3_600_000).toISOString(),
	}));
}

const trail = () =>
	sandbox.requests.map((request) => `${request.method} ${request.path} ${request.status}`);
const created = () =>
	[...sandbox.store.appointments.values()].filter((appointment) =>
		appointment.title.startsWith('lookup-'),
	);

describe('a look-up meets a fault', () => {
	it.each([
		['429', { fault: '429' as const, retryAfterSeconds: 0 }],
		['503', { fault: '503' as const }],
	])(
		'the contact search is resent once after a %s, and the create after it is sent once',
		async (status, fault) => {
			await startPacedSandbox({
				faults: { script: [{ method: 'POST', pathIncludes: '/contacts/search', ...fault }] },
			});
			const { items: output, error } = await runHighLevel(sandbox, createByEmail(), {
				items: items(1),
			});
			expect(error).toBeUndefined();
			expect(trail()).toEqual([
				`POST /contacts/search ${status}`,
				'POST /contacts/search 200',
				'POST /calendars/events/appointments 200',
			]);
			expect(output[0].json).toMatchObject({ title: 'lookup-0', contactId: SANDBOX_CONTACT_ID });
			expect(created()).toHaveLength(1);
		},
	);

	it('the calendar behind Get Free Slots is fetched again after a 502', async () => {
		// The free-slots request itself meets a harmless 'slow' of 0 ms; the calendar look-up after it a 502.
		await startPacedSandbox({
			faults: {
				script: [
					{ pathIncludes: '/free-slots', fault: 'slow', slowMs: 0 },
					{ method: 'GET', pathIncludes: `/calendars/${SANDBOX_CALENDAR_ID}`, fault: '502' },
				],
			},
		});
		const { items: output, error } = await runHighLevel(sandbox, {
			resource: 'calendar',
			operation: 'getFreeSlots',
			calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
			startDate: '2030-01-14T00:00:00',
			endDate: '2030-01-15T00:00:00',
			options: { timeZone: 'America/New_York' },
		});
		expect(error).toBeUndefined();
		expect(trail()).toEqual([
			`GET /calendars/${SANDBOX_CALENDAR_ID}/free-slots 200`,
			`GET /calendars/${SANDBOX_CALENDAR_ID} 502`,
			`GET /calendars/${SANDBOX_CALENDAR_ID} 200`,
		]);
		expect(output.length).toBeGreaterThan(0);
		expect(output[0].json).toHaveProperty('end');
	});

	it('a failing look-up that is not safe to resend is not resent: a 422 fails the item once', async () => {
		await startPacedSandbox({});
		const { error } = await runHighLevel(
			sandbox,
			createByEmail({ contactId: { __rl: true, mode: 'email', value: 'nobody@example.com' } }),
			{
				items: items(1),
			},
		);
		expect(error?.message).toMatch(
			/^Contact \(contactId\) "nobody@example.com" matches no contact/,
		);
		// A look-up went out, so the message does not claim that nothing was sent.
		expect(error?.description).toBe(
			'Only look-ups were sent to HighLevel for this item; nothing was created or changed.',
		);
		expect(trail()).toEqual(['POST /contacts/search 200']);
	});
});

describe('look-ups spend the budget with the user share', () => {
	it('Max Requests per 10 Seconds slows the contact searches too', async () => {
		await startPacedSandbox({ rateLimit: { max: 10, windowMs: 300, dailyMax: 10_000 } });
		const { error } = await runHighLevel(
			sandbox,
			createByEmail({ rateLimit: { maxRequestsPer10Seconds: 20 } }),
			{ items: items(4) },
		);
		expect(error).toBeUndefined();
		// 20 of 100 is 2 of the sandbox's 10 per window, searches and creates together. Ignoring the
		// share, all 8 would arrive within milliseconds; the bound leaves room for a loaded machine.
		const arrivals = sandbox.requests.map((request) => request.receivedAt).sort((a, b) => a - b);
		expect(arrivals).toHaveLength(8);
		for (let index = 2; index < arrivals.length; index++)
			expect(arrivals[index] - arrivals[index - 2]).toBeGreaterThanOrEqual(200);
		expect(sandbox.stats.rateLimited).toBe(0);
		expect(created()).toHaveLength(4);
	});

	it('the pickers wait for the budget as well', async () => {
		await startPacedSandbox({ rateLimit: { max: 10, windowMs: 300, dailyMax: 10_000 } });
		const search = () =>
			runListSearch({
				nodeType: new HighLevelCalendar(),
				credentialType: new HighLevelCalendarApi(),
				credentials: sandboxCredentials(sandbox),
				method: 'searchCalendars',
				parameters: { rateLimit: { maxRequestsPer10Seconds: 10 } },
			});
		// 10 of 100 is 1 per window: three searches take at least two windows between first and last.
		const results = await Promise.all([search(), search(), search()]);
		expect(results.every((result) => result.results.length > 0)).toBe(true);
		const arrivals = sandbox.requests.map((request) => request.receivedAt).sort((a, b) => a - b);
		expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(200);
		expect(arrivals[2] - arrivals[1]).toBeGreaterThanOrEqual(200);
	});
});

describe('cancellation', () => {
	it('stops a look-up that is waiting for the budget', async () => {
		await startPacedSandbox({ rateLimit: { max: 2, windowMs: 400, dailyMax: 10_000 } });
		// With pickers, n8n passes no cancel signal (see pacing.test.ts); without them it does.
		const nodeType = nodeWithoutPickers();
		const controller = new AbortController();
		const running = runHighLevel(sandbox, createByEmail(), {
			nodeType,
			items: items(10),
			cancelSignal: controller.signal,
		});
		// Wait until the first window's look-ups have arrived: the rest are queued in the budget.
		while (sandbox.stats.received < 2) await new Promise((resolve) => setTimeout(resolve, 10));
		controller.abort();
		const { run } = await running;
		expect(run.status).toBe('canceled');
		const sentAtCancel = sandbox.stats.received;
		expect(sentAtCancel).toBeLessThanOrEqual(4);
		// No look-up is left waiting in the location's queue (before, 8 stayed there, holding the budget).
		expect(budgetFor(sandbox.baseUrl, SANDBOX_LOCATION_ID).waiting).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(sandbox.stats.received).toBe(sentAtCancel);
		expect(created().length).toBeLessThanOrEqual(2);
	});
});
