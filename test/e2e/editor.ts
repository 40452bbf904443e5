// The editor in a real browser: the packed node in a real n8n 2.41.1 (`n8n start`), driven by
// playwright-core in Debian's chromium (/usr/bin/chromium; `apt-get install -y chromium`).
//   npx tsx test/e2e/editor.ts            (npm run test:e2e:editor)
// Steps: build + pack -> install n8n (cached) -> user folder with the package installed as a community
// package -> sandbox -> import the credential + example workflows (CLI) -> n8n start on 127.0.0.1 ->
// owner account (REST) -> sign in through the UI -> open an example workflow, the node's panel, every
// resource and operation, and assert the fields, the icons of the node and the credential -> the
// trigger: its entries in the node creator, the Slack example's panel, Fetch Test Event against the
// sandbox (seeded with appointments around now), its fields per Watch and Events -> the instant
// trigger: its entry and events in the node creator, its panel's webhook URLs (the Production URL's
// host and path), its notices and fields per Source -> an OAuth2 credential made in the UI and
// connected (n8n's popup, the sandbox's authorization page, n8n's callback and code exchange), a
// workflow with it run from the canvas -> the page logged no errors -> screenshots in docs/.
// Every failure names its step; the whole run has a deadline; n8n, the sandbox and chromium are
// killed in `finally` (and on exit / SIGINT / SIGTERM).
//   E2E_EDITOR_TIMEOUT_MS  overall deadline (default 10 min)
//   E2E_KEEP=1             keep the temp folder (n8n log, sandbox log)
//   E2E_EDITOR_HOLD=1      after setup, print the URL + login and wait (for exploring the UI by hand)
//   E2E_EDITOR_BASE=url    skip the setup and drive an n8n left running by E2E_EDITOR_HOLD=1
// Here: the deadline, the order of things and the final cleanup. In editor/: setup.ts (n8n with the
// package), browser.ts (chromium), views.ts (the steps in the browser), trigger.ts (the trigger's),
// instantTrigger.ts (the instant trigger's), oauth.ts (the OAuth2 connect and run), expected.ts
// (what the panels must show), ui.ts (reading the panel); their checks and steps go through
// checks.ts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { begin, passed, report, step, StepError, stop } from './checks';
import {
	chromiumPids,
	closeBrowser,
	ensureChromium,
	killBrowser,
	openBrowser,
} from './editor/browser';
import { attach, setup } from './editor/setup';
import { driveEditor } from './editor/views';
import { N8N_VERSION } from './install-n8n';
import { E2E_OWNER } from './n8nSetup';
import {
	groupsLeftBehind,
	killChildrenOnExit,
	runningChildren,
	signalChildren,
	sleep,
	stopChild,
} from './processes';

const DEADLINE_MS = Number(process.env.E2E_EDITOR_TIMEOUT_MS ?? 10 * 60_000);
const KEEP = process.env.E2E_KEEP === '1';
const HOLD = process.env.E2E_EDITOR_HOLD === '1';

killChildrenOnExit({ alsoKill: killBrowser });

const tally = begin(`editor in n8n@${N8N_VERSION}`);

async function main(): Promise<void> {
	const deadline = setTimeout(() => {
		console.error(
			`\nE2E editor deadline of ${DEADLINE_MS / 1000}s reached; killing n8n, the sandbox and chromium.`,
		);
		killBrowser();
		signalChildren('SIGKILL');
		process.exit(124);
	}, DEADLINE_MS);
	deadline.unref();
	await step('chromium', ensureChromium);

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-editor-'));
	console.log(`work folder: ${work}`);
	try {
		const running = process.env.E2E_EDITOR_BASE
			? await attach(process.env.E2E_EDITOR_BASE, work)
			: await setup(work);
		if (HOLD) {
			console.log(
				`\nHOLD: ${running.base}  (${E2E_OWNER.email} / ${E2E_OWNER.password}); Ctrl-C to stop`,
			);
			deadline.refresh();
			await new Promise(() => undefined);
		}
		await driveEditor(running, await openBrowser(work));
	} finally {
		await closeBrowser();
		for (const child of runningChildren()) await stopChild(child);
		signalChildren('SIGKILL');
		// Nothing may be left: no chromium with our profile, no process in n8n's or the sandbox's group.
		// Killed processes take a moment to go, longer on a loaded machine: wait until they are gone
		// (at most 15 s), not a fixed time (500 ms once reported n8n's group as left behind).
		const until = Date.now() + 15_000;
		while (Date.now() < until && (chromiumPids().length > 0 || groupsLeftBehind().length > 0))
			await sleep(100);
		const left = [
			...chromiumPids().map((p) => `chromium pid ${p}`),
			...groupsLeftBehind().map((g) => `process group ${g}`),
		];
		if (left.length) {
			console.error(`left behind: ${left.join(', ')}; killing`);
			killBrowser();
			for (const g of groupsLeftBehind()) process.kill(-g, 'SIGKILL');
			stop(tally, new StepError('cleanup', `left behind: ${left.join(', ')}`));
		} else console.log('\nno process left behind (chromium, n8n, sandbox)');
		if (!KEEP && passed(tally)) fs.rmSync(work, { recursive: true, force: true });
		else console.log(`\nkept ${work} for inspection`);
	}
}

main().then(
	() => report('E2E EDITOR', [tally]),
	(e) => report('E2E EDITOR', [tally], e),
);
