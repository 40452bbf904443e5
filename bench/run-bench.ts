/**
 * `npm run bench`, first part: the node in n8n's engine against the sandbox, with HighLevel's limit
 * scaled in time (100 requests per 1,000 ms instead of per 10,000 ms). Prints one table; every
 * scenario runs in this one process, side by side. Figures, not pass/fail: timing is never asserted
 * by tests. The engine underestimates n8n 2.x's cost per item (legacy expression engine,
 * credentials in memory): what users get is measured by the second part, real-n8n.ts.
 * Over 450 lines because each scenario and the one table that compares them belong together: a
 * figure read apart from its neighbours in the same run means nothing (fixture.ts holds the data).
 */
import { NodeHelpers, type INodeParameters, type INodeType } from 'n8n-workflow';
import { runNode, type NodeRunResult, type RunNodeOptions } from '../test/engine/harness/harness';
import { ONE_PROPERTY_CREATE_BODY } from './fixture';
import { floorMs, SCALED_LIMIT, xFloorAfterFirst } from './floor';
import {
	SANDBOX_CALENDAR_ID,
	SANDBOX_CONTACT_ID,
	SANDBOX_LOCATION_ID,
	SANDBOX_TOKEN,
	startSandbox,
	type Sandbox,
	type SandboxOptions,
} from '../test/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HighLevelCalendar, HighLevelCalendarApi } = require('../index.js');

const LIMIT = SCALED_LIMIT;

interface Row {
	scenario: string;
	variant: string;
	ok: number;
	failed: number;
	duplicated: number;
	requests: number;
	status429: number;
	wallMs: number;
	floorMs: number;
	/** When HighLevel saw the first request: n8n preparing every item's request before any goes. */
	firstMs: number;
	peakRssMb: number;
	note?: string;
}

/** A peer-style declarative node: our node without its pacing hook, as n8n runs any declarative node. */
function withoutPacing(): INodeType {
	const node = new HighLevelCalendar() as INodeType;
	return {
		...node,
		description: {
			...node.description,
			// Our node sends to the credential's Base URL from its pagination hook; a peer node names
			// the credential's base URL in an expression, as most declarative nodes do.
			requestDefaults: {
				...node.description.requestDefaults,
				baseURL: '={{$credentials.baseUrl.replace(new RegExp("/+$"), "")}}',
			},
			requestOperations: undefined,
			properties: node.description.properties.map((property) =>
				property.name === 'resource' ? { ...property, routing: undefined } : property,
			),
		},
	};
}

async function measure<T>(
	sandbox: Sandbox,
	work: () => Promise<T>,
): Promise<{ result: T; wallMs: number; firstMs: number; peakRssMb: number }> {
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	const started = Date.now();
	try {
		const result = await work();
		return {
			result,
			wallMs: Date.now() - started,
			firstMs: (sandbox.stats.firstAt ?? started) - started,
			peakRssMb: Math.round(((peak - baseline) / 1_048_576) * 10) / 10,
		};
	} finally {
		clearInterval(sampler);
	}
}

/** A table row: what the sandbox counted and what measure() timed, with the scenario's own figures. */
function row(
	sandbox: Sandbox,
	measured: { wallMs: number; firstMs: number; peakRssMb: number },
	figures: Pick<Row, 'scenario' | 'variant' | 'ok' | 'failed' | 'duplicated' | 'floorMs' | 'note'>,
): Row {
	const { wallMs, firstMs, peakRssMb } = measured;
	return {
		...figures,
		requests: sandbox.stats.received,
		status429: sandbox.stats.byStatus['429'] ?? 0,
		wallMs,
		firstMs,
		peakRssMb,
	};
}

async function freshSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox({ rateLimit: { ...LIMIT }, record: false, ...options });
}

function credentials(sandbox: Sandbox) {
	return { accessToken: SANDBOX_TOKEN, locationId: SANDBOX_LOCATION_ID, baseUrl: sandbox.baseUrl };
}

function createItems(count: number, prefix: string) {
	return Array.from({ length: count }, (_, index) => ({
		title: `${prefix}-${index}`,
		start: new Date(Date.UTC(2032, 0, 1) + index * 1_800_000).toISOString(),
	}));
}

const createParameters = {
	resource: 'appointment',
	operation: 'create',
	calendarId: SANDBOX_CALENDAR_ID,
	contactId: SANDBOX_CONTACT_ID,
	startTime: '={{ $json.start }}',
	additionalFields: {
		title: '={{ $json.title }}',
		ignoreFreeSlotValidation: true,
		toNotify: false,
	},
};

