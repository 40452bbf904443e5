// End-to-end: the packed node in a real n8n, against the HighLevel sandbox, on both majors users run:
// n8n@2.41.1 under Node 24 and n8n@1.123.81 (newest 1.x) under this machine's Node 20.
//   npx tsx test/e2e/run-e2e.ts          (npm run test:e2e)
//   E2E_N8N=2|1|both (default both)       which majors to run
// Steps: build + pack (once) -> per major: install n8n (cached per version) -> own user folder with the
// package installed as a community package -> own sandbox -> import credentials + example workflows ->
// `n8n execute` each, assert outputs and what the sandbox received -> an OAuth2 credential's expired
// token renewed (three `n8n execute` runs) -> credential test through n8n's REST API (good and bad
// token) -> the trigger under `n8n start`, and on the same start the instant trigger (signed pushes
// from the sandbox, refusals, the workflow builder's secret) -> the node's tool variant behind n8n's
// MCP Server Trigger, called by an MCP client -> a short summary per major.
// Every failure names its step and its major; each major has a deadline; children are killed on exit.
// Here: the majors, their deadlines and the final cleanup. The scenarios are in scenarios/: major.ts
// (install, package, import), examples.ts (the three example workflows), rerun.ts (a partial failure
// and its re-run), oauth.ts (the OAuth2 credential: an expired token renewed once, the rotated refresh
// token stored), credentialTest.ts, trigger.ts (instantTrigger.ts runs on its n8n; recorder.ts is
// what both saw), mcp.ts (with mcpWorkflow.ts: the tools over MCP), devStop.ts (2.x only: `npm run
// dev` stopped by SIGTERM and by SIGINT leaves nothing behind); their checks and steps go through
// checks.ts.
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	asStepError,
	begin,
	errorText,
	passed,
	report,
	step,
	StepError,
	stop,
	type Tally,
} from './checks';
import { installN8nMajor, n8nMajor } from './install-n8n';
import { buildAndPack, startSandboxProcess } from './n8nSetup';
import {
	groupsLeftBehind,
	killChildrenOnExit,
	refuseNewProcesses,
	signalChildren,
	sleep,
	stopChild,
} from './processes';
import { credentialTest } from './scenarios/credentialTest';
import { devStopScenario } from './scenarios/devStop';
import { bookFromForm, bookService, holidayBlock, noShowSweep } from './scenarios/examples';
import { instantTriggerScenario } from './scenarios/instantTrigger';
import { importWorkflows, installMajor } from './scenarios/major';
import { mcpScenario } from './scenarios/mcp';
import { oauthScenario } from './scenarios/oauth';
import { rerunScenario } from './scenarios/rerun';
import { triggerScenario } from './scenarios/trigger';

/** Per major; a cold install of one n8n version alone takes about 5 minutes. */
const DEADLINE_MS = Number(process.env.E2E_TIMEOUT_MS ?? 20 * 60_000);
const MAJORS: Array<1 | 2> = (() => {
	const v = (process.env.E2E_N8N ?? 'both').trim().toLowerCase();
	if (v === '2') return [2];
	if (v === '1') return [1];
	if (v === 'both' || v === '') return [2, 1];
	console.error(`E2E_N8N must be 2, 1 or both (got "${v}")`);
	process.exit(2);
})();
const KEEP = process.env.E2E_KEEP === '1'; // keep the temp folder for inspection

killChildrenOnExit();

/** The whole suite against one n8n major, in its own folder, user folder and sandbox. */
async function runMajor(major: 1 | 2, tarball: string, root: string): Promise<void> {
	const cfg = n8nMajor(major);
	const work = path.join(root, `n8n${major}`);
	fs.mkdirSync(work, { recursive: true });
	console.log(`\n================ n8n ${major}.x: n8n@${cfg.version} (work folder ${work})`);
	let sandboxChild: ChildProcess | undefined;
	try {
		const n8n = await installMajor(major, tarball, work);
		const sandbox = await step('start-sandbox', () => startSandboxProcess('start-sandbox', work));
		sandboxChild = sandbox.child;
		const run = await importWorkflows(n8n, sandbox);
		await noShowSweep(run);
		await bookFromForm(run);
		await bookService(run);
		await holidayBlock(run);
		await rerunScenario(run);
		await oauthScenario(run);
		await credentialTest(run);
		// The instant trigger runs on the polling trigger's `n8n start` (one start for both).
		await triggerScenario(run, [instantTriggerScenario(run)]);
		await mcpScenario(run);
		// `npm run dev` uses the 2.x n8n: run once it is installed, and with the tarball built here.
		if (major === 2) await devStopScenario(tarball, work);
	} finally {
		if (sandboxChild) await stopChild(sandboxChild);
		signalChildren('SIGKILL');
	}
}

