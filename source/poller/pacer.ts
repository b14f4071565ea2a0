// The process-wide pace (core/pacing.ts) with a queue: callers wait their turn in order, and the
// rate in force when a turn comes is the one that spaces it, so a 429 slows queued calls too.
import {createPacing, onSucceeded, onThrottled, takeSlot, waitFor, type Pacing} from '../core/pacing.js';
import {abortError, type Clock, type Scheduler, type TimerHandle} from './time.js';

export interface Pacer {
	/** Resolves when this caller may send one request. */
	acquire(signal?: AbortSignal): Promise<void>;
	throttled(): void;
	succeeded(): void;
	/** Requests per second now (lowered by 429s). */
	rate(): number;
}

interface Waiter {
	resolve(): void;
	reject(error: Error): void;
	signal?: AbortSignal;
	onAbort(): void;
}

export function createPacer(options: {maxRps?: number; clock: Clock; scheduler: Scheduler}): Pacer {
	const {clock, scheduler} = options;
	let pacing: Pacing = createPacing(options.maxRps);
	const queue: Waiter[] = [];
	let timer: TimerHandle | undefined;

	function pump(): void {
		if (timer !== undefined) scheduler.clearTimeout(timer);
		timer = undefined;
		while (queue.length > 0) {
			const wait = waitFor(pacing, clock.now());
			if (wait > 0) {
				timer = scheduler.setTimeout(pump, wait);
				return;
			}
			const waiter = queue.shift() as Waiter;
			pacing = takeSlot(pacing, clock.now());
			waiter.signal?.removeEventListener('abort', waiter.onAbort);
			waiter.resolve();
		}
	}

	return {
		acquire(signal) {
			return new Promise<void>((resolve, reject) => {
				if (signal?.aborted) {
					reject(abortError());
					return;
				}
				const waiter: Waiter = {
					resolve,
					reject,
					signal,
					onAbort() {
						const index = queue.indexOf(waiter);
						if (index >= 0) queue.splice(index, 1);
						// The timer was the head's: re-arm it for the next waiter, or clear it so a stopped
						// watch does not keep the process alive for up to 1/rate seconds.
						if (index === 0) pump();
						reject(abortError());
					},
				};
				signal?.addEventListener('abort', waiter.onAbort, {once: true});
				queue.push(waiter);
				if (queue.length === 1) pump();
			});
		},
		throttled() {
			pacing = onThrottled(pacing, clock.now());
			if (queue.length > 0) pump();
		},
		succeeded() {
			pacing = onSucceeded(pacing);
		},
		rate: () => pacing.rate,
	};
}
