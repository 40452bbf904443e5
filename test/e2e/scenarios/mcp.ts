// The node as tools over MCP in a real n8n: a workflow with n8n's MCP Server Trigger and four tool
// nodes of the package's tool variant (mcpWorkflow.ts), published with `n8n publish:workflow`, then
// `n8n start`. An MCP client (@modelcontextprotocol/sdk, no model) lists the tools, checks their
// descriptions against the built node's and their input schemas against the $fromAI() parameters,
// and calls each: free slots, a booking for a contact given by email, the calendars, a status
// change; and three refusals that must come back as tool results naming the problem, with no
// write reaching the sandbox. Every wait is for a condition, with a deadline.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SANDBOX_CALENDAR_2_ID, SANDBOX_CALENDAR_ID } from '../../sandbox';
import { check, step, StepError } from '../checks';
import { freePort, sleep, stopChild } from '../processes';
import { GOOD_CRED_ID, startN8n, type Json, type MajorRun, type SandboxDump } from './major';
import {
	builtDescription,
	expectedDescription,
	MCP_PATH,
	MCP_WORKFLOW_ID,
	mcpWorkflow,
	toolName,
	TOOLS,
	type ToolSpec,
} from './mcpWorkflow';

const S = 'mcp';
/** How long the MCP endpoint may take to serve the tools after n8n's REST API is up. */
const ENDPOINT_WAIT_MS = 120_000;
/** A day with free slots on the sandbox calendar (a Monday; New York is at -05:00). */
const DAY = { from: '2030-02-04T00:00:00-05:00', to: '2030-02-05T00:00:00-05:00' };
/** Avery Johnson, a sandbox contact, and the id the node must find for the address. */
const CONTACT = { email: 'avery.johnson@example.com', id: 'con_sandbox_002' };
const OTHER_CONTACT = 'blake.jackson@example.com';
const NO_CONTACT = 'nobody.here@example.com';
const APPOINTMENTS = '/calendars/events/appointments';

type ToolResult = Awaited<ReturnType<Client['callTool']>>;

/** The text of a tool result (n8n answers with text content). */
export const resultText = (result: ToolResult): string =>
	((result.content ?? []) as Array<{ type: string; text?: string }>)
		.map((part) => (part.type === 'text' ? (part.text ?? '') : `[${part.type}]`))
		.join('\n');

/** Connects a client to the workflow's MCP endpoint. */
async function connect(url: string): Promise<Client> {
	const client = new Client({ name: 'hlc-e2e', version: '1.0.0' });
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	return client;
}

/** Waits until the endpoint answers tools/list with all four tools; returns the connected client. */
async function waitForTools(url: string, stopped: () => boolean) {
	const deadline = Date.now() + ENDPOINT_WAIT_MS;
	let last = '';
	for (;;) {
		const client = await connect(url).catch((e: Error) => {
			last = e.message;
			return undefined;
		});
		if (client) {
			const listed = await client.listTools().catch((e: Error) => {
				last = e.message;
				return undefined;
			});
			if (listed && TOOLS.every((t) => listed.tools.some((l) => l.name === toolName(t))))
				return { client, tools: listed.tools };
			if (listed) last = `tools listed: ${listed.tools.map((t) => t.name).join(', ')}`;
			await client.close().catch(() => undefined);
		}
		if (stopped()) throw new StepError(S, 'the run ran out of time');
		if (Date.now() > deadline)
			throw new StepError(S, `${url} did not serve the four tools within 120s: ${last}`);
		await sleep(500);
	}
}

/** The listed tools against the workflow: descriptions from dist/, schemas from $fromAI(). */
function checkListing(tools: Array<{ name: string; description?: string; inputSchema: Json }>) {
	const described = builtDescription();
	check(
		S,
		tools.length === TOOLS.length,
		`tools/list: exactly the ${TOOLS.length} tools`,
		tools.map((t) => t.name),
	);
	for (const tool of TOOLS) {
		const listed = tools.find((t) => t.name === toolName(tool));
		const expected = expectedDescription(described, tool);
		check(
			S,
			listed?.description === expected,
			`${toolName(tool)}: description "${expected}" (the built node's action)`,
			listed?.description,
		);
		const schema = listed?.inputSchema ?? {};
		const properties = (schema.properties ?? {}) as Record<string, Json>;
		const want = Object.fromEntries(tool.ai.map((p) => [p.key, p]));
		const shape = Object.fromEntries(
			Object.entries(properties).map(([key, p]) => [key, `${p.type}: ${p.description}`]),
		);
		const wanted = Object.fromEntries(tool.ai.map((p) => [p.key, `${p.type}: ${p.description}`]));
		check(
			S,
			schema.type === 'object' && JSON.stringify(shape) === JSON.stringify(wanted),
			`${toolName(tool)}: input schema has exactly ${Object.keys(want).join(', ')}, with their types and descriptions`,
			schema,
		);
		check(
			S,
			JSON.stringify([...(schema.required ?? [])].sort()) ===
				JSON.stringify(Object.keys(want).sort()),
			`${toolName(tool)}: every $fromAI() parameter is required`,
			schema.required,
		);
	}
}

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
			waitForTools(url, () => n8n.child.exitCode !== null),
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

