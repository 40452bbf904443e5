// Runs the HighLevel sandbox as a process for the end-to-end test: seeds the records the example
// workflows work on, prints one JSON line {"baseUrl": ...} on stdout, and keeps running.
//   SIGUSR2: write what was received since the last dump (requests, writes, OAuth token counts) to
//            $E2E_SANDBOX_DUMP, then print {"dumped": <path>, "requests": n} and start a new
//            recording (the store and the OAuth tokens are kept).
//   SIGUSR1: expire every OAuth access token issued so far (as if a day had passed; refresh tokens
//            keep), then print {"expired": true, "n": <how many times so far>}. Node starts its
//            inspector on SIGUSR1 only while no listener is installed: this one replaces it.
//   SIGTERM / SIGINT: dump the same way, close, exit 0.
// Listens on 127.0.0.1 only (the sandbox itself binds there). With SANDBOX_SEED=around-now (npm run
// dev) it also holds appointments around the current time (devSeed.ts). No rate limit unless
// E2E_SANDBOX_RATE_LIMIT holds one as JSON (limits.ts's RateLimitOptions): the queue-mode run
// (run-queue.ts) needs HighLevel's limit, scaled in time, shared by every process that calls it.
import * as fs from 'node:fs';
import {
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
	startSandbox,
	type AppointmentRecord,
	type Sandbox,
} from '../sandbox';
import { seedAroundNow } from '../../dev/devSeed';
import { E2E_FIXTURE } from './fixture';

function seed(sandbox: Sandbox): void {
	const store = sandbox.store;
	const at = '2029-12-01T09:00:00.000Z';
	const appointment = (
		a: Partial<AppointmentRecord> & Pick<AppointmentRecord, 'id' | 'startTime' | 'endTime'>,
	) =>
		store.appointments.set(a.id, {
			locationId: SANDBOX_LOCATION_ID,
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
			groupId: SANDBOX_GROUP_ID,
			title: a.id,
			appointmentStatus: 'new',
			assignedUserId: SANDBOX_USER_ID,
			users: [SANDBOX_USER_ID],
			meetingLocationType: 'custom',
			isRecurring: false,
			dateAdded: at,
			dateUpdated: at,
			deleted: false,
			...a,
		});
	const day = E2E_FIXTURE.sweepDay; // the no-show sweep's yesterday (New York, -05:00 in January)
	for (const { day: on = day, start, end, ...a } of E2E_FIXTURE.sweepAppointments) {
		appointment({ ...a, startTime: `${on}T${start}-05:00`, endTime: `${on}T${end}-05:00` });
	}
	appointment({
		id: 'apt_e2e_other_calendar',
		calendarId: SANDBOX_CALENDAR_2_ID,
		startTime: `${day}T08:00:00-05:00`,
		endTime: `${day}T08:30:00-05:00`,
	});
	for (const b of E2E_FIXTURE.holidayBlockSlots) {
		store.blockSlots.set(b, {
			id: b,
			locationId: SANDBOX_LOCATION_ID,
			title: 'Holiday (last year)',
			calendarId: SANDBOX_CALENDAR_ID,
			startTime: '2029-12-24T00:00:00-05:00',
			endTime: '2029-12-25T00:00:00-05:00',
			dateAdded: at,
			dateUpdated: at,
		});
	}
}

async function main(): Promise<void> {
	const dumpPath = process.env.E2E_SANDBOX_DUMP;
	if (!dumpPath) throw new Error('E2E_SANDBOX_DUMP (a file path) is required');
	const limit = process.env.E2E_SANDBOX_RATE_LIMIT;
	const sandbox = await startSandbox({ rateLimit: limit ? JSON.parse(limit) : null });
	seed(sandbox);
	if (process.env.SANDBOX_SEED === 'around-now') seedAroundNow(sandbox);
	const dump = () => {
		const snapshot = {
			requests: sandbox.requests,
			applied: sandbox.stats.applied,
			stats: {
				codeExchanges: sandbox.stats.codeExchanges,
				tokenRefreshes: sandbox.stats.tokenRefreshes,
				refusedRefreshes: sandbox.stats.refusedRefreshes,
				byStatus: { ...sandbox.stats.byStatus },
			},
			appointments: [...sandbox.store.appointments.values()],
			blockSlots: [...sandbox.store.blockSlots.values()],
		};
		fs.writeFileSync(dumpPath, JSON.stringify(snapshot, null, 2));
		const n = sandbox.requests.length;
		sandbox.resetStats();
		return n;
	};
	process.on('SIGUSR2', () => {
		const n = dump();
		process.stdout.write(`${JSON.stringify({ dumped: dumpPath, requests: n })}\n`);
	});
	let expirations = 0;
	process.on('SIGUSR1', () => {
		sandbox.oauth.expireAccessTokens();
		expirations++;
		process.stdout.write(`${JSON.stringify({ expired: true, n: expirations })}\n`);
	});
	const stop = () => {
		dump();
		void sandbox.close().finally(() => process.exit(0));
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	process.stdout.write(`${JSON.stringify({ baseUrl: sandbox.baseUrl, pid: process.pid })}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
