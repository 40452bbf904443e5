// The node as tools over MCP in a real n8n: a workflow with n8n's MCP Server Trigger and five tool
// nodes of the package's tool variant (mcpWorkflow.ts), published with `n8n publish:workflow`, then
// `n8n start`. An MCP client (mcpClient.ts) (@modelcontextprotocol/sdk, no model) lists the tools, checks their
// descriptions against the built node's and their input schemas against the $fromAI() parameters,
// and calls each: free slots, a booking for a contact given by email, the calendars, a status
// change, a service booking; and three refusals that must come back as tool results naming the problem, with no
// write reaching the sandbox. A node that fails throws out of n8n's tool; the MCP Server Trigger
// turns that into a tool result with `isError: true` and one text part: in 2.40.7 and 2.41.1
// "NodeOperationError: <message>\n\nDetails: <description>", in 1.123.81 "Error: <message>".
// Runs on both majors (1.x activates with `update:workflow --active=true`). Every wait is for a
// condition, with a deadline.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SANDBOX_CALENDAR_2_ID, SANDBOX_CALENDAR_ID } from '../../sandbox';
import { check, currentTally, step } from '../checks';
import { freePort, stopChild } from '../processes';
import { GOOD_CRED_ID, startN8n, type Json, type MajorRun, type SandboxDump } from './major';
import { call, checkListing, type ToolResult, waitForTools } from './mcpClient';
import { BOOKED_SERVICE_ID, MCP_PATH, MCP_WORKFLOW_ID, mcpWorkflow, TOOLS } from './mcpWorkflow';

const S = 'mcp';
/** A day with free slots on the sandbox calendar (a Monday; New York is at -05:00). */
const DAY = { from: '2030-02-04T00:00:00-05:00', to: '2030-02-05T00:00:00-05:00' };
/** Avery Johnson, a sandbox contact, and the id the node must find for the address. */
const CONTACT = { email: 'avery.johnson@example.com', id: 'con_sandbox_002' };
const OTHER_CONTACT = 'blake.jackson@example.com';
const NO_CONTACT = 'nobody.here@example.com';
const APPOINTMENTS = '/calendars/events/appointments';

export async function mcpScenario(run: MajorRun): Promise<void> {
	await step('mcp-import', async () => {
		const file = path.join(run.work, 'mcp-workflow.json');
		const credential = { id: GOOD_CRED_ID, name: 'HighLevel Calendar account' };
		fs.writeFileSync(file, JSON.stringify([mcpWorkflow(credential)], null, 2));
		await run.n8n('mcp-import', ['import:workflow', `--input=${file}`], 180_000);
		// 2.x publishes a workflow's version to activate it; 1.x sets it active.
		const activate =
			run.major === 2
				? ['publish:workflow', `--id=${MCP_WORKFLOW_ID}`]
				: ['update:workflow', `--id=${MCP_WORKFLOW_ID}`, '--active=true'];
		await run.n8n('mcp-import', activate, 180_000);
	});
	const port = await freePort();
	const n8n = await step('mcp-start', () => startN8n(run, 'mcp-start', port, 'mcp'));
	let client: Client | undefined;
	try {
		const url = `${n8n.base}/mcp/${MCP_PATH}`;
		const listed = await step('mcp-list-tools', () =>
			waitForTools(url, () => n8n.child.exitCode !== null || currentTally().aborted),
		);
		client = listed.client;
		console.log(`  ${url}: ${listed.tools.map((t) => t.name).join(', ')}`);
		checkListing(listed.tools as Array<{ name: string; description?: string; inputSchema: Json }>);
		await run.takeDump(); // what the sandbox receives from here on is the calls'
		await callTools(run, client);
	} finally {
		await client?.close().catch(() => undefined);
		await stopChild(n8n.child);
	}
}

