// The instant trigger as n8n serves it (n8n-core's WebhookContext behind a real HTTP server, see
// harness/webhookServer.ts), fed by the sandbox the way HighLevel feeds an app: every appointment
// the HighLevel Calendar node books, changes or deletes in the sandbox is pushed, signed with the
// sandbox's own key. Then every refusal: a replay, a stale or tampered delivery, a wrong key, no
// signature, the retired RSA header, a wrong workflow-builder secret: 401, and nothing fires.
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { runHighLevel, startInstantTrigger } from './harness/highLevel';
import type { WebhookServer } from './harness/webhookServer';
import {
	appointmentEvent,
	SANDBOX_APPOINTMENT_ID,
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_USER_ID,
	WebhookSender,
} from '../sandbox';
import { sandbox, useSandbox } from './testing';

useSandbox({ rateLimit: null });

const SECRET = 'test-secret-0123456789-abcdefghij';
const ALL_EVENTS = [
	'appointmentBooked',
	'appointmentUpdated',
	'appointmentRescheduled',
	'appointmentStatusChanged',
	'appointmentDeleted',
];

let trigger: WebhookServer | undefined;
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
});

/** The trigger for the app source, verifying with the sandbox's key, pushed to by the sandbox. */
async function appTrigger(parameters: INodeParameters = {}): Promise<WebhookServer> {
	trigger = await startInstantTrigger(sandbox, {
		source: 'app',
		events: ALL_EVENTS,
		options: { publicKey: sandbox.webhooks.publicKeyPem },
		...parameters,
	});
	await trigger.activate();
	sandbox.webhooks.url = trigger.url;
	return trigger;
}

const events = (runs: INodeExecutionData[][]) => runs.flat().map((item) => item.json.event);

async function book(): Promise<string> {
	const { items, error } = await runHighLevel(sandbox, {
		resource: 'appointment',
		operation: 'create',
		calendarId: SANDBOX_CALENDAR_ID,
		contactId: SANDBOX_CONTACT_ID,
		startTime: '2031-03-03T09:00:00Z',
		additionalFields: {
			endTime: '2031-03-03T09:30:00Z',
			title: 'Instant',
			appointmentStatus: 'new',
			assignedUserId: SANDBOX_USER_ID,
			ignoreFreeSlotValidation: true,
		},
	});
	expect(error).toBeUndefined();
	await sandbox.webhooks.settled();
	return String(items[0].json.id);
}

async function update(eventId: string, updateFields: Record<string, unknown>) {
	const { error } = await runHighLevel(sandbox, {
		resource: 'appointment',
		operation: 'update',
		eventId,
		updateFields: { toNotify: false, ...updateFields },
	});
	expect(error).toBeUndefined();
	await sandbox.webhooks.settled();
}

describe('Instant trigger: a Marketplace app, pushed by HighLevel', () => {
	it('fires Booked once for a booking, with the polling trigger’s simplified item', async () => {
		const { fired } = await appTrigger();
		const id = await book();
		expect(sandbox.webhooks.deliveries.map((d) => [d.type, d.status])).toEqual([
			['AppointmentCreate', 200],
		]);
		expect(fired).toEqual([
			[
				{
					json: {
						event: 'appointmentBooked',
						id,
						title: 'Instant',
						appointmentStatus: 'new',
						startTime: '2031-03-03T09:00:00+00:00',
						endTime: '2031-03-03T09:30:00+00:00',
						calendarId: SANDBOX_CALENDAR_ID,
						contactId: SANDBOX_CONTACT_ID,
						assignedUserId: SANDBOX_USER_ID,
					},
				},
			],
		]);
	});

	it('fires Updated, Status Changed and Rescheduled with what it heard before, then Deleted', async () => {
		const { fired } = await appTrigger();
		const id = await book();
		await update(id, { appointmentStatus: 'confirmed' });
		await update(id, { startTime: '2031-03-03T10:00:00Z', endTime: '2031-03-03T10:30:00Z' });
		const deleted = await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'delete',
			eventId: id,
		});
		expect(deleted.error).toBeUndefined();
		await sandbox.webhooks.settled();
		expect(fired.map((run) => run.map((item) => item.json.event))).toEqual([
			['appointmentBooked'],
			['appointmentUpdated', 'appointmentStatusChanged'],
			['appointmentUpdated', 'appointmentRescheduled'],
			['appointmentDeleted'],
		]);
		expect(fired[1][1].json.previous).toEqual({
			appointmentStatus: 'new',
			startTime: '2031-03-03T09:00:00.000Z',
			endTime: '2031-03-03T09:30:00.000Z',
		});
		expect(fired[2][1].json).toMatchObject({
			startTime: '2031-03-03T10:00:00+00:00',
			previous: { startTime: '2031-03-03T09:00:00.000Z', appointmentStatus: 'confirmed' },
		});
		expect(fired[3][0].json).toMatchObject({ id, previous: { appointmentStatus: 'confirmed' } });
	});

	it('an update of an appointment it never heard of fires Updated only, without previous', async () => {
		const { fired } = await appTrigger();
		await update(SANDBOX_APPOINTMENT_ID, { appointmentStatus: 'showed' });
		expect(events(fired)).toEqual(['appointmentUpdated']);
		expect(fired[0][0].json.previous).toBeUndefined();
	});

	it('Simplify off gives HighLevel’s whole appointment with its location', async () => {
		const { fired } = await appTrigger({ simplify: false });
		await book();
		expect(fired[0][0].json).toMatchObject({
			event: 'appointmentBooked',
			locationId: SANDBOX_LOCATION_ID,
			dateAdded: expect.any(String),
			dateUpdated: expect.any(String),
		});
	});

	it('filters: a calendar, status or location not chosen fires nothing, and is answered 200', async () => {
		const { fired } = await appTrigger({
			filters: { calendarId: 'some-other-calendar', locationId: SANDBOX_LOCATION_ID },
		});
		await book();
		expect(fired).toEqual([]);
		expect(sandbox.webhooks.deliveries.map((d) => d.status)).toEqual([200]);
	});

	it('answers 200 and fires nothing for a verified event that is not an appointment’s', async () => {
		const { fired, url } = await appTrigger();
		const delivery = await sandbox.webhooks.send(url, {
			type: 'ContactCreate',
			locationId: SANDBOX_LOCATION_ID,
			id: 'c1',
			timestamp: new Date().toISOString(),
			webhookId: 'contact-1',
		});
		expect(delivery.status).toBe(200);
		expect(fired).toEqual([]);
	});
});

