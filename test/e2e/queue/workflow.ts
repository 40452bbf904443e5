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
function workflow(): Json {
	const node = (name: string, type: string, typeVersion: number, parameters: Json, x: number) => ({
		id: `${WORKFLOW_ID}-${x}`,
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
	});
	const chain = ['Webhook', 'Record worker', 'Split Out', CREATE_NODE];
	return {
		id: WORKFLOW_ID,
		name: 'e2e queue mode: 500 creates per call',
		active: false,
		settings: { executionOrder: 'v1' },
		connections: Object.fromEntries(
			chain
				.slice(0, -1)
				.map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
		),
		nodes: [
			{
				...node(
					'Webhook',
					'n8n-nodes-base.webhook',
					2,
					{ httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
					0,
				),
				webhookId: '5f0c6c1e-7a51-4d8e-9a39-2c1f0e6b9a15',
			},
			node(
				'Record worker',
				'n8n-nodes-base.executionData',
				1.1,
				{
					dataToSave: {
						values: [
							{ key: 'worker', value: '={{ $env.HLC_E2E_WORKER }}' },
							{ key: 'run', value: '={{ $json.body.run }}' },
						],
					},
				},
				220,
			),
			node('Split Out', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.items' }, 440),
			{
				...node(
					CREATE_NODE,
					NODE_TYPE,
					1,
					{
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
					660,
				),
				credentials: { [CRED_TYPE]: CRED },
			},
		],
	};
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
