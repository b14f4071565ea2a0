// A controller's state as React state (started on mount, stopped on unmount), and hooks that make
// one controller per arguments, so a re-render does not restart polling.
import {useMemo} from 'react';
import type {Domain, WorkflowSummary} from '../../core/step.js';
import type {Controller, ListState, WatchSource, WatchState} from '../../poller/watch-state.js';
import {useWatch} from './use-watch.js';

/** The same hook as useWatch, under the name the poller's documentation uses. */
export function useController<S>(controller: Controller<S>): S {
	return useWatch(controller);
}

export function useWorkflowSteps(source: WatchSource, domain: string, workflowId: string): {state: WatchState; controller: Controller<WatchState>} {
	const controller = useMemo(() => source.watchWorkflow(domain, workflowId), [source, domain, workflowId]);
	return {state: useWatch(controller), controller};
}

export function useWorkflowList(source: WatchSource, domain: string): {state: ListState<WorkflowSummary>; controller: Controller<ListState<WorkflowSummary>>} {
	const controller = useMemo(() => source.watchWorkflows(domain), [source, domain]);
	return {state: useWatch(controller), controller};
}

export function useDomainList(source: WatchSource): {state: ListState<Domain>; controller: Controller<ListState<Domain>>} {
	const controller = useMemo(() => source.watchDomains(), [source]);
	return {state: useWatch(controller), controller};
}
