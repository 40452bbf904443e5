// The trigger in the editor: its entries in the node creator (with its own icon), the Slack
// example's trigger panel as saved, Fetch Test Event against the sandbox (the output item and the
// request the sandbox received), then which fields each Watch choice and some Events show, and
// Trigger On = Service Bookings.
import { SANDBOX_CALENDAR_ID } from '../../sandbox';
import { check, step } from '../checks';
import type { Browser } from './browser';
import {
	CREATOR_ITEM_DESCRIPTION,
	EXPECTED_TRIGGERS,
	TRIGGER_ALWAYS,
	TRIGGER_BOOKINGS,
	TRIGGER_EVENT_ONLY,
	TRIGGER_EVENTS,
	TRIGGER_WATCH,
} from './expected';
import { CRED_NAME, type Running } from './setup';
import { addOption, appears, checkIcon, expectFields, panelFields, selectOption } from './ui';

const WORKFLOW_ID = 'hlcExampleBooked01';
const TRIGGER_NAME = 'When an appointment is booked';
/** Fetch Test Event runs the poll in n8n's backend: longer than a click on a loaded machine. */
const FETCH_TIMEOUT = 60_000;
const HOUR = 3_600_000;

/** The trigger's steps; `shot` names a screenshot file (docs/ or the run's folder). */
export async function driveTrigger(
	running: Running,
	b: Browser,
	shot: (file: string) => string,
): Promise<void> {
	const { base, triggerIconUrl } = running;
	const { page } = b;
	const ndv = page.getByTestId('ndv');
	const canvasNode = page.locator(`[data-test-id="canvas-node"][data-node-name="${TRIGGER_NAME}"]`);

	await step('trigger: node creator', async () => {
		const s = 'trigger: node creator';
		b.phase = 'trigger-creator';
		// A new workflow has no trigger yet: its first step is picked among triggers.
		await page.goto(`${base}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('HighLevel');
		const item = page.getByTestId('item-iterator-item').filter({
			has: page
				.getByTestId('node-creator-item-name')
				.getByText('HighLevel Calendar', { exact: true }),
		});
		await item.waitFor();
		const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
		check(
			s,
			text.includes(CREATOR_ITEM_DESCRIPTION),
			'a new workflow\'s node creator offers "HighLevel Calendar" with the trigger\'s description',
			text,
		);
		await item.click();
		const entries = page.locator(
			'[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]:visible',
		);
		await appears(entries.nth(EXPECTED_TRIGGERS.length - 1));
		const names = (await entries.getByTestId('node-creator-item-name').allInnerTexts()).map((t) =>
			t.trim(),
		);
		console.log(`  triggers: ${names.join(' | ')}`);
		check(
			s,
			JSON.stringify(names) === JSON.stringify(EXPECTED_TRIGGERS),
			`it lists the trigger's ${EXPECTED_TRIGGERS.length} Trigger On choices`,
			names,
		);
		const withIcon = await entries
			.filter({ has: page.locator(`img[src$="${triggerIconUrl}"]`) })
			.count();
		check(s, withIcon === names.length, "every entry shows the trigger's own icon", withIcon);
		await checkIcon(s, entries.first(), triggerIconUrl, 'the trigger in the node creator');
		// Left open: the next step loads another page anyway.
	});

	await step('trigger: example workflow', async () => {
		const s = 'trigger: example workflow';
		b.phase = 'trigger-workflow';
		await page.goto(`${base}/workflow/${WORKFLOW_ID}`);
		await canvasNode.waitFor();
		await page.waitForLoadState('networkidle');
		const names = await page
			.getByTestId('canvas-node')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-name')));
		check(
			s,
			JSON.stringify(names) === JSON.stringify([TRIGGER_NAME, 'Post to #bookings']),
			'the booked-to-Slack example shows the trigger and the Slack node',
			names,
		);
		await checkIcon(s, canvasNode, triggerIconUrl, 'the trigger on the canvas');
		await canvasNode.dblclick();
		await ndv.waitFor();
		await checkIcon(
			s,
			ndv.locator('header, [class*="header"]').first(),
			triggerIconUrl,
			'the trigger icon in the panel header',
		);
		const label = (await ndv.getByTestId('credentials-label').innerText()).trim();
		const cred = await ndv.getByTestId('node-credentials-select').locator('input').inputValue();
		check(
			s,
			label === 'Credential' && cred === CRED_NAME,
			`the panel shows Credential = "${CRED_NAME}"`,
			{ label, cred },
		);
		expectFields(
			s,
			'Trigger (example: Watch = Calendar, Events = Appointment Booked)',
			await panelFields(page),
			[...TRIGGER_ALWAYS, 'Calendar'],
			['User', 'Group ID', ...TRIGGER_EVENT_ONLY],
		);
	});

	await step('trigger: Fetch Test Event', async () => {
		const s = 'trigger: Fetch Test Event';
		b.phase = 'trigger-fetch';
		await running.takeDump?.(); // starts a new recording: the next dump holds this fetch only
		const button = ndv.getByTestId('node-execute-button');
		const label = (await button.innerText()).trim();
		check(s, label === 'Fetch Test Event', 'the panel\'s button reads "Fetch Test Event"', label);
		const asked = Date.now();
		await button.click();
		const success = ndv.getByTestId('node-run-status-success').first();
		const failed = ndv.getByTestId('node-run-status-danger').first();
		await success.or(failed).first().waitFor({ timeout: FETCH_TIMEOUT });
		if (!(await success.isVisible())) {
			const error = await ndv.getByTestId('node-error-message').first().innerText();
			check(s, false, 'Fetch Test Event succeeds', error);
			return;
		}
		await ndv.getByTestId('radio-button-table').click();
		const table = ndv.getByTestId('ndv-data-container').locator('table').first();
		await table.locator('tbody tr').first().waitFor();
		const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
		const rows = await table.locator('tbody tr').count();
		const cells = (await table.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) =>
			t.trim(),
		);
		const item = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
		console.log(`  output: ${rows} row(s); ${JSON.stringify(item)}`);
		check(s, rows === 1, 'the output panel shows one item', rows);
		check(s, item.event === 'appointmentBooked', 'its event is "appointmentBooked"', item);
		const dump = await running.takeDump?.();
		if (dump) {
			const appointment = dump.appointments.find((a) => a.id === item.id);
			check(
				s,
				appointment?.calendarId === SANDBOX_CALENDAR_ID,
				`its id is an appointment of ${SANDBOX_CALENDAR_ID} in the sandbox`,
				{ id: item.id, calendarId: appointment?.calendarId },
			);
			const lists = dump.requests.filter(
				(r) => r.method === 'GET' && r.path === '/calendars/events',
			);
			const seen = lists.map((r) => `${r.status} ${JSON.stringify(r.query)}`);
			const list = lists.find((r) => r.query.calendarId === SANDBOX_CALENDAR_ID);
			check(
				s,
				lists.length === 1 && list?.status === 200,
				`the sandbox received one GET /calendars/events with calendarId ${SANDBOX_CALENDAR_ID}`,
				seen,
			);
			// The default window: 24 hours back, 30 days ahead, from the moment of the poll.
			const start = Number(list?.query.startTime);
			const end = Number(list?.query.endTime);
			const pollAt = start + 24 * HOUR;
			check(
				s,
				end - start === (24 + 30 * 24) * HOUR && pollAt >= asked - 5_000 && pollAt <= Date.now(),
				'it asked for 24 hours back and 30 days ahead',
				{ startTime: list?.query.startTime, endTime: list?.query.endTime, asked },
			);
		} else {
			check(s, /\S/.test(item.id ?? ''), 'it has an id', item);
			console.log('  (attached to an n8n left running: no sandbox requests to read)');
		}
		// The screenshot shows the item as JSON (the table is cut off at the panel's edge), without
		// n8n's "Node executed successfully" toast over it.
		await ndv.getByTestId('radio-button-json').click();
		await ndv
			.getByTestId('ndv-data-container')
			.getByText(item.id, { exact: false })
			.first()
			.waitFor();
		for (const close of await page.locator('.el-notification__closeBtn:visible').all())
			await close.click();
		await page.locator('.el-notification:visible').first().waitFor({ state: 'hidden' });
		await page.screenshot({ path: shot('editor-trigger.png') });
	});

	// Changes the example (n8n saves it): after the fetch and its screenshot.
	await step('trigger panel: Watch', async () => {
		const s = 'trigger panel: Watch';
		b.phase = 'trigger-watch';
		for (const w of TRIGGER_WATCH) {
			await selectOption(page, 'watch', w.watch);
			expectFields(
				s,
				`Watch = ${w.watch}`,
				await panelFields(page),
				[...TRIGGER_ALWAYS, ...w.fields],
				w.absent,
			);
		}
	});

	await step('trigger panel: Events', async () => {
		const s = 'trigger panel: Events';
		b.phase = 'trigger-events';
		const events = ['Appointment Booked'];
		for (const e of TRIGGER_EVENTS) {
			await addOption(page, 'events', e.event);
			events.push(e.event);
			expectFields(
				s,
				`Events = ${events.join(' + ')}`,
				await panelFields(page),
				[...TRIGGER_ALWAYS, 'Calendar', ...e.fields],
				e.absent,
			);
		}
	});

	await step('trigger panel: Service Bookings', async () => {
		const s = 'trigger panel: Service Bookings';
		b.phase = 'trigger-bookings';
		await selectOption(page, 'triggerOn', 'Service Bookings');
		const { fields, absent, event, adds } = TRIGGER_BOOKINGS;
		expectFields(s, 'Trigger On = Service Bookings', await panelFields(page), fields, absent);
		await addOption(page, 'bookingEvents', event);
		expectFields(
			s,
			`Trigger On = Service Bookings, Events + ${event}`,
			await panelFields(page),
			[...fields, ...adds],
			absent.filter((field) => !adds.includes(field)),
		);
	});
}
