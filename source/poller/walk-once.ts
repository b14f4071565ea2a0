// One probe and one full walk, through the same pace, backoff and page walk as the live view:
// what --once prints. Retries are bounded here because nobody is watching a screen to give up.
import type {CustomerProfilesApi} from '../aws/customer-profiles-api.js';
import {stepKey, type Step, type Workflow} from '../core/step.js';
import {createPacer, type Pacer} from './pacer.js';
import {pacedCall, type CallObserver} from './paced-call.js';
import {newWalk, walkPages, type WalkProgress} from './page-walk.js';
import {restartBackoff} from './restart-backoff.js';
import {stepPages} from './workflow-watch.js';
import {realClock, realScheduler, type Clock, type Scheduler} from './time.js';

export interface WalkOnceOptions {
	maxRps?: number;
	clock?: Clock;
	scheduler?: Scheduler;
	random?: () => number;
	pacer?: Pacer;
	/** Attempts per request before the walk gives up on a failing endpoint; default 4 (a few
	 * seconds: a script should hear about a dead endpoint soon). */
	maxAttempts?: number;
	/** 429s per request before giving up, counted apart from failures; default 10 (minutes of
	 * backoff: the quota refills). */
	maxThrottledAttempts?: number;
	signal?: AbortSignal;
	onRequest?(): void;
	/** Told of every attempt, its wait and why (the --debug trace). */
	observer?: CallObserver;
	/** After each page: for a progress line ("12/100 pages"); `total` is the workflow's TotalSteps. */
	onPage?(progress: WalkProgress<Step>, total: number | undefined): void;
	/** The walk starts over on an expired paging token (after a backoff). */
	onRestart?(progress: WalkProgress<Step>, reason: string): void;
}

export async function walkWorkflowOnce(
	api: CustomerProfilesApi,
	domain: string,
	workflowId: string,
	options: WalkOnceOptions = {},
): Promise<{workflow: Workflow; steps: Step[]}> {
	const clock = options.clock ?? realClock;
	const scheduler = options.scheduler ?? realScheduler;
	const context = {
		clock,
		scheduler,
		random: options.random ?? Math.random,
		pacer: options.pacer ?? createPacer({maxRps: options.maxRps, clock, scheduler}),
		signal: options.signal ?? new AbortController().signal,
		maxAttempts: options.maxAttempts ?? 4,
		maxThrottledAttempts: options.maxThrottledAttempts ?? 10,
		onSent: options.onRequest,
		observer: options.observer,
	};
	const workflow = await pacedCall(context, signal => api.getWorkflow(domain, workflowId, signal));
	const steps = await walkPages<Step>(newWalk<Step>(), {
		fetchPage: stepPages(run => pacedCall(context, run), api, domain, workflowId),
		keyOf: stepKey,
		onPage: progress => options.onPage?.(progress, workflow.TotalSteps),
		async onRestart(progress, error) {
			options.onRestart?.(progress, error.message);
			await restartBackoff(context, progress);
		},
	});
	return {workflow, steps};
}
