// One API call through the shared pace, retried with backoff while the error says a retry can
// succeed. Every attempt is counted, and each wait is announced so the screen can say why.
import {classifyError} from '../aws/classify-error.js';
import type {ApiError} from '../core/api-error.js';
import {nextDelay} from '../core/backoff.js';
import type {Pacer} from './pacer.js';
import {abortError, sleep, type Clock, type Scheduler} from './time.js';

export interface CallHooks {
	onSent?(): void;
	onSuccess?(): void;
	onThrottled?(): void;
	/** A retryable failure; the same call goes again at `retryAt`. */
	onRetry?(error: ApiError, retryAt: number): void;
}

/** What a debug trace wants to know of each attempt: only the caller knows the wait and why. */
export interface CallObserver {
	/** Called just before the attempt's request starts (synchronously before `call` runs). */
	beforeAttempt(attempt: AttemptInfo): void;
}

export interface AttemptInfo {
	/** 1 for the first try of a call. */
	attempt: number;
	/** Time since the call began, or since the previous attempt failed. */
	waitMs: number;
	/** `none`, `pace` (the shared --max-rps slot), or `backoff after <kind>` (+ Retry-After). */
	waitReason: string;
}

export interface CallContext extends CallHooks {
	observer?: CallObserver;
	pacer: Pacer;
	clock: Clock;
	scheduler: Scheduler;
	random: () => number;
	signal: AbortSignal;
	/** Failed attempts (other than 429s) per call before giving up; unlimited for the live view,
	 * bounded for --once. */
	maxAttempts?: number;
	/** Throttled attempts, counted separately: a little patience always cures them; defaults to
	 * maxAttempts. */
	maxThrottledAttempts?: number;
}

export async function pacedCall<T>(context: CallContext, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const maxAttempts = context.maxAttempts ?? Number.POSITIVE_INFINITY;
	const maxThrottledAttempts = context.maxThrottledAttempts ?? maxAttempts;
	// Counted apart: 429s say the quota is busy, not that the endpoint is failing, so neither
	// eats the other's budget. The backoff exponent follows every failure.
	let throttledAttempts = 0;
	let failedAttempts = 0;
	let backoff: {ms: number; after: ApiError} | undefined;
	for (let attempt = 0; ; attempt++) {
		const queued = context.clock.now();
		await context.pacer.acquire(context.signal);
		context.onSent?.();
		if (context.observer) {
			const paceMs = context.clock.now() - queued;
			context.observer.beforeAttempt({attempt: attempt + 1, waitMs: (backoff?.ms ?? 0) + paceMs, waitReason: waitReason(backoff?.after, paceMs)});
		}
		try {
			const result = await call(context.signal);
			// An answer already on its way when the watch paused must not reach a cancelled cycle.
			if (context.signal.aborted) throw abortError();
			context.pacer.succeeded();
			context.onSuccess?.();
			return result;
		} catch (thrown) {
			if (context.signal.aborted) throw thrown;
			const error = classifyError(thrown);
			const isThrottled = error.kind === 'throttled';
			if (isThrottled) {
				context.pacer.throttled();
				context.onThrottled?.();
			}
			const used = isThrottled ? ++throttledAttempts : ++failedAttempts;
			if (!error.retryable || used >= (isThrottled ? maxThrottledAttempts : maxAttempts)) throw error;
			const delay = nextDelay(attempt, context.random, error.retryAfterMs);
			backoff = {ms: delay, after: error};
			context.onRetry?.(error, context.clock.now() + delay);
			await sleep(context.scheduler, delay, context.signal);
		}
	}
}

function waitReason(after: ApiError | undefined, paceMs: number): string {
	const pace = paceMs > 0 ? 'pace' : '';
	if (after === undefined) return pace || 'none';
	const backoff = `backoff after ${after.kind}${after.retryAfterMs === undefined ? '' : ` (Retry-After ${after.retryAfterMs} ms)`}`;
	return pace ? `${backoff}, then pace` : backoff;
}
