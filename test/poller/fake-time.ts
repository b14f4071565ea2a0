// A clock and scheduler that move only when the test says so, with no real sleeps. Between timers
// every pending promise settles, so async engine code runs exactly as it would in real time.
import type {Clock, Scheduler} from '../../source/poller/time.js';
import {timerQueue} from '../support/timer-queue.js';

export interface FakeTime extends Clock, Scheduler {
	/** Moves time forward by `ms`, firing due timers in order. */
	advance(ms: number): Promise<void>;
	/** Lets pending promises settle without moving time. */
	flush(): Promise<void>;
	pendingTimers(): number;
}

export function fakeTime(start = Date.parse('2026-11-24T09:00:00Z')): FakeTime {
	const queue = timerQueue(start);
	const flush = async () => {
		// A macrotask turn drains the whole microtask queue, however long the promise chains.
		for (let i = 0; i < 3; i++) await new Promise<void>(resolve => setImmediate(resolve));
	};
	return {
		now: queue.now,
		setTimeout: queue.setTimeout,
		clearTimeout: queue.clearTimeout,
		async advance(ms) {
			await queue.runUntil(queue.now() + ms, flush);
			await flush();
		},
		flush,
		pendingTimers: queue.pendingTimers,
	};
}