/** Calls a tool, logs the answer, and returns it with what the sandbox received for it. */
async function call(run: MajorRun, client: Client, tool: ToolSpec, args: Json) {
	const result = await client.callTool({ name: toolName(tool), arguments: args });
	const text = resultText(result);
	const dump: SandboxDump = await run.takeDump();
	console.log(
		`  ${toolName(tool)}(${JSON.stringify(args)}): ${result.isError ? 'isError, ' : ''}${text.slice(0, 300)}`,
	);
	for (const r of dump.requests) console.log(`    sandbox: ${r.method} ${r.path} -> ${r.status}`);
	return { result, text, requests: dump.requests, dump };
}

async function callTools(run: MajorRun, client: Client): Promise<void> {
	const [freeSlots, book, calendars, setStatus] = TOOLS;
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
	const slotStarts = [...slots.text.matchAll(/"start":\s*"([^"]+)"/g)].map((m) => m[1]);
	const asked = slots.requests.find(
		(r) => r.path === `/calendars/${SANDBOX_CALENDAR_ID}/free-slots`,
	);
	check(
		S,
		!slots.result.isError && slotStarts.length > 0,
		'free slots: the tool returns slots',
		slots.text,
	);
	check(
		S,
		Number(asked?.query.startDate) === Date.parse(DAY.from) &&
			Number(asked?.query.endDate) === Date.parse(DAY.to),
		'free slots: the sandbox was asked for that day (epoch ms)',
		asked?.query,
	);
	const slot = slotStarts[0] ?? `${DAY.from.slice(0, 10)}T09:00:00-05:00`;

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
		booked.requests.length,
	);
	check(
		S,
		create?.body?.calendarId === SANDBOX_CALENDAR_ID &&
			create?.body?.contactId === CONTACT.id &&
			/[+-]\d{2}:\d{2}$/.test(String(create?.body?.startTime)) &&
			Date.parse(create?.body?.startTime) === Date.parse(slot),
		`book: calendarId, the contact found for ${CONTACT.email} (${CONTACT.id}), startTime with its offset`,
		create?.body,
	);
	check(
		S,
		create?.status === 201 || create?.status === 200,
		'book: the sandbox booked it',
		create?.status,
	);
	check(
		S,
		!booked.result.isError && id !== '' && booked.text.includes(id),
		'book: the tool result holds the appointment id',
		booked.text,
	);

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
		creates(taken.requests).every((r) => r.status >= 400) && taken.dump.applied.length === 0,
		'taken slot: the sandbox refused the create and booked nothing',
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
	checkRefusal(
		'unknown email',
		unknown,
		new RegExp(`${NO_CONTACT.replace(/\./g, '\\.')}.*matches no contact`),
	);
	check(
		S,
		creates(unknown.requests).length === 0,
		'unknown email: no create reached the sandbox',
		unknown.requests.map((r) => `${r.method} ${r.path}`),
	);

	// The calendars.
	const listed = await step('mcp-calendars', () =>
		call(run, client, calendars, { showDrafted: true }),
	);
	const list = listed.requests.find((r) => r.method === 'GET' && r.path === '/calendars/');
	check(
		S,
		!listed.result.isError &&
			listed.text.includes(SANDBOX_CALENDAR_ID) &&
			listed.text.includes(SANDBOX_CALENDAR_2_ID),
		'calendars: the tool result lists both sandbox calendars',
		listed.text.slice(0, 500),
	);
	check(
		S,
		String(list?.query.showDrafted) === 'true',
		'calendars: showDrafted reached the sandbox',
		list?.query,
	);

	// The status: confirmed; then a status that does not exist.
	const updated = await step('mcp-set-status', () =>
		call(run, client, setStatus, { appointmentId: id, status: 'confirmed' }),
	);
	const put = updated.requests.find(
		(r) => r.method === 'PUT' && r.path === `${APPOINTMENTS}/${id}`,
	);
	check(
		S,
		put?.body?.appointmentStatus === 'confirmed' && put?.status === 200,
		'status: the sandbox got a PUT with appointmentStatus confirmed',
		put?.body,
	);
	check(
		S,
		updated.dump.appointments.find((a) => a.id === id)?.appointmentStatus === 'confirmed',
		'status: the appointment is confirmed in the sandbox',
	);
	check(
		S,
		!updated.result.isError && updated.text.includes('confirmed'),
		'status: the tool result shows it confirmed',
		updated.text.slice(0, 500),
	);
	const invalid = await step('mcp-set-invalid-status', () =>
		call(run, client, setStatus, { appointmentId: id, status: 'maybe' }),
	);
	checkRefusal('invalid status', invalid, /appointmentStatus "maybe" is not an allowed value/);
	check(
		S,
		invalid.requests.every((r) => r.method !== 'PUT'),
		'invalid status: no update reached the sandbox',
		invalid.requests.map((r) => `${r.method} ${r.path}`),
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
