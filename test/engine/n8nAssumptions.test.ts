/**
 * What the package's run state (docs/run-state.md) assumes about n8n, asserted directly against
 * n8n-core's real RoutingNode, WorkflowExecute, contexts, poll executor and node loader, so an n8n
 * upgrade that breaks an assumption fails here instead of in a workflow. The nodes probed are small
 * declarative and polling nodes written here: they record what n8n hands them and nothing else, so
 * what is asserted is n8n's behaviour, not the package's. Nothing of the package is mocked; the
 * package's own credential type signs the probes' requests, as it signs the node's.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
	ActiveWorkflowTriggers,
	LoadOptionsContext,
	PollContext,
	PollTriggerExecutor,
	ScheduledTaskManager,
} from 'n8n-core';
import {
	NodeOperationError,
	Workflow,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IPollFunctions,
} from 'n8n-workflow';
import { HighLevelCalendarApi } from '../../credentials/HighLevelCalendarApi.credentials';
import { createAdditionalData } from './harness/additionalData';
import { runChain } from './harness/harness';
import { TestNodeTypes } from './harness/nodeTypes';

const ROOT = path.join(__dirname, '..', '..');

/** n8n-core's own DI container: it ships its own copy of @n8n/di, so not the top-level one. */
const Container = (
	require(
		require.resolve('@n8n/di', {
			paths: [path.dirname(require.resolve('n8n-core/package.json'))],
		}),
	) as typeof import('@n8n/di')
).Container;

const credentialType = new HighLevelCalendarApi();
const CREDENTIAL_ID = 'cred-1'; // what the harness puts in each node's `credentials`

/** A server that answers every request `{ "ok": true }`, for the probes that send one. */
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
	server = http.createServer((_request, response) => {
		response.setHeader('Content-Type', 'application/json');
		response.end('{"ok":true}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => await new Promise((resolve) => server.close(resolve)));

const credentials = () => ({ accessToken: 'probe-token', locationId: 'probe-location', baseUrl });

/** What n8n handed one item's hooks. */
interface ItemSeen {
	preSend?: IExecuteSingleFunctions;
	pagination?: IExecutePaginationFunctions;
	postReceive?: IExecuteSingleFunctions;
}

interface ProbeOptions {
	/** The item's pagination hook, after it recorded its context; default: send the request. */
	paginate?: (
		context: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	) => Promise<INodeExecutionData[]>;
}

/**
 * A declarative node shaped like HighLevel Calendar: requestDefaults, one routed property with a
 * preSend and a postReceive hook, `routing.send.paginate`, a pagination function, and list searches
 * (so WorkflowExecute runs it on its own declarative path, as it runs ours).
 */
function probeNode(seen: Record<string, ItemSeen[]>, options: ProbeOptions = {}): INodeType {
	const at = (context: IExecuteSingleFunctions) =>
		((seen[context.getNode().name] ??= [])[context.getItemIndex()] ??= {});
	return {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: 'Records what n8n hands a declarative node',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: { baseURL: 'http://127.0.0.1:9', json: true },
			requestOperations: {
				async pagination(this: IExecutePaginationFunctions, requestData) {
					at(this).pagination = this;
					if (options.paginate) return await options.paginate(this, requestData);
					requestData.options.baseURL = baseUrl;
					return await this.makeRoutingRequest(requestData);
				},
			},
			properties: [
				{
					displayName: 'Path',
					name: 'path',
					type: 'string',
					default: '/probe',
					routing: {
						request: { method: 'GET', url: '=/probe' },
						send: {
							paginate: true,
							preSend: [
								async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
									at(this).preSend = this;
									return request;
								},
							],
						},
						output: {
							postReceive: [
								async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
									at(this).postReceive = this;
									return items;
								},
							],
						},
					},
				},
			],
		},
		methods: { listSearch: { searchNothing: async () => ({ results: [] }) } },
	};
}

const runProbe = async (nodeType: INodeType, steps: string[], items = 3) =>
	await runChain({
		nodeType,
		credentialType,
		credentials: credentials(),
		steps: steps.map((name) => ({ name, parameters: {} })),
		items: Array.from({ length: items }, (_, i) => ({ i })),
	});

