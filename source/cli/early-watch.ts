// The workflow the TUI opens on starts polling before Ink draws anything: its first requests (the
// probe and the first page, sent together) are in flight while Ink and React render their first
// frame (about 100 ms on a cold start, in a CPU profile), instead of leaving only after it.
import type {WatchSource, WorkflowWatch} from '../poller/watch-state.js';

export interface EarlyWatch {
	/** Hands the started watch to the first screen that asks for that workflow. */
	source: WatchSource;
	/** After the first render: a watch no screen asked for stops. */
	release(): void;
}

export function startFirstWatchEarly(source: WatchSource, domain: string, workflowId: string): EarlyWatch {
	let early: WorkflowWatch | undefined = source.watchWorkflow(domain, workflowId);
	early.start();
	return {
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
		release() {
			early?.stop();
			early = undefined;
		},
	};
}
