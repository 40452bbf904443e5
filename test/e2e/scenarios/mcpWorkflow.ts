// The MCP scenario's workflow and what its client expects of it: n8n's MCP Server Trigger with a
// fixed path, and five tool nodes of the package's tool variant attached to it through `ai_tool`.
// Every value the model would fill is a $fromAI() expression; the rest is fixed in the workflow.
// The expected tool descriptions are computed from the built node in dist/ at test time, by the
// rule n8n applies ("Set Automatically"): the operation's `action` + " in " + the node's default
// name; so a rewording of an action changes the expectation with it.
import * as path from 'node:path';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { CRED_TYPE, PACKAGE } from '../n8nSetup';
import { ROOT } from '../processes';
import type { Json } from './major';

export const MCP_WORKFLOW_ID = 'hlcE2eMcpServer1';
export const MCP_PATH = 'hlc-e2e-mcp';
/** The type n8n gives the tool variant of a node with `usableAsTool`: `<package>.<name>Tool`. */
export const TOOL_TYPE = `${PACKAGE}.highLevelCalendarTool`;
export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';

/** A $fromAI() parameter: what the tool's input schema must list. */
export interface AiParameter {
	key: string;
	description: string;
	type: 'string' | 'number' | 'boolean';
}

export interface ToolSpec {
	/** The node's name; the tool's name is it with every run of other characters made '_'. */
	node: string;
	resource: string;
	operation: string;
	parameters: Json;
	/** The $fromAI() parameters, in the order they appear. */
	ai: AiParameter[];
	/**
	 * "Set Manually" with the description left at its default, as the editor saves it (no parameter):
	 * the node's own description, which the README tells builders to start from.
	 */
	manual?: true;
}

const fromAi = (p: AiParameter) => `={{ $fromAI('${p.key}', '${p.description}', '${p.type}') }}`;
const byId = (p: AiParameter) => ({ __rl: true, mode: 'id', value: fromAi(p) });

const CALENDAR: AiParameter = {
	key: 'calendarId',
	description: 'ID of the HighLevel calendar',
	type: 'string',
};

const FREE_FROM: AiParameter = {
	key: 'startDate',
	description: 'Start of the window, ISO 8601 with an offset',
	type: 'string',
};
const FREE_TO: AiParameter = {
	key: 'endDate',
	description: 'End of the window, ISO 8601 with an offset, at most 31 days after the start',
	type: 'string',
};
const EMAIL: AiParameter = {
	key: 'contactEmail',
	description: 'Email address of the contact to book',
	type: 'string',
};
const START: AiParameter = {
	key: 'startTime',
	description: 'Start of the appointment: a free slot, ISO 8601 with an offset',
	type: 'string',
};
const TITLE: AiParameter = {
	key: 'title',
	description: 'Title of the appointment',
	type: 'string',
};
const DRAFTS: AiParameter = {
	key: 'showDrafted',
	description: 'Whether to include draft calendars',
	type: 'boolean',
};
const APPOINTMENT: AiParameter = {
	key: 'appointmentId',
	description: 'ID of the appointment',
	type: 'string',
};
const STATUS: AiParameter = {
	key: 'status',
	description: 'New status: new, confirmed, cancelled, showed, noshow or invalid',
	type: 'string',
};

const SERVICE_START: AiParameter = {
	key: 'startTime',
	description: 'Start of the service booking, ISO 8601 with an offset',
	type: 'string',
};
const SERVICE_END: AiParameter = {
	key: 'endTime',
	description: 'End of the service booking, ISO 8601 with an offset',
	type: 'string',
};
/** The haircut of the sandbox's services catalog, given by the workflow (SANDBOX_SERVICE_ID). */
export const BOOKED_SERVICE_ID = 'svc_sandbox_001';

/**
 * The five tools: Get Free Slots, Create (contact by email), Get Many calendars, Update status, and
 * a service booking (Calendars API v3) of one service the workflow names, for a contact by email.
 */
