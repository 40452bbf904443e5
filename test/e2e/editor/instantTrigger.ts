// The instant (webhook) trigger in the editor, as a user adding it sees it: its entry and events in
// a new workflow's node creator (with its own icon), then its panel: the webhook URLs n8n generates
// (the Production URL is what the user pastes into HighLevel: this n8n's host, n8n's webhook route,
// the node's webhook id and the node's path), the fields and the notice of the default Source (a
// Marketplace app), then Source = HighLevel Workflow Webhook Action: the Secret field, masked, the
// notice naming the header HighLevel must send it in.
import { check, step } from '../checks';
import type { Browser } from './browser';
import {
	EXPECTED_INSTANT_TRIGGERS,
	INSTANT_ALWAYS,
	INSTANT_APP,
	INSTANT_CREATOR_NAME,
	INSTANT_SECRET_HEADER,
	INSTANT_SOURCES,
	INSTANT_WEBHOOK_PATH,
	INSTANT_WORKFLOW,
} from './expected';
import { builtDescription } from './panels';
import type { Running } from './setup';
import { appears, checkIcon, expectFields, panelFields, selectOption } from './ui';

const NODE_NAME = 'HighLevel Calendar Instant Trigger';
const FIRST_EVENT = { entry: 'On appointment booked', option: 'Appointment Booked' };
/** The webhook id n8n gives a new webhook node (a v4 UUID) sits between the route and the path. */
const WEBHOOK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The route, webhook id and path of a URL n8n shows, with its origin. */
function partsOf(url: string) {
	try {
		const u = new URL(url);
		const [route, id, ...rest] = u.pathname.split('/').filter(Boolean);
		return { origin: u.origin, route, id, path: rest.join('/'), search: u.search };
	} catch {
		return undefined;
	}
}

