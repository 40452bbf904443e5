// The MCP client side of the MCP scenario (mcp.ts): connect to n8n's MCP Server Trigger with
// @modelcontextprotocol/sdk's Streamable HTTP transport, wait until it serves every tool, check
// the listing against the workflow (mcpWorkflow.ts) and the built node, and call a tool, taking
// what the sandbox received for the call.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { check, StepError } from '../checks';
import { sleep } from '../processes';
import type { Json, MajorRun, SandboxDump } from './major';
import {
	builtDescription,
	expectedDescription,
	toolName,
	TOOLS,
	type ToolSpec,
} from './mcpWorkflow';

const S = 'mcp';
/** How long the MCP endpoint may take to serve the tools after n8n's REST API is up. */
const ENDPOINT_WAIT_MS = 120_000;

export type ToolResult = Awaited<ReturnType<Client['callTool']>>;

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

/** Waits until the endpoint answers tools/list with every tool; returns the connected client. */
export async function waitForTools(url: string, stopped: () => boolean) {
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
		if (stopped()) throw new StepError(S, `n8n exited or the run ran out of time: ${last}`);
		if (Date.now() > deadline)
			throw new StepError(S, `${url} did not serve every tool within 120s: ${last}`);
		await sleep(500);
	}
}

/** The listed tools against the workflow: descriptions from dist/, schemas from $fromAI(). */
export function checkListing(
	tools: Array<{ name: string; description?: string; inputSchema: Json }>,
) {
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
			`${toolName(tool)}: description "${expected.slice(0, 60)}..." (${tool.manual ? "Set Manually: the node's description" : "the built node's action"})`,
			listed?.description,
		);
		const schema = listed?.inputSchema ?? {};
		const properties = (schema.properties ?? {}) as Record<string, Json>;
		const want = Object.fromEntries(tool.ai.map((p) => [p.key, p]));
		// Each property as "key: type: description", in key order (the order is not part of it).
		const shape = Object.entries(properties)
			.map(([key, p]) => `${key}: ${p.type}: ${p.description}`)
			.sort();
		const wanted = tool.ai.map((p) => `${p.key}: ${p.type}: ${p.description}`).sort();
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

/** A tool call may wait for n8n's first run of a node on a loaded machine: far above the SDK's 60 s. */
const CALL_TIMEOUT_MS = 180_000;

/** Calls a tool, logs the answer, and returns it with what the sandbox received for it. */
export async function call(run: MajorRun, client: Client, tool: ToolSpec, args: Json) {
	const result = await client.callTool({ name: toolName(tool), arguments: args }, undefined, {
		timeout: CALL_TIMEOUT_MS,
	});
	const text = resultText(result);
	const dump: SandboxDump = await run.takeDump();
	console.log(
		`  ${toolName(tool)}(${JSON.stringify(args)}): ${result.isError ? 'isError, ' : ''}${text.slice(0, 300)}`,
	);
	for (const r of dump.requests) console.log(`    sandbox: ${r.method} ${r.path} -> ${r.status}`);
	return { result, text, items: items(text), requests: dump.requests, dump };
}

/** A successful tool result is the node's output items as JSON; anything else gives []. */
function items(text: string): Json[] {
	try {
		const parsed = JSON.parse(text);
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		return [];
	}
}