export const TOOLS: ToolSpec[] = [
	{
		node: 'Free slots',
		resource: 'calendar',
		operation: 'getFreeSlots',
		parameters: {
			calendarId: byId(CALENDAR),
			startDate: fromAi(FREE_FROM),
			endDate: fromAi(FREE_TO),
			outputFormat: 'slot',
		},
		ai: [CALENDAR, FREE_FROM, FREE_TO],
	},
	{
		node: 'Book appointment',
		resource: 'appointment',
		operation: 'create',
		parameters: {
			calendarId: byId(CALENDAR),
			contactId: { __rl: true, mode: 'email', value: fromAi(EMAIL) },
			startTime: fromAi(START),
			additionalFields: { title: fromAi(TITLE), toNotify: false },
		},
		ai: [CALENDAR, EMAIL, START, TITLE],
	},
	{
		node: 'Calendars',
		resource: 'calendar',
		operation: 'getAll',
		parameters: { filters: { showDrafted: fromAi(DRAFTS) } },
		ai: [DRAFTS],
		manual: true,
	},
	{
		node: 'Set appointment status',
		resource: 'appointment',
		operation: 'update',
		parameters: {
			eventId: fromAi(APPOINTMENT),
			updateFields: { appointmentStatus: fromAi(STATUS), toNotify: false },
		},
		ai: [APPOINTMENT, STATUS],
	},
	{
		node: 'Book service',
		resource: 'serviceBooking',
		operation: 'create',
		parameters: {
			contactId: { __rl: true, mode: 'email', value: fromAi(EMAIL) },
			startTime: fromAi(SERVICE_START),
			endTime: fromAi(SERVICE_END),
			services: {
				service: [{ id: { __rl: true, mode: 'id', value: BOOKED_SERVICE_ID }, addOns: '' }],
			},
		},
		ai: [EMAIL, SERVICE_START, SERVICE_END],
	},
];

/** The tool's name as n8n derives it from the node's name (n8n-workflow's nodeNameToToolName). */
export const toolName = (tool: ToolSpec) => tool.node.replace(/[^a-zA-Z0-9_-]+/g, '_');

/** The node's description as the built package in dist/ declares it (loaded fresh, after the build). */
export function builtDescription(): INodeTypeDescription {
	const file = path.join(ROOT, 'dist', 'nodes', 'HighLevelCalendar', 'HighLevelCalendar.node.js');
	delete require.cache[require.resolve(file)];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HighLevelCalendar } = require(file);
	return new HighLevelCalendar().description;
}

/**
 * The description n8n gives a tool left on "Set Automatically" (n8n-workflow's makeDescription, as
 * n8n 2.40's createNodeAsTool calls it): the operation's action + " in " + the node's default name.
 * At run time n8n builds the tool variant from the node's own description (`usableAsTool`
 * replacements only change what the editor lists), so the built description is all it takes.
 */
export function expectedDescription(described: INodeTypeDescription, tool: ToolSpec): string {
	if (tool.manual) return described.description;
	const operationProperty = described.properties.find(
		(p: INodeProperties) =>
			p.name === 'operation' &&
			(p.displayOptions?.show?.resource as string[] | undefined)?.includes(tool.resource),
	);
	const option = (operationProperty?.options as Array<{ value: string; action?: string }>)?.find(
		(o) => o.value === tool.operation,
	);
	if (!option?.action)
		throw new Error(`the built node has no action for ${tool.resource} ${tool.operation}`);
	return `${option.action} in ${described.defaults.name}`;
}

/** The workflow: the MCP Server Trigger and the five tools, each with the sandbox credential. */
export function mcpWorkflow(credential: { id: string; name: string }): Json {
	const tools = TOOLS.map((tool, i) => ({
		id: `${MCP_WORKFLOW_ID}-tool-${i}`,
		name: tool.node,
		type: TOOL_TYPE,
		typeVersion: 1,
		position: [i * 220, 240],
		parameters: {
			descriptionType: tool.manual ? 'manual' : 'auto',
			resource: tool.resource,
			operation: tool.operation,
			...tool.parameters,
		},
		credentials: { [CRED_TYPE]: credential },
	}));
	return {
		id: MCP_WORKFLOW_ID,
		name: 'e2e: the HighLevel Calendar tools over MCP',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: `${MCP_WORKFLOW_ID}-trigger`,
				name: 'MCP Server Trigger',
				type: MCP_TRIGGER_TYPE,
				typeVersion: 2,
				position: [300, 0],
				webhookId: '0b7e3a52-4f0c-4a8e-9d57-6b1f3c2e8a41',
				parameters: { authentication: 'none', path: MCP_PATH },
			},
			...tools,
		],
		connections: Object.fromEntries(
			TOOLS.map((tool) => [
				tool.node,
				{ ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] },
			]),
		),
	};
}
