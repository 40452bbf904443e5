// What the sandbox received while an `n8n start` runs, accumulated over dumps (each dump starts a
// new recording, so scenarios that share one n8n share one recorder: trigger.ts and
// instantTrigger.ts). Waits are for a condition on what was recorded, with a deadline, never for a
// fixed time.
import { StepError } from '../checks';
import { sleep } from '../processes';
import type { MajorRun, SandboxDump } from './major';

export type RecordedRequest = SandboxDump['requests'][number];
export type RecordedDelivery = SandboxDump['deliveries'][number];

export function recorder(run: MajorRun) {
	const requests: RecordedRequest[] = [];
	const deliveries: RecordedDelivery[] = [];
	const take = async () => {
		const dump = await run.takeDump();
		requests.push(...dump.requests);
		deliveries.push(...dump.deliveries);
	};
	/**
	 * Waits until `count()` reaches `atLeast`, taking a dump every `everyMs`; a StepError of
	 * `stepName` after `ms`.
	 */
	const waitUntil = async (
		what: string,
		count: () => number,
		atLeast: number,
		{ stepName = 'trigger', ms = 150_000, everyMs = 2_000 } = {},
	) => {
		const deadline = Date.now() + ms;
		for (;;) {
			await take();
			if (count() >= atLeast) return;
			if (Date.now() > deadline)
				throw new StepError(stepName, `${what}: not within ${ms / 1000}s (got ${count()})`);
			await sleep(everyMs);
		}
	};
	/** The requests of one method and path, in the order received. */
	const to = (method: string, path: string) =>
		requests.filter((r) => r.method === method && r.path === path);
	return { requests, deliveries, take, waitUntil, to };
}

export type Recorder = ReturnType<typeof recorder>;