/** The instant trigger's steps; `shot` names a screenshot file (docs/ or the run's folder). */
export async function driveInstantTrigger(
	running: Running,
	b: Browser,
	shot: (file: string) => string,
): Promise<void> {
	const { base, instantTriggerIconUrl } = running;
	const { page } = b;
	const ndv = page.getByTestId('ndv');
	const params = ndv.getByTestId('node-parameters');
	const description = builtDescription('HighLevelCalendarInstantTrigger');
	const notice = (name: string) =>
		oneLine(String(description.properties.find((p) => p.name === name)?.displayName));
	/** The notices the panel shows now (n8n draws a `notice` field as a role=alert box). */
	const notices = async () =>
		(await params.locator('.notice[role="alert"]:visible').allInnerTexts()).map(oneLine);
	// n8n's webhook URL box above the fields: collapsed to its headline for a node like this one.
	const webhooks = params.locator('.webhooks');
	const headline = webhooks.locator('.headline');
	const shownUrl = webhooks.locator('.node-webhooks .webhook-url');
	let production = '';

	await step('instant trigger: node creator', async () => {
		const s = 'instant trigger: node creator';
		b.phase = 'instant-creator';
		await page.goto(`${base}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('HighLevel');
		const item = page.getByTestId('item-iterator-item').filter({
			has: page
				.getByTestId('node-creator-item-name')
				.getByText(INSTANT_CREATOR_NAME, { exact: true }),
		});
		await item.waitFor();
		const text = oneLine(await item.innerText());
		check(
			s,
			text.includes(description.description),
			`searching "HighLevel" on a new workflow offers "${INSTANT_CREATOR_NAME}" with the instant trigger's description`,
			text,
		);
		await checkIcon(s, item, instantTriggerIconUrl, 'the instant trigger in the node creator');
		await item.click();
		const entries = page.locator(
			'[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]:visible',
		);
		await appears(entries.nth(EXPECTED_INSTANT_TRIGGERS.length - 1));
		const names = (await entries.getByTestId('node-creator-item-name').allInnerTexts()).map((t) =>
			t.trim(),
		);
		console.log(`  instant triggers: ${names.join(' | ')}`);
		check(
			s,
			JSON.stringify(names) === JSON.stringify(EXPECTED_INSTANT_TRIGGERS),
			`it lists the instant trigger's ${EXPECTED_INSTANT_TRIGGERS.length} events`,
			names,
		);
		const withIcon = await entries
			.filter({ has: page.locator(`img[src$="${instantTriggerIconUrl}"]`) })
			.count();
		check(s, withIcon === names.length, "every event shows the instant trigger's icon", withIcon);
		// Picking an event adds the node with that event and opens its panel.
		await entries.filter({ hasText: FIRST_EVENT.entry }).first().click();
		await ndv.waitFor();
		const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
		await appears(node);
		const onCanvas = await node.count();
		check(s, onCanvas === 1, `"${FIRST_EVENT.entry}" adds "${NODE_NAME}" to the canvas`, onCanvas);
	});

	await step('instant trigger panel: Marketplace app (default)', async () => {
		const s = 'instant trigger panel: Marketplace app';
		b.phase = 'instant-panel';
		await checkIcon(
			s,
			ndv.locator('header, [class*="header"]').first(),
			instantTriggerIconUrl,
			'the instant trigger icon in the panel header',
		);
		expectFields(
			s,
			`Instant trigger (new, Source = ${INSTANT_SOURCES.app})`,
			await panelFields(page),
			[...INSTANT_ALWAYS, ...INSTANT_APP.fields],
			INSTANT_APP.absent,
		);
		const source = await ndv.getByTestId('parameter-input-source').locator('input').inputValue();
		check(s, source === INSTANT_SOURCES.app, `Source starts at "${INSTANT_SOURCES.app}"`, source);
		const events = await ndv
			.getByTestId('parameter-input-events')
			.locator('.el-select__tags-text')
			.allInnerTexts();
		check(
			s,
			JSON.stringify(events.map((e) => e.trim())) === JSON.stringify([FIRST_EVENT.option]),
			`Events holds the event picked in the node creator, "${FIRST_EVENT.option}"`,
			events,
		);
		// Optional here (deliveries need no token): offered, not demanded.
		const credentialOffered = await appears(ndv.getByTestId('node-credentials-select').first());
		check(s, credentialOffered, 'a HighLevel credential is offered (optional for this trigger)');
		const shown = await notices();
		const expected = notice('appNotice');
		check(
			s,
			shown.length === 1 && shown[0] === expected && expected.includes('Production URL'),
			"one notice, telling where to paste the Production URL (the node's appNotice)",
			{ shown, expected },
		);
		// The notice says "Production URL (above)": n8n's Webhook URLs box must be above it.
		const urlsBox = await headline.boundingBox();
		const noticeBox = await params.locator('.notice[role="alert"]:visible').first().boundingBox();
		check(
			s,
			!!urlsBox && !!noticeBox && urlsBox.y + urlsBox.height <= noticeBox.y,
			'n8n\'s "Webhook URLs" is above the notice, as it says',
			{ urlsBox, noticeBox },
		);
		// Options holds what only the app's signed, timestamped deliveries need.
		const options = params
			.getByTestId('parameter-item')
			.filter({ has: page.locator('label[for="options"]') })
			.last();
		await options.getByTestId('collection-parameter-add').click();
		const offered = page.locator('.el-select-dropdown__item:visible');
		await offered.first().waitFor();
		const names = (await offered.allInnerTexts()).map((t) => t.trim());
		check(
			s,
			JSON.stringify(names) === JSON.stringify(INSTANT_APP.options),
			`Options offers ${INSTANT_APP.options.join(', ')}`,
			names,
		);
		await page.keyboard.press('Escape');
		await offered.first().waitFor({ state: 'hidden' });
	});

	await step('instant trigger panel: webhook URLs', async () => {
		const s = 'instant trigger panel: webhook URLs';
		b.phase = 'instant-urls';
		const title = oneLine(await headline.innerText());
		check(s, title === 'Webhook URLs', 'the panel shows n8n\'s "Webhook URLs"', title);
		await headline.click();
		await shownUrl.waitFor();
		const method = (await webhooks.locator('.node-webhooks .http-method').innerText()).trim();
		check(s, method === 'POST', 'its method is POST', method);
		const test = oneLine((await shownUrl.textContent()) ?? '');
		await webhooks.getByTestId('radio-button-production').click();
		await webhooks.locator('.node-webhooks .webhook-url', { hasText: '/webhook/' }).waitFor();
		production = oneLine((await shownUrl.textContent()) ?? '');
		console.log(`  Test URL: ${test}\n  Production URL: ${production}`);
		// This n8n's webhook base: N8N_HOST and N8N_PORT, the address the browser has too.
		const origin = new URL(base).origin;
		const prod = partsOf(production);
		check(
			s,
			prod?.origin === origin,
			`the Production URL is on this n8n's host, ${origin}`,
			production,
		);
		check(
			s,
			prod?.route === 'webhook' &&
				WEBHOOK_ID.test(prod.id ?? '') &&
				prod.path === INSTANT_WEBHOOK_PATH &&
				prod.search === '',
			`the Production URL's path is /webhook/<the node's webhook id>/${INSTANT_WEBHOOK_PATH}`,
			production,
		);
		const testParts = partsOf(test);
		check(
			s,
			testParts?.origin === origin &&
				testParts.route === 'webhook-test' &&
				testParts.id === prod?.id &&
				testParts.path === INSTANT_WEBHOOK_PATH,
			`the Test URL is /webhook-test/ with the same webhook id and path`,
			test,
		);
		// What HighLevel will reach there: n8n's own webhook route, which knows no such webhook
		// while the workflow is not published.
		const res = await fetch(production, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		const answer = (await res.json().catch(() => ({}))) as { message?: string };
		check(
			s,
			res.status === 404 &&
				String(answer.message).includes(
					`"POST ${prod?.id}/${INSTANT_WEBHOOK_PATH}" is not registered`,
				),
			"a POST to it reaches this n8n's webhook route (404: not registered until the workflow is published)",
			{ status: res.status, message: answer.message },
		);
	});

	await step('instant trigger panel: HighLevel workflow source', async () => {
		const s = 'instant trigger panel: HighLevel workflow source';
		b.phase = 'instant-workflow';
		await selectOption(page, 'source', INSTANT_SOURCES.workflow);
		const fields = await panelFields(page);
		expectFields(
			s,
			`Source = ${INSTANT_SOURCES.workflow}`,
			fields,
			[...INSTANT_ALWAYS, ...INSTANT_WORKFLOW.fields],
			INSTANT_WORKFLOW.absent,
		);
		check(
			s,
			fields.indexOf('Secret') === fields.indexOf('Source') + 1,
			'Secret comes right after Source (and its notice)',
			fields,
		);
		const shown = await notices();
		const expected = notice('workflowNotice');
		check(
			s,
			shown.length === 1 && shown[0] === expected,
			"one notice, the HighLevel workflow's (the node's workflowNotice); the app's is gone",
			{ shown, expected },
		);
		check(
			s,
			shown[0]?.includes(`header ${INSTANT_SECRET_HEADER}`) ?? false,
			`the notice names the header ${INSTANT_SECRET_HEADER}`,
			shown,
		);
		const noticeBox = await params.locator('.notice[role="alert"]:visible').first().boundingBox();
		const secret = ndv.getByTestId('parameter-input-secret').locator('input');
		const secretBox = await secret.boundingBox();
		check(
			s,
			!!noticeBox && !!secretBox && noticeBox.y + noticeBox.height <= secretBox.y,
			'the Secret field is below the notice, as it says',
			{ noticeBox, secretBox },
		);
		const type = await secret.getAttribute('type');
		check(s, type === 'password', 'the Secret field is masked (a password input)', type);
		const still = oneLine((await shownUrl.textContent()) ?? '');
		check(s, still === production, 'the Production URL does not change with Source', still);
		// Secret is not a required field: left empty, activation fails with a generated one to
		// use (activation.ts); typed in, n8n's trigger panel offers to listen.
		const triggerPanel = ndv.getByText('Pull in events from', { exact: false }).first();
		await secret.fill('e2e-secret-of-at-least-24-characters');
		check(s, await appears(triggerPanel), "with a Secret, n8n's trigger panel offers to listen");
		// The screenshot: the filled-in panel, its Production URL at the top.
		await headline.scrollIntoViewIfNeeded();
		await page.screenshot({ path: shot('editor-instant-trigger.png') });
	});
}