describe('an item of a declarative node run (RoutingNode)', () => {
	it("A1: gives an item's preSend and postReceive hooks the same context, and its pagination hook a context whose prototype is that one", async () => {
		// Relied on by transport/pagedList.ts (pagings) and transport/client.ts (answers): what a
		// preSend hook stores under its context, the pagination hook finds under its prototype.
		const seen: Record<string, ItemSeen[]> = {};
		const { nodes } = await runProbe(probeNode(seen), ['Probe']);
		expect(nodes.Probe.error).toBeUndefined();
		expect(seen.Probe).toHaveLength(3);
		for (const item of seen.Probe) {
			expect(item.preSend).toBeDefined();
			expect(item.postReceive).toBe(item.preSend);
			expect(item.pagination).not.toBe(item.preSend);
			expect(Object.getPrototypeOf(item.pagination)).toBe(item.preSend);
		}
		// Each item has its own context.
		expect(new Set(seen.Probe.map((item) => item.preSend)).size).toBe(3);
	});

	it('A2: returns the same getExecuteData() object to every item of one node run, and another to the next node run', async () => {
		// Relied on by helpers/nodeRun.ts, the key of everything kept per node run: the credential
		// (transport/credential.ts), the ledger (transport/runLedger.ts), Duplicate Check's lists
		// (hooks/duplicateCheck.ts), the first OAuth2 request and a refused refresh
		// (transport/oauthRefresh.ts).
		const seen: Record<string, ItemSeen[]> = {};
		const { nodes } = await runProbe(probeNode(seen), ['First', 'Second']);
		expect(nodes.First.error).toBeUndefined();
		expect(nodes.Second.error).toBeUndefined();
		const [first, second] = [seen.First, seen.Second];
		expect(first).toHaveLength(3);
		expect(second).toHaveLength(3);
		const runKey = (item: ItemSeen) => item.pagination!.getExecuteData();
		const firstKeys = new Set(first.map(runKey));
		const secondKeys = new Set(second.map(runKey));
		expect(firstKeys.size).toBe(1);
		expect(secondKeys.size).toBe(1);
		const [firstKey] = firstKeys;
		expect(typeof firstKey).toBe('object');
		expect(secondKeys.has(firstKey)).toBe(false);
		// The pagination context answers with the item's own (it inherits getExecuteData).
		for (const item of first) expect(runKey(item)).toBe(item.preSend!.getExecuteData());
	});

	it("A3: names the stored credential by its id in the node an item's context returns", async () => {
		// Relied on by transport/oauthRefresh.ts (gates) and transport/agency.ts (minted tokens):
		// both are keyed by the credential's id from getNode().credentials.
		const seen: Record<string, ItemSeen[]> = {};
		await runProbe(probeNode(seen), ['Probe'], 1);
		const stored = seen.Probe[0].pagination!.getNode().credentials?.[credentialType.name];
		expect(stored?.id).toBe(CREDENTIAL_ID);
	});

	it("A4: without Continue On Fail, throws the first failing item's error only after every item settled", async () => {
		// Relied on by transport/runLedger.ts: an item's error names what the run's other items
		// created, read when n8n reads the error's description; by then every item has settled.
		let settled = 0;
		const seen: Record<string, ItemSeen[]> = {};
		const probe = probeNode(seen, {
			async paginate(context) {
				const index = context.getItemIndex();
				if (index === 0) {
					const error = new NodeOperationError(context.getNode(), 'item 0 failed', {
						itemIndex: 0,
					});
					Object.defineProperty(error, 'description', {
						configurable: true,
						enumerable: true,
						get: () => `${settled} other items settled`,
						set: () => {},
					});
					throw error;
				}
				// The others end later than item 0 failed.
				await new Promise((resolve) => setImmediate(resolve));
				await new Promise((resolve) => setTimeout(resolve, 20));
				settled++;
				return [{ json: { index } }];
			},
		});
		const { nodes } = await runProbe(probe, ['Probe'], 3);
		expect(nodes.Probe.error?.message).toBe('item 0 failed');
		expect(nodes.Probe.error?.description).toBe('2 other items settled');
		expect(nodes.Probe.items).toEqual([]);
	});
});

describe("a picker's search (LoadOptionsContext)", () => {
	it('A5: has no executeData: a search is no node run, so its own context is the key', () => {
		// Relied on by helpers/nodeRun.ts: what a search reads once (its credential) is kept for that
		// search only.
		const { workflow, node } = workflowWith({ active: false });
		const context = new LoadOptionsContext(
			workflow,
			node,
			createAdditionalData(undefined, credentialType, credentials()),
			'parameters',
		);
		expect(executeDataOf(context)).toBeUndefined();
	});
});

/** What nodeRunOf would take as the run key, were this context an item's: n8n's executeData, if any. */
const executeDataOf = (context: object) =>
	'getExecuteData' in context
		? (context as { getExecuteData(): unknown }).getExecuteData()
		: undefined;

