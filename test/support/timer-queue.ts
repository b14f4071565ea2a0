// The core of every simulated clock here (the engine tests' fake time, the bench's virtual time):
// timers in a queue that fire in time order only when the driver moves time, with a settle step
// between them so async work started by one timer finishes before the next one fires.
import type {Clock, Scheduler} from '../../source/poller/time.js';

interface Timer {
	id: number;
	at: number;
	fn: () => void;
}

export interface TimerQueue extends Clock, Scheduler {
	/** Fires the timers due up to `target` in order (settling before each), then sets the time to `target`. */
	runUntil(target: number, settle: () => Promise<void>): Promise<void>;
	pendingTimers(): number;
}

export function timerQueue(start: number): TimerQueue {
	let now = start;
	let nextId = 1;
	const timers: Timer[] = [];
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
		async runUntil(target, settle) {
			for (;;) {
				await settle();
				let due: Timer | undefined;
				for (const timer of timers) if (timer.at <= target && (due === undefined || timer.at < due.at || (timer.at === due.at && timer.id < due.id))) due = timer;
				if (due === undefined) break;
				timers.splice(timers.indexOf(due), 1);
				now = Math.max(now, due.at);
				due.fn();
			}
			now = Math.max(now, target);
		},
		pendingTimers: () => timers.length,
	};
}
