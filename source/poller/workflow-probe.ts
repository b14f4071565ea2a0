// One workflow's GetWorkflow each interval and nothing else: the progress of a row in the
// workflows list. Same loop, pace and backoff as every watch; a final workflow is read once.
import type {CustomerProfilesApi} from '../aws/customer-profiles-api.js';
import {isFinalStatus} from '../core/status.js';
import {createPollLoop, type LoopContext} from './poll-loop.js';
import {createStore} from './store.js';
import type {ProbeState, WorkflowProbe} from './watch-state.js';

export interface WorkflowProbeContext extends LoopContext {
	api: CustomerProfilesApi;
}

export function createWorkflowProbe(context: WorkflowProbeContext, domain: string, workflowId: string): WorkflowProbe {
	const {api} = context;
	const store = createStore<ProbeState>({phase: 'loading', requests: 0, throttles: 0});
	return createPollLoop({
		store,
		context,
		settledPhase: () => (store.get().workflow === undefined ? 'loading' : 'live'),
		async cycle(call) {
			const workflow = await call(signal => api.getWorkflow(domain, workflowId, signal));
			store.set({workflow});
			return isFinalStatus(workflow.Status);
		},
	});
}
