// The child processes of the e2e, editor and dev scripts: each runs in its own process group, so
// killing the group also ends what it started (n8n's task runner, chromium's helpers). Every child is
// tracked and killed when the script exits, is interrupted or stops a run early, so nothing is left
// behind. Failures are StepErrors that name the step.
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { StepError } from './checks';

export const ROOT = path.resolve(__dirname, '..', '..');

const children = new Set<ChildProcess>();
/** Every process group started here, running or not: what must be gone at the end. */
const groups: number[] = [];
/** While set, no new child starts: run() and startBackground() refuse with this reason. */
let refusal: string | undefined;
export function refuseNewProcesses(reason: string | undefined): void {
	refusal = reason;
}

/** Called with the pid (= process group) of every child as it starts (dev.ts records them). */
const startListeners: Array<(pid: number) => void> = [];
export function onChildStarted(listener: (pid: number) => void): void {
	startListeners.push(listener);
}

/**
 * `signal` to every process group started here that still has a live member, including those whose
 * leader has already exited (n8n's task runner can outlive n8n for a moment).
 */
export function signalGroups(signal: NodeJS.Signals): void {
	for (const group of groupsLeftBehind()) {
		try {
			process.kill(-group, signal);
		} catch {
			/* gone meanwhile */
		}
	}
}

export function signalChildren(signal: NodeJS.Signals): void {
	for (const child of children) {
		try {
			if (child.pid) process.kill(-child.pid, signal);
		} catch {
			/* already gone */
		}
	}
}

export const runningChildren = (): ChildProcess[] => [...children];

export const anyChildRunning = (): boolean =>
	[...children].some((child) => child.exitCode === null && child.signalCode === null);

/**
 * Kills every child when the process exits; on Ctrl-C or SIGTERM runs `onSignal` (default: kill all
 * and exit 130). `alsoKill` runs first in both cases, for what is not a child (chromium's helpers).
 */
export function killChildrenOnExit(
	options: { alsoKill?: () => void; onSignal?: () => void } = {},
): void {
	process.on('exit', () => {
		options.alsoKill?.();
		signalChildren('SIGKILL');
	});
	for (const sig of ['SIGINT', 'SIGTERM'] as const) {
		process.on(sig, () => {
			if (options.onSignal) return options.onSignal();
			console.error(`\n${sig}: stopping children`);
			options.alsoKill?.();
			signalChildren('SIGKILL');
			process.exit(130);
		});
	}
}

export const tail = (text: string, lines = 40): string =>
	text.trim().split('\n').slice(-lines).join('\n');
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function spawnTracked(
	step: string,
	cmd: string,
	args: string[],
	cwd: string,
	env: NodeJS.ProcessEnv,
): ChildProcess {
	if (refusal) throw new StepError(step, `not started (\`${cmd}\`): ${refusal}`);
	const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);
	if (child.pid) {
		groups.push(child.pid);
		for (const listener of startListeners) listener(child.pid);
	}
	child.on('close', () => children.delete(child));
	return child;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		process.kill(-child.pid!, signal);
	} catch {
		/* gone */
	}
}

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
	seconds: number;
}

/** Runs a command to its end; rejects on a non-zero exit (unless allowFail) or after timeoutMs. */
export function run(
	step: string,
	cmd: string,
	args: string[],
	opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; allowFail?: boolean },
): Promise<RunResult> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawnTracked(step, cmd, args, opts.cwd ?? ROOT, opts.env ?? process.env);
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (d) => (stdout += d));
		child.stderr!.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			killGroup(child, 'SIGKILL');
			reject(
				new StepError(
					step,
					`\`${cmd} ${args.join(' ')}\` timed out after ${opts.timeoutMs / 1000}s\n${tail(stdout + stderr)}`,
				),
			);
		}, opts.timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(new StepError(step, `could not start ${cmd}: ${e.message}`));
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			const result = { code, stdout, stderr, seconds: (Date.now() - started) / 1000 };
			if (code !== 0 && !opts.allowFail) {
				reject(
					new StepError(
						step,
						`\`${cmd} ${args.join(' ')}\` exited with ${code}\n${tail(stdout + '\n' + stderr)}`,
					),
				);
			} else resolve(result);
		});
	});
}

/**
 * Starts a long-running child, its stdout and stderr going to logFile. `first` resolves with the first
 * stdout line matching `ready`; `waitFor` waits for the nth line matching another pattern. Both reject,
 * naming the step and the log, when the child exits first or the time is up.
 */
export function startBackground(
	step: string,
	cmd: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	ready: RegExp,
	timeoutMs: number,
	logFile: string,
) {
	const child = spawnTracked(step, cmd, args, ROOT, env);
	const log = fs.createWriteStream(logFile);
	const lines: string[] = [];
	const waiters: Array<() => void> = [];
	let partial = '';
	child.stdout!.on('data', (d) => {
		log.write(d);
		partial += d;
		let i;
		while ((i = partial.indexOf('\n')) >= 0) {
			lines.push(partial.slice(0, i));
			partial = partial.slice(i + 1);
		}
		for (const wake of [...waiters]) wake();
	});
	child.stderr!.on('data', (d) => log.write(d));
	// The file holds the whole log only once the stream has flushed after the child's exit: a check
	// that reads it (Postgres's last line) waits for this, not for the exit alone.
	const logged = new Promise<void>((resolve) => log.once('close', () => resolve()));
	child.once('close', () => log.end());
	const logTail = () =>
		tail(fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : lines.join('\n'));
	/** Resolves with the nth stdout line matching re (n = 1: the first). */
	const waitFor = (re: RegExp, ms: number, what: string, nth = 1) =>
		new Promise<string>((resolve, reject) => {
			const found = () => lines.filter((l) => re.test(l))[nth - 1];
			const done = (fn: () => void) => {
				clearTimeout(timer);
				waiters.splice(waiters.indexOf(poll), 1);
				child.off('close', onClose);
				fn();
			};
			const poll = () => {
				const line = found();
				if (line !== undefined) done(() => resolve(line));
			};
			const onClose = (code: number | null) =>
				done(() =>
					reject(
						new StepError(
							step,
							`${cmd} exited (${code}) before "${what}" (log: ${logFile}):\n${logTail()}`,
						),
					),
				);
			const timer = setTimeout(
				() =>
					done(() =>
						reject(
							new StepError(
								step,
								`no "${what}" from ${cmd} within ${ms / 1000}s (log: ${logFile})`,
							),
						),
					),
				ms,
			);
			waiters.push(poll);
			child.once('close', onClose);
			poll();
		});
	const first = waitFor(ready, timeoutMs, String(ready));
	first.catch(() => undefined); // handled by whoever awaits it
	return { child, waitFor, first, logged };
}

/**
 * `signal` (SIGTERM; Postgres's fast shutdown is SIGINT) to the child's group, SIGKILL after `ms`;
 * resolves when it has exited.
 */
export async function stopChild(
	child: ChildProcess,
	ms = 10_000,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
	killGroup(child, signal);
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), ms);
	await closed;
	clearTimeout(timer);
}

/** A free port on 127.0.0.1: `preferred` if it is free, else one the system picks. */
export function freePort(preferred = 0): Promise<number> {
	const listen = (port: number) =>
		new Promise<number>((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				const { port: bound } = server.address() as net.AddressInfo;
				server.close(() => resolve(bound));
			});
		});
	return listen(preferred).catch(() => listen(0));
}

/** The process groups started here that still have a live member (none, after a clean stop). */
export function groupsLeftBehind(): number[] {
	return groups.filter((group) => alive(-group));
}

export function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
