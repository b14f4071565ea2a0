// The polling engine: one watch source per process, so every view shares one pace.
import type {CustomerProfilesApi} from '../aws/customer-profiles-api.js';
import type {Domain, Workflow, WorkflowSummary} from '../core/step.js';
import {createDomainDashboard, type DashboardMemory} from './domain-dashboard.js';
import {createListWatch} from './list-watch.js';
import {createPacer} from './pacer.js';
import type {CallObserver} from './paced-call.js';
import type {LoopContext} from './poll-loop.js';
import {realClock, realScheduler, type Clock, type Scheduler} from './time.js';
import type {WatchSource} from './watch-state.js';
import {createWorkflowWatch} from './workflow-watch.js';

export type {CustomerProfilesApi} from '../aws/customer-profiles-api.js';
export type {Clock, Scheduler, TimerHandle} from './time.js';
export type {AttemptInfo, CallObserver} from './paced-call.js';
export {realClock, realScheduler} from './time.js';
export type * from './watch-state.js';

export interface WatchSourceOptions {
	api: CustomerProfilesApi;
	clock?: Clock;
	scheduler?: Scheduler;
	/** Between polls; default 5 s, at least 1 s. */
	intervalMs?: number;
	/** Walk the steps at least this often even when the probe shows no change; default 60 s. */
	maxWalkAgeMs?: number;
	/** Keep polling after the workflow is final. */
	follow?: boolean;
	/** The shared pace; default 2 requests per second. */
	maxRps?: number;
	random?: () => number;
	/** Told of every attempt, its wait and why (the --debug trace). */
	observer?: CallObserver;
}

export const DEFAULT_INTERVAL_MS = 5000;
export const MIN_INTERVAL_MS = 1000;
export const DEFAULT_MAX_WALK_AGE_MS = 60_000;

export function createWatchSource(options: WatchSourceOptions): WatchSource {
	const clock = options.clock ?? realClock;
	const scheduler = options.scheduler ?? realScheduler;
	const traffic = {requests: 0, throttles: 0};
	const context: LoopContext = {
		traffic,
		clock,
		scheduler,
		random: options.random ?? Math.random,
		pacer: createPacer({maxRps: options.maxRps, clock, scheduler}),
		intervalMs: Math.max(MIN_INTERVAL_MS, options.intervalMs ?? DEFAULT_INTERVAL_MS),
		...(options.observer ? {observer: options.observer} : {}),
	};
	const {api} = options;
	const finalWorkflows = new Map<string, Workflow>();
	const dashboards = new Map<string, DashboardMemory>();
	return {
		watchWorkflow: (domain, workflowId) =>
			createWorkflowWatch(
				{...context, api, maxWalkAgeMs: options.maxWalkAgeMs ?? DEFAULT_MAX_WALK_AGE_MS, follow: options.follow ?? false},
				domain,
				workflowId,
			),
		watchWorkflows: domain =>
			createListWatch<WorkflowSummary>(context, {
				fetchPage: (nextToken, signal) => api.listWorkflowsPage(domain, nextToken, signal),
				keyOf: item => item.WorkflowId,
			}),
		watchDomains: () =>
			createListWatch<Domain>(context, {
				fetchPage: (nextToken, signal) => api.listDomainsPage(nextToken, signal),
				keyOf: item => item.DomainName,
			}),
		traffic: () => ({...traffic}),
		watchDomainDashboard(domain) {
			let memory = dashboards.get(domain);
			if (memory === undefined) {
				memory = new Map();
				dashboards.set(domain, memory);
			}
			return createDomainDashboard({...context, api, finalWorkflows, memory}, domain);
		},
	};
}
