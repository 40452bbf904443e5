/**
 * The one definition of "how fast HighLevel's limit lets a run go", shared by the benchmarks
 * (run-bench.ts, real-n8n.ts) and the queue-mode end-to-end run (test/e2e/run-queue.ts), so a
 * figure in one is comparable with the same figure in the others.
 * HighLevel's burst limit is 100 requests per 10 s per location; the sandbox scales it in time to
 * 100 per 1,000 ms (the daily limit out of the way), so a 1,000-request run takes seconds, not
 * minutes, and still meets the limit exactly as a real run would.
 */
export const SCALED_LIMIT = { max: 100, windowMs: 1_000, dailyMax: 10_000_000 } as const;

/**
 * The least time the limit allows for `requests` requests: the first window's worth goes at once,
 * each further one waits a whole window (1,000 requests: 9 windows, 9,000 ms); plus one answer's
 * latency, when the sandbox adds one.
 */
export function floorMs(
	requests: number,
	latencyMs = 0,
	limit: { max: number; windowMs: number } = SCALED_LIMIT,
): number {
	return (Math.ceil(requests / limit.max) - 1) * limit.windowMs + latencyMs;
}

/**
 * "x floor after the first request": how many floors the run took from the moment HighLevel saw
 * its first request (n8n's preparation before it does not count) to the end.
 */
export function xFloorAfterFirst(wallMs: number, firstMs: number, floor: number): number {
	return (wallMs - firstMs) / floor;
}
