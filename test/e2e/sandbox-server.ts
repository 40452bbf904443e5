// Runs the HighLevel sandbox as a process for the end-to-end test: seeds the records the example
// workflows work on, prints one JSON line {"baseUrl", "pid", "controlUrl", "publicKeyPem"} on stdout,
// and keeps running.
//   SIGUSR2: write what was received since the last dump (requests, writes, OAuth token counts, the
//            appointment webhooks answered since: url, type, webhookId, n8n's status and answer) to
//            $E2E_SANDBOX_DUMP, then print {"dumped": <path>, "requests": n} and start a new
//            recording (the store and the OAuth tokens are kept).
//   SIGUSR1: expire every OAuth access token issued so far (as if a day had passed; refresh tokens
//            keep), then print {"expired": true, "n": <how many times so far>}. Node starts its
//            inspector on SIGUSR1 only while no listener is installed: this one replaces it.
//   SIGTERM / SIGINT: dump the same way, close, exit 0.
// HighLevel's signed appointment webhooks (test/sandbox/webhooks.ts) are driven over HTTP, on a
// control port of their own (`controlUrl`; never part of the fake HighLevel API, so never recorded
// as a request to it): its signing key stays in this process, and each call answers with n8n's
// answers. E2E_SANDBOX_WEBHOOK_URL sets the push URL from the start.
//   PUT  /webhooks/url      {"url": "http://..." | null}: where each applied appointment create,
//                           update or delete is pushed, signed (none: not pushed)
//   POST /webhooks/send     {"url" | "urls": [...], "body" | "replayOf": <webhookId>, "tamper",
//                           "unsigned", "otherKey", "headers"}: signs the body (or takes the exact
//                           bytes of the first delivery with that webhookId) and posts it; to several
//                           URLs at the same moment with "urls" (the same bytes, the same signature).
//                           Answers {"deliveries": [...]} once n8n answered each.
//   POST /webhooks/settled  waits until every push has its answer; answers {"deliveries": [...]},
//                           every delivery so far
// Deliveries are shown as {index, url, type, webhookId, status, answer, body}; status 0 is a
// connection that failed (the answer says why).
// Listens on 127.0.0.1 only (the sandbox itself binds there). With SANDBOX_SEED=around-now (npm run
// dev) it also holds appointments around the current time (devSeed.ts). No rate limit unless
// E2E_SANDBOX_RATE_LIMIT holds one as JSON (limits.ts's RateLimitOptions): the queue-mode run
// (run-queue.ts) needs HighLevel's limit, scaled in time, shared by every process that calls it.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_GROUP_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
	startSandbox,
	WebhookSender,
	type AppointmentRecord,
	type Delivery,
	type Sandbox,
	type WebhookBody,
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

/**
 * Every delivery of this run, in order, each under a stable index. The sandbox forgets its
 * deliveries when its statistics are reset (each dump does), while a replay may name one sent
 * before: this keeps them all (raw bytes included, which are shown to no one).
 */
class DeliveryLog {
	private readonly list: Delivery[] = [];
	private readonly known = new Set<Delivery>();
	private readonly dumped = new Set<Delivery>();

	constructor(private readonly webhooks: WebhookSender) {}

	/** Every delivery so far, the sandbox's latest included. */
	all(): Delivery[] {
		for (const d of this.webhooks.deliveries)
			if (!this.known.has(d)) {
				this.known.add(d);
				this.list.push(d);
			}
		return this.list;
	}

	/** A delivery as the dumps (no body) and the control port (with its body) show it. */
	view(delivery: Delivery, withBody: boolean) {
		const { url, type, webhookId, status, answer } = delivery;
		const view = { index: this.all().indexOf(delivery), url, type, webhookId, status, answer };
		if (!withBody) return view;
		return { ...view, body: JSON.parse(delivery.raw.toString('utf8')) as unknown };
	}

