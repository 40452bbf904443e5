// Deterministic fault injection: what goes wrong between a client and HighLevel, on demand.
// Only requests that passed the rate limiter, the token and scope checks and validation, and that
// a handler would apply, are subject to faults; a fault never hides a 4xx the request earned. The
// one exception only delays it: a script entry with a `status` holds back or slows the answer a
// refused request earned (a 401 that reaches the client late), and changes nothing else.
//
// Decisions are made in the order requests reach that point (the order their bodies finish
// arriving), synchronously, so a sequence of requests sent one after another meets the same
// faults for the same seed, whatever latency is configured.

/** What a fault does; also the key of `stats.injected`. */
export type FaultKind =
	| '503'
	| '429'
	| '502'
	| '504'
	| 'reset-after-apply'
	| 'reset-before-apply'
	| 'slow'
	| 'hold';

/** What ends a 'hold': an answer the sandbox gives after the held request arrived. */
export interface HoldUntil {
	/** Only an answer to a request whose raw path contains this. Default: any. */
	pathIncludes?: string;
	/** Only an answer with this status. Default: any. */
	status?: number;
}

export interface FaultScriptEntry {
	/** Only requests with this method (any case). Default: any. */
	method?: string;
	/** Only requests whose raw path (without query) contains this. Default: any. */
	pathIncludes?: string;
	fault: FaultKind;
	/** How many matching requests this entry takes. Default 1. */
	times?: number;
	/** '429' only: send `Retry-After: <seconds>`. Without it the 429 has no Retry-After. */
	retryAfterSeconds?: number;
	/** 'slow' only: the extra delay. Default: FaultOptions.slowMs. */
	slowMs?: number;
	/**
	 * Only requests the sandbox refuses with this status (routing, the guards, validation; not the
	 * rate limiter), and then only 'slow' or 'hold': the answer they earned goes late, unchanged.
	 * Without it an entry takes only requests that would be applied, like every random fault.
	 */
	status?: number;
	/**
	 * 'hold' only: the answer waits until the sandbox has given one that matches this, to a request
	 * that arrived after the held one; without it, until `sandbox.releaseHeld()`. Either way a test
	 * waits for a condition, not for a timer.
	 */
	until?: HoldUntil;
}

export interface FaultOptions {
	/** Seed of the PRNG (mulberry32) behind the random faults. Default 1. */
	seed?: number;
	/** Fraction answered 503 `{ statusCode: 503, message: "Service Unavailable" }`, not applied. */
	status503Rate?: number;
	/**
	 * Fraction of requests that start a burst of 429s: this one and the next burst429Length - 1
	 * requests of the same location that are subject to faults answer 429 without applying.
	 */
	burst429Rate?: number;
	/** Default 5. */
	burst429Length?: number;
	/** Fraction applied, then the socket is reset with no answer (the client sees ECONNRESET). */
	resetAfterApplyRate?: number;
	/** Fraction whose socket is reset with no answer and nothing applied. */
	resetBeforeApplyRate?: number;
	/** Fraction answered (and applied) only after an extra slowMs. */
	slowRate?: number;
	/** Default 1000. */
	slowMs?: number;
	/** Only requests with these methods (any case) meet random faults. Default: all. Script entries have their own `method`. */
	methods?: string[];
	/**
	 * Fires before any random fault. For each request the first entry that matches and still has
	 * uses left fires (so entries fire in order when they match the same requests).
	 */
	script?: FaultScriptEntry[];
}

export interface FaultDecision {
	kind: FaultKind;
	source: 'script' | 'random';
	/** '429': the Retry-After to send, if any. */
	retryAfterSeconds?: number;
	/** 'slow': the extra delay. */
	slowMs?: number;
	/** 'hold': what releases it (see FaultScriptEntry.until). */
	until?: HoldUntil;
}

export const DEFAULT_SLOW_MS = 1000;
export const DEFAULT_BURST_429_LENGTH = 5;

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). Same seed, same sequence. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface FaultCandidate {
	method: string;
	/** Raw path, without the query string. */
	path: string;
	locationId: string;
	/** A request refused without being applied: the status it earned. Only `status` entries take it. */
	status?: number;
}

export class FaultInjector {
	/** The options object the state below belongs to: a new object (or seed) starts afresh. */
	private options: FaultOptions | undefined;
	private seed = 1;
	private random = mulberry32(1);
	private scriptUses = new Map<FaultScriptEntry, number>();
	/** 429s still owed by a running burst, per location. */
	private bursts = new Map<string, number>();

	/** Forgets PRNG position, script progress and running bursts. */
	clear(): void {
		this.options = undefined;
	}

	private sync(options: FaultOptions): void {
		const seed = options.seed ?? 1;
		if (options === this.options && seed === this.seed) return;
		this.options = options;
		this.seed = seed;
		this.random = mulberry32(seed);
		this.scriptUses = new Map();
		this.bursts = new Map();
	}

	decide(options: FaultOptions | undefined, request: FaultCandidate): FaultDecision | undefined {
		if (!options) return undefined;
		this.sync(options);
		const method = request.method.toUpperCase();

		for (const entry of options.script ?? []) {
			const used = this.scriptUses.get(entry) ?? 0;
			if (used >= (entry.times ?? 1)) continue;
			if (entry.method !== undefined && entry.method.toUpperCase() !== method) continue;
			if (entry.pathIncludes !== undefined && !request.path.includes(entry.pathIncludes)) continue;
			if (entry.status !== request.status) continue;
			if (entry.status !== undefined && entry.fault !== 'slow' && entry.fault !== 'hold')
				throw new Error(
					`A script entry with a status can only delay the answer, not "${entry.fault}"`,
				);
			this.scriptUses.set(entry, used + 1);
			return {
				kind: entry.fault,
				source: 'script',
				...(entry.fault === '429' && entry.retryAfterSeconds !== undefined
					? { retryAfterSeconds: entry.retryAfterSeconds }
					: {}),
				...(entry.fault === 'slow'
					? { slowMs: entry.slowMs ?? options.slowMs ?? DEFAULT_SLOW_MS }
					: {}),
				...(entry.fault === 'hold' && entry.until !== undefined ? { until: entry.until } : {}),
			};
		}
		// Random faults take only requests that would be applied.
		if (request.status !== undefined) return undefined;

		if (options.methods && !options.methods.some((m) => m.toUpperCase() === method))
			return undefined;

		const owed = this.bursts.get(request.locationId) ?? 0;
		if (owed > 0) {
			this.bursts.set(request.locationId, owed - 1);
			return { kind: '429', source: 'random' };
		}

		// One draw per request, whatever the rates, so the sequence only depends on the seed and
		// on how many requests came before. Rates are stacked in this order; past 1 they are cut.
		const u = this.random();
		const rates: Array<[FaultKind, number | undefined]> = [
			['reset-before-apply', options.resetBeforeApplyRate],
			['reset-after-apply', options.resetAfterApplyRate],
			['503', options.status503Rate],
			['429', options.burst429Rate],
			['slow', options.slowRate],
		];
		let edge = 0;
		for (const [kind, rate] of rates) {
			edge += rate ?? 0;
			if (u >= edge) continue;
			if (kind === '429')
				this.bursts.set(
					request.locationId,
					(options.burst429Length ?? DEFAULT_BURST_429_LENGTH) - 1,
				);
			return {
				kind,
				source: 'random',
				...(kind === 'slow' ? { slowMs: options.slowMs ?? DEFAULT_SLOW_MS } : {}),
			};
		}
		return undefined;
	}
}
