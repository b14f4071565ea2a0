// The workflow the TUI opens on starts polling before Ink draws anything, and the first frame
// waits a moment for its first page: a first frame of an empty table, then the frame with rows a
// moment later, cost two full renders on a cold start (about 75 ms each in a CPU profile, most of
// the first frame's time), and the requests waited for the first of them to finish.
import type {RecallSeen, Recollection} from '../core/away-summary.js';
import type {Scheduler} from '../poller/time.js';
import type {WatchSource, WorkflowWatch} from '../poller/watch-state.js';

/** How long the first frame waits for the first page: on the emulator the page is in well within
 * it; against AWS, where a first request with its TLS handshake can take longer, the loading frame
 * comes after this and the rows when they arrive. Under the ~200 ms people notice at start-up. */
export const FIRST_FRAME_WAIT_MS = 200;

export interface EarlyWatch {
	/** Hands the started watch to the first screen that asks for that workflow. */
	source: WatchSource;
	/** Hands the last look taken before the watch started to the first screen that asks for it. */
	recallSeen?: RecallSeen;
	/** Resolves once the watch has something to show besides "loading" (steps, an error, a
	 * throttle, the end), or after `maxMs`. */
	firstSteps(maxMs: number, scheduler: Scheduler): Promise<void>;
	/** After the first render: a watch no screen asked for stops. */
	release(): void;
}

/** `recall`: how screens ask for a workflow's last look. It is asked for this workflow first, before
 * the watch starts: this process's own look at it would otherwise be replaced by the new watch's
 * first walk (a one-page workflow completes within the wait) before the screen asks. */
export function startFirstWatchEarly(source: WatchSource, domain: string, workflowId: string, recall?: RecallSeen): EarlyWatch {
	let recalled: Promise<Recollection> | undefined = recall?.(domain, workflowId);
	// A last look nobody comes for must not become an unhandled rejection.
	recalled?.catch(() => undefined);
	let early: WorkflowWatch | undefined = source.watchWorkflow(domain, workflowId);
	early.start();
	return {
		recallSeen:
			recall &&
			((name, id) => {
				if (recalled && name === domain && id === workflowId) {
					const taken = recalled;
					recalled = undefined;
					return taken;
				}
				return recall(name, id);
			}),
		source: {
			...source,
			watchDomains: () => source.watchDomains(),
			watchWorkflows: name => source.watchWorkflows(name),
			watchDomainDashboard: name => source.watchDomainDashboard(name),
			traffic: () => source.traffic(),
			watchWorkflow(name, id) {
				if (early && name === domain && id === workflowId) {
					const watch = early;
					early = undefined;
					return watch;
				}
				return source.watchWorkflow(name, id);
			},
		},
		firstSteps(maxMs, scheduler) {
			const watch = early;
			if (!watch) return Promise.resolve();
			const shown = () => {
				const state = watch.getState();
				return state.steps.length > 0 || state.phase !== 'loading' || state.error !== undefined;
			};
			if (shown()) return Promise.resolve();
			return new Promise(resolve => {
				const done = () => {
					scheduler.clearTimeout(timer);
					unsubscribe();
					resolve();
				};
				const timer = scheduler.setTimeout(done, maxMs);
				const unsubscribe = watch.subscribe(() => {
					if (shown()) done();
				});
			});
		},
		release() {
			early?.stop();
			early = undefined;
		},
	};
}
