// Fast-forward time for benches that talk real HTTP: the clock jumps to the next timer only when
// no request is in flight, so a simulated hour of polling takes seconds and counts exactly the
// requests the engine would send. Network latency counts as zero virtual time.
import type {CustomerProfilesApi} from '../source/aws/index.js';
import type {Clock, Scheduler} from '../source/poller/index.js';
import {timerQueue} from '../test/support/timer-queue.js';

export interface VirtualTime extends Clock, Scheduler {
	/** Wraps an api so the driver knows when requests are in flight. */
	track(api: CustomerProfilesApi): CustomerProfilesApi;
	/** Runs timers until virtual time reaches now + ms. */
	run(ms: number): Promise<void>;
}

export function virtualTime(start = Date.now()): VirtualTime {
	const queue = timerQueue(start);
	let inFlight = 0;
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
		now: queue.now,
		setTimeout: queue.setTimeout,
		clearTimeout: queue.clearTimeout,
		track: api => ({
			getWorkflow: tracked(api.getWorkflow),
			getWorkflowStepsPage: tracked(api.getWorkflowStepsPage),
			listWorkflowsPage: tracked(api.listWorkflowsPage),
			listDomainsPage: tracked(api.listDomainsPage),
			destroy: () => api.destroy(),
		}),
		run: ms => queue.runUntil(queue.now() + ms, settle),
	};
}
