// The e2e's re-run scenario, in a real n8n: three creates, one at a time that is taken. Run once:
// the node fails, and its error (as n8n stores it) names the two appointments the run did create.
// Run again, as a user would after that error, with Duplicate Check on: nothing is booked twice.
import { SANDBOX_CALENDAR_ID } from '../../sandbox';
import { check, step } from '../checks';
import type { MajorRun } from './major';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const RERUN_WORKFLOW_ID = 'hlcE2eRerun00001';
export const RERUN_NODE = 'Book the list';
/** apt_sandbox_001 (confirmed, another contact's) holds 10:00-10:30 Berlin time on this calendar. */
const TAKEN = '2030-01-14T10:00:00+01:00';
const CONTACT_ID = 'con_sandbox_002';
const BOOKINGS = [
	{ title: 'rerun-first', start: '2030-03-05T09:00:00Z', end: '2030-03-05T09:30:00Z' },
	{ title: 'rerun-taken', start: TAKEN, end: '2030-01-14T10:30:00+01:00' },
	{ title: 'rerun-third', start: '2030-03-05T11:00:00Z', end: '2030-03-05T11:30:00Z' },
];

export function rerunWorkflow(nodeType: string, credentials: Json): Json {
	return {
		id: RERUN_WORKFLOW_ID,
		name: 'e2e: re-run with Duplicate Check',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			Start: { main: [[{ node: 'Bookings', type: 'main', index: 0 }]] },
			Bookings: { main: [[{ node: RERUN_NODE, type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'rr-start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'rr-code',
				name: 'Bookings',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(BOOKINGS)}.map((json) => ({ json }));` },
			},
			{
				id: 'rr-book',
				name: RERUN_NODE,
				type: nodeType,
				typeVersion: 1,
				position: [440, 0],
				credentials,
				parameters: {
					resource: 'appointment',
					operation: 'create',
					calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
					contactId: { __rl: true, mode: 'id', value: CONTACT_ID },
					startTime: '={{ $json.start }}',
					additionalFields: { title: '={{ $json.title }}', endTime: '={{ $json.end }}' },
					options: { duplicateCheck: true },
				},
			},
		],
	};
}

interface Dump {
	requests: Array<{ method: string; path: string; status: number }>;
	appointments: Json[];
}

/** The node's error as n8n recorded it in the run. */
function nodeError(runJson: Json): Json {
	return (
		runJson.data?.resultData?.runData?.[RERUN_NODE]?.[0]?.error ??
		runJson.data?.resultData?.error ??
		{}
	);
}

const posts = (dump: Dump) =>
	dump.requests.filter((r) => r.method === 'POST' && r.path === '/calendars/events/appointments');
const booked = (dump: Dump) =>
	dump.appointments
		.map((a) => String(a.title))
		.filter((title) => title.startsWith('rerun-'))
		.sort();

/** The first run: the taken slot fails the node; the error names what the other two items created. */
export function checkFirstRun(step: string, runJson: Json, dump: Dump): void {
	const error = nodeError(runJson);
	console.log(
		`  error: ${JSON.stringify({ message: error.message, description: error.description })}`,
	);
	check(
		step,
		error.message ===
			'HighLevel rejected the request (400): The slot you have selected is no longer available.',
		"the node fails with HighLevel's text for the taken slot",
		error.message,
	);
	check(
		step,
		/Pick another startTime from the open ones that Calendar: Get Free Slots lists/.test(
			error.description ?? '',
		),
		'the hint is about the taken time, not the fields',
		error.description,
	);
	check(
		step,
		/Other items of this run were created in HighLevel: 2 \(/.test(error.description ?? ''),
		'the error says the run created 2 other appointments',
		error.description,
	);
	check(
		step,
		/Duplicate Check is on: running the node again outputs them instead of booking them again/.test(
			error.description ?? '',
		),
		'and what running the node again does (Duplicate Check is on)',
		error.description,
	);
	const statuses = posts(dump).map((r) => r.status);
	check(
		step,
		statuses.length === 3 &&
			statuses.filter((status) => status < 300).length === 2 &&
			statuses.includes(400),
		'three POSTs: two booked, one refused',
		statuses,
	);
	check(
		step,
		JSON.stringify(booked(dump)) === JSON.stringify(['rerun-first', 'rerun-third']),
		'the two free times are booked',
		booked(dump),
	);
}

/** The re-run, Duplicate Check on: the two bookings are found, only the taken one is tried again. */
export function checkSecondRun(step: string, runJson: Json, dump: Dump): void {
	const error = nodeError(runJson);
	check(
		step,
		posts(dump).length === 1 && posts(dump)[0].status === 400,
		'the re-run sends only the item that failed',
		posts(dump).map((r) => r.status),
	);
	check(
		step,
		dump.requests.filter((r) => r.method === 'GET' && r.path === '/calendars/events').length === 2,
		'Duplicate Check: one GET per calendar and day (two days)',
		dump.requests.map((r) => `${r.method} ${r.path}`),
	);
	check(
		step,
		JSON.stringify(booked(dump)) === JSON.stringify(['rerun-first', 'rerun-third']),
		'nothing is booked twice',
		booked(dump),
	);
	check(
		step,
		!/Other items of this run were created/.test(error.description ?? ''),
		'the re-run created nothing, and its error does not claim it did',
		error.description,
	);
}

/** Step "run re-run with Duplicate Check": the partial failure, then the re-run. */
export async function rerunScenario(run: MajorRun): Promise<void> {
	await step('run re-run with Duplicate Check', async () => {
		const s = 'run re-run with Duplicate Check';
		const first = await run.execute(s, RERUN_WORKFLOW_ID, { expectNodeError: true });
		checkFirstRun(s, first, await run.takeDump());
		const again = await run.execute(s, RERUN_WORKFLOW_ID, { expectNodeError: true });
		checkSecondRun(s, again, await run.takeDump());
	});
}
