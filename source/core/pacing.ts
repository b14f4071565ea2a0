// The request pace shared by every call of the process: a token bucket refilled at `rate` per
// second that holds at most BURST tokens. The average stays at the rate; the small burst lets the
// first GetWorkflow and the first page go together (the first frame waits for both) instead of
// 1/rate apart, while a quota that production jobs share never sees more than BURST at once. On
// top of the bucket, no second (any 1,000 ms) holds more than maxRps requests: a burst after a
// quiet spell is paid back before the next, so --max-rps is a ceiling, not only an average. The
// rate follows AIMD: halved on a 429, raised by a small step on each success, back up to maxRps.

export interface Pacing {
	/** Requests per second now. */
	rate: number;
	maxRps: number;
	minRps: number;
	/** Tokens in the bucket at `updatedAt` (at most BURST); a request takes one whole token. */
	tokens: number;
	/** Epoch ms the tokens were counted at. */
	updatedAt: number;
	/** When the requests of the last second went, oldest first (at most `perSecond` of them). */
	recent: readonly number[];
}

export interface PacingOptions {
	/** The rate never drops below this on 429s. */
	minRps?: number;
}

export const DEFAULT_MAX_RPS = 2;
/** Requests that may go at once after a quiet spell. */
export const BURST = 2;
const DECREASE_FACTOR = 0.5;
// Twenty successes from the floor back to the full rate: quick enough to recover, slow enough not
// to slam a quota that only just stopped answering 429.
const INCREASE_STEPS = 20;
const WINDOW_MS = 1000;

/** The most requests any one second may hold. */
function perSecond(pacing: Pacing): number {
	return Math.max(1, Math.floor(pacing.maxRps));
}

/** The sends still inside the second before `now`. */
function inWindow(pacing: Pacing, now: number): readonly number[] {
	let first = 0;
	while (first < pacing.recent.length && pacing.recent[first] <= now - WINDOW_MS) first++;
	return first === 0 ? pacing.recent : pacing.recent.slice(first);
}

export function createPacing(maxRps: number = DEFAULT_MAX_RPS, options: PacingOptions = {}): Pacing {
	const max = Number.isFinite(maxRps) && maxRps > 0 ? maxRps : DEFAULT_MAX_RPS;
	return {rate: max, maxRps: max, minRps: Math.min(max, options.minRps ?? 0.2), tokens: BURST, updatedAt: Number.NEGATIVE_INFINITY, recent: []};
}

function tokensAt(pacing: Pacing, now: number): number {
	if (now <= pacing.updatedAt) return pacing.tokens;
	return Math.min(BURST, pacing.tokens + ((now - pacing.updatedAt) / 1000) * pacing.rate);
}

/** How long a request wanting to go at `now` must wait. */
export function waitFor(pacing: Pacing, now: number): number {
	const tokens = tokensAt(pacing, now);
	// Rounded up to whole ms so a timer set for the wait never fires a hair too early.
	const forToken = tokens >= 1 - 1e-9 ? 0 : Math.ceil(((1 - tokens) / pacing.rate) * 1000);
	const recent = inWindow(pacing, now);
	const limit = perSecond(pacing);
	const forWindow = recent.length < limit ? 0 : Math.max(0, recent[recent.length - limit] + WINDOW_MS - now);
	return Math.max(forToken, forWindow);
}

/** Sends one request at `now` (the caller has waited): it takes one token. */
export function takeSlot(pacing: Pacing, now: number): Pacing {
	const at = Math.max(now, pacing.updatedAt);
	const recent = [...inWindow(pacing, at), at].slice(-perSecond(pacing));
	return {...pacing, tokens: Math.max(0, tokensAt(pacing, at) - 1), updatedAt: at, recent};
}

/** A 429: halve the rate, and empty the bucket, so the next request waits the new spacing. */
export function onThrottled(pacing: Pacing, now: number): Pacing {
	const rate = Math.max(pacing.minRps, pacing.rate * DECREASE_FACTOR);
	const at = Math.max(now, pacing.updatedAt);
	return {...pacing, rate, tokens: Math.min(0, tokensAt(pacing, at)), updatedAt: at};
}

export function onSucceeded(pacing: Pacing): Pacing {
	if (pacing.rate >= pacing.maxRps) return pacing;
	return {...pacing, rate: Math.min(pacing.maxRps, pacing.rate + pacing.maxRps / INCREASE_STEPS)};
}
