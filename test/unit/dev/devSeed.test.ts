import { startSandbox, SANDBOX_LOCATION_TIMEZONE, type Sandbox } from '../../sandbox';
import { dateKey, wallClock } from '../../sandbox/zones';
import { seedAroundNow } from '../../../dev/devSeed';

/** What examples/daily-no-show-sweep.json keeps: today's 'new' appointments that are over. */
function sweepFinds(sandbox: Sandbox, now: number): string[] {
	const today = dateKey(wallClock(now, SANDBOX_LOCATION_TIMEZONE));
	return [...sandbox.store.appointments.values()]
		.filter((a) => a.id.startsWith('apt_dev_'))
		.filter((a) => a.appointmentStatus === 'new')
		.filter((a) => dateKey(wallClock(Date.parse(a.startTime), SANDBOX_LOCATION_TIMEZONE)) === today)
		.filter((a) => Date.parse(a.endTime) <= now)
		.map((a) => a.id);
}

describe("npm run dev's appointments around now", () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: null });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.store.reset());

	it.each([
		['mid-afternoon', '2026-12-01T21:33:00Z'],
		['just after midnight in New York', '2026-12-02T05:50:00Z'],
		['the night clocks go forward', '2026-03-08T07:10:00Z'],
	])('the no-show sweep finds some when n8n starts %s (%s)', (_when, iso) => {
		const now = Date.parse(iso);
		seedAroundNow(sandbox, now);
		expect(sweepFinds(sandbox, now).length).toBeGreaterThan(0);
	});

	it('holds every status, in the past and to come, each ending after it starts', () => {
		const now = Date.parse('2026-12-01T21:33:00Z');
		seedAroundNow(sandbox, now);
		const samples = [...sandbox.store.appointments.values()].filter((a) =>
			a.id.startsWith('apt_dev_'),
		);
		expect(new Set(samples.map((a) => a.appointmentStatus))).toEqual(
			new Set(['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid']),
		);
		expect(samples.some((a) => Date.parse(a.startTime) > now)).toBe(true);
		expect(samples.some((a) => Date.parse(a.endTime) < now)).toBe(true);
		for (const a of samples) expect(Date.parse(a.endTime)).toBeGreaterThan(Date.parse(a.startTime));
	});
});