function run(
	sandbox: Sandbox,
	options: Partial<RunNodeOptions> & Pick<RunNodeOptions, 'parameters'>,
) {
	return runNode({
		nodeType: new HighLevelCalendar(),
		credentialType: new HighLevelCalendarApi(),
		credentials: credentials(sandbox),
		continueOnFail: true,
		...options,
	});
}

function countResults(results: NodeRunResult[]) {
	const items = results.flatMap((result) => result.items);
	return {
		ok: items.filter((item) => !item.error).length,
		failed: items.filter((item) => item.error).length,
	};
}

function duplicatedTitles(sandbox: Sandbox, prefix: string) {
	const seen = new Map<string, number>();
	for (const appointment of sandbox.store.appointments.values()) {
		if (appointment.title.startsWith(prefix))
			seen.set(appointment.title, (seen.get(appointment.title) ?? 0) + 1);
	}
	return [...seen.values()].filter((count) => count > 1).reduce((sum, count) => sum + count - 1, 0);
}

async function burst(
	variant: string,
	nodeType: INodeType,
	extraParameters: Record<string, unknown> = {},
): Promise<Row> {
	const sandbox = await freshSandbox();
	const items = createItems(1000, `burst-${variant}`);
	const measured = await measure(sandbox, () =>
		run(sandbox, { nodeType, items, parameters: { ...createParameters, ...extraParameters } }),
	);
	const burstRow = row(sandbox, measured, {
		scenario: 'burst: 1,000 creates',
		variant,
		...countResults([measured.result]),
		duplicated: duplicatedTitles(sandbox, `burst-${variant}`),
		floorMs: floorMs(1000),
	});
	await sandbox.close();
	return burstRow;
}

/**
 * Duplicate Check's cost and effect: 1,000 creates with it on (one look-up per calendar and day:
 * the items span 21 days), then the same 1,000 again, which books nothing.
 */
async function duplicateCheck(): Promise<Row[]> {
	const sandbox = await freshSandbox();
	const items = createItems(1000, 'dup-check');
	const parameters = { ...createParameters, options: { duplicateCheck: true } };
	const rows: Row[] = [];
	for (const variant of ['first run', 're-run of the same items']) {
		sandbox.resetStats();
		const measured = await measure(sandbox, () => run(sandbox, { items, parameters }));
		const existed = measured.result.items.filter(
			(item) => item.json.alreadyExisted === true,
		).length;
		rows.push(
			row(sandbox, measured, {
				scenario: 'Duplicate Check: 1,000 creates',
				variant,
				...countResults([measured.result]),
				duplicated: duplicatedTitles(sandbox, 'dup-check'),
				floorMs: floorMs(1000),
				note: `${variant}: ${existed} already existed, ${sandbox.stats.received} requests`,
			}),
		);
	}
	await sandbox.close();
	return rows;
}

async function latency(): Promise<Row> {
	const sandbox = await freshSandbox({ latencyMs: 150 });
	const items = Array.from({ length: 500 }, () => ({ id: 'apt_sandbox_001' }));
	const measured = await measure(sandbox, () =>
		run(sandbox, {
			items,
			parameters: { resource: 'appointment', operation: 'get', eventId: '={{ $json.id }}' },
		}),
	);
	const latencyRow = row(sandbox, measured, {
		scenario: 'latency: 500 gets, 150 ms each',
		variant: 'ours',
		...countResults([measured.result]),
		duplicated: 0,
		floorMs: floorMs(500, 150),
	});
	await sandbox.close();
	return latencyRow;
}

