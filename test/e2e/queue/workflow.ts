// The queue-mode run's workflow and what it is called with: Webhook (production URL, answering at
// once) -> Execution Data ("Record worker": saves which worker runs it into the execution's record)
// -> Split Out (the call's 500 items) -> HighLevel Calendar, Appointment: Create (each title unique
// per call, so a duplicate shows; free-slot validation off and distinct start times, so no slot
// ever conflicts; Duplicate Check off: every item is one create). And the import into the shared
// database: credential, workflow, published (active on main's next start).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
} from '../../sandbox';
import { step } from '../checks';
import { CRED_TYPE, NODE_TYPE } from '../n8nSetup';
import type { Json, Sandbox } from '../scenarios/major';
import type { ClusterSetup } from './cluster';

export const WORKFLOW_ID = 'hlcQueueE2e00001';
export const WEBHOOK_PATH = 'hlc-queue-e2e';
export const CREATE_NODE = 'Create appointments';
export const CRED = { id: 'hlcQueueCred0001', name: 'HighLevel Calendar account' };
export const ITEMS_PER_RUN = 500;
export const RUNS = ['a', 'b'] as const;
/**
 * A workflow whose nodes run one after the other, in the order given, 220 px apart; each node's id
 * is the workflow's and its position. The queue scenarios' workflows are all such chains.
 */
export function linearWorkflow(id: string, name: string, nodes: Json[]): Json {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: Object.fromEntries(
			nodes
				.slice(0, -1)
				.map((from, i) => [
					from.name,
					{ main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] },
				]),
		),
		nodes: nodes.map((node, i) => ({ id: `${id}-${i * 220}`, position: [i * 220, 0], ...node })),
	};
}

/** A node of the package's with the queue scenarios' credential. */
export const withCredential = (node: Json): Json => ({
	...node,
	credentials: { [CRED_TYPE]: CRED },
});

/** The worker that ran the execution (and `key` from `value`), saved as custom data. */
export const recordWorker = (key: string, value: string): Json => ({
	name: 'Record worker',
	type: 'n8n-nodes-base.executionData',
	typeVersion: 1.1,
	parameters: {
		dataToSave: {
			values: [
				{ key: 'worker', value: '={{ $env.HLC_E2E_WORKER }}' },
				{ key, value },
			],
		},
	},
});

function workflow(): Json {
	return linearWorkflow(WORKFLOW_ID, 'e2e queue mode: 500 creates per call', [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			parameters: {
				httpMethod: 'POST',
				path: WEBHOOK_PATH,
				responseMode: 'onReceived',
				options: {},
			},
			webhookId: '5f0c6c1e-7a51-4d8e-9a39-2c1f0e6b9a15',
		},
		recordWorker('run', '={{ $json.body.run }}'),
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'body.items' },
		},
		withCredential({
			name: CREATE_NODE,
			type: NODE_TYPE,
			typeVersion: 1,
			parameters: {
				resource: 'appointment',
				operation: 'create',
				calendarId: { __rl: true, mode: 'id', value: SANDBOX_CALENDAR_ID },
				contactId: { __rl: true, mode: 'id', value: SANDBOX_CONTACT_ID },
				startTime: '={{ $json.start }}',
				additionalFields: {
					title: '={{ $json.title }}',
					ignoreFreeSlotValidation: true,
					toNotify: false,
				},
			},
		}),
	]);
}

/** Each run's titles (unique per run, so duplicates show) and distinct start times. */
export function runItems(key: string, index: number) {
	return Array.from({ length: ITEMS_PER_RUN }, (_, i) => ({
		title: `queue-${key}-${i}`,
		start: new Date(Date.UTC(2036, 0, 1) + (index * ITEMS_PER_RUN + i) * 1_800_000).toISOString(),
	}));
}

/**
 * Step import: the credential and the workflow (and `more` workflows) into the shared database,
 * then each published (active).
 */
export async function importScenario(
	setup: ClusterSetup,
	sandbox: Sandbox,
	more: Json[] = [],
): Promise<void> {
	await step('import', async () => {
		const { main } = setup;
		const creds = path.join(main.work, 'creds.json');
		const wf = path.join(main.work, 'workflow.json');
		const data = {
			accessToken: SANDBOX_TOKEN,
			locationId: SANDBOX_LOCATION_ID,
			baseUrl: sandbox.baseUrl,
		};
		fs.writeFileSync(creds, JSON.stringify([{ ...CRED, type: CRED_TYPE, data }]));
		const workflows = [workflow(), ...more];
		fs.writeFileSync(wf, JSON.stringify(workflows));
		for (const args of [
			['import:credentials', `--input=${creds}`],
			['import:workflow', `--input=${wf}`],
			...workflows.map(({ id }) => ['publish:workflow', `--id=${id}`]),
		]) {
			const r = await main.n8n('import', args, 300_000);
			console.log(`  n8n ${args[0]}: ${r.seconds.toFixed(1)}s`);
		}
	});
}
