// A clock and scheduler that move only when the test says so, with no real sleeps. Between timers
// every pending promise settles, so async engine code runs exactly as it would in real time.
import type {Clock, Scheduler} from '../../source/poller/time.js';

export interface FakeTime extends Clock, Scheduler {
	/** Moves time forward by `ms`, firing due timers in order. */
	advance(ms: number): Promise<void>;
	/** Lets pending promises settle without moving time. */
	flush(): Promise<void>;
	pendingTimers(): number;
}

interface Timer {
	id: number;
	at: number;
	fn: () => void;
}

export function fakeTime(start = Date.parse('2026-11-24T09:00:00Z')): FakeTime {
	let now = start;
	let nextId = 1;
	const timers: Timer[] = [];
	const flush = async () => {
		// A macrotask turn drains the whole microtask queue, however long the promise chains.
		for (let i = 0; i < 3; i++) await new Promise<void>(resolve => setImmediate(resolve));
	};
	return {
		now: () => now,
		setTimeout(fn, ms) {
			const timer = {id: nextId++, at: now + Math.max(0, ms), fn};
			timers.push(timer);
			return timer.id;
		},
		clearTimeout(handle) {
			const index = timers.findIndex(timer => timer.id === handle);
			if (index >= 0) timers.splice(index, 1);
		},
		async advance(ms) {
			const target = now + ms;
			for (;;) {
				await flush();
				let due: Timer | undefined;
				for (const timer of timers) if (timer.at <= target && (due === undefined || timer.at < due.at || (timer.at === due.at && timer.id < due.id))) due = timer;
				if (due === undefined) break;
				timers.splice(timers.indexOf(due), 1);
				now = Math.max(now, due.at);
				due.fn();
			}
			now = target;
			await flush();
		},
		flush,
		pendingTimers: () => timers.length,
	};
}