async function faults(): Promise<Row> {
	const sandbox = await startSandbox({
		rateLimit: { ...LIMIT },
		faults: {
			seed: 7,
			status503Rate: 0.1,
			burst429Rate: 0.05,
			burst429Length: 3,
			resetAfterApplyRate: 0.02,
		},
	});
	// 500 existing appointments to update, created in the store directly (not part of the measurement).
	const existing = createItems(500, 'faults-existing');
	const base = sandbox.store.appointments.get('apt_sandbox_001')!;
	existing.forEach((item, index) => {
		sandbox.store.appointments.set(`apt_faults_${index}`, {
			...base,
			id: `apt_faults_${index}`,
			title: item.title,
			startTime: item.start.replace('Z', '+00:00'),
			endTime: new Date(Date.parse(item.start) + 1_800_000).toISOString().replace('Z', '+00:00'),
		});
	});
	const updates = existing.map((_, index) => ({
		id: `apt_faults_${index}`,
		title: `faults-updated-${index}`,
	}));
	const creates = createItems(500, 'faults-created');
	const measured = await measure(sandbox, () =>
		Promise.all([
			run(sandbox, { items: creates, parameters: createParameters }),
			run(sandbox, {
				items: updates,
				parameters: {
					resource: 'appointment',
					operation: 'update',
					eventId: '={{ $json.id }}',
					updateFields: { title: '={{ $json.title }}' },
				},
			}),
		]),
	);
	const [createRun, updateRun] = measured.result;
	const lostUpdates = updates.filter(
		(update) => sandbox.store.appointments.get(update.id)?.title !== update.title,
	).length;
	const failedUpdates = updateRun.items.filter((item) => item.error).length;
	const uncertainPosts = sandbox.requests.filter(
		(request) => request.method === 'POST' && (request.status === 0 || request.status === 503),
	).length;
	const reportedUncertain = createRun.items.filter((item) =>
		/^HighLevel may have created/.test(item.error?.message ?? ''),
	).length;
	const createdOk = createRun.items.filter((item) => !item.error).length;
	const createdInStore = [...sandbox.store.appointments.values()].filter((a) =>
		a.title.startsWith('faults-created'),
	).length;
	const faultsRow = row(sandbox, measured, {
		scenario: 'faults: 500 creates + 500 updates',
		variant: 'ours',
		...countResults([createRun, updateRun]),
		duplicated: duplicatedTitles(sandbox, 'faults-created'),
		floorMs: floorMs(1000),
		note:
			`lost updates ${lostUpdates}, failed updates ${failedUpdates}; uncertain creates ${uncertainPosts} (503 or reset), ` +
			`reported as their own error ${reportedUncertain}; created ok ${createdOk}, in HighLevel ${createdInStore}; ` +
			`injected ${JSON.stringify(sandbox.stats.injected)}`,
	});
	await sandbox.close();
	return faultsRow;
}

async function twoExecutions(): Promise<Row> {
	const sandbox = await freshSandbox();
	const measured = await measure(sandbox, () =>
		Promise.all([
			run(sandbox, { items: createItems(500, 'two-a'), parameters: createParameters }),
			run(sandbox, {
				items: createItems(500, 'two-b').map((item, index) => ({
					...item,
					start: new Date(Date.UTC(2033, 0, 1) + index * 1_800_000).toISOString(),
				})),
				parameters: createParameters,
			}),
		]),
	);
	const twoRow = row(sandbox, measured, {
		scenario: 'two executions, one location, 500 creates each',
		variant: 'ours',
		...countResults(measured.result),
		duplicated: duplicatedTitles(sandbox, 'two-'),
		floorMs: floorMs(1000),
	});
	await sandbox.close();
	return twoRow;
}

// ---------------------------------------------------------------- n8n's preparation of the items
/** Our node with only the properties Appointment: Create shows (not a usable node: a measurement). */
function cutToCreate(): INodeType {
	const node = new HighLevelCalendar() as INodeType;
	const parameters = createParameters as unknown as INodeParameters;
	const shown = node.description.properties.filter((property) =>
		NodeHelpers.displayParameter(
			parameters,
			property,
			{ parameters } as never,
			node.description,
			parameters,
		),
	);
	return Object.assign(Object.create(Object.getPrototypeOf(node)), node, {
		description: { ...node.description, properties: shown },
	});
}

/** The smallest declarative node that books the same appointments: one hidden property, no hooks. */
function onePropertyNode(): INodeType {
	const node = withoutPacing();
	return {
		description: {
			...node.description,
			// The access-token credential, as such a node declares it (ours shows it by Authentication).
			credentials: [{ name: 'highLevelCalendarApi', required: true }],
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'hidden',
					default: 'create',
					routing: {
						request: {
							method: 'POST',
							url: '/calendars/events/appointments',
							body: ONE_PROPERTY_CREATE_BODY,
						},
					},
				},
			],
		},
	};
}

interface PreparationRow {
	variant: string;
	properties: number;
	firstMs: number[];
}

/**
 * n8n's RoutingNode prepares every item's request (all properties, every expression) before the
 * first one leaves. 1,000 creates with the same items and expressions, no rate limit, five rounds
 * each, interleaved: the time before HighLevel sees the first request, for three shapes of node.
 */
