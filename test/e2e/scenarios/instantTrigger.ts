// The instant trigger in a real n8n, on the `n8n start` of the polling trigger's scenario (trigger.ts
// runs it alongside: one start for both, one activation more). One workflow holds both sources:
//   Marketplace app, signed:  When pushed -> Booked? -> yes: Confirm it (Update: confirmed)
//                                                    -> no (Status Changed): Note the change (a
//                                                       note "status <previous> -> <now>")
//   HighLevel workflow, secret header:  When a HighLevel workflow calls -> Look it up (Get)
// Someone books, as new, on the second calendar (the polling trigger watches the first); the
// sandbox pushes the signed AppointmentCreate to n8n's production URL: Confirm it runs once. The
// sandbox pushes that confirmation's AppointmentUpdate: Status Changed (new -> confirmed) writes
// one note. A note is no appointment write, so the sandbox pushes nothing for it: no loop, whatever
// the trigger remembers. Then the two deliveries' exact bytes again, the booking event 10 minutes
// old (signed anew), tampered, unsigned, signed with another key: each 401 and no run. The same
// event fresh and rightly signed (a new webhookId) runs Confirm it again, so each refusal was for
// its one fault, and that confirmation (no status change) fires nothing. From a HighLevel
// workflow: the right secret runs Look it up, a wrong one 401. After the polling scenario's
// restart of n8n, deliveries taken before it and replayed (their timestamps still pass) are still
// refused: only the static data n8n saved can tell. Checked on what the sandbox recorded (requests, n8n's
// answer to each delivery), n8n's execution list (REST, as the owner credentialTest.ts set up) and
// n8n's log (each refusal's reason). Every wait is for a condition, with a deadline.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import {
	SANDBOX_CALENDAR_2_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
} from '../../sandbox';
import { check, step, StepError } from '../checks';
import { CRED_TYPE, NODE_TYPE, PACKAGE, signIn } from '../n8nSetup';
import { sleep } from '../processes';
import { webhookControl, type DeliveryView, type SendRequest } from '../webhookControl';
import { GOOD_CRED_ID, type Json, type MajorRun } from './major';
import type { Recorder } from './recorder';
import { bookThroughApi, type Alongside } from './trigger';

export const INSTANT_TYPE = `${PACKAGE}.highLevelCalendarInstantTrigger`;
const WORKFLOW_ID = 'hlcE2eInstant001';
/** The nodes' webhookIds: n8n serves each at /webhook/<webhookId>/highlevel-calendar. */
const APP_HOOK = '6a0f3c52-8d1e-4b7a-9c2f-3e5d7a1b9c40';
const FLOW_HOOK = '0d9e8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c61';
const WEBHOOK_PATH = 'highlevel-calendar';
const SECRET = 'e2e-instant-trigger-secret-7Qm2xVb9Lr4T';
const UNAUTHORIZED = JSON.stringify({ message: 'Unauthorized' });
const WAIT_MS = 30_000;