/** A workflow of one probe node, for the contexts that are made outside an execution. */
function workflowWith({
	active,
	staticData = {},
	nodeType = pollingProbe([]),
}: {
	active: boolean;
	staticData?: object;
	nodeType?: INodeType;
}) {
	const node: INode = {
		id: 'probe-node',
		name: 'Probe',
		type: 'CUSTOM.probe',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: CREDENTIAL_ID, name: 'probe' } },
	};
	const workflow = new Workflow({
		id: 'wf-probe',
		nodes: [node],
		connections: {},
		active,
		nodeTypes: new TestNodeTypes({ 'CUSTOM.probe': nodeType }),
		staticData: staticData as never,
	});
	return { workflow, node };
}

/**
 * A polling node that records each poll's context. Polls after the first wait for `hold` when one
 * is given (the first is the activation's); `fail` makes every poll throw.
 */
function pollingProbe(
	polls: IPollFunctions[],
	options: { hold?: Promise<void>; fail?: boolean } = {},
): INodeType {
	return {
		description: {
			displayName: 'Probe Trigger',
			name: 'probeTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Records what n8n hands a polling node',
			defaults: { name: 'Probe Trigger' },
			polling: true,
			inputs: [],
			outputs: ['main'],
			properties: [
				{
					displayName: 'Poll Times',
					name: 'pollTimes',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					options: [
						{
							name: 'item',
							displayName: 'Item',
							values: [{ displayName: 'Mode', name: 'mode', type: 'string', default: '' }],
						},
					],
				},
			],
		},
		async poll(this: IPollFunctions) {
			polls.push(this);
			if (polls.length > 1) await options.hold;
			if (options.fail) throw new NodeOperationError(this.getNode(), 'poll failed');
			return [[{ json: { poll: polls.length } }]];
		},
	};
}

/** Stands in for n8n's cron scheduler (n8n's environment, as the harness's credential store is): ticks on demand. */
class ManualScheduler {
	private ticks: Array<() => void> = [];
	register(_task: unknown, onTick: () => void) {
		this.ticks.push(onTick);
		return true;
	}
	hasTarget() {
		return this.ticks.length > 0;
	}
	getTargetIds() {
		return [];
	}
	deregisterGroup() {
		const had = this.ticks.length > 0;
		this.ticks = [];
		return had;
	}
	getGroupIds() {
		return [];
	}
	tick() {
		for (const onTick of this.ticks) onTick();
	}
}