describe('Instant trigger: refusals (401, nothing fired)', () => {
	const body = (timestamp = new Date()) =>
		appointmentEvent(
			'AppointmentCreate',
			{
				id: 'appt-refusal',
				locationId: SANDBOX_LOCATION_ID,
				calendarId: SANDBOX_CALENDAR_ID,
				appointmentStatus: 'new',
			},
			{ timestamp },
		);

	async function expectRefused(send: (url: string) => Promise<{ status: number; answer: string }>) {
		const { fired, url } = await appTrigger();
		const { status, answer } = await send(url);
		expect([status, answer]).toEqual([401, '{"message":"Unauthorized"}']);
		expect(fired).toEqual([]);
	}

	it('accepts the same body once: its replay is refused', async () => {
		const { fired, url } = await appTrigger();
		const first = await sandbox.webhooks.send(url, body());
		const replay = await sandbox.webhooks.send(url, {}, { raw: first.raw });
		expect([first.status, replay.status]).toEqual([200, 401]);
		expect(fired).toHaveLength(1);
	});

	it('keeps accepted webhookIds in the static data n8n saves (a restart still refuses a replay)', async () => {
		const server = await appTrigger();
		const first = await sandbox.webhooks.send(server.url, body());
		expect(first.status).toBe(200);
		const saved = server.saved()['node:HighLevel Calendar Instant Trigger'] as {
			instant: { deliveries: Record<string, number> };
		};
		expect(Object.keys(saved.instant.deliveries)).toEqual([first.webhookId]);
	});

	it('two copies of one delivery at the same moment fire once (n8n gives both the same static data)', async () => {
		const server = await appTrigger();
		const { fired, url } = server;
		const raw = Buffer.from(JSON.stringify(body()));
		server.loadTogether(5);
		const copies = await Promise.all(
			Array.from({ length: 5 }, () => sandbox.webhooks.send(url, {}, { raw })),
		);
		expect(copies.map((copy) => copy.status).sort()).toEqual([200, 401, 401, 401, 401]);
		expect(fired).toHaveLength(1);
	});

	it('refuses a body changed by one byte after signing', async () => {
		await expectRefused((url) => sandbox.webhooks.send(url, body(), { tamper: true }));
	});

	it('refuses a signature made with another key', async () => {
		await expectRefused((url) =>
			sandbox.webhooks.send(url, body(), { key: WebhookSender.otherKey() }),
		);
	});

	it('refuses a delivery without a signature, and one signed only the retired RSA way', async () => {
		await expectRefused((url) => sandbox.webhooks.send(url, body(), { unsigned: true }));
		await trigger?.close();
		await expectRefused((url) =>
			sandbox.webhooks.send(url, body(), {
				unsigned: true,
				headers: { 'x-wh-signature': Buffer.alloc(512, 1).toString('base64') },
			}),
		);
	});

	it('refuses a delivery signed more than 5 minutes ago, and takes it when Max Age allows', async () => {
		const old = body(new Date(Date.now() - 6 * 60_000));
		await expectRefused((url) => sandbox.webhooks.send(url, old));
		await trigger?.close();
		const { fired, url } = await appTrigger({
			options: { publicKey: sandbox.webhooks.publicKeyPem, maxAgeMinutes: 10 },
		});
		expect((await sandbox.webhooks.send(url, old)).status).toBe(200);
		expect(events(fired)).toEqual(['appointmentBooked']);
	});

	it("refuses with HighLevel's published key a delivery the sandbox signed", async () => {
		const { fired, url } = await appTrigger({ options: {} });
		expect((await sandbox.webhooks.send(url, body())).status).toBe(401);
		expect(fired).toEqual([]);
	});

	it('answers a refusal with no key, signature or reason', async () => {
		const { url } = await appTrigger();
		const delivery = await sandbox.webhooks.send(url, body(), { tamper: true });
		expect(delivery.answer).toBe('{"message":"Unauthorized"}');
		expect(delivery.answer).not.toContain('BEGIN');
	});
});

