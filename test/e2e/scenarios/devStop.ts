// `npm run dev` stops cleanly when its npm process gets SIGTERM or SIGINT (what a process manager
// sends): started as users start it, through npm, with the e2e's packed tarball (HLC_DEV_TARBALL,
// so it builds nothing) and the n8n the 2.x run installed (cached: nothing new is installed). Ready
// when the editor URL it prints answers; then the signal goes to the npm process alone, and once
// npm has exited: no process it started is alive (dev.ts writes their pids to HLC_DEV_PID_FILE, each
// child the leader of its own process group), the editor's and the sandbox's ports are free and the
// work folder is gone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, step, StepError } from '../checks';
import { alive, freePort, sleep, startBackground } from '../processes';

const READY_MS = 8 * 60_000; // install check, sandbox, two n8n imports and n8n's start, on a loaded machine
const STOP_MS = 60_000; // n8n's graceful shutdown is bounded by dev.ts at 15 s, then SIGKILL

/** Both signals, one `npm run dev` each. */
export async function devStopScenario(tarball: string, work: string): Promise<void> {
	for (const signal of ['SIGTERM', 'SIGINT'] as const)
		await step(`npm run dev stopped by ${signal}`, () => devRun(signal, tarball, work));
}

/** Waits (bounded) until `done()` holds; false if it still does not after `ms`. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (!done() && Date.now() < end) await sleep(100);
	return done();
}

async function devRun(signal: 'SIGTERM' | 'SIGINT', tarball: string, work: string): Promise<void> {
	const s = `npm run dev stopped by ${signal}`;
	const pidFile = path.join(work, `dev-${signal}.pids`);
	const logFile = path.join(work, `dev-${signal}.log`);
	const readPids = () =>
		fs.existsSync(pidFile)
			? fs.readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number)
			: [];
	const dev = startBackground(
		s,
		'npm',
		['run', 'dev'],
		{ ...process.env, HLC_DEV_TARBALL: tarball, HLC_DEV_PID_FILE: pidFile },
		/Editor:\s+http/,
		READY_MS,
		logFile,
	);
	const npmPid = dev.child.pid!;
	try {
		const editor = (await dev.first).match(/http:\/\/[\d.]+:\d+/)?.[0];
		const sandbox = (
			await dev.waitFor(/embedded HighLevel sandbox/, 10_000, 'the sandbox URL')
		).match(/http:\/\/[\d.]+:\d+/)?.[0];
		const workFolder = (await dev.waitFor(/Logs:/, 10_000, 'the work folder')).match(
			/Logs:\s+(\S+)/,
		)?.[1];
		if (!editor || !sandbox || !workFolder)
			throw new StepError(s, `no editor URL, sandbox URL or work folder in ${logFile}`);
		// Ready: the printed URL answers (dev.ts prints it once n8n's REST API does).
		const answers = await fetch(`${editor}/rest/settings`).catch(() => undefined);
		check(s, answers?.ok === true, `the printed editor URL ${editor} answers`, answers?.status);
		const pids = readPids();
		check(
			s,
			pids.length >= 3 && fs.existsSync(workFolder),
			'dev.ts recorded its pid and its children; its work folder exists',
			{ pids, workFolder },
		);
		const runningBefore = pids.filter((pid) => alive(pid));
		console.log(
			`  ${editor} ready; running: ${runningBefore.join(', ')}; sending ${signal} to npm (${npmPid})`,
		);

		const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
			dev.child.once('close', (code, sig) => resolve({ code, signal: sig })),
		);
		const started = Date.now();
		process.kill(npmPid, signal); // the npm process only, as a process manager does
		let timer: NodeJS.Timeout | undefined;
		const result = await Promise.race([
			exited,
			new Promise<never>(
				(_, reject) =>
					(timer = setTimeout(
						() =>
							reject(new StepError(s, `npm did not exit within ${STOP_MS / 1000}s of ${signal}`)),
						STOP_MS,
					)),
			),
		]).finally(() => clearTimeout(timer));
		console.log(
			`  npm exited (code ${result.code}, signal ${result.signal}) ${((Date.now() - started) / 1000).toFixed(1)}s after ${signal}`,
		);
		check(s, result.code === 0, 'npm run dev exits 0 after a requested stop', result);
		// A killed process takes a moment to be reaped: wait for that (bounded), not a fixed time.
		const left = () => [npmPid, ...pids].filter((pid) => alive(-pid) || alive(pid));
		await until(() => left().length === 0, 5_000);
		check(
			s,
			left().length === 0,
			'no process of npm run dev is left (npm, dev.ts, n8n, sandbox, their groups)',
			left(),
		);
		const ports = [editor, sandbox].map((url) => Number(new URL(url).port));
		const free = await Promise.all(ports.map(async (port) => (await freePort(port)) === port));
		check(s, free.every(Boolean), `ports ${ports.join(' and ')} (editor, sandbox) are free`, free);
		check(s, !fs.existsSync(workFolder), `the work folder ${workFolder} is removed`, workFolder);
	} finally {
		// Whatever happened, leave nothing behind: dev.ts's children are not in npm's process group.
		for (const pid of [npmPid, ...readPids()].filter((p) => alive(-p)))
			process.kill(-pid, 'SIGKILL');
	}
}
