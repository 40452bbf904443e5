import {
	startSandbox,
	SANDBOX_CALENDAR_ID,
	SANDBOX_LOCATION_TIMEZONE,
	type Sandbox,
} from '../../sandbox';
import { instantOf, wallClock } from '../../sandbox/zones';
import { seedAroundNow } from '../../../dev/devSeed';
import * as fs from 'node:fs';
import * as path from 'node:path';

const sweep = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../../../examples/daily-no-show-sweep.json'), 'utf8'),
);
const getMany = sweep.nodes.find(
	(node: { name: string }) => node.name === "Yesterday's new and confirmed appointments",
);

/** Midnight (the start) of the day `days` away from `now`'s day, in `zone`. */
function midnight(now: number, days: number, zone: string): number {
	const today = wallClock(now, zone);
	const noon = instantOf({ ...today, hour: 12, minute: 0 }, zone) + days * 24 * 3600_000;
	return instantOf({ ...wallClock(noon, zone), hour: 0, minute: 0 }, zone);
}

/**
 * What examples/daily-no-show-sweep.json marks when run at `now`: the appointments of its calendar
 * that overlap yesterday (midnight to midnight in its time zone) with one of its statuses.
 */
function sweepFinds(sandbox: Sandbox, now: number): Array<{ id: string; status: string }> {
	const zone = sweep.settings.timezone;
	const [from, to] = [midnight(now, -1, zone), midnight(now, 0, zone)];
	const statuses: string[] = getMany.parameters.options.appointmentStatus;
	return [...sandbox.store.appointments.values()]
		.filter((a) => a.calendarId === getMany.parameters.calendarId.value)
		.filter((a) => statuses.includes(a.appointmentStatus))
		.filter((a) => Date.parse(a.startTime) < to && Date.parse(a.endTime) > from)
		.map((a) => ({ id: a.id, status: a.appointmentStatus }));
}

describe("npm run dev's appointments around now", () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: null });
	});
	afterAll(() => sandbox.close());
	beforeEach(() => sandbox.store.reset());

	it('the sweep example looks at the calendar and time zone the dev sandbox seeds', () => {
		expect(sweep.settings.timezone).toBe(SANDBOX_LOCATION_TIMEZONE);
		expect(getMany.parameters.calendarId.value).toBe(SANDBOX_CALENDAR_ID);
		expect(getMany.parameters.options.appointmentStatus).toEqual(['new', 'confirmed']);
	});

	it.each([
		['mid-afternoon', '2026-12-01T21:33:00Z'],
		['at 06:00 in New York, when the schedule runs it', '2026-12-02T11:00:00Z'],
		['just after midnight in New York', '2026-12-02T05:50:00Z'],
		['just before midnight in New York', '2026-12-02T04:55:00Z'],
		['the day after clocks go forward', '2026-03-09T11:00:00Z'],
		['the day after clocks go back', '2026-11-02T11:00:00Z'],
	])(
		"the no-show sweep finds yesterday's New and Confirmed samples, and only them, when n8n starts %s (%s)",
		(_when, iso) => {
			const now = Date.parse(iso);
			seedAroundNow(sandbox, now);
			const found = sweepFinds(sandbox, now);
			expect(found.map((a) => a.id).sort()).toEqual([
				'apt_dev_yesterday_confirmed',
				'apt_dev_yesterday_new',
			]);
			expect(new Set(found.map((a) => a.status))).toEqual(new Set(['new', 'confirmed']));
		},
	);

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
