// The status fields in the editor: every panel that offers appointment statuses lists them by
// name (Create/Update Fields, Get Many's Options, the trigger's To Statuses and Filters), and no
// panel of the examples or of the status workflow's expressions (names such as "No Show", which
// the node accepts) shows a red field; and the panel's Docs link opens the package's README (n8n's parameter issue, "The value ... is not supported!").
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, step } from '../checks';
import { DOCS_URL } from '../../../nodes/HighLevelCalendar/helpers/constants';
import { NODE_TYPE, TRIGGER_TYPE } from '../n8nSetup';
import { ROOT } from '../processes';
import type { Browser } from './browser';
import { STATUS_LABELS } from './expected';
import type { Running } from './setup';
import { STATUS_NODES, STATUS_WORKFLOW, STATUS_WORKFLOW_ID } from './statusWorkflow';

/** The no-show example's node of an appointment operation, by name as the example names it. */
function noShowNode(operation: string): string {
	const example = JSON.parse(
		fs.readFileSync(path.join(ROOT, 'examples', 'daily-no-show-sweep.json'), 'utf8'),
	) as { nodes: Array<{ name: string; parameters: { operation?: string } }> };
	const node = example.nodes.find((candidate) => candidate.parameters.operation === operation);
	if (!node) throw new Error(`the no-show example has no ${operation} node`);
	return node.name;
}
import { panelFields } from './ui';

interface WorkflowFile {
	id: string;
	nodes: Array<{ name: string; type: string }>;
}

/** Opens `node` of workflow `id` in the panel, from a fresh load of the workflow. */
async function openNode(running: Running, b: Browser, id: string, node: string): Promise<void> {
	const { page } = b;
	await page.goto(`${running.base}/workflow/${id}`);
	const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${node}"]`);
	await canvasNode.waitFor();
	await page.waitForLoadState('networkidle');
	await canvasNode.dblclick();
	await page.getByTestId('ndv').waitFor();
	await panelFields(page); // settled
}

/** The names a status field's dropdown lists. */
async function listed(b: Browser, param: string): Promise<string[]> {
	const { page } = b;
	const input = page.getByTestId('ndv').getByTestId(`parameter-input-${param}`).first();
	await input.scrollIntoViewIfNeeded();
	await input.click();
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	const names = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	await page.keyboard.press('Escape');
	// The closed list fades out: wait until it is gone, or the next field's list reads both.
	await items.first().waitFor({ state: 'hidden' });
	return names;
}

/** The labels of the panel's fields that show a parameter issue (the red mark). */
async function redFields(b: Browser): Promise<string[]> {
	return b.page
		.getByTestId('ndv')
		.getByTestId('parameter-issues')
		.evaluateAll((els) =>
			els.map((el) => {
				const item = el.closest('[data-test-id="parameter-item"]') ?? el.parentElement;
				const label = item?.querySelector('[data-test-id="input-label"] label');
				return ((label ?? item)?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
			}),
		);
}

export async function driveStatuses(running: Running, b: Browser): Promise<void> {
	await step('statuses: the lists show names', async () => {
		const s = 'statuses: the lists show names';
		b.phase = 'statuses-lists';
		const fields: Array<{ workflow: string; node: string; params: string[] }> = [
			{
				workflow: STATUS_WORKFLOW_ID,
				node: STATUS_NODES.createFixed,
				params: ['appointmentStatus'],
			},
			{
				workflow: 'hlcExampleNoShow01',
				node: noShowNode('update'),
				params: ['appointmentStatus'],
			},
			{
				workflow: 'hlcExampleNoShow01',
				node: noShowNode('getAll'),
				params: ['appointmentStatus'],
			},
			{
				workflow: STATUS_WORKFLOW_ID,
				node: STATUS_NODES.triggerFixed,
				params: ['toStatuses', 'appointmentStatus'],
			},
		];
		for (const { workflow, node, params } of fields) {
			await openNode(running, b, workflow, node);
			for (const param of params) {
				const names = await listed(b, param);
				check(
					s,
					JSON.stringify(names) === JSON.stringify(STATUS_LABELS),
					`${node} › ${param} lists ${STATUS_LABELS.join(', ')}`,
					names,
				);
			}
		}
	});

	await step('docs link', async () => {
		const s = 'docs link';
		b.phase = 'docs-link';
		for (const node of [STATUS_NODES.createFixed, STATUS_NODES.triggerFixed]) {
			await openNode(running, b, STATUS_WORKFLOW_ID, node);
			const hrefs = await b.page
				.getByTestId('ndv')
				.locator('a[href]')
				.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
			check(
				s,
				hrefs.includes(DOCS_URL) && !hrefs.some((h) => h.includes('marketplace.gohighlevel.com')),
				`${node}: the panel's Docs link opens ${DOCS_URL}`,
				hrefs,
			);
		}
	});

	await step('statuses: no red field', async () => {
		const s = 'statuses: no red field';
		b.phase = 'statuses-issues';
		const examples: WorkflowFile[] = fs
			.readdirSync(path.join(ROOT, 'examples'))
			.filter((f) => f.endsWith('.json'))
			.map((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')));
		const ours = (w: WorkflowFile) =>
			w.nodes
				.filter((n) => n.type === NODE_TYPE || n.type === TRIGGER_TYPE)
				.map((n) => ({ workflow: w.id, node: n.name }));
		const nodes = [
			...examples.flatMap(ours),
			...[STATUS_NODES.updateNames, STATUS_NODES.getManyNames, STATUS_NODES.triggerNames].map(
				(node) => ({ workflow: STATUS_WORKFLOW.id, node }),
			),
		];
		for (const { workflow, node } of nodes) {
			await openNode(running, b, workflow, node);
			const red = await redFields(b);
			check(s, red.length === 0, `${workflow} › ${node}: no field marked red`, red);
		}
	});
}
