/**
 * Runs a node inside n8n's real execution engine (n8n-core's WorkflowExecute and RoutingNode),
 * the way n8n runs a declarative node, without an n8n server. HTTP goes out for real.
 * What is stubbed here is n8n's own environment (credential storage, lifecycle hooks), never our code.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

// n8n-core reads these when it is first imported. Under jest the user folder goes into the run's
// own temp folder, which jest's globalTeardown removes (test/jest/); elsewhere (the demo, the bench)
// it is removed when the process exits.
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = fs.mkdtempSync(path.join(process.env.HLC_TEST_TMP ?? os.tmpdir(), 'n8n-hlc-'));
	process.env.N8N_USER_FOLDER = userFolder;
	process.on('exit', () => fs.rmSync(userFolder, { recursive: true, force: true }));
}
process.env.N8N_LOG_LEVEL ??= 'silent';

import {
	DirectoryLoader,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
	type ExecuteContext,
} from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type INodeParameters,
} from 'n8n-workflow';

/**
 * Like n8n's server NodeTypes: a declarative node without `methods` gets an `execute` that runs
 * RoutingNode with the node's full context (including the execution's cancel signal); one with
 * `methods` (list searches) is run by WorkflowExecute's own declarative path, which passes none.
 */
function asServerLoadsIt(nodeType: INodeType): INodeType {
	// The loader adds n8n's own "Request Options" (batching, proxy, timeout) to declarative nodes.
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	const declarative = nodeType.description.requestDefaults !== undefined;
	if (!declarative || nodeType.execute || nodeType.poll || nodeType.trigger || nodeType.methods)
		return nodeType;
	return {
		...nodeType,
		async execute(this: IExecuteFunctions) {
			return (await new RoutingNode(this as unknown as ExecuteContext, nodeType).runNode()) ?? [];
		},
	} as INodeType;
}

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType>;
	constructor(types: Record<string, INodeType>) {
		this.types = Object.fromEntries(
			Object.entries(types).map(([name, type]) => [name, asServerLoadsIt(type)]),
		);
	}
	getByName(name: string): INodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}
	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name);
	}
	getKnownTypes() {
		return {};
	}
}

/**
 * n8n's CredentialsHelper lives in the n8n server package. This one stores decrypted credentials in
 * memory and applies a credential type's `authenticate` block the way the server does: every key and
 * value is an n8n expression resolved with `$credentials`.
 */
class InMemoryCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	/** An OAuth2 credential type extends n8n's oAuth2Api, which is how n8n-core knows to sign with it. */
	getParentTypes(type: string): string[] {
		return this.credentialTypes[type]?.extends ?? [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value as string,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		for (const [outerKey, entries] of Object.entries(authenticate.properties) as Array<
			[string, IDataObject]
		>) {
			const target = ((requestOptions as unknown as IDataObject)[outerKey] ??= {}) as IDataObject;
			for (const [key, value] of Object.entries(entries)) {
				target[resolve(key) as string] = resolve(value) as unknown as IDataObject;
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	getOAuth2Options() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used by declarative nodes');
	}
	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credential of type ${type}`);
		// Like n8n's database: every read is a fresh copy, and a write is seen by later reads.
		return structuredClone(data);
	}
	/**
	 * n8n 2.x stores a refreshed OAuth2 token here (1.x calls updateCredentials). The test's own
	 * credentials object is the store: a test reads back what a refresh wrote, and passes it on to
	 * the next run as n8n would read it.
	 */
	async updateCredentialsOauthTokenData(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.data[type].oauthTokenData = structuredClone(data.oauthTokenData);
	}
	async updateCredentials(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		Object.assign(this.data[type], structuredClone(data));
	}
	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes[type]?.properties ?? [];
	}
	isCredentialUsableByNode() {
		return true;
	}
}

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

export function createAdditionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper: new InMemoryCredentialsHelper(
			{ [credentialType.name]: credentialType },
			{ [credentialType.name]: credentials },
		),
		currentNodeParameters: undefined,
		executionId: 'exec-test',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		async executeWorkflow() {
			throw new Error('sub-workflows are not used here');
		},
		async getRunExecutionData() {
			return undefined;
		},
		logAiEvent() {},
		setExecutionStatus() {},
		sendDataToUI() {},
	} as unknown as IWorkflowExecuteAdditionalData;
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

/**
 * Runs a credential's `test` request the way n8n's server does: as a declarative node whose
 * requestDefaults are the test request, authenticated with the credential. OK means no error.
 */
export async function testCredential(
	credentialType: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const request = credentialType.test?.request;
	if (!request) throw new Error(`${credentialType.name} has no test request`);
	const testNodeType: INodeType = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: request,
			properties: [],
		},
	} as unknown as INodeType;
	const { error } = await runNode({
		nodeType: testNodeType,
		credentialType,
		credentials,
		parameters: {},
	});
	if (!error) return { status: 'OK', message: 'Connection tested successfully' };
	// As n8n's server does: a responseCode rule of the credential names the problem.
	for (const rule of credentialType.test?.rules ?? []) {
		if (rule.type === 'responseCode' && String(rule.properties.value) === String(error.httpCode)) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'Error', message: error.message };
}

/**
 * Runs one of the node's list searches (a picker's "From List") the way the editor asks n8n for it:
 * through n8n-core's LoadOptionsContext, with the node's current parameters.
 */
export async function runListSearch(options: {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	method: string;
	parameters?: INodeParameters;
	filter?: string;
	paginationToken?: string;
}): Promise<INodeListSearchResult> {
	const { nodeType, credentialType } = options;
	const typeName = `CUSTOM.${nodeType.description.name}`;
	const node: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'HighLevel sandbox' } },
	};
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes({ [typeName]: nodeType }),
	});
	const additionalData = createAdditionalData(undefined, credentialType, options.credentials);
	// The editor sends the node's current parameters with every list search (a picker may read
	// another field, e.g. the Resource Type of a room or equipment).
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const search = nodeType.methods?.listSearch?.[options.method];
	if (!search) throw new Error(`No list search ${options.method}`);
	return await search.call(context, options.filter, options.paginationToken);
}