	/** The deliveries answered (or failed) since the last call: each shown once, by one dump. */
	answeredSinceLastDump() {
		return this.all().flatMap((d) => {
			if (this.dumped.has(d) || (d.status === 0 && d.answer === '')) return [];
			this.dumped.add(d);
			return [this.view(d, false)];
		});
	}
}

interface SendRequest {
	url?: string;
	urls?: string[];
	body?: WebhookBody | object;
	replayOf?: string;
	tamper?: boolean;
	unsigned?: boolean;
	otherKey?: boolean;
	headers?: Record<string, string>;
}

/** The control port's answer to one call (see the top of this file). */
async function control(
	{ webhooks }: Sandbox,
	log: DeliveryLog,
	method: string,
	url: string,
	input: unknown,
) {
	const all = () => log.all().map((d) => log.view(d, true));
	if (method === 'PUT' && url === '/webhooks/url') {
		const next = (input as { url?: unknown }).url;
		if (next !== null && typeof next !== 'string') return { status: 400, body: { error: 'url' } };
		webhooks.url = next ?? undefined;
		return { status: 200, body: { url: webhooks.url ?? null } };
	}
	if (method === 'POST' && url === '/webhooks/settled') {
		await webhooks.settled();
		return { status: 200, body: { deliveries: all() } };
	}
	if (method === 'POST' && url === '/webhooks/send') {
		const send = input as SendRequest;
		const urls = send.urls ?? (send.url ? [send.url] : []);
		const replayed = send.replayOf
			? log.all().find((d) => d.webhookId === send.replayOf)
			: undefined;
		if (!urls.length || (send.replayOf ? !replayed : !send.body))
			return { status: 400, body: { error: 'url(s), and a body or a known replayOf' } };
		const raw = replayed?.raw ?? Buffer.from(JSON.stringify(send.body));
		const options = {
			raw,
			tamper: send.tamper,
			unsigned: send.unsigned,
			key: send.otherKey ? WebhookSender.otherKey() : undefined,
			headers: send.headers,
		};
		const sent = await Promise.all(urls.map((to) => webhooks.send(to, {}, options)));
		const deliveries = sent.map((d) => log.view(d, true));
		return { status: 200, body: { deliveries } };
	}
	return { status: 404, body: { error: `${method} ${url}: no such control` } };
}

/** The control port, on 127.0.0.1; resolves with its URL. */
function startControl(sandbox: Sandbox, log: DeliveryLog): Promise<string> {
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const reply = (status: number, body: unknown) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			let input: unknown = {};
			try {
				input = text ? JSON.parse(text) : {};
			} catch {
				return reply(400, { error: 'the body is not JSON' });
			}
			control(sandbox, log, req.method ?? '', req.url ?? '', input).then(
				(answer) => reply(answer.status, answer.body),
				(error: Error) => reply(500, { error: error.stack ?? String(error) }),
			);
		});
	});
	server.unref(); // the sandbox's own server keeps the process alive, and its close ends it
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
		),
	);
}

async function main(): Promise<void> {
	const dumpPath = process.env.E2E_SANDBOX_DUMP;
	if (!dumpPath) throw new Error('E2E_SANDBOX_DUMP (a file path) is required');
	const limit = process.env.E2E_SANDBOX_RATE_LIMIT;
	const sandbox = await startSandbox({ rateLimit: limit ? JSON.parse(limit) : null });
	seed(sandbox);
	if (process.env.SANDBOX_SEED === 'around-now') seedAroundNow(sandbox);
	sandbox.webhooks.url = process.env.E2E_SANDBOX_WEBHOOK_URL || undefined;
	const log = new DeliveryLog(sandbox.webhooks);
	const controlUrl = await startControl(sandbox, log);
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
			// Before the reset below, which makes the sandbox forget its deliveries.
			deliveries: log.answeredSinceLastDump(),
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
	const { publicKeyPem } = sandbox.webhooks;
	const ready = { baseUrl: sandbox.baseUrl, pid: process.pid, controlUrl, publicKeyPem };
	process.stdout.write(`${JSON.stringify(ready)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
