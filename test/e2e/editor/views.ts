// The editor in the browser: sign in, the example workflow on the canvas, the node creator, the
// node's panel as the example saved it, the credential, the panel of every resource and operation,
// the trigger (trigger.ts), the instant trigger (instantTrigger.ts), the OAuth2 credential's connect
// and a run with it (oauth.ts), then the page's console and the screenshots against docs/ and the
// README.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, step } from '../checks';
import { E2E_OWNER } from '../n8nSetup';
import { ROOT } from '../processes';
import type { Browser } from './browser';
import {
	ALWAYS,
	CREATOR_ITEM_DESCRIPTION,
	EXPECTED,
	EXPECTED_ACTIONS,
	FILTER_BY_CONTACT,
	IGNORABLE,
	RECURRENCE_BUILD,
} from './expected';
import { derivedActions, derivedPanels } from './panels';
import { CRED_NAME, type Running } from './setup';
import { driveOAuth } from './oauth';
import { driveStatuses } from './statuses';
import { driveInstantTrigger } from './instantTrigger';
import { driveTrigger } from './trigger';
import { appears, checkIcon, expectFields, panelFields, selectOption } from './ui';

const DOCS = path.join(ROOT, 'docs');
/**
 * Screenshots go into the run's work folder; `npm run screenshots` (E2E_SCREENSHOTS=docs) writes them
 * into docs/, which the README shows, so a test run never rewrites tracked files.
 */
const TO_DOCS = process.env.E2E_SCREENSHOTS === 'docs';

