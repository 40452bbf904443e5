// HighLevel's rate limits, per location: a burst limit (100 requests per 10 s, 25 on sandbox and
// trial accounts) and a daily limit (200,000). HighLevel documents the five headers every
// response carries, but not how it counts or what a 429 looks like, so this is the sandbox's
// reading of it, chosen so a client that paces by the headers never sees a 429:
//
// - Burst: a sliding window log of the arrival times of *accepted* requests. A request is
//   accepted when fewer than `max` accepted requests arrived in the last `windowMs`
//   (an arrival at t stops counting at exactly t + windowMs). A 429 is not logged, so hammering a
//   full window does not keep it full. There is no fixed reset instant: each accepted request
//   frees its slot windowMs after it arrived.
// - Day: a counter over fixed windows of `dailyWindowMs` (default 24 h), the first starting at
//   the location's first request and each next one at the first request after the previous ran
//   out (no wall clock involved). Every request that reaches the limiter counts toward the day,
//   including the ones answered 429: the daily limit is stated in "API requests", and a client
//   should assume a retry storm costs quota. Once the day's count passes `dailyMax` every
//   request is a 429 "Daily limit exceeded" until the day window ends.
//
// Requests with a token the sandbox does not know cannot be placed in a location: they are not
// counted, and their headers show the limits with nothing used.
export interface RateLimitOptions {
	/** Accepted requests per window (`x-ratelimit-max`). HighLevel: 100, or 25 for sandbox/trial accounts. */
	max: number;
	/** Window length in ms (`x-ratelimit-interval-milliseconds`). HighLevel: 10,000. */
	windowMs: number;
	/** Requests per day (`x-ratelimit-limit-daily`). HighLevel: 200,000. */
	dailyMax: number;
	/**
	 * Add `Retry-After` (whole seconds, rounded up, until a request would be accepted again) to
	 * the limiter's 429s. Default false: HighLevel's 429 headers are undocumented.
	 */
	retryAfterHeader?: boolean;
	/** Length of a "day" in ms, so tests can watch it end. Default 86,400,000. */
	dailyWindowMs?: number;
}

export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({
	max: 100,
	windowMs: 10_000,
	dailyMax: 200_000,
});
export const DAY_MS = 86_400_000;

export type RateLimitHeaders = Record<
	| 'x-ratelimit-max'
	| 'x-ratelimit-remaining'
	| 'x-ratelimit-interval-milliseconds'
	| 'x-ratelimit-limit-daily'
	| 'x-ratelimit-daily-remaining',
	string
>;

export interface Admission {
	admitted: boolean;
	/** Why a request was refused: the burst window is full, or the day's quota is used up. */
	refusedBy?: 'window' | 'daily';
	/** Seconds (rounded up) until a request of this location would be accepted; set when refused. */
	retryAfterSeconds?: number;
	/** The five headers, as they stand after this request was counted. */
	headers: RateLimitHeaders;
}

interface Bucket {
	/** Arrival times of accepted requests, oldest first; entries before `head` have expired. */
	times: number[];
	head: number;
	dayStart: number;
	dayCount: number;
}

function headersOf(limit: RateLimitOptions, inWindow: number, usedToday: number): RateLimitHeaders {
	return {
		'x-ratelimit-max': String(limit.max),
		'x-ratelimit-remaining': String(Math.max(0, limit.max - inWindow)),
		'x-ratelimit-interval-milliseconds': String(limit.windowMs),
		'x-ratelimit-limit-daily': String(limit.dailyMax),
		'x-ratelimit-daily-remaining': String(Math.max(0, limit.dailyMax - usedToday)),
	};
}

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	/** Forgets every location's window and day. */
	clear(): void {
		this.buckets.clear();
	}

	/** Headers for a request that cannot be placed in a location (unknown token): nothing used. */
	unplaced(limit: RateLimitOptions): RateLimitHeaders {
		return headersOf(limit, 0, 0);
	}

	/** Counts one request of `locationId` arriving at `now` (a monotonic clock, in ms). */
	admit(limit: RateLimitOptions, locationId: string, now: number): Admission {
		let bucket = this.buckets.get(locationId);
		if (!bucket) {
			bucket = { times: [], head: 0, dayStart: now, dayCount: 0 };
			this.buckets.set(locationId, bucket);
		}
		const dayMs = limit.dailyWindowMs ?? DAY_MS;
		if (now - bucket.dayStart >= dayMs) {
			bucket.dayStart = now;
			bucket.dayCount = 0;
		}
		const { times } = bucket;
		while (bucket.head < times.length && now - times[bucket.head] >= limit.windowMs) bucket.head++;
		// Compact now and then, so the log stays as long as the window's content, not the run's.
		if (bucket.head > 1024 && bucket.head * 2 > times.length) {
			times.splice(0, bucket.head);
			bucket.head = 0;
		}
		let inWindow = times.length - bucket.head;

		bucket.dayCount++;
		if (bucket.dayCount > limit.dailyMax) {
			return {
				admitted: false,
				refusedBy: 'daily',
				retryAfterSeconds: Math.max(1, Math.ceil((bucket.dayStart + dayMs - now) / 1000)),
				headers: headersOf(limit, inWindow, bucket.dayCount),
			};
		}
		if (inWindow >= limit.max) {
			// The oldest `inWindow - max + 1` arrivals have to expire first; the last of them decides.
			const decisive = limit.max > 0 ? times[bucket.head + inWindow - limit.max] : now;
			return {
				admitted: false,
				refusedBy: 'window',
				retryAfterSeconds: Math.max(1, Math.ceil((decisive + limit.windowMs - now) / 1000)),
				headers: headersOf(limit, inWindow, bucket.dayCount),
			};
		}
		times.push(now);
		inWindow++;
		return { admitted: true, headers: headersOf(limit, inWindow, bucket.dayCount) };
	}
}
