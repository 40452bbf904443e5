// What the engine tests share: one sandbox per test file (a live binding, set in beforeAll), reset
// before each test, and the small builders their parameters use.
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';

export let sandbox: Sandbox;

/** Registers the file's sandbox: started before its tests, reset before each, closed after. */
export function useSandbox(options?: SandboxOptions): void {
	beforeAll(async () => (sandbox = await startSandbox(options)));
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());
}

/** A picker's value given By ID. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

// The seeded appointment is 2030-01-14 10:00-10:30 +01:00; the block slot 12:00-13:00 the same day.
export const DAY_START = '2030-01-14T00:00:00+01:00';
export const DAY_END = '2030-01-15T00:00:00+01:00';