async function preparation(): Promise<PreparationRow[]> {
	const sandbox = await freshSandbox({
		rateLimit: { max: 1_000_000, windowMs: 1_000, dailyMax: 10_000_000 },
	});
	const variants: Array<{
		variant: string;
		nodeType: () => INodeType;
		parameters: INodeParameters;
	}> = [
		{ variant: 'ours', nodeType: () => new HighLevelCalendar(), parameters: createParameters },
		{
			variant: 'ours, cut to the properties Create shows',
			nodeType: cutToCreate,
			parameters: createParameters,
		},
		{ variant: 'a one-property declarative node', nodeType: onePropertyNode, parameters: {} },
	];
	const rows = variants.map(({ variant, nodeType }) => ({
		variant,
		properties: nodeType().description.properties.length,
		firstMs: [] as number[],
	}));
	for (let round = 0; round < 5; round++) {
		for (const [index, variant] of variants.entries()) {
			const prefix = `prep-${round}-${index}`;
			const items = createItems(1000, prefix).map((item, i) => ({
				...item,
				start: new Date(Date.UTC(2040 + round, index, 1) + i * 1_800_000).toISOString(),
			}));
			sandbox.stats.firstAt = undefined;
			const { result, firstMs } = await measure(sandbox, () =>
				run(sandbox, { nodeType: variant.nodeType(), items, parameters: variant.parameters }),
			);
			const failed = countResults([result]).failed;
			if (failed)
				throw new Error(
					`preparation, ${variant.variant}: ${failed} items failed: ${result.items.find((item) => item.error)?.error?.message}`,
				);
			rows[index].firstMs.push(firstMs);
		}
	}
	await sandbox.close();
	return rows;
}

function printPreparation(rows: PreparationRow[]) {
	const median = (values: number[]) =>
		[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	console.log(
		'\npreparation: 1,000 creates, no rate limit, time before the first request (median of 5)',
	);
	console.log('| variant | properties | first request ms | ms per item | x ours |');
	console.log('|---|---|---|---|---|');
	const ours = median(rows[0].firstMs);
	for (const row of rows) {
		const firstMs = median(row.firstMs);
		console.log(
			`| ${row.variant} | ${row.properties} | ${firstMs} | ${(firstMs / 1000).toFixed(2)} | ${(firstMs / ours).toFixed(2)} |`,
		);
	}
}

function printTable(rows: Row[]) {
	const header = [
		'scenario',
		'variant',
		'ok',
		'failed',
		'dup',
		'requests',
		'429s',
		'wall ms',
		'floor ms',
		'x floor',
		'1st request ms',
		'x floor after 1st',
		'peak RSS MB',
	];
	const lines = rows.map((row) => [
		row.scenario,
		row.variant,
		String(row.ok),
		String(row.failed),
		String(row.duplicated),
		String(row.requests),
		String(row.status429),
		String(row.wallMs),
		String(row.floorMs),
		(row.wallMs / row.floorMs).toFixed(2),
		String(row.firstMs),
		xFloorAfterFirst(row.wallMs, row.firstMs, row.floorMs).toFixed(2),
		String(row.peakRssMb),
	]);
	const widths = header.map((title, column) =>
		Math.max(title.length, ...lines.map((line) => line[column].length)),
	);
	const format = (cells: string[]) =>
		`| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	console.log(format(header));
	console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
	for (const line of lines) console.log(format(line));
	for (const row of rows) if (row.note) console.log(`\n${row.scenario}: ${row.note}`);
}

async function main() {
	console.log(
		`HighLevel limit scaled: ${LIMIT.max} requests per ${LIMIT.windowMs} ms per location; Node ${process.version}\n`,
	);
	// BENCH=preparation: only n8n's preparation of the items (a minute instead of several).
	if (process.env.BENCH === 'preparation') return printPreparation(await preparation());
	const rows: Row[] = [];
	rows.push(await burst('ours', new HighLevelCalendar()));
	const batching = () =>
		burst('(b) n8n batching 100 / 1,000 ms', withoutPacing(), {
			requestOptions: { batching: { batch: { batchSize: 100, batchInterval: 1000 } } },
		});
	// BENCH=burst: only the burst, ours against n8n's batching (the pacing alone, in a minute).
	if (process.env.BENCH === 'burst') {
		rows.push(await batching());
		return printTable(rows);
	}
	rows.push(await burst('(a) engine default, all at once', withoutPacing()));
	rows.push(await batching());
	rows.push(...(await duplicateCheck()));
	rows.push(await latency());
	rows.push(await faults());
	rows.push(await twoExecutions());
	printTable(rows);
	printPreparation(await preparation());
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
