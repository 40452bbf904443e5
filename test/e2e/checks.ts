// The one assertion style of the e2e runs (run-e2e.ts per n8n major, editor.ts), and the error every
// e2e script throws. A run keeps a Tally:
//   check(step, ok, what, detail?)  records one check, passed or failed; it never throws
//   step(name, fn)                  runs a named step, timed; whatever it throws becomes a StepError
//                                   naming the step (and the run's tag), recorded as what stopped the
//                                   run, and is thrown on: later steps need what earlier ones set up
//   report(title, tallies, fatal?)  prints every run's checks, failures and timings; exits 0 only when
//                                   every check passed and nothing stopped a run
// Setup failures (n8n did not start, an install failed) throw a StepError, in a step or outside one.

export class StepError extends Error {
	constructor(
		readonly step: string,
		message: string,
	) {
		super(`[${step}] ${message}`);
	}
}

/** The checks and steps of one run: the editor's, or one n8n major's. */
export interface Tally {
	/** Names the run in the report, e.g. "n8n 2.x = n8n@2.41.1 on node v24.11.1". */
	label: string;
	/** Prefixed to every step and failure of the run, e.g. "n8n@1.123.81"; '' for none. */
	tag: string;
	passed: number;
	failures: string[];
	/** Seconds per step, by step name. */
	timings: Record<string, number>;
	/** The first StepError that stopped the run. */
	error?: string;
	/** Set at a deadline: step() starts no more steps. */
	aborted: boolean;
	/** The steps started and not yet ended, so a deadline can say where the run was. */
	running: string[];
	/** More for the report's line, e.g. how n8n was installed. */
	notes: string[];
	started: number;
	/** Set when the run ended; until then the report counts to now. */
	seconds?: number;
	/** Runs when a step fails, before its error is thrown on (the editor: a screenshot of the page). */
	onStepFailure?: (step: string) => Promise<void>;
}

let current: Tally | undefined;

/** Starts a run's tally; check() and step() record into it until the next begin(). */
export function begin(label: string, tag = ''): Tally {
	current = {
		label,
		tag,
		passed: 0,
		failures: [],
		timings: {},
		aborted: false,
		running: [],
		notes: [],
		started: Date.now(),
	};
	return current;
}

export function currentTally(): Tally {
	if (!current) throw new Error('check() or step() before begin()');
	return current;
}

const shown = (detail: unknown) => JSON.stringify(detail);

/** Records one check of `step`; a failure is printed and kept for the report, never thrown. */
export function check(step: string, ok: boolean, what: string, detail?: unknown): void {
	const tally = currentTally();
	if (ok) {
		tally.passed++;
		console.log(`    ok   ${what}`);
		return;
	}
	const where = tally.tag ? `${tally.tag} ${step}` : step;
	console.log(`    FAIL ${what}${detail === undefined ? '' : `\n         got ${shown(detail)}`}`);
	tally.failures.push(`[${where}] ${what}${detail === undefined ? '' : `: ${shown(detail)}`}`);
}

/** The message of an error as the report shows it: a StepError's own, anything else's stack. */
export function errorText(e: unknown): string {
	if (e instanceof StepError) return e.message;
	return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** `e` as a StepError of `stepName`; one that names a step already keeps it. */
export function asStepError(stepName: string, e: unknown): StepError {
	return e instanceof StepError ? e : new StepError(stepName, errorText(e));
}

/** Records `e` as what stopped the run (the first one wins) and returns it, to be thrown on. */
export function stop<E>(tally: Tally, e: E): E {
	tally.error ??= errorText(e);
	return e;
}

/** Runs one named step of the current run: timed, and a failure is a StepError naming the step. */
export async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
	const tally = currentTally();
	const full = tally.tag ? `${tally.tag} ${name}` : name;
	if (tally.aborted) throw stop(tally, new StepError(full, 'not started: the run ran out of time'));
	console.log(`\n▶ ${full}`);
	const started = Date.now();
	tally.running.push(full);
	try {
		return await fn();
	} catch (e) {
		await tally.onStepFailure?.(name).catch(() => undefined);
		throw stop(tally, withTag(tally, asStepError(full, e)));
	} finally {
		tally.running.splice(tally.running.indexOf(full), 1);
		tally.timings[name] = (Date.now() - started) / 1000;
		console.log(`  (${tally.timings[name].toFixed(1)}s)`);
	}
}

/** Inner helpers name the bare step: add the run's tag if it is not there yet. */
function withTag(tally: Tally, e: StepError): StepError {
	if (!tally.tag || e.step.startsWith(tally.tag)) return e;
	return new StepError(`${tally.tag} ${e.step}`, e.message.replace(`[${e.step}] `, ''));
}

export const passed = (tally: Tally): boolean => !tally.error && tally.failures.length === 0;

/**
 * Prints every run (PASS/FAIL, checks passed and failed, time, timings per step, what stopped it,
 * each failure), then one line, and exits: 0 when every run passed and nothing else failed (`fatal`:
 * what stopped the script outside a run, e.g. the build), else 1.
 */
export function report(title: string, tallies: Tally[], fatal?: unknown): never {
	console.log('\n================ summary');
	for (const t of tallies) {
		const seconds = t.seconds ?? (Date.now() - t.started) / 1000;
		console.log(
			`${passed(t) ? 'PASS' : 'FAIL'}  ${t.label}: ${t.passed} checks ok, ${t.failures.length} failed, ${seconds.toFixed(1)}s${t.notes.map((n) => `; ${n}`).join('')}`,
		);
		const timings = Object.entries(t.timings).map(([k, v]) => [k, Number(v.toFixed(1))]);
		console.log(`      timings (s): ${JSON.stringify(Object.fromEntries(timings))}`);
		if (t.error) console.log(`      stopped: ${t.error.split('\n').slice(0, 12).join('\n      ')}`);
		for (const f of t.failures) console.log(`      - ${f}`);
	}
	const name = (t: Tally) => t.tag || t.label;
	const failed = tallies.filter((t) => !passed(t));
	const fatalText = fatal === undefined ? undefined : errorText(fatal);
	if (fatalText === undefined && failed.length === 0 && tallies.length > 0) {
		console.log(
			`\n${title} PASSED: ${tallies.map((t) => `${name(t)} (${t.passed} checks)`).join(', ')}`,
		);
		process.exit(0);
	}
	const where = [
		failed.length ? `on ${failed.map(name).join(' and ')}` : '',
		fatalText !== undefined && !tallies.some((t) => t.error === fatalText) ? `at ${fatalText}` : '',
	];
	console.error(`\n${title} FAILED ${where.filter(Boolean).join(', and ')}`);
	process.exit(1);
}
