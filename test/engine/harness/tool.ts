/**
 * Runs our node as an AI agent's tool inside n8n's real engine: a small caller node (standing in
 * for the AI Agent or the MCP Server Trigger, which is n8n's code, not ours) asks n8n-core for the
 * tools on its `ai_tool` input; n8n-core's getInputConnectionData and createNodeAsTool wrap our
 * node's tool variant, and each call runs it through makeHandleToolInvocation, RoutingNode and our
 * hooks, as in a real n8n. What n8n's server adds is imitated in toolVariant below.
 */
import { DirectoryLoader, RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
} from 'n8n-workflow';
import { executeWorkflow } from './harness';

/**
 * The tool variant n8n's server runs for a node with `usableAsTool` (n8n 2.40,
 * packages/cli/src/node-types.ts, getByNameAndVersion): the node's own description (the
 * replacements reach only the editor's copy), the name suffixed `Tool`, its Tool Description
 * parameters, no inputs, an `ai_tool` output, and an `execute` that runs RoutingNode.
 */
export function toolVariant(nodeType: INodeType): INodeType {
	const { usableAsTool } = nodeType.description;
	if (!usableAsTool) throw new Error(`${nodeType.description.name} is not usable as a tool`);
	const description = {
		...nodeType.description,
		properties: [...nodeType.description.properties],
	};
	// n8n's "Tool Description" choice and the manual text, which starts as the node's description.
	description.properties.unshift(
		{
			displayName: 'Tool Description',
			name: 'descriptionType',
			type: 'options',
			options: [
				{ name: 'Set Automatically', value: 'auto' },
				{ name: 'Set Manually', value: 'manual' },
			],
			default: 'auto',
		},
		{
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			default: description.description,
			displayOptions: { show: { descriptionType: ['manual'] } },
		},
	);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = ['ai_tool'];
	delete description.usableAsTool;
	const variant = { ...nodeType, description } as INodeType;
	DirectoryLoader.applyDeclarativeNodeOptionParameters(variant);
	variant.execute = async function (this: IExecuteFunctions) {
		return (await new RoutingNode(this as unknown as ExecuteContext, variant).runNode()) ?? [];
	};
	return variant;
}

export interface ToolCall {
	/** What the model passed (the `$fromAI()` keys). */
	args: IDataObject;
}

export interface ToolCallResult {
	toolName: string;
	toolDescription: string;
	/** The tool's answer, parsed from the JSON n8n gives the model. */
	response?: unknown;
	/** The message of the error n8n hands the model instead. */
	error?: string;
}

/** The stand-in for the agent: one tool call per input item, its args the item's json. */
const toolCaller: INodeType = {
	description: {
		displayName: 'Tool caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: {},
		inputs: ['main', { type: 'ai_tool', displayName: 'Tool', required: true, maxConnections: 1 }],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions) {
		const tool = (await this.getInputConnectionData('ai_tool', 0)) as {
			name: string;
			description: string;
			invoke(args: IDataObject): Promise<string>;
		};
		const results: INodeExecutionData[] = [];
		for (const item of this.getInputData()) {
			const result: IDataObject = { toolName: tool.name, toolDescription: tool.description };
			try {
				result.response = JSON.parse(await tool.invoke(item.json)) as IDataObject;
			} catch (error) {
				result.error = (error as Error).message;
			}
			results.push({ json: result });
		}
		return [results];
	},
} as unknown as INodeType;

export const TOOL_NODE_NAME = 'Book in HighLevel';

/** Connects the tool variant of `nodeType` (with `parameters`) to the caller and makes the calls. */
export async function runAsTool(options: {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	parameters: INodeParameters;
	calls: ToolCall[];
	timezone?: string;
}): Promise<{ calls: ToolCallResult[]; run: IRun }> {
	const variant = toolVariant(options.nodeType);
	const toolType = `CUSTOM.${variant.description.name}`;
	const nodes: INode[] = [
		{
			id: 'caller',
			name: 'Agent',
			type: 'CUSTOM.toolCaller',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'tool',
			name: TOOL_NODE_NAME,
			type: toolType,
			typeVersion: 1,
			position: [0, 200],
			parameters: options.parameters,
			credentials: { [options.credentialType.name]: { id: 'cred-1', name: 'HighLevel sandbox' } },
		},
	];
	const connections = {
		[TOOL_NODE_NAME]: { ai_tool: [[{ node: 'Agent', type: 'ai_tool' as const, index: 0 }]] },
	};
	const run = await executeWorkflow({
		id: 'wf-tool',
		nodes,
		connections,
		nodeTypes: { [toolType]: variant, 'CUSTOM.toolCaller': toolCaller },
		timezone: options.timezone,
		credentialType: options.credentialType,
		credentials: options.credentials,
		items: options.calls.map((call) => call.args),
	});
	const runError = run.data.resultData.error;
	if (runError) throw runError;
	const items = run.data.resultData.runData.Agent?.[0]?.data?.main?.[0] ?? [];
	return { calls: items.map((item) => item.json as unknown as ToolCallResult), run };
}
