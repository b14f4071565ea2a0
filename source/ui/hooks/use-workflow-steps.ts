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
	return {state: useWatch(controller, firstSteps), controller};
}

/** The first steps of a load are drawn the moment they arrive. */
const firstSteps = (drawn: WatchState, now: WatchState) => drawn.steps.length === 0 && now.steps.length > 0;
