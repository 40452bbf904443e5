// Debian's chromium for the editor run: installed with apt-get when missing (as root), launched by
// playwright-core with a fresh profile, its console errors, page errors and failed requests
// collected; whatever is left of it at the end (found by its profile folder) is killed.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';
import { currentTally, step, StepError } from '../checks';
import { run } from '../processes';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** How long the UI may take for any one thing (a click, a field to show up). */
export const UI_TIMEOUT = 20_000;

let browserContext: BrowserContext | undefined;
let chromiumProfile: string | undefined;
/** Pids whose command line names our chromium profile folder (chromium and its helpers). */
export function chromiumPids(): number[] {
	if (!chromiumProfile) return [];
	const pids: number[] = [];
	for (const d of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
		try {
			if (fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(chromiumProfile))
				pids.push(Number(d));
		} catch {
			/* gone */
		}
	}
	return pids;
}
/** playwright closes chromium with the context; whatever is left of it (found by profile folder) is killed. */
export function killBrowser(): void {
	for (const pid of chromiumPids()) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
}

/** Closes chromium (playwright closes it with the context), then kills whatever is left of it. */
export async function closeBrowser(): Promise<void> {
	await browserContext?.close().catch(() => undefined);
	killBrowser();
}

/** A fresh machine has no browser: Debian's chromium is installed with apt-get when we are root. */
export async function ensureChromium(): Promise<void> {
	if (fs.existsSync(CHROMIUM)) return console.log(`  ${CHROMIUM} is there`);
	if (process.env.CHROMIUM_PATH)
		throw new StepError('chromium', `CHROMIUM_PATH=${CHROMIUM} does not exist`);
	if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
		throw new StepError(
			'chromium',
			`${CHROMIUM} not found: install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = ['install', '-y', '-q', '--no-install-recommends', 'chromium'];
	console.log(`  ${CHROMIUM} not found: apt-get ${install.join(' ')}`);
	const first = await run('chromium', 'apt-get', install, {
		env,
		timeoutMs: 10 * 60_000,
		allowFail: true,
	});
	if (first.code !== 0) {
		console.log('  apt-get install failed; apt-get update, then again');
		await run('chromium', 'apt-get', ['update', '-q'], { env, timeoutMs: 5 * 60_000 });
		await run('chromium', 'apt-get', install, { env, timeoutMs: 10 * 60_000 });
	}
	if (!fs.existsSync(CHROMIUM))
		throw new StepError('chromium', `apt-get installed chromium, but ${CHROMIUM} is still missing`);
}

export interface ConsoleEntry {
	kind: 'console' | 'pageerror';
	text: string;
	url: string;
	phase: string;
}

/** The page, and what it logged; `phase` (set by the steps) tags each entry. */
export interface Browser {
	page: Page;
	phase: string;
	logs: ConsoleEntry[];
	failedRequests: Array<{ url: string; error: string; phase: string }>;
}

/**
 * Step browser: chromium with a fresh profile in `work`. From here on a failed step leaves a
 * screenshot and the page's HTML in `work`.
 */
export async function openBrowser(work: string): Promise<Browser> {
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(work, 'chromium-profile-'));
	chromiumProfile = profile;
	const b: Omit<Browser, 'page'> = { phase: 'launch', logs: [], failedRequests: [] };
	const page = await step('browser', async () => {
		// A persistent context is how playwright takes our own, fresh --user-data-dir.
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			timeout: 60_000,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run',
				'--disable-quic',
				'--disable-sync',
			],
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		browserContext = context;
		context.setDefaultTimeout(UI_TIMEOUT);
		console.log(
			`  ${CHROMIUM} (chromium ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}), fresh profile ${profile}`,
		);
		const p = context.pages()[0] ?? (await context.newPage());
		p.on('console', (m) => {
			if (m.type() === 'error')
				b.logs.push({ kind: 'console', text: m.text(), url: m.location().url, phase: b.phase });
		});
		p.on('pageerror', (e) =>
			b.logs.push({ kind: 'pageerror', text: e.stack ?? e.message, url: '', phase: b.phase }),
		);
		// Leaving a workflow whose changes n8n has not saved yet asks "leave the page?": leave (this
		// n8n is thrown away after the run); any other dialog is dismissed, as playwright does.
		p.on('dialog', (d) => {
			void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => undefined);
		});
		p.on('requestfailed', (r) =>
			b.failedRequests.push({ url: r.url(), error: r.failure()?.errorText ?? '', phase: b.phase }),
		);
		currentTally().onStepFailure = async (name) => {
			const file = path.join(work, `failure-${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
			await p.screenshot({ path: file }).then(
				() => console.log(`  screenshot of the failure: ${file}`),
				() => undefined,
			);
			await p.content().then(
				(html) => fs.writeFileSync(file.replace(/\.png$/, '.html'), html),
				() => undefined,
			);
		};
		return p;
	});
	return Object.assign(b, { page });
}