/** Every step in the browser, from signing in to the screenshots; `b` is the open browser. */
export async function driveEditor(running: Running, b: Browser): Promise<void> {
	const { base } = running;
	const { page, logs, failedRequests } = b;
	const shots = TO_DOCS ? DOCS : path.join(running.work, 'screenshots');
	fs.mkdirSync(shots, { recursive: true });
	const shot = (file: string) => path.join(shots, file);

	await step('sign-in (UI)', async () => {
		b.phase = 'signin';
		await page.goto(`${base}/signin`);
		await page.locator('#emailOrLdapLoginId').fill(E2E_OWNER.email);
		await page.locator('#password').fill(E2E_OWNER.password);
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
		await page.waitForLoadState('networkidle');
		check(
			'sign-in (UI)',
			!page.url().includes('/signin'),
			`signed in as ${E2E_OWNER.email}`,
			page.url(),
		);
	});

	// Before the panel steps below change the book-from-form example's node (n8n may save that):
	// the examples are checked for red fields as imported.
	await driveStatuses(running, b);

	const NODE_NAME = 'Book weekly series';
	const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"]`);
	const ndv = page.getByTestId('ndv');

	await step('open example workflow', async () => {
		const s = 'open example workflow';
		b.phase = 'workflow';
		await page.goto(`${base}/workflow/hlcExampleBook001`);
		await canvasNode.waitFor();
		await page.waitForLoadState('networkidle');
		const names = await page
			.getByTestId('canvas-node')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-name')));
		check(
			s,
			JSON.stringify(names) === JSON.stringify(['Run now', 'Form data', NODE_NAME]),
			'the book-from-form example shows its three nodes',
			names,
		);
		await checkIcon(s, canvasNode, running.nodeIconUrl, 'the node on the canvas');
		const subtitle = (await canvasNode.innerText()).replace(/\s+/g, ' ').trim();
		check(
			s,
			subtitle.includes('create: appointment'),
			'the node subtitle reads "create: appointment"',
			subtitle,
		);
		await page.screenshot({ path: shot('editor-workflow.png') });
	});

	await step('node creator', async () => {
		const s = 'node creator';
		b.phase = 'node-creator';
		await page.getByTestId('node-creator-plus-button').click();
		const search = page.getByTestId('node-creator-search-bar');
		await search.fill('HighLevel');
		const item = page.getByTestId('item-iterator-item').filter({
			has: page
				.getByTestId('node-creator-item-name')
				.getByText('HighLevel Calendar', { exact: true }),
		});
		await item.waitFor();
		await checkIcon(s, item, running.nodeIconUrl, 'the node in the node creator');
		const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
		check(
			s,
			text.includes(CREATOR_ITEM_DESCRIPTION),
			"the node creator shows the description (the trigger's: n8n merges the two)",
			text,
		);
		await item.click();
		// A declarative node lists its operations as actions, each with the node's icon.
		await page.getByText('Book an appointment for a contact', { exact: true }).waitFor();
		await page.waitForTimeout(600); // the panel slides in
		const actions = page.locator(
			'[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]',
		);
		const actionNames = (await actions.getByTestId('node-creator-item-name').allInnerTexts()).map(
			(t) => t.trim(),
		);
		console.log(`  actions: ${actionNames.join(' | ')}`);
		// Every operation's action, in the description's order; the hand-written ones among them.
		const expectedActions = derivedActions();
		check(
			s,
			JSON.stringify(actionNames) === JSON.stringify(expectedActions),
			`the node creator lists the ${expectedActions.length} actions`,
			{
				got: actionNames,
				missing: expectedActions.filter((a) => !actionNames.includes(a)),
				unexpected: actionNames.filter((a) => !expectedActions.includes(a)),
			},
		);
		check(
			s,
			EXPECTED_ACTIONS.every((a) => actionNames.includes(a)),
			`the actions include the ${EXPECTED_ACTIONS.length} written out in expected.ts`,
			EXPECTED_ACTIONS.filter((a) => !actionNames.includes(a)),
		);
		const actionIcons = await actions
			.filter({ has: page.locator(`img[src$="${running.nodeIconUrl}"]`) })
			.count();
		check(s, actionIcons === actionNames.length, 'every action shows the node icon', actionIcons);
		await page.screenshot({ path: shot('editor-node-creator.png') });
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		await page
			.getByTestId('node-creator')
			.waitFor({ state: 'hidden' })
			.catch(() => undefined);
	});

	await step('node panel: Appointment / Create (example as saved)', async () => {
		const s = 'node panel';
		b.phase = 'ndv';
		await canvasNode.dblclick();
		await ndv.waitFor();
		const header = ndv.locator('header, [class*="header"]').first();
		await checkIcon(s, header, running.nodeIconUrl, 'the node icon in the panel header');
		const shown = await panelFields(page);
		expectFields(
			s,
			'Appointment / Create (example)',
			shown,
			[...ALWAYS, ...EXPECTED[0].fields, ...RECURRENCE_BUILD],
			EXPECTED[0].absent ?? [],
		);
		await page.screenshot({ path: shot('editor-appointment-create.png') });
		const recurrence = ndv.locator('label[for="recurrence"]');
		await recurrence.scrollIntoViewIfNeeded();
		await ndv.locator('label[for="recurrenceEnd"]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: shot('editor-recurrence.png') });
	});

	await step('credential', async () => {
		const s = 'credential';
		b.phase = 'credential';
		const picker = ndv.getByTestId('node-credentials-select');
		const value = await picker.locator('input').inputValue();
		check(s, value === CRED_NAME, `the credential picker shows "${CRED_NAME}"`, value);
		await picker.click();
		const options = page.locator('.el-select-dropdown__item:visible');
		await options.first().waitFor();
		const names = (await options.allInnerTexts()).map((t) => t.trim());
		check(
			s,
			names.some((n) => n.includes(CRED_NAME)),
			'the picker lists the imported credential',
			names,
		);
		await page.keyboard.press('Escape');
		// The credential modal (pencil next to the picker) shows the credential type's icon and fields.
		await ndv.getByTestId('credential-edit-button').click();
		const modal = page.getByTestId('editCredential-modal');
		await modal.waitFor();
		await checkIcon(s, modal, running.credIconUrl, 'the credential icon in the credential modal');
		// The modal opens before n8n has fetched the credential (GET /rest/credentials/<id>) and draws
		// its fields only then: reading the text at once failed in CI.
		for (const label of ['Access Token', 'Location ID', 'Base URL']) {
			const shown = await appears(modal.getByText(label).first());
			check(
				s,
				shown,
				`the credential modal shows "${label}"`,
				shown ? undefined : (await modal.innerText()).replace(/\s+/g, ' '),
			);
		}
		await page.screenshot({ path: shot('editor-credential.png') });
		await modal
			.getByTestId('credential-modal-close-button')
			.or(page.locator('.el-dialog__headerbtn:visible'))
			.first()
			.click();
		await modal.waitFor({ state: 'hidden' });
	});

	// The hand-written panels first, then every other operation's, worked out from the description.
	const written = new Set(EXPECTED.map((exp) => `${exp.resource} / ${exp.operation}`));
	const derived = derivedPanels().filter(
		(panel) => !written.has(`${panel.resource} / ${panel.operation}`),
	);
	for (const exp of [...EXPECTED, ...derived]) {
		const label = `${exp.resource} / ${exp.operation}`;
		await step(`node panel: ${label}`, async () => {
			b.phase = `ndv ${label}`;
			await selectOption(page, 'resource', exp.resource);
			await selectOption(page, 'operation', exp.operation);
			const shown = await panelFields(page);
			expectFields(
				`node panel: ${label}`,
				label,
				shown,
				[...ALWAYS, ...exp.fields],
				exp.absent ?? [],
			);
			if (exp.resource === 'Appointment' && exp.operation === 'Get Many') {
				await selectOption(page, 'filterBy', 'Contact');
				expectFields(
					`node panel: ${label}`,
					`${label}, Filter By = Contact`,
					await panelFields(page),
					FILTER_BY_CONTACT.fields,
					FILTER_BY_CONTACT.absent,
				);
				await selectOption(page, 'filterBy', 'Calendar');
			}
			if (exp.shot) await page.screenshot({ path: shot(exp.shot) });
		});
	}

	await driveTrigger(running, b, shot);

	await driveInstantTrigger(running, b, shot);

	await driveOAuth(running, b);

	await step('console', () => {
		const s = 'console';
		const ignored = logs.filter((e) => IGNORABLE.some((i) => i.test(e)));
		const errors = logs.filter((e) => !ignored.includes(e));
		for (const e of ignored)
			console.log(
				`  ignored (${IGNORABLE.find((i) => i.test(e))!.why}): [${e.phase}] ${e.text} ${e.url}`,
			);
		for (const e of errors) console.log(`  ERROR [${e.phase}] ${e.kind}: ${e.text} ${e.url}`);
		for (const r of failedRequests)
			console.log(`  failed request [${r.phase}] ${r.error} ${r.url}`);
		check(
			s,
			errors.length === 0,
			`no console errors or page errors (${ignored.length} ignored)`,
			errors.map((e) => `[${e.phase}] ${e.text}`),
		);
	});

	await step('screenshots', () => {
		const s = 'screenshots';
		const taken = fs
			.readdirSync(shots)
			.filter((f) => f.endsWith('.png'))
			.sort();
		const inDocs = fs
			.readdirSync(DOCS)
			.filter((f) => f.endsWith('.png'))
			.sort();
		const shownInReadme = [
			...fs
				.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
				.matchAll(/\(docs\/([^)\s]+\.png)\)/g),
		].map((m) => m[1]);
		console.log(`  ${taken.length} screenshots in ${shots}`);
		check(
			s,
			taken.every((f) => inDocs.includes(f)),
			'docs/ has every view this run took (else: npm run screenshots)',
			taken.filter((f) => !inDocs.includes(f)),
		);
		check(
			s,
			inDocs.every((f) => taken.includes(f)),
			'docs/ has no screenshot of a view the editor no longer shows',
			inDocs.filter((f) => !taken.includes(f)),
		);
		check(
			s,
			inDocs.every((f) => shownInReadme.includes(f)) &&
				shownInReadme.every((f) => inDocs.includes(f)),
			'the README shows every screenshot in docs/, and only those',
			{ inDocs, shownInReadme },
		);
	});
}
