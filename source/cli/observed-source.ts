// Lets the CLI listen to the workflow the TUI is showing (for --notify and --exit-status) without
// the UI knowing: every workflow watch the UI opens is followed too.
import type {WatchSource, WorkflowWatch} from '../poller/watch-state.js';

export function observeWorkflowWatches(
	source: WatchSource,
	follow: (watch: WorkflowWatch, domain: string, workflowId: string) => () => void,
): WatchSource {
	return {
		watchDomains: () => source.watchDomains(),
		watchWorkflows: domain => source.watchWorkflows(domain),
		traffic: () => source.traffic(),
		watchDomainDashboard: domain => source.watchDomainDashboard(domain),
		watchWorkflow(domain, workflowId) {
			const watch = source.watchWorkflow(domain, workflowId);
			let unfollow: (() => void) | undefined;
			return {
				...watch,
				getState: () => watch.getState(),
				subscribe: listener => watch.subscribe(listener),
				start() {
					unfollow ??= follow(watch, domain, workflowId);
					watch.start();
				},
				stop() {
					unfollow?.();
					unfollow = undefined;
					watch.stop();
				},
				togglePause: () => watch.togglePause(),
				refresh: () => watch.refresh(),
			};
		},
	};
}
