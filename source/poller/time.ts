// Time comes in as parameters so the engine runs under a fake clock in tests, exactly and fast.

export interface Clock {
	now(): number;
}

export type TimerHandle = unknown;

export interface Scheduler {
	setTimeout(fn: () => void, ms: number): TimerHandle;
	clearTimeout(handle: TimerHandle): void;
}

export const realClock: Clock = {now: () => Date.now()};

export const realScheduler: Scheduler = {
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function abortError(): Error {
	return Object.assign(new Error('aborted'), {name: 'AbortError'});
}

/** Resolves after `ms` on the scheduler; rejects with an AbortError when `signal` aborts first. */
export function sleep(scheduler: Scheduler, ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(abortError());
			return;
		}
		const onAbort = () => {
			scheduler.clearTimeout(handle);
			reject(abortError());
		};
		const handle = scheduler.setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}
