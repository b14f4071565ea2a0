// One workflow's GetWorkflow each interval and nothing else: the progress of a row in the
// workflows list. Same loop, pace and backoff as every watch; a final workflow is read once.
import type {CustomerProfilesApi} from '../aws/customer-profiles-api.js';
import {isFinalStatus} from '../core/status.js';
import type {Workflow} from '../core/step.js';
import {createPollLoop, type LoopContext} from './poll-loop.js';
import {createStore} from './store.js';
import type {ProbeState, WorkflowProbe} from './watch-state.js';

export interface WorkflowProbeContext extends LoopContext {
	api: CustomerProfilesApi;
	/** Final workflows already read by any probe of the source, by domain and id: a final workflow
	 * no longer changes, so selecting it again costs nothing. */
	finalWorkflows: Map<string, Workflow>;
}

export function createWorkflowProbe(context: WorkflowProbeContext, domain: string, workflowId: string): WorkflowProbe {
	const {api, finalWorkflows} = context;
	const key = `${domain}\u0000${workflowId}`;
	const store = createStore<ProbeState>({phase: 'loading', workflow: finalWorkflows.get(key), requests: 0, throttles: 0});
	return createPollLoop({
		store,
		context,
		settledPhase: () => (store.get().workflow === undefined ? 'loading' : 'live'),
		async cycle(call) {
			if (finalWorkflows.has(key)) return true;
			const workflow = await call(signal => api.getWorkflow(domain, workflowId, signal));
			store.set({workflow});
			if (!isFinalStatus(workflow.Status)) return false;
			finalWorkflows.set(key, workflow);
			return true;
		},
	});
}
