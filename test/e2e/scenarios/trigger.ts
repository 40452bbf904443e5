// The trigger in a real n8n: a workflow "when an appointment is booked, confirm it" (HighLevel
// Calendar Trigger polling every minute -> HighLevel Calendar Update), activated and run by
// `n8n start`. Someone books through HighLevel's API; the downstream node confirms it exactly
// once, the next poll does not repeat it, and neither does n8n after a restart. Every wait is for
// a condition the sandbox records (a request), with a deadline; none is for a fixed time. Other
// scenarios may share its `n8n start` (Alongside: the instant trigger's, instantTrigger.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
} from '../../sandbox';
import { check, step, StepError } from '../checks';
import { CRED_TYPE, NODE_TYPE, PACKAGE } from '../n8nSetup';
import { freePort, stopChild } from '../processes';
import { GOOD_CRED_ID, startN8n, type Json, type MajorRun } from './major';
import { recorder, type Recorder } from './recorder';

const WORKFLOW_ID = 'hlcE2eTrigger001';
const TRIGGER_TYPE = `${PACKAGE}.highLevelCalendarTrigger`;

/**
 * Another scenario that shares this one's `n8n start` (a start costs tens of seconds): its
 * workflows are imported and activated with this one's, and it runs once this one's first checks
 * are done, before the restart, on the same recording of the sandbox; `afterRestart` runs once the
 * restarted n8n has fired the booking made while it was down.
 */
export interface Alongside {
	workflows: Json[];
	run(n8n: { base: string; logFile: string }, seen: Recorder): Promise<void>;
	afterRestart?(n8n: { base: string; logFile: string }, seen: Recorder): Promise<void>;
}

function triggerWorkflow(): Json {
	const credentials = { [CRED_TYPE]: { id: GOOD_CRED_ID, name: 'HighLevel Calendar account' } };
	return {
		id: WORKFLOW_ID,
		name: 'e2e: when an appointment is booked, confirm it',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'When booked': { main: [[{ node: 'Confirm it', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'tr-trigger',
				name: 'When booked',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					watch: 'calendar',
					calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
					events: ['appointmentBooked'],
				},
				credentials,
			},
			{
				id: 'tr-confirm',
				name: 'Confirm it',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [300, 0],
				parameters: {
					resource: 'appointment',
					operation: 'update',
					eventId: '={{ $json.id }}',
					updateFields: { appointmentStatus: 'confirmed', toNotify: false },
				},
				credentials,
			},
		],
	};
}

/** Someone books in HighLevel (through its API, as a booking widget would). */
export async function bookThroughApi(
	baseUrl: string,
	{ calendarId = SANDBOX_CALENDAR_ID, title = 'e2e trigger booking', stepName = 'trigger' } = {},
	extra: Json = {},
): Promise<string> {
	const start = Date.now() + 3 * 24 * 3_600_000;
	const response = await fetch(`${baseUrl}/calendars/events/appointments`, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${SANDBOX_TOKEN}`,
			Version: 'v3',
			'Content-Type': 'application/json',
			Accept: 'application/json',
		},
		body: JSON.stringify({
			calendarId,
			locationId: SANDBOX_LOCATION_ID,
			contactId: SANDBOX_CONTACT_ID,
			title,
			startTime: new Date(start).toISOString(),
			endTime: new Date(start + 30 * 60_000).toISOString(),
			ignoreFreeSlotValidation: true,
			...extra,
		}),
	});
	const body = (await response.json()) as Json;
	if (!response.ok || !body.id)
		throw new StepError(stepName, `booking failed: ${response.status} ${JSON.stringify(body)}`);
	return String(body.id);
}

export async function triggerScenario(run: MajorRun, alongside: Alongside[] = []): Promise<void> {
	const s = 'trigger';
	await step('trigger-import', async () => {
		const file = path.join(run.work, 'trigger-workflow.json');
		const workflows = [triggerWorkflow(), ...alongside.flatMap((a) => a.workflows)];
		fs.writeFileSync(file, JSON.stringify(workflows, null, 2));
		await run.n8n('trigger-import', ['import:workflow', `--input=${file}`], 180_000);
		// 2.x publishes a workflow's version to activate it; 1.x sets it active. One at a time.
		for (const { id } of workflows) {
			const activate =
				run.major === 2
					? ['publish:workflow', `--id=${id}`]
					: ['update:workflow', `--id=${id}`, '--active=true'];
			await run.n8n('trigger-import', activate, 180_000);
		}
	});
	const seen = recorder(run);
	const lists = () => seen.to('GET', '/calendars/events');
	await seen.take(); // nothing before n8n starts counts
	const port = await freePort();
	let n8n = await step('trigger-start', () =>
		startN8n(run, 'trigger-start', port, 'trigger-first'),
	);
	try {
		await step('trigger-baseline', () =>
			seen.waitUntil('the activation poll', () => lists().length, 1),
		);
		const id = await step('trigger-book', () => bookThroughApi(run.sandbox.baseUrl));
		const confirmsOf = (appointmentId: string) =>
			seen.to('PUT', `/calendars/events/appointments/${appointmentId}`);
		const confirms = () => confirmsOf(id);
		await step('trigger-fires', () =>
			seen.waitUntil('the downstream node confirming the booking', () => confirms().length, 1),
		);
		const listsAtFire = lists().length;
		check(s, confirms().length === 1, 'the booking reaches the downstream node once', confirms());
		check(
			s,
			confirms()[0]?.body?.appointmentStatus === 'confirmed',
			'the downstream node got the booked appointment (its id, then confirmed it)',
			confirms()[0]?.body,
		);
		await step('trigger-next-poll', () =>
			seen.waitUntil('the next poll', () => lists().length, listsAtFire + 1),
		);
		check(s, confirms().length === 1, 'the next poll does not fire it again', confirms().length);
		for (const other of alongside) await other.run(n8n, seen);

		// n8n goes down; a booking comes in meanwhile. After the restart the trigger still knows
		// what it fired (the static data n8n saved): it fires the new booking, not the old one.
		let whileDown = '';
		await step('trigger-restart', async () => {
			await stopChild(n8n.child);
			whileDown = await bookThroughApi(run.sandbox.baseUrl);
			n8n = await startN8n(run, 'trigger-restart', port, 'trigger-restarted');
		});
		await step('trigger-after-restart', () =>
			seen.waitUntil('the booking made while n8n was down', () => confirmsOf(whileDown).length, 1),
		);
		for (const other of alongside) await other.afterRestart?.(n8n, seen);
		const listsAfterRestart = lists().length;
		await step('trigger-poll-after-restart', () =>
			seen.waitUntil('one more poll', () => lists().length, listsAfterRestart + 1),
		);
		check(
			s,
			confirmsOf(whileDown).length === 1,
			'a booking made while n8n was down fires once after the restart',
			confirmsOf(whileDown).length,
		);
		check(
			s,
			confirms().length === 1,
			'after a restart, n8n does not fire the earlier booking again',
			confirms().length,
		);
	} finally {
		await stopChild(n8n.child);
	}
	const logs = ['first', 'restarted']
		.map((label) => path.join(run.work, `n8n-trigger-${label}.log`))
		.filter((file) => fs.existsSync(file))
		.map((file) => fs.readFileSync(file, 'utf8'));
	check(s, !logs.join('\n').includes(SANDBOX_TOKEN), "the token is not in n8n's log", logs.length);
}
