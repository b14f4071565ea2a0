// Fast-forward time for benches that talk real HTTP: the clock jumps to the next timer only when
// no request is in flight, so a simulated hour of polling takes seconds and counts exactly the
// requests the engine would send. Network latency counts as zero virtual time.
import type {CustomerProfilesApi} from '../source/aws/index.js';
import type {Clock, Scheduler} from '../source/poller/index.js';

interface Timer {
	id: number;
	at: number;
	fn: () => void;
}

export interface VirtualTime extends Clock, Scheduler {
	/** Wraps an api so the driver knows when requests are in flight. */
	track(api: CustomerProfilesApi): CustomerProfilesApi;
	/** Runs timers until virtual time reaches now + ms. */
	run(ms: number): Promise<void>;
}

export function virtualTime(start = Date.now()): VirtualTime {
	let now = start;
	let nextId = 1;
	let inFlight = 0;
	const timers: Timer[] = [];
	const settle = async () => {
		do {
			await new Promise(resolve => setImmediate(resolve));
			while (inFlight > 0) await new Promise(resolve => setTimeout(resolve, 1));
			await new Promise(resolve => setImmediate(resolve));
		} while (inFlight > 0);
	};
	const tracked = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
		async (...args: A): Promise<R> => {
			inFlight++;
			try {
				return await fn(...args);
			} finally {
				inFlight--;
			}
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
		track: api => ({
			getWorkflow: tracked(api.getWorkflow),
			getWorkflowStepsPage: tracked(api.getWorkflowStepsPage),
			listWorkflowsPage: tracked(api.listWorkflowsPage),
			listDomainsPage: tracked(api.listDomainsPage),
			destroy: () => api.destroy(),
		}),
		async run(ms) {
			const end = now + ms;
			for (;;) {
				await settle();
				timers.sort((a, b) => a.at - b.at || a.id - b.id);
				const due = timers[0];
				if (due === undefined || due.at > end) break;
				timers.shift();
				now = Math.max(now, due.at);
				due.fn();
			}
			now = end;
		},
	};
}
