// The steps screen's data: one workflow watch per (source, domain, workflow), so a re-render never
// restarts polling, and its state as React state. Lists use useWatch over their own controller.
import {useMemo} from 'react';
import type {Controller, WatchSource, WatchState} from '../../poller/watch-state.js';
import {useWatch} from './use-watch.js';

export function useWorkflowSteps(
	source: WatchSource,
	domain: string,
	workflowId: string,
): {state: WatchState; controller: Controller<WatchState>} {
	const controller = useMemo(() => source.watchWorkflow(domain, workflowId), [source, domain, workflowId]);
	return {state: useWatch(controller), controller};
}
