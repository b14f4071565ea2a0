// Exponential backoff with full jitter (the AWS Architecture Blog's recommendation for contended
// quotas): clients spread their retries instead of returning in lockstep.

export interface BackoffOptions {
	/** The ceiling of the first retry's delay. */
	baseMs: number;
	/** No computed delay exceeds this (a server's Retry-After may, up to MAX_RETRY_AFTER_MS). */
	capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {baseMs: 1000, capMs: 30_000};

// A Retry-After is the server's word, but a broken or hostile one must not park a watch for days.
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** The ceiling of the delay before retry number `attempt` (0 for the first retry). */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
	// 2 ** 60 already dwarfs any cap; clamping the exponent keeps the arithmetic finite.
	return Math.min(options.capMs, options.baseMs * 2 ** Math.min(Math.max(0, attempt), 60));
}

/**
 * The delay before retry number `attempt`: uniform in [0, ceiling), but never shorter than the
 * server's Retry-After (at most 5 minutes), which knows better than our guess when the quota refills.
 */
export function nextDelay(attempt: number, random: () => number, retryAfterMs?: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
	const jittered = Math.floor(random() * backoffCeiling(attempt, options));
	if (retryAfterMs === undefined) return jittered;
	return Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}
