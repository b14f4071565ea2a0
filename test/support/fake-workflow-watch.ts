// A workflow watch whose state the test sets: the contract the poller implements, so output
// writers can be tested step by step without timing. Not a stand-in for the SDK.
import type {Step, Workflow} from '../../source/core/step.js';
import type {WatchState, WorkflowWatch} from '../../source/poller/watch-state.js';

export interface FakeWorkflowWatch extends WorkflowWatch {
	set(patch: Partial<WatchState>): void;
	started: boolean;
}

export function fakeWorkflowWatch(): FakeWorkflowWatch {
	let state: WatchState = {
		phase: 'loading',
		steps: [],
		stepsVersion: 0,
		complete: false,
		changedKeys: new Set(),
		events: [],
		workflowEvents: [],
		requests: 0,
		throttles: 0,
	};
	const listeners = new Set<() => void>();
	const watch: FakeWorkflowWatch = {
		started: false,
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		start() {
			watch.started = true;
		},
		stop() {
			watch.started = false;
		},
		togglePause() {},
		refresh() {},
		set(patch) {
			state = {...state, ...patch};
			for (const listener of [...listeners]) listener();
		},
	};
	return watch;
}

const T0 = Date.parse('2026-11-24T09:00:00Z');

export function makeStep(overrides: Partial<Step> = {}): Step {
	return {
		FlowName: 'sf-backfill-0001',
		Status: 'IN_PROGRESS',
		ExecutionMessage: 'Running',
		RecordsProcessed: 1200,
		BatchRecordsStartTime: '2026-01-01T00:00:00Z',
		BatchRecordsEndTime: '2026-03-01T00:00:00Z',
		CreatedAt: T0,
		LastUpdatedAt: T0 + 12_000,
		...overrides,
	};
}

export function makeWorkflow(overrides: Partial<Workflow> = {}): Workflow {
	return {
		WorkflowId: '3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60',
		WorkflowType: 'APPFLOW_INTEGRATION',
		Status: 'IN_PROGRESS',
		ErrorDescription: '',
		StartDate: T0,
		LastUpdatedAt: T0 + 12_000,
		SourceConnectorType: 'Salesforce',
		ConnectorProfileName: 'sf-prod',
		RecordsProcessed: 1200,
		StepsCompleted: 0,
		TotalSteps: 1,
		...overrides,
	};
}
