/**
 * Runs a node inside n8n's real execution engine (n8n-core's WorkflowExecute and RoutingNode),
 * the way n8n runs a declarative node, without an n8n server. HTTP goes out for real.
 * What is stubbed (nodeTypes.ts, additionalData.ts) is n8n's own environment (credential storage,
 * lifecycle hooks), never our code. editorRequests.ts runs what the editor asks n8n for besides a
 * run: a credential test, a list search.
 */
import './n8nEnv';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
	type IRunExecutionData,
	type INodeParameters,
} from 'n8n-workflow';
import { createAdditionalData } from './additionalData';
import { TestNodeTypes } from './nodeTypes';

export interface ChainStep {
	name: string;
	parameters: INodeParameters;
	continueOnFail?: boolean;
}

export interface RunChainOptions {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	/** Nodes of `nodeType`, each fed by the one before it. */
	steps: ChainStep[];
	/** Input items of the first node; one empty item when omitted. */
	items?: IDataObject[];
	/** The workflow's time zone setting. */
	timezone?: string;
	/** Cancels the execution when aborted, as the editor's stop button does. */
	cancelSignal?: AbortSignal;
}

type NodeError = Error & { description?: string; context?: IDataObject; httpCode?: string | null };

export interface NodeRunResult {
	/** Output items of the node (json and, for failed items with Continue On Fail, error). */
	items: INodeExecutionData[];
	/** The node's error when it failed as a whole. */
	error?: NodeError;
}

export interface ChainRunResult {
	nodes: Record<string, NodeRunResult>;
	run: IRun;
}

/** Runs a linear workflow of our node through WorkflowExecute, as n8n runs a manual execution. */
export async function runChain(options: RunChainOptions): Promise<ChainRunResult> {
	const { nodeType, credentialType } = options;
	const typeName = `CUSTOM.${nodeType.description.name}`;
	const nodes: INode[] = options.steps.map((step, index) => ({
		id: `node-${index}`,
		name: step.name,
		type: typeName,
		typeVersion: 1,
		position: [index * 200, 0],
		parameters: step.parameters,
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'HighLevel sandbox' } },
		onError: step.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
	}));
	const connections: IConnections = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[nodes[index - 1].name] = {
			main: [[{ node: nodes[index].name, type: 'main', index: 0 }]],
		};
	}
	const run = await executeWorkflow({
		id: 'wf-test',
		nodes,
		connections,
		nodeTypes: { [typeName]: nodeType },
		timezone: options.timezone,
		credentialType,
		credentials: options.credentials,
		items: options.items ?? [{}],
		cancelSignal: options.cancelSignal,
	});
	const results: Record<string, NodeRunResult> = {};
	for (const node of nodes) {
		const taskData = run.data.resultData.runData[node.name]?.[0];
		if (!taskData) continue;
		results[node.name] = {
			items: taskData.data?.main?.[0] ?? [],
			error: taskData.error as NodeError | undefined,
		};
	}
	return { nodes: results, run };
}

/**
 * Runs a workflow through WorkflowExecute, as n8n runs a manual execution: its first node gets
 * `items`; resolves with the run once n8n reports its end (a cancelled execution never settles its
 * own promise, but reports its end through workflowExecuteAfter).
 */
export async function executeWorkflow(options: {
	id: string;
	nodes: INode[];
	connections: IConnections;
	nodeTypes: Record<string, INodeType>;
	timezone?: string;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	items: IDataObject[];
	cancelSignal?: AbortSignal;
}): Promise<IRun> {
	const { id, nodes, connections } = options;
	const workflow = new Workflow({
		id,
		nodes,
		connections,
		active: false,
		nodeTypes: new TestNodeTypes(options.nodeTypes),
		settings: { timezone: options.timezone ?? 'UTC' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', `exec-${id}`, {
		id,
		nodes,
		connections,
	} as never);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const additionalData = createAdditionalData(hooks, options.credentialType, options.credentials);
	const items = options.items.map((json) => ({ json }));
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: nodes[0], data: { main: [items] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execution = new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	options.cancelSignal?.addEventListener('abort', () => execution.cancel(), { once: true });
	execution.catch(() => {});
	return await finished;
}

export const NODE_NAME = 'HighLevel Calendar';

export interface RunNodeOptions extends Omit<RunChainOptions, 'steps'> {
	parameters: INodeParameters;
	continueOnFail?: boolean;
}

/** Runs one node of our type on the given items. */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult & { run: IRun }> {
	const { parameters, continueOnFail, ...rest } = options;
	const { nodes, run } = await runChain({
		...rest,
		steps: [{ name: NODE_NAME, parameters, continueOnFail }],
	});
	return {
		...(nodes[NODE_NAME] ?? { items: [], error: run.data.resultData.error as NodeError }),
		run,
	};
}