async function main(tallies: Tally[]): Promise<void> {
	// Backstop for the whole run; each major also has its own deadline (below).
	const hardMs = DEADLINE_MS * MAJORS.length + 5 * 60_000;
	const hard = setTimeout(() => {
		console.error(
			`\nE2E deadline of ${hardMs / 1000}s for the whole run reached; killing children.`,
		);
		signalChildren('SIGKILL');
		process.exit(124);
	}, hardMs);
	hard.unref();

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hlc-e2e-'));
	console.log(`work folder: ${work}; majors: ${MAJORS.join(', ')}`);
	let buildError: StepError | undefined;
	let cleanupError: StepError | undefined;
	try {
		// 1. build and pack, once for all majors
		let tarball: string;
		const started = Date.now();
		console.log('\n▶ build-and-pack');
		try {
			const packed = await buildAndPack('build-and-pack', work);
			tarball = packed.tarball;
			console.log(`  ${path.basename(tarball)}: ${packed.entryCount} files, ${packed.size} bytes`);
		} catch (e) {
			buildError = asStepError('build-and-pack', e);
			throw e;
		} finally {
			console.log(`  (${((Date.now() - started) / 1000).toFixed(1)}s)`);
		}

		// 2. the n8n installs, before any major's deadline starts: a cold install on a busy machine
		// takes minutes that say nothing about the package (each major's run then finds it cached)
		for (const major of MAJORS) {
			console.log(`\n▶ install n8n ${major}.x`);
			installN8nMajor(major, (m) => console.log(`  ${m}`));
		}

		for (const major of MAJORS) {
			const cfg = n8nMajor(major);
			const tally = begin(`n8n ${major}.x = n8n@${cfg.version} on node ?`, `n8n@${cfg.version}`);
			tallies.push(tally);
			refuseNewProcesses(undefined);
			const t0 = Date.now();
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<never>((_, reject) => {
				timer = setTimeout(() => {
					tally.aborted = true;
					refuseNewProcesses(`the ${major}.x run ran out of time`);
					signalChildren('SIGKILL');
					reject(
						new StepError(
							`${tally.tag} deadline`,
							`the ${major}.x run did not finish within ${DEADLINE_MS / 1000}s (E2E_TIMEOUT_MS); children killed`,
						),
					);
				}, DEADLINE_MS);
			});
			const runP = runMajor(major, tarball, work);
			runP.catch(() => undefined); // after a deadline its own rejection no longer matters
			try {
				await Promise.race([runP, timeout]);
			} catch (e) {
				console.error(`\n${tally.tag} FAILED at ${errorText(stop(tally, e))}`);
			} finally {
				clearTimeout(timer);
				tally.aborted = true;
				refuseNewProcesses(`the ${major}.x run has ended`);
				signalChildren('SIGKILL');
				// After a deadline the run is still unwinding: let it settle (its children are gone and it
				// can start no new ones) before the next major starts, so it cannot touch the next one.
				let settleTimer: NodeJS.Timeout | undefined;
				await Promise.race([
					runP.catch(() => undefined),
					new Promise((r) => (settleTimer = setTimeout(r, 150_000))),
				]);
				clearTimeout(settleTimer);
				signalChildren('SIGKILL');
				tally.seconds = (Date.now() - t0) / 1000;
			}
		}
	} catch (e) {
		buildError ??= asStepError('build-and-pack', e);
	} finally {
		signalChildren('SIGKILL');
		// Nothing may be left: no process in the group of any n8n, sandbox or command started here.
		// A killed process takes a moment to be gone: wait for that (bounded), not a fixed time.
		for (let waited = 0; waited < 10_000 && groupsLeftBehind().length; waited += 100)
			await sleep(100);
		const left = groupsLeftBehind();
		if (left.length) {
			console.error(`\nleft behind: process groups ${left.join(', ')}; killing`);
			for (const group of left) process.kill(-group, 'SIGKILL');
			cleanupError = new StepError(
				'cleanup',
				`process groups ${left.join(', ')} were still running after the run`,
			);
		} else console.log('\nno process left behind (n8n, sandbox, commands)');
		const ok = !buildError && !cleanupError && tallies.every(passed);
		if (!KEEP && ok) fs.rmSync(work, { recursive: true, force: true });
		else console.log(`\nkept ${work} for inspection`);
	}
	if (buildError) throw buildError;
	if (cleanupError) throw cleanupError;
}

const tallies: Tally[] = [];
main(tallies).then(
	() => report('E2E', tallies),
	(e) => report('E2E', tallies, e),
);
