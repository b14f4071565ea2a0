// In-memory watches whose state the test sets: the contract the poller implements, not an SDK mock.
// Shared by the UI, output and benchmark code.
import type {Domain, Step, Workflow, WorkflowSummary} from '../../source/core/step.js';
import type {Controller, DashboardRow, DashboardState, DomainDashboard, ListState, Traffic, WatchSource, WatchState} from '../../source/poller/watch-state.js';

export interface FakeController<S> extends Controller<S> {
	set(patch: Partial<S>): void;
	started: boolean;
	starts: number;
	pauses: number;
	refreshes: number;
}

export function fakeController<S>(initial: S, log?: (event: 'start' | 'stop') => void): FakeController<S> {
	let state = initial;
	const listeners = new Set<() => void>();
	const controller: FakeController<S> = {
		started: false,
		starts: 0,
		pauses: 0,
		refreshes: 0,
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		start() {
			controller.started = true;
			controller.starts++;
			log?.('start');
		},
		stop() {
			controller.started = false;
			log?.('stop');
		},
		togglePause() {
			controller.pauses++;
		},
		refresh() {
			controller.refreshes++;
		},
		set(patch) {
			state = {...state, ...patch};
			for (const listener of [...listeners]) listener();
		},
	};
	return controller;
}

export function watchState(patch: Partial<WatchState> = {}): WatchState {
	return {
		phase: 'live',
		steps: [],
		stepsVersion: 1,
		complete: true,
		changedKeys: new Set(),
		events: [],
		workflowEvents: [],
		requests: 0,
		throttles: 0,
		...patch,
	};
}

export function listState<T>(items: readonly T[], patch: Partial<ListState<T>> = {}): ListState<T> {
	return {phase: 'live', items, itemsVersion: 1, requests: 0, throttles: 0, ...patch};
}

export function dashboardState(rows: Record<string, Partial<DashboardRow>> = {}, patch: Partial<DashboardState> = {}): DashboardState {
	return {
		phase: 'live',
		rows: new Map(Object.entries(rows).map(([id, row]) => [id, {samples: [], walking: false, ...row}])),
		rowsVersion: 1,
		problems: [],
		watched: [],
		runningTotal: 0,
		queuedTotal: 0,
		requests: 0,
		throttles: 0,
		...patch,
	};
}

export interface FakeDashboard extends FakeController<DashboardState>, DomainDashboard {
	/** The ids of each setWorkflows call and each setWanted call, latest last. */
	workflowsGiven: string[][];
	wantedGiven: string[][];
}

export interface FakeWatchSource extends WatchSource {
	dashboard: FakeDashboard;
	workflow: FakeController<WatchState>;
	workflows: FakeController<ListState<WorkflowSummary>>;
	domains: FakeController<ListState<Domain>>;
	/** Arguments of each call, in order. */
	calls: string[];
	/** What traffic() reports; by default the sum of the three shared controllers' counts. */
	totals?: Traffic;
}

/** One controller per kind, shared by every call, so a test can set it before or after the view
 * asks for it. */
export function fakeWatchSource(
	initial: {steps?: Step[]; workflow?: Workflow; workflows?: WorkflowSummary[]; domains?: Domain[]} = {},
): FakeWatchSource {
	const dashboardController = fakeController(dashboardState());
	const dashboard: FakeDashboard = Object.assign(dashboardController, {
		workflowsGiven: [] as string[][],
		wantedGiven: [] as string[][],
		setWorkflows(items: readonly WorkflowSummary[]) {
			dashboard.workflowsGiven.push(items.map(item => item.WorkflowId));
		},
		setWanted(ids: readonly string[]) {
			dashboard.wantedGiven.push([...ids]);
		},
	});
	const source: FakeWatchSource = {
		dashboard,
		workflow: fakeController(watchState({steps: initial.steps ?? [], workflow: initial.workflow})),
		workflows: fakeController(listState(initial.workflows ?? [])),
		domains: fakeController(listState(initial.domains ?? [])),
		calls: [],
		watchWorkflow(domain, workflowId) {
			source.calls.push(`workflow ${domain} ${workflowId}`);
			return source.workflow;
		},
		watchWorkflows(domain) {
			source.calls.push(`workflows ${domain}`);
			return source.workflows;
		},
		watchDomains() {
			source.calls.push('domains');
			return source.domains;
		},
		traffic() {
			if (source.totals) return source.totals;
			const states = [source.workflow.getState(), source.workflows.getState(), source.domains.getState()];
			return {requests: states.reduce((n, state) => n + state.requests, 0), throttles: states.reduce((n, state) => n + state.throttles, 0)};
		},
		watchDomainDashboard(domain) {
			source.calls.push(`dashboard ${domain}`);
			return source.dashboard;
		},
	};
	return source;
}

const T0 = Date.parse('2026-11-24T09:00:00Z');
export const NOW = T0 + 3_600_000;

export function step(i: number, overrides: Partial<Step> = {}): Step {
	return {
		FlowName: `flow-${String(i).padStart(4, '0')}`,
		Status: 'COMPLETE',
		ExecutionMessage: `message ${i}`,
		RecordsProcessed: i * 10,
		BatchRecordsStartTime: '2026-01-01T00:00:00Z',
		BatchRecordsEndTime: '2026-02-01T00:00:00Z',
		CreatedAt: T0 + i * 1000,
		LastUpdatedAt: T0 + i * 1000 + 500,
		...overrides,
	};
}

export function workflow(overrides: Partial<Workflow> = {}): Workflow {
	return {
		WorkflowId: 'wf-1',
		WorkflowType: 'APPFLOW_INTEGRATION',
		Status: 'IN_PROGRESS',
		ErrorDescription: '',
		StartDate: T0,
		LastUpdatedAt: T0,
		RecordsProcessed: 1234,
		StepsCompleted: 3,
		TotalSteps: 10,
		...overrides,
	};
}

export function domain(name: string): Domain {
	return {DomainName: name, CreatedAt: T0, LastUpdatedAt: T0, Tags: {team: 'data'}};
}

export function workflowSummary(id: string, status = 'IN_PROGRESS'): WorkflowSummary {
	return {WorkflowId: id, WorkflowType: 'APPFLOW_INTEGRATION', Status: status, StatusDescription: `${id} status`, CreatedAt: T0, LastUpdatedAt: T0};
}