async function callTools(run: MajorRun, client: Client): Promise<void> {
	const [freeSlots, book, calendars, setStatus, bookService] = TOOLS;
	const creates = (requests: SandboxDump['requests']) =>
		requests.filter((r) => r.method === 'POST' && r.path === APPOINTMENTS);

	// Free slots on the sandbox calendar: the first one is what gets booked.
	const slots = await step('mcp-free-slots', () =>
		call(run, client, freeSlots, {
			calendarId: SANDBOX_CALENDAR_ID,
			startDate: DAY.from,
			endDate: DAY.to,
		}),
	);
	const asked = slots.requests.find(
		(r) => r.path === `/calendars/${SANDBOX_CALENDAR_ID}/free-slots`,
	);
	check(
		S,
		!slots.result.isError &&
			slots.items.length > 0 &&
			slots.items.every(
				(slot) =>
					slot.date === DAY.from.slice(0, 10) && Date.parse(slot.end) > Date.parse(slot.start),
			),
		"free slots: the tool returns that day's slots, each with its start and end",
		slots.text.slice(0, 500),
	);
	check(
		S,
		Number(asked?.query.startDate) === Date.parse(DAY.from) &&
			Number(asked?.query.endDate) === Date.parse(DAY.to),
		'free slots: the sandbox was asked for that day (epoch ms)',
		asked?.query,
	);
	const slot = String(slots.items[0]?.start ?? `${DAY.from.slice(0, 10)}T09:00:00-05:00`);

	// A booking for a contact given by email.
	const booked = await step('mcp-book', () =>
		call(run, client, book, {
			calendarId: SANDBOX_CALENDAR_ID,
			contactEmail: CONTACT.email,
			startTime: slot,
			title: 'Booked over MCP',
		}),
	);
	const [create] = creates(booked.requests);
	const id = String(create?.response?.id ?? '');
	check(
		S,
		creates(booked.requests).length === 1,
		'book: one create reached the sandbox',
		booked.requests.map((r) => `${r.method} ${r.path}`),
	);
	check(
		S,
		create?.body?.calendarId === SANDBOX_CALENDAR_ID &&
			create?.body?.contactId === CONTACT.id &&
			/[+-]\d{2}:\d{2}$/.test(String(create?.body?.startTime)) &&
			Date.parse(create?.body?.startTime) === Date.parse(slot),
		`book: calendarId, the contact found for ${CONTACT.email} (${CONTACT.id}), startTime ${slot} with its offset`,
		create?.body,
	);
	check(S, create?.status === 200 && id !== '', 'book: the sandbox booked it', create?.status);
	check(
		S,
		!booked.result.isError && booked.items.length === 1 && booked.items[0].id === id,
		'book: the tool result is the appointment, with its id',
		booked.text.slice(0, 500),
	);
	const statusBefore = booked.items[0]?.appointmentStatus;

	// Refusals come back as tool results, and nothing is written.
	const taken = await step('mcp-book-taken-slot', () =>
		call(run, client, book, {
			calendarId: SANDBOX_CALENDAR_ID,
			contactEmail: OTHER_CONTACT,
			startTime: slot,
			title: 'Same slot again',
		}),
	);
	checkRefusal('taken slot', taken, /no longer available/i);
	check(
		S,
		creates(taken.requests).every((r) => r.status === 400) && taken.dump.applied.length === 0,
		'taken slot: the sandbox refused the create (400) and booked nothing',
		creates(taken.requests).map((r) => r.status),
	);
	const unknown = await step('mcp-book-unknown-email', () =>
		call(run, client, book, {
			calendarId: SANDBOX_CALENDAR_ID,
			contactEmail: NO_CONTACT,
			startTime: slot,
			title: 'Nobody',
		}),
	);
	checkRefusal('unknown email', unknown, /"nobody\.here@example\.com" matches no contact/);
	check(
		S,
		creates(unknown.requests).length === 0 && unknown.dump.applied.length === 0,
		'unknown email: no create reached the sandbox (only the contact look-up)',
		unknown.requests.map((r) => `${r.method} ${r.path}`),
	);

	// The calendars.
	const listed = await step('mcp-calendars', () =>
		call(run, client, calendars, { showDrafted: true }),
	);
	const list = listed.requests.find((r) => r.method === 'GET' && r.path === '/calendars/');
	const listedIds = listed.items.map((c) => c.id).sort();
	check(
		S,
		!listed.result.isError &&
			JSON.stringify(listedIds) ===
				JSON.stringify([SANDBOX_CALENDAR_ID, SANDBOX_CALENDAR_2_ID].sort()),
		'calendars: the tool result lists the two sandbox calendars',
		listedIds,
	);
	check(
		S,
		String(list?.query.showDrafted) === 'true',
		'calendars: showDrafted reached the sandbox',
		list?.query,
	);

	// The status changes (HighLevel books as confirmed: the change is to cancelled); then a status
	// that does not exist.
	const updated = await step('mcp-set-status', () =>
		call(run, client, setStatus, { appointmentId: id, status: 'cancelled' }),
	);
	const put = updated.requests.find(
		(r) => r.method === 'PUT' && r.path === `${APPOINTMENTS}/${id}`,
	);
	check(
		S,
		statusBefore !== 'cancelled' &&
			put?.status === 200 &&
			JSON.stringify(put.body) ===
				JSON.stringify({ appointmentStatus: 'cancelled', toNotify: false }),
		`status: the sandbox got a PUT of appointmentStatus cancelled (was ${statusBefore}), toNotify false`,
		put?.body,
	);
	check(
		S,
		updated.dump.appointments.find((a) => a.id === id)?.appointmentStatus === 'cancelled',
		'status: the appointment is cancelled in the sandbox',
	);
	check(
		S,
		!updated.result.isError &&
			updated.items[0]?.id === id &&
			updated.items[0]?.appointmentStatus === 'cancelled',
		'status: the tool result is the appointment, cancelled',
		updated.text.slice(0, 500),
	);
	const invalid = await step('mcp-set-invalid-status', () =>
		call(run, client, setStatus, { appointmentId: id, status: 'maybe' }),
	);
	checkRefusal(
		'invalid status',
		invalid,
		/Appointment Status \(appointmentStatus\) "maybe" is not an allowed value/,
	);
	check(
		S,
		invalid.requests.length === 0,
		'invalid status: nothing reached the sandbox',
		invalid.requests.map((r) => `${r.method} ${r.path}`),
	);

	// A service booking (Version v3) for a contact given by email.
	const service = { from: '2030-02-06T11:00:00-05:00', to: '2030-02-06T11:45:00-05:00' };
	const bookedService = await step('mcp-book-service', () =>
		call(run, client, bookService, {
			contactEmail: CONTACT.email,
			startTime: service.from,
			endTime: service.to,
		}),
	);
	const post = bookedService.requests.find(
		(r) => r.method === 'POST' && r.path === '/calendars/services/bookings',
	);
	check(
		S,
		post?.status === 201 &&
			post.headers.version === 'v3' &&
			post.body?.contactId === CONTACT.id &&
			post.body?.startTime === service.from &&
			post.body?.endTime === service.to &&
			post.body?.services?.[0]?.id === BOOKED_SERVICE_ID,
		`book service: one POST with Version v3, the contact found for ${CONTACT.email}, the times, the service; booked`,
		{ status: post?.status, version: post?.headers.version, body: post?.body },
	);
	check(
		S,
		!bookedService.result.isError &&
			bookedService.items.length === 1 &&
			bookedService.items[0].bookingId === post?.response?.bookingId,
		'book service: the tool result is the booking, with its bookingId',
		bookedService.text.slice(0, 500),
	);
}

function checkRefusal(what: string, answer: { result: ToolResult; text: string }, names: RegExp) {
	check(
		S,
		names.test(answer.text),
		`${what}: the tool result names the problem (${names})`,
		answer.text,
	);
	check(
		S,
		answer.result.isError === true,
		`${what}: the tool result is marked isError`,
		answer.result,
	);
}
