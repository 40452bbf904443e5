// The variants the real-n8n bench compares (bench/real-n8n.ts runs them), the workflow each runs
// in, the generated one-property baseline package, and the appointments the update variants change.
// The package as it was at PREVIOUS_COMMIT is built and installed by real-n8n/previous.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SANDBOX_CALENDAR_ID, SANDBOX_CONTACT_ID, type Sandbox } from '../../test/sandbox';
import { PACKAGE } from '../../test/e2e/n8nSetup';
import { ONE_PROPERTY_CREATE_BODY } from '../fixture';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const ITEMS = 1_000;
export const CRED = { id: 'benchHlcCred0001', name: 'HighLevel sandbox (bench)' };
export const CRED_TYPE = 'highLevelCalendarApi';
export const BASELINE = 'n8n-nodes-bench-baseline';
/**
 * The package before the Calendars API v3 work (the last commit before it): the `previous` variant
 * runs the same Appointment: Create on it, installed beside ours under the name PREVIOUS. Ours must
 * prepare its items within 10% of this one's time (docs/benchmarks.md).
 */
export const PREVIOUS_COMMIT = '5944c1f';
export const PREVIOUS = 'n8n-nodes-bench-previous';
export const API_HEADERS = {
	Accept: 'application/json',
	'Content-Type': 'application/json',
	Version: 'v3',
};

// ---------------------------------------------------------------- the variants
export interface Variant {
	key: string;
	workflowId: string;
	node: (baseUrl: string) => Json;
	/** 1,000 updates of appointments the sandbox holds, instead of 1,000 creates. */
	updates?: boolean;
}
export const NODE_NAME = 'Create appointments';
const body = ONE_PROPERTY_CREATE_BODY;
/** Appointment: Create, with the start and the title from the item, on our node of package `pkg`. */
const createNode = (pkg: string) => ({
	type: `${pkg}.highLevelCalendar`,
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
});
export const VARIANTS: Variant[] = [
	{ key: 'ours', workflowId: 'benchWfOurs00001', node: () => createNode(PACKAGE) },
	{ key: 'previous', workflowId: 'benchWfPrev00001', node: () => createNode(PREVIOUS) },
	{
		key: 'one-property',
		workflowId: 'benchWfBase00001',
		node: () => ({ type: `${BASELINE}.benchBaseline`, typeVersion: 1, parameters: {} }),
	},
	{
		key: 'ours-update',
		workflowId: 'benchWfOursUpd01',
		updates: true,
		node: () => ({
			type: `${PACKAGE}.highLevelCalendar`,
			typeVersion: 1,
			parameters: {
				resource: 'appointment',
				operation: 'update',
				eventId: '={{ $json.id }}',
				updateFields: { appointmentStatus: '={{ $json.status }}', toNotify: false },
			},
		}),
	},
	{
		key: 'one-property-update',
		workflowId: 'benchWfBaseUpd01',
		updates: true,
		node: () => ({ type: `${BASELINE}.benchBaselineUpdate`, typeVersion: 1, parameters: {} }),
	},
	{
		key: 'http',
		workflowId: 'benchWfHttp00001',
		node: (baseUrl) => ({
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${baseUrl}/calendars/events/appointments`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: CRED_TYPE,
				sendHeaders: true,
				headerParameters: {
					parameters: Object.entries(API_HEADERS)
						.filter(([k]) => k !== 'Content-Type')
						.map(([name, value]) => ({ name, value })),
				},
				sendBody: true,
				contentType: 'json',
				specifyBody: 'json',
				jsonBody: `=${JSON.stringify({ ...body, startTime: '{{ $json.start }}', title: '{{ $json.title }}' }, null, 1)}`,
				options: { batching: { batch: { batchSize: 100, batchInterval: 1000 } } },
			},
		}),
	},
];

/** Manual Trigger -> Code node (1,000 items, titles and times unique per execution) -> the node. */
export function workflow(variant: Variant, baseUrl: string): Json {
	const jsCode = variant.updates
		? `return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { id: 'apt_bench_' + i, status: 'noshow' } }));`
		: [
				`const k = Number($execution.id) || Date.now() % 100000;`,
				`const prefix = '${variant.key}-e' + k + '-' + Date.now();`,
				`const base = Date.UTC(2035, 0, 1) + k * ${ITEMS} * 1800000;`,
				`return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { title: prefix + '-' + i, start: new Date(base + i * 1800000).toISOString() } }));`,
			].join('\n');
	const node = {
		...variant.node(baseUrl),
		id: `${variant.workflowId}-n3`,
		name: NODE_NAME,
		position: [440, 0],
	};
	return {
		id: variant.workflowId,
		name: `bench: 1,000 ${variant.updates ? 'updates' : 'creates'} (${variant.key})`,
		nodes: [
			{
				id: `${variant.workflowId}-n1`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${variant.workflowId}-n2`,
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode },
			},
			{
				...node,
				credentials: { [CRED_TYPE]: CRED },
				alwaysOutputData: true,
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The one-property declarative community package (create and update), as plain JS, next to ours. */
export function writeBaselinePackage(userFolder: string): void {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', BASELINE);
	fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
	const node = (className: string, name: string, request: Json) => {
		const description = {
			displayName: className,
			name,
			group: ['transform'],
			version: 1,
			description: `One-property declarative node: ${request.method} ${request.url}`,
			defaults: { name: className },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CRED_TYPE, required: true }],
			requestDefaults: {
				baseURL: '={{$credentials.baseUrl.replace(new RegExp("/+$"), "")}}',
				headers: API_HEADERS,
				json: true,
			},
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'hidden',
					default: 'send',
					routing: { request },
				},
			],
		};
		const file = `dist/${className}.node.js`;
		fs.writeFileSync(
			path.join(dir, file),
			`'use strict';\nclass ${className} {\n\tconstructor() {\n\t\tthis.description = ${JSON.stringify(description, null, '\t')};\n\t}\n}\nmodule.exports = { ${className} };\n`,
		);
		return file;
	};
	const nodes = [
		node('BenchBaseline', 'benchBaseline', {
			method: 'POST',
			url: '/calendars/events/appointments',
			body,
		}),
		node('BenchBaselineUpdate', 'benchBaselineUpdate', {
			method: 'PUT',
			url: '=/calendars/events/appointments/{{ $json.id }}',
			body: { appointmentStatus: '={{ $json.status }}', toNotify: false },
		}),
	];
	const manifest = {
		name: BASELINE,
		version: '0.0.1',
		keywords: ['n8n-community-node-package'],
		n8n: { n8nNodesApiVersion: 1, nodes, credentials: [] },
	};
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	addToLedger(userFolder, BASELINE, manifest.version);
}

/** Records a package in .n8n/nodes/package.json, as n8n's installer does (installCommunityPackage wrote it). */
export function addToLedger(userFolder: string, name: string, version: string): void {
	const ledgerFile = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	const ledger = JSON.parse(fs.readFileSync(ledgerFile, 'utf8'));
	ledger.dependencies[name] = version;
	fs.writeFileSync(ledgerFile, JSON.stringify(ledger, null, 2));
}

/** The 1,000 appointments the update variants change, added to the sandbox's store. */
export function seedAppointments(sandbox: Sandbox): void {
	const template = sandbox.store.appointments.get('apt_sandbox_001')!;
	for (let i = 0; i < ITEMS; i++)
		sandbox.store.appointments.set(`apt_bench_${i}`, {
			...template,
			id: `apt_bench_${i}`,
			title: `bench-${i}`,
		});
}
