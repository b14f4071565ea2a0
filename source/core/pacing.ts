// The request pace shared by every call of the process: one slot every 1/rate seconds (a token
// bucket of capacity one, so no bursts on an account whose quota production jobs share). The rate
// follows AIMD: halved on a 429, raised by a small step on each success, back up to maxRps.

export interface Pacing {
	/** Requests per second now. */
	rate: number;
	maxRps: number;
	minRps: number;
	/** Epoch ms before which the next request may not be sent. */
	nextAt: number;
}

export interface PacingOptions {
	/** The rate never drops below this on 429s. */
	minRps?: number;
}

export const DEFAULT_MAX_RPS = 2;
const DECREASE_FACTOR = 0.5;
// Twenty successes from the floor back to the full rate: quick enough to recover, slow enough not
// to slam a quota that only just stopped answering 429.
const INCREASE_STEPS = 20;

export function createPacing(maxRps: number = DEFAULT_MAX_RPS, options: PacingOptions = {}): Pacing {
	const max = Number.isFinite(maxRps) && maxRps > 0 ? maxRps : DEFAULT_MAX_RPS;
	return {rate: max, maxRps: max, minRps: Math.min(max, options.minRps ?? 0.2), nextAt: 0};
}

/** How long a request wanting to go at `now` must wait. */
export function waitFor(pacing: Pacing, now: number): number {
	return Math.max(0, pacing.nextAt - now);
}

/** Sends one request at `now` (the caller has waited): the next slot is 1/rate later. */
export function takeSlot(pacing: Pacing, now: number): Pacing {
	return {...pacing, nextAt: Math.max(now, pacing.nextAt) + 1000 / pacing.rate};
}

/** A 429: halve the rate, and push the next slot out to the new spacing. */
export function onThrottled(pacing: Pacing, now: number): Pacing {
	const rate = Math.max(pacing.minRps, pacing.rate * DECREASE_FACTOR);
	return {...pacing, rate, nextAt: Math.max(pacing.nextAt, now + 1000 / rate)};
}

export function onSucceeded(pacing: Pacing): Pacing {
	if (pacing.rate >= pacing.maxRps) return pacing;
	return {...pacing, rate: Math.min(pacing.maxRps, pacing.rate + pacing.maxRps / INCREASE_STEPS)};
}