function instantWorkflow(publicKey: string): Json {
	const credentials = { [CRED_TYPE]: { id: GOOD_CRED_ID, name: 'HighLevel Calendar account' } };
	const node = (name: string, x: number, y: number, type: string, parameters: Json) => ({
		id: `in-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type,
		typeVersion: 1,
		position: [x, y],
		parameters,
		...(type.startsWith(PACKAGE) && { credentials }),
	});
	const to = (target: string) => [{ node: target, type: 'main', index: 0 }];
	return {
		id: WORKFLOW_ID,
		name: 'e2e: instant trigger, both sources',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'When pushed': { main: [to('Booked?')] },
			'Booked?': { main: [to('Confirm it'), to('Note the change')] },
			'When a HighLevel workflow calls': { main: [to('Look it up')] },
		},
		nodes: [
			{
				...node('When pushed', 0, 0, INSTANT_TYPE, {
					source: 'app',
					events: ['appointmentBooked', 'appointmentStatusChanged'],
					toStatuses: ['confirmed'],
					filters: { calendarId: SANDBOX_CALENDAR_2_ID },
					options: { publicKey },
				}),
				webhookId: APP_HOOK,
			},
			{
				...node('Booked?', 220, 0, 'n8n-nodes-base.if', {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
						conditions: [
							{
								id: 'in-booked',
								leftValue: '={{ $json.event }}',
								rightValue: 'appointmentBooked',
								operator: { type: 'string', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				}),
				typeVersion: 2,
			},
			node('Confirm it', 440, -100, NODE_TYPE, {
				resource: 'appointment',
				operation: 'update',
				eventId: '={{ $json.id }}',
				updateFields: { appointmentStatus: 'confirmed', toNotify: false },
			}),
			// A note, not an appointment update: it makes the sandbox push nothing, so no loop, whatever
			// the trigger remembers.
			node('Note the change', 440, 100, NODE_TYPE, {
				resource: 'appointmentNote',
				operation: 'create',
				appointmentId: '={{ $json.id }}',
				body: "={{ 'status ' + $json.previous.appointmentStatus + ' -> ' + $json.appointmentStatus }}",
			}),
			{
				...node('When a HighLevel workflow calls', 0, 300, INSTANT_TYPE, {
					source: 'workflow',
					secret: SECRET,
					events: ['appointmentBooked'],
				}),
				webhookId: FLOW_HOOK,
			},
			node('Look it up', 220, 300, NODE_TYPE, {
				resource: 'appointment',
				operation: 'get',
				eventId: '={{ $json.id }}',
			}),
		],
	};
}

/** What a HighLevel workflow's Webhook action posts for a booking (its Custom Data: the event). */
function workflowBuilderBody(appointment: Json, attempt: number): Json {
	return {
		contact_id: SANDBOX_CONTACT_ID,
		first_name: 'Casey',
		last_name: 'Contact',
		calendar: {
			id: appointment.calendarId,
			appointmentId: appointment.id,
			title: appointment.title,
			startTime: appointment.startTime,
			endTime: appointment.endTime,
			status: 'booked',
			appoinmentStatus: 'confirmed',
			calendarName: 'Second calendar',
		},
		location: { id: SANDBOX_LOCATION_ID },
		customData: { event: 'booked', attempt },
	};
}

/** Polls `probe` until it gives a value, every 250 ms; a StepError of `stepName` after WAIT_MS. */
async function waitFor<T>(
	stepName: string,
	what: string,
	probe: () => Promise<T | undefined>,
): Promise<T> {
	const deadline = Date.now() + WAIT_MS;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new StepError(stepName, `${what}: not within ${WAIT_MS / 1000}s`);
		await sleep(250);
	}
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

/** The workflow's executions, from n8n's REST API (same route and shape on both majors). */
async function executionsOf(stepName: string, base: string, cookie: string) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
	const res = await fetch(`${base}/rest/executions?filter=${filter}&limit=100`, {
		headers: { cookie, 'browser-id': 'e2e-instant' },
	});
	const text = await res.text();
	if (!res.ok) throw new StepError(stepName, `GET /rest/executions: ${res.status} ${text}`);
	const results = (JSON.parse(text).data?.results ?? []) as ExecutionSummary[];
	return results.map(({ id, status, mode }) => ({ id: String(id), status, mode }));
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

export function instantTriggerScenario(run: MajorRun): Alongside {
	const { sandbox } = run;
	const s = 'instant';
	const control = webhookControl(s, sandbox.controlUrl);
	const sentByHand = new Set<number>();
	const send = async (request: SendRequest) => {
		const [delivery] = await control.send(request);
		sentByHand.add(delivery.index);
		return delivery;
	};
	/** n8n activates after its REST API is up: the URL answers once the workflow is active. */
	const served = (url: string) =>
		waitFor(s, `${url} served`, async () => {
			const d = await send({ url, body: {}, unsigned: true });
			return d.status === 404 ? undefined : d;
		});
	// What the run before the restart leaves to the one after it.
	let id = '';
	let created: DeliveryView | undefined;
	let confirmed: DeliveryView | undefined;
	let freshAccepted: DeliveryView | undefined;
	let builderBody: Json | undefined;
	let runsBeforeRestart = 0;
	return {
		workflows: [instantWorkflow(sandbox.publicKeyPem)],
		async run(n8n, seen: Recorder) {
			const appUrl = `${n8n.base}/webhook/${APP_HOOK}/${WEBHOOK_PATH}`;
			const flowUrl = `${n8n.base}/webhook/${FLOW_HOOK}/${WEBHOOK_PATH}`;
			const cookie = await step('instant-url', async () => {
				const probe = await served(appUrl);
				const bare = await send({ url: `${n8n.base}/webhook/${WEBHOOK_PATH}`, body: {} });
				check(
					s,
					probe.status === 401 && probe.answer === UNAUTHORIZED,
					"n8n serves the trigger at /webhook/<the node's webhookId>/highlevel-calendar (an unsigned POST there: the trigger's 401)",
					{ status: probe.status, answer: probe.answer },
				);
				check(s, bare.status === 404, 'and not at /webhook/highlevel-calendar (404)', bare.status);
				return signIn(s, n8n.base, 'e2e-instant');
			});
			const executions = () => executionsOf(s, n8n.base, cookie);
			/** Waits until the workflow has `n` executions, all finished; returns them. */
			const executionsReach = (n: number) =>
				waitFor(s, `${n} finished executions`, async () => {
					const all = await executions();
					return all.length >= n && all.every((e) => FINISHED.includes(e.status)) ? all : undefined;
				});
			const wait = (what: string, count: () => number, atLeast: number) =>
				seen.waitUntil(what, count, atLeast, { stepName: s, ms: WAIT_MS, everyMs: 500 });
			/** The sandbox's own pushes about `id`, once each has n8n's answer. */
			const pushesAbout = async (id: string) =>
				(await control.settled()).filter(
					(d) =>
						!sentByHand.has(d.index) &&
						d.url === appUrl &&
						(d.body.appointment as Json | undefined)?.id === id,
				);
			const pushesReach = (id: string, n: number) =>
				waitFor(s, `${n} pushes answered`, async () => {
					const found = await pushesAbout(id);
					return found.length >= n ? found : undefined;
				});
			const shownPushes = (pushes: DeliveryView[]) =>
				pushes.map((d) => `${d.type} ${d.status}`).join(', ');

			await control.pushTo(appUrl);
			try {
				const puts = () => seen.to('PUT', `/calendars/events/appointments/${id}`);
				const notes = () => seen.to('POST', `/calendars/appointments/${id}/notes`);
				await step('instant-book', async () => {
					id = await bookThroughApi(
						sandbox.baseUrl,
						{ calendarId: SANDBOX_CALENDAR_2_ID, title: 'e2e instant booking', stepName: s },
						{ appointmentStatus: 'new' },
					);
					await wait('Confirm it, then Note the change', () => notes().length, 1);
					const pushed = await pushesReach(id, 2);
					const done = await executionsReach(2);
					await seen.take();
					[created, confirmed] = pushed;
					check(
						s,
						shownPushes(pushed) === 'AppointmentCreate 200, AppointmentUpdate 200',
						'the sandbox pushed the booking and its confirmation, signed; n8n took each (200)',
						pushed.map(({ type, status, answer }) => ({ type, status, answer })),
					);
					check(
						s,
						puts().length === 1 && puts()[0].body?.appointmentStatus === 'confirmed',
						'the booking ran Confirm it once (PUT appointmentStatus confirmed)',
						puts().map((r) => r.body),
					);
					check(
						s,
						notes().length === 1 && notes()[0].body?.body === 'status new -> confirmed',
						'the confirmation fired Status Changed once, with the previous status (note "status new -> confirmed")',
						notes().map((r) => r.body),
					);
					check(
						s,
						done.length === 2 && done.every((e) => e.status === 'success' && e.mode === 'webhook'),
						'two executions, both successful, mode webhook',
						done,
					);
				});

				await step('instant-refusals', async () => {
					if (!created || !confirmed)
						throw new StepError(s, 'no booking and confirmation deliveries to replay');
					// The appointment as it is now: a delivery that got through would book it again.
					const appointment = {
						...(created.body.appointment as Json),
						appointmentStatus: 'confirmed',
					};
					/** The booking's event as HighLevel would send it now (a new webhookId). */
					const fresh = (ageMs = 0) => ({
						...created!.body,
						appointment,
						timestamp: new Date(Date.now() - ageMs).toISOString(),
						webhookId: randomUUID(),
					});
					const cases: Array<[string, SendRequest]> = [
						['a replay of the booking delivery, byte for byte', { replayOf: created.webhookId }],
						[
							'a replay of the confirmation delivery, byte for byte',
							{ replayOf: confirmed.webhookId },
						],
						['the booking event 10 minutes old, signed anew', { body: fresh(10 * 60_000) }],
						['a tampered body (one byte changed after signing)', { body: fresh(), tamper: true }],
						['an unsigned one', { body: fresh(), unsigned: true }],
						['one signed with another key', { body: fresh(), otherKey: true }],
					];
					const before = { puts: puts().length, notes: notes().length };
					for (const [what, request] of cases) {
						const d = await send({ url: appUrl, ...request });
						check(
							s,
							d.status === 401 && d.answer === UNAUTHORIZED,
							`${what}: 401 {"message":"Unauthorized"}`,
							{ status: d.status, answer: d.answer },
						);
					}
					// A delivery n8n took has its execution recorded before n8n answers it.
					const afterRefusals = await executionsReach(2);
					await seen.take();
					check(
						s,
						puts().length === before.puts &&
							notes().length === before.notes &&
							afterRefusals.length === 2,
						'the refused deliveries ran nothing (no request from Confirm it or Note the change, no execution)',
						{ puts: puts().length, notes: notes().length, executions: afterRefusals.length },
					);
					// The control: the same event, fresh and rightly signed, is taken. It books nothing
					// new for the trigger's memory, and its confirmation changes no status: one run.
					const runsBefore = afterRefusals.length;
					const pushesBefore = (await pushesAbout(id)).length;
					const accepted = await send({ url: appUrl, body: fresh() });
					freshAccepted = accepted;
					await wait('Confirm it, for the fresh delivery', () => puts().length, before.puts + 1);
					const pushed = await pushesReach(id, pushesBefore + 1);
					const done = await executionsReach(runsBefore + 1);
					await seen.take();
					check(
						s,
						accepted.status === 200 && puts().length === before.puts + 1,
						'the same event, fresh and rightly signed (a new webhookId), runs Confirm it: each refusal above was for its one fault',
						{ status: accepted.status, puts: puts().length },
					);
					check(
						s,
						shownPushes(pushed.slice(pushesBefore)) === 'AppointmentUpdate 200' &&
							notes().length === before.notes &&
							done.length === runsBefore + 1,
						'its confirmation (confirmed again: no status change) fires nothing',
						{
							pushes: shownPushes(pushed.slice(pushesBefore)),
							notes: notes().map((r) => r.body?.body),
							executions: done.length - runsBefore,
						},
					);
				});

				await step('instant-workflow-builder', async () => {
					const gets = () => seen.to('GET', `/calendars/events/appointments/${id}`);
					const appointment = (created?.body.appointment ?? {}) as Json;
					const runsBefore = (await executionsReach(0)).length;
					builderBody = workflowBuilderBody(appointment, 1);
					const right = await send({
						url: flowUrl,
						body: builderBody,
						unsigned: true,
						headers: { 'x-n8n-secret': SECRET },
					});
					await wait('Look it up', () => gets().length, 1);
					const done = await executionsReach(runsBefore + 1);
					// Another body (a replay would be refused anyway): only the secret is wrong.
					const wrong = await send({
						url: flowUrl,
						body: workflowBuilderBody(appointment, 2),
						unsigned: true,
						headers: { 'x-n8n-secret': `${SECRET.slice(0, -1)}x` },
					});
					await seen.take();
					const after = await executions();
					check(
						s,
						right.status === 200 && gets().length === 1 && done.length === runsBefore + 1,
						'a HighLevel workflow with the right secret runs Look it up once',
						{ status: right.status, gets: gets().length, executions: done.length - runsBefore },
					);
					check(
						s,
						wrong.status === 401 && wrong.answer === UNAUTHORIZED,
						'a wrong secret: 401 {"message":"Unauthorized"}',
						{ status: wrong.status, answer: wrong.answer },
					);
					check(s, gets().length === 1 && after.length === done.length, 'and it runs nothing', {
						gets: gets().length,
						executions: after.length - done.length,
					});
					runsBeforeRestart = after.length;
				});
			} finally {
				await control.pushTo(undefined);
			}

			await step('instant-log', async () => {
				// Each refusal's reason goes to n8n's log (never to the caller); waited for, as the
				// log file is written as n8n prints.
				const reasons = [
					'no x-ghl-signature header',
					'the signature does not verify',
					'older than Max Age',
					'accepted before (a replay)',
					'the x-n8n-secret header is missing or wrong',
				];
				const log = () => fs.readFileSync(n8n.logFile, 'utf8');
				const missing = () => reasons.filter((r) => !log().includes(r));
				await waitFor(s, "each refusal's reason in n8n's log", async () =>
					missing().length ? undefined : true,
				).catch(() => undefined);
				check(
					s,
					missing().length === 0,
					"n8n's log says why each delivery was refused (replay, age, signature, missing signature, secret)",
					missing(),
				);
				check(
					s,
					!log().includes(SECRET) && !log().includes(SANDBOX_TOKEN),
					"neither the secret nor the token is in n8n's log",
				);
			});
		},

		/**
		 * After n8n's restart only the static data n8n saved remembers what was accepted. Replayed
		 * while their timestamps still pass, deliveries the trigger took and that were not replayed
		 * before the restart (a refused replay saves the static data on its own) must be refused:
		 * the first booking, the fresh one, the HighLevel workflow's (the same bytes, the right
		 * secret: the same digest).
		 */
		async afterRestart(n8n, seen: Recorder) {
			await step('instant-after-restart', async () => {
				if (!created || !freshAccepted || !builderBody)
					throw new StepError(s, 'the run before the restart left no deliveries to replay');
				const appUrl = `${n8n.base}/webhook/${APP_HOOK}/${WEBHOOK_PATH}`;
				const flowUrl = `${n8n.base}/webhook/${FLOW_HOOK}/${WEBHOOK_PATH}`;
				await served(appUrl);
				const cookie = await signIn(s, n8n.base, 'e2e-instant');
				await seen.take();
				const ranSince = () =>
					seen.to('PUT', `/calendars/events/appointments/${id}`).length +
					seen.to('POST', `/calendars/appointments/${id}/notes`).length +
					seen.to('GET', `/calendars/events/appointments/${id}`).length;
				const before = ranSince();
				const ageOf = (d: DeliveryView) =>
					Math.round((Date.now() - Date.parse(String(d.body.timestamp))) / 1000);
				const replays: Array<[string, SendRequest]> = [
					[
						`the first booking delivery (${ageOf(created)}s old)`,
						{ url: appUrl, replayOf: created.webhookId },
					],
					[
						`the fresh booking delivery (${ageOf(freshAccepted)}s old)`,
						{ url: appUrl, replayOf: freshAccepted.webhookId },
					],
					[
						"the HighLevel workflow's delivery, with the right secret",
						{
							url: flowUrl,
							body: builderBody,
							unsigned: true,
							headers: { 'x-n8n-secret': SECRET },
						},
					],
				];
				// n8n 2.41 saves the static data when a delivery fires nothing, and the first time the
				// trigger writes it, but not when a delivery starts a run (docs/instant-trigger.md,
				// "Exactly once"): there only the first booking's replay can be refused after a
				// restart; the others are reported, and checked to run once each.
				let acceptedAgain = 0;
				for (const [index, [what, request]] of replays.entries()) {
					const d = await send(request);
					if (run.major === 1 || index === 0) {
						check(
							s,
							d.status === 401 && d.answer === UNAUTHORIZED,
							`after the restart, a replay of ${what}: 401`,
							{ status: d.status, answer: d.answer },
						);
					} else {
						if (d.status === 200) acceptedAgain++;
						console.log(
							`  n8n 2.41 after the restart, a replay of ${what}: ${d.status} (its run's static data was not saved by n8n)`,
						);
					}
				}
				// Within Max Age (5 minutes), so only the replay guard could refuse them.
				check(
					s,
					ageOf(created) < 4 * 60,
					'those replays were within Max Age (only the replay guard could refuse them)',
					ageOf(created),
				);
				// A delivery n8n took has its execution recorded before n8n answers it.
				const runs = await waitFor(s, 'every execution finished', async () => {
					const all = await executionsOf(s, n8n.base, cookie);
					return all.every((e) => FINISHED.includes(e.status)) ? all : undefined;
				});
				await seen.take();
				check(
					s,
					runs.length === runsBeforeRestart + acceptedAgain &&
						(acceptedAgain > 0 || ranSince() === before),
					acceptedAgain
						? `the refused ones run nothing; the ${acceptedAgain} n8n 2.41 took again run once each`
						: 'and they run nothing',
					{ executions: runs.length - runsBeforeRestart, requests: ranSince() - before },
				);
			});
		},
	};
}