describe('Instant trigger: a HighLevel workflow’s Webhook action (secret header)', () => {
	const workflowBody = (status = 'confirmed', extra: Record<string, unknown> = {}) => ({
		contact_id: SANDBOX_CONTACT_ID,
		first_name: 'Ada',
		location: { id: SANDBOX_LOCATION_ID, name: 'Clinic' },
		calendar: {
			id: SANDBOX_CALENDAR_ID,
			appointmentId: 'wf-appt-1',
			title: 'Consultation',
			startTime: '2031-03-03T09:00:00',
			endTime: '2031-03-03T09:30:00',
			status: 'booked',
			appoinmentStatus: status,
		},
		...extra,
	});

	async function workflowTrigger(parameters: INodeParameters = {}) {
		trigger = await startInstantTrigger(sandbox, {
			source: 'workflow',
			secret: SECRET,
			events: ALL_EVENTS,
			...parameters,
		});
		await trigger.activate();
		return trigger;
	}

	const post = (url: string, payload: object, secret?: string) =>
		sandbox.webhooks.send(url, payload, {
			unsigned: true,
			headers: secret === undefined ? {} : { 'x-n8n-secret': secret },
		});

	it('fires Booked for a first delivery, then Status Changed, with the right secret only', async () => {
		const { fired, url } = await workflowTrigger();
		expect((await post(url, workflowBody('confirmed'), SECRET)).status).toBe(200);
		expect((await post(url, workflowBody('showed'), 'wrong-secret')).status).toBe(401);
		expect((await post(url, workflowBody('showed'))).status).toBe(401);
		expect((await post(url, workflowBody('showed'), SECRET)).status).toBe(200);
		expect(fired.map((run) => run.map((item) => item.json.event))).toEqual([
			['appointmentBooked'],
			['appointmentUpdated', 'appointmentStatusChanged'],
		]);
		expect(fired[0][0].json).toEqual({
			event: 'appointmentBooked',
			id: 'wf-appt-1',
			title: 'Consultation',
			appointmentStatus: 'confirmed',
			startTime: '2031-03-03T09:00:00',
			endTime: '2031-03-03T09:30:00',
			calendarId: SANDBOX_CALENDAR_ID,
			contactId: SANDBOX_CONTACT_ID,
		});
		expect(fired[1][1].json.previous).toMatchObject({ appointmentStatus: 'confirmed' });
	});

	it('refuses the same bytes twice, and names the event from Custom Data', async () => {
		const { fired, url } = await workflowTrigger();
		const payload = workflowBody('cancelled', { customData: { event: 'deleted' } });
		const first = await post(url, payload, SECRET);
		const again = await post(url, payload, SECRET);
		expect([first.status, again.status]).toEqual([200, 401]);
		expect(events(fired)).toEqual(['appointmentDeleted']);
	});
});

describe('Instant trigger: activation checks the settings', () => {
	const activationError = async (parameters: INodeParameters) => {
		trigger = await startInstantTrigger(sandbox, { events: ['appointmentBooked'], ...parameters });
		return await trigger.activate().then(
			() => undefined,
			(error: Error) => error,
		);
	};

	it('an empty secret fails activation, offering a generated one', async () => {
		const error = await activationError({ source: 'workflow', secret: '' });
		expect(error?.message).toMatch(
			/^Secret \(not set\) is empty\. Use a random value of at least 24 characters, for example [\w-]{32} \(freshly generated\)/,
		);
	});

	it('a public key that is not Ed25519 fails activation, naming the option', async () => {
		const error = await activationError({ source: 'app', options: { publicKey: 'not a key' } });
		expect(error?.message).toMatch(
			/^Options > HighLevel Public Key \(publicKey\) .* is not an Ed25519 public key/,
		);
	});

	it('good settings activate, and send nothing to HighLevel', async () => {
		expect(await activationError({ source: 'app' })).toBeUndefined();
		expect(await activationError({ source: 'workflow', secret: SECRET })).toBeUndefined();
		expect(sandbox.requests).toEqual([]);
	});
});
