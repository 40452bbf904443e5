// What the queue-mode run started, to be stopped in the reverse order: workers before main (so no
// execution is left half-taken), n8n before the sandbox it calls, and Postgres and Redis last, once
// nothing connects to them (Postgres then shuts down at once instead of waiting for clients).
// Each service registers itself the moment it is started, so a step that fails halfway (main up,
// a worker not) still has what it started stopped.

export class Teardown {
	private readonly stops: Array<{ what: string; stop: () => Promise<void> }> = [];

	add(what: string, stop: () => Promise<void>): void {
		this.stops.push({ what, stop });
	}

	/** Stops everything, last started first; returns what failed to stop, never throws. */
	async run(log: (line: string) => void = console.log): Promise<string[]> {
		const failed: string[] = [];
		while (this.stops.length) {
			const { what, stop } = this.stops.pop()!;
			const started = Date.now();
			try {
				await stop();
				log(`  stopped ${what} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
			} catch (e) {
				failed.push(`${what}: ${(e as Error).message}`);
			}
		}
		return failed;
	}
}
