// What the engine tests share: one sandbox per test file (a live binding, set in beforeAll), reset
// before each test, and the small builders their parameters use.
import { HighLevelCalendar } from '../../nodes/HighLevelCalendar/HighLevelCalendar.node';
import { runHighLevel } from './harness/highLevel';
import {
	SANDBOX_APPOINTMENT_ID,
	startSandbox,
	type Sandbox,
	type SandboxOptions,
} from '../sandbox';

export let sandbox: Sandbox;

/**
 * Registers the file's sandbox: started before its tests, reset before each, closed after. The
 * reset also drops scripted faults, which a test sets for itself (the sandbox's options otherwise
 * outlive a test, so an entry a failing test left unused would meet the next one).
 */
export function useSandbox(options?: SandboxOptions): void {
	beforeAll(async () => (sandbox = await startSandbox(options)));
	afterAll(async () => await sandbox.close());
	beforeEach(() => {
		sandbox.reset();
		sandbox.options.faults = options?.faults;
	});
}

/**
 * For pacing tests: a sandbox per test (the node's budget is per location and per process, and a
 * new port is a new budget), closed after each.
 */
export function useSandboxPerTest(): void {
	afterEach(async () => await sandbox?.close());
}

/**
 * Starts the test's sandbox. One request first teaches the node the location's real limit (the
 * node sends one request until HighLevel first answers, then ramps up), and its window is let
 * pass before the test's own requests.
 */
export async function startPacedSandbox(options: SandboxOptions, { learnLimit = true } = {}) {
	sandbox = await startSandbox(options);
	if (learnLimit && options.rateLimit) {
		await runHighLevel(sandbox, {
			resource: 'appointment',
			operation: 'get',
			eventId: SANDBOX_APPOINTMENT_ID,
		});
		sandbox.resetStats();
		await new Promise((resolve) => setTimeout(resolve, options.rateLimit!.windowMs));
	}
	return sandbox;
}

/**
 * Our node without its pickers. n8n gives a declarative node the execution's cancel signal only
 * when it has no list searches (n8n's NodeTypes then runs it through execute()); with pickers,
 * WorkflowExecute runs it without one. Cancellation tests use this to prove the signal is honoured.
 */
export function nodeWithoutPickers(): HighLevelCalendar {
	const nodeType = new HighLevelCalendar();
	(nodeType as { methods?: unknown }).methods = undefined;
	return nodeType;
}

/** A picker's value given By ID. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

// The seeded appointment is 2030-01-14 10:00-10:30 +01:00; the block slot 12:00-13:00 the same day.
export const DAY_START = '2030-01-14T00:00:00+01:00';
export const DAY_END = '2030-01-15T00:00:00+01:00';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * For the triggers' polls: a fake wall clock (Date only; timers stay real, so every wait is still
 * for a condition) that starts at `start` and moves a week forward before each test, so it only
 * moves forward within the file.
 */
export function useWeeklyClock(start: string): void {
	let clock = Date.parse(start);
	beforeAll(() => {
		jest.useFakeTimers({
			now: clock,
			advanceTimers: true,
			doNotFake: [
				'hrtime',
				'nextTick',
				'performance',
				'queueMicrotask',
				'setImmediate',
				'clearImmediate',
				'setInterval',
				'clearInterval',
				'setTimeout',
				'clearTimeout',
			],
		});
	});
	afterAll(() => jest.useRealTimers());
	beforeEach(() => {
		clock += 7 * DAY;
		jest.setSystemTime(clock);
	});
}

/** Moves useWeeklyClock's clock forward. */
export const advance = (ms: number) => jest.setSystemTime(Date.now() + ms);
export const iso = (ms: number) => new Date(ms).toISOString();
