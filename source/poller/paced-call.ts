// One API call through the shared pace, retried with backoff while the error says a retry can
// succeed. Every attempt is counted, and each wait is announced so the screen can say why.
import {classifyError} from '../aws/classify-error.js';
import type {ApiError} from '../core/api-error.js';
import {nextDelay} from '../core/backoff.js';
import type {Pacer} from './pacer.js';
import {sleep, type Clock, type Scheduler} from './time.js';

export interface CallHooks {
	onSent?(): void;
	onSuccess?(): void;
	onThrottled?(): void;
	/** A retryable failure; the same call goes again at `retryAt`. */
	onRetry?(error: ApiError, retryAt: number): void;
}

export interface CallContext extends CallHooks {
	pacer: Pacer;
	clock: Clock;
	scheduler: Scheduler;
	random: () => number;
	signal: AbortSignal;
	/** Attempts per call before giving up; unlimited for the live view, bounded for --once. */
	maxAttempts?: number;
	/** The same for throttling, which a little patience always cures; defaults to maxAttempts. */
	maxThrottledAttempts?: number;
}

export async function pacedCall<T>(context: CallContext, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
	const maxAttempts = context.maxAttempts ?? Number.POSITIVE_INFINITY;
	const maxThrottledAttempts = context.maxThrottledAttempts ?? maxAttempts;
	for (let attempt = 0; ; attempt++) {
		await context.pacer.acquire(context.signal);
		context.onSent?.();
		try {
			const result = await call(context.signal);
			context.pacer.succeeded();
			context.onSuccess?.();
			return result;
		} catch (thrown) {
			if (context.signal.aborted) throw thrown;
			const error = classifyError(thrown);
			if (error.kind === 'throttled') {
				context.pacer.throttled();
				context.onThrottled?.();
			}
			const limit = error.kind === 'throttled' ? maxThrottledAttempts : maxAttempts;
			if (!error.retryable || attempt + 1 >= limit) throw error;
			const delay = nextDelay(attempt, context.random, error.retryAfterMs);
			context.onRetry?.(error, context.clock.now() + delay);
			await sleep(context.scheduler, delay, context.signal);
		}
	}
}