/** Waits, a few milliseconds at a time, until `done` holds (at most 5 s). */
async function until(done: () => boolean): Promise<void> {
	for (let waited = 0; !done(); waited += 5) {
		if (waited > 5_000) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe("a trigger's polls (PollContext, PollTriggerExecutor)", () => {
	const pollContext = (workflow: Workflow, node: INode, emitted: unknown[] = []) =>
		new PollContext(
			workflow,
			node,
			createAdditionalData(undefined, credentialType, credentials()),
			'trigger',
			'activate',
			(data) => emitted.push(data),
			(error) => emitted.push(error),
		);

	it('A6: has no executeData: the context a poll makes for itself is its run key', () => {
		// Relied on by helpers/nodeRun.ts and the trigger's poll.ts, which makes one context per poll
		// (Object.create of n8n's) so the credential is read once per poll.
		const { workflow, node } = workflowWith({ active: true });
		expect(executeDataOf(pollContext(workflow, node))).toBeUndefined();
	});

	it('A8: runs every poll of an activation with one context, and starts the next poll while one still runs', async () => {
		// Why poll.ts makes a context of its own per poll (n8n's is the activation's), and why it
		// keeps `running`: n8n does not wait for a poll to end before the next tick's.
		const polls: IPollFunctions[] = [];
		let release = () => {};
		const hold = new Promise<void>((resolve) => (release = resolve));
		const { workflow, node } = workflowWith({
			active: true,
			nodeType: pollingProbe(polls, { hold }),
		});
		node.parameters = { pollTimes: { item: [{ mode: 'everyMinute' }] } };
		const scheduler = new ManualScheduler();
		Container.set(ScheduledTaskManager, scheduler as unknown as ScheduledTaskManager);
		const triggers = Container.get(ActiveWorkflowTriggers);
		const additionalData = createAdditionalData(undefined, credentialType, credentials());
		const emitted: unknown[] = [];
		let contextsMade = 0;
		await triggers.addAllTriggers(
			workflow.id,
			workflow,
			additionalData,
			'trigger',
			'activate',
			() => {
				throw new Error('no trigger nodes here');
			},
			(...[wf, pollNode, data, mode, activation]: ConstructorParameters<typeof PollContext>) => {
				contextsMade++;
				return new PollContext(
					wf,
					pollNode,
					data,
					mode,
					activation,
					(items) => emitted.push(items),
					(error) => emitted.push(error),
				);
			},
		);
		try {
			expect(polls).toHaveLength(1); // the activation's poll
			scheduler.tick();
			scheduler.tick();
			// Both ticks' polls have started while neither has ended.
			await until(() => polls.length === 3);
			expect(emitted).toHaveLength(1);
			release();
			await until(() => emitted.length === 3);
			expect(contextsMade).toBe(1);
			expect(polls.every((poll) => poll === polls[0])).toBe(true);
		} finally {
			release();
			await triggers.remove(workflow.id);
		}
	});

	it('A10: reports a poll that throws as an error, never as items', async () => {
		// n8n saves the static data and starts an execution when a poll emits; a failed poll
		// reports an error instead. poll.ts writes its state only after every request succeeded.
		const { workflow, node } = workflowWith({
			active: true,
			nodeType: pollingProbe([], { fail: true }),
		});
		const emitted: unknown[] = [];
		const executePoll = Container.get(PollTriggerExecutor).create(
			workflow,
			node,
			pollContext(workflow, node, emitted),
			() => true,
		);
		await executePoll();
		expect(emitted).toHaveLength(1);
		expect(emitted[0]).toBeInstanceOf(NodeOperationError);
	});

	it("A9: returns the workflow's own static data object to every poll, whatever the context", () => {
		// Relied on by poll.ts: the state it writes is what n8n saves (workflow.staticData), and the
		// object is the key of `running`, the polls of one trigger still under way.
		const { workflow, node } = workflowWith({ active: true, staticData: {} });
		const first = pollContext(workflow, node).getWorkflowStaticData('node');
		const second = pollContext(workflow, node).getWorkflowStaticData('node');
		expect(second).toBe(first);
		first.state = { polledAt: 1 };
		expect(JSON.parse(JSON.stringify(workflow.staticData))).toEqual({
			'node:Probe': { state: { polledAt: 1 } },
		});
	});
});

describe("n8n's loader (PackageDirectoryLoader, as n8n loads a community package)", () => {
	it('A7: loads the nodes through one module cache, so module-level state is one per process', () => {
		// Relied on by transport/pacing/rateLimit.ts (one budget per location for the action node and
		// the trigger), transport/oauthRefresh.ts, transport/agency.ts, and the instant trigger's
		// per-process record of accepted deliveries (memory.ts). n8n loads a class in a vm
		// context whose `require` is its own; outside tests (NODE_ENV=test takes a shortcut) that is
		// the path it takes, so the check runs in a child process with NODE_ENV=production.
		const dist = path.join(ROOT, 'dist', 'nodes');
		if (!fs.existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
		const script = `
			const path = require('node:path');
			const { PackageDirectoryLoader } = require('n8n-core');
			(async () => {
				const root = process.argv[1];
				const loader = new PackageDirectoryLoader(root);
				await loader.loadAll();
				const load = (file, name) => require(path.join(root, 'dist/nodes', file))[name];
				const Action = load('HighLevelCalendar/HighLevelCalendar.node.js', 'HighLevelCalendar');
				const Trigger = load(
					'HighLevelCalendarTrigger/HighLevelCalendarTrigger.node.js',
					'HighLevelCalendarTrigger',
				);
				const Instant = load(
					'HighLevelCalendarInstantTrigger/HighLevelCalendarInstantTrigger.node.js',
					'HighLevelCalendarInstantTrigger',
				);
				process.stdout.write(JSON.stringify({
					action: loader.nodeTypes.highLevelCalendar.type instanceof Action,
					trigger: loader.nodeTypes.highLevelCalendarTrigger.type instanceof Trigger,
					instant: loader.nodeTypes.highLevelCalendarInstantTrigger.type instanceof Instant,
					budgets: Object.keys(require.cache).filter((file) => file.endsWith('pacing/rateLimit.js')).length,
					records: Object.keys(require.cache).filter((file) => file.endsWith('HighLevelCalendarInstantTrigger/memory.js')).length,
				}));
			})().catch((error) => { console.error(error); process.exit(1); });
		`;
		const userFolder = fs.mkdtempSync(path.join(process.env.HLC_TEST_TMP ?? ROOT, 'n8n-loader-'));
		try {
			const out = execFileSync(process.execPath, ['-e', script, ROOT], {
				cwd: ROOT,
				encoding: 'utf8',
				env: {
					...process.env,
					NODE_ENV: 'production',
					N8N_USER_FOLDER: userFolder,
					N8N_LOG_LEVEL: 'silent',
				},
			});
			expect(JSON.parse(out)).toEqual({
				action: true,
				trigger: true,
				instant: true,
				budgets: 1,
				records: 1,
			});
		} finally {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	});
});
