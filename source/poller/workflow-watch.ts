// One workflow: probe with GetWorkflow each interval, walk the steps when the probe rule says so,
// show the first load page by page, and afterwards swap in only complete walks with their diff.
import type {CustomerProfilesApi} from '../aws/customer-profiles-api.js';
import {walkReason} from '../core/probe-rule.js';
import {isFinalStatus} from '../core/status.js';
import {diffSteps} from '../core/step-diff.js';
import {stepKey, type Step, type Workflow} from '../core/step.js';
import {newWalk, walkPages, type WalkProgress} from './page-walk.js';
import {createPollLoop, type Call, type LoopContext} from './poll-loop.js';
import {restartBackoff} from './restart-backoff.js';
import {createStore} from './store.js';
import type {TimerHandle} from './time.js';
import type {WatchState, WorkflowEvent, WorkflowWatch} from './watch-state.js';

/** During the first load the snapshot is published at most this often: a page every 10 ms (at
 * --max-rps 100) must not cost a copy of the list and a frame each; ten frames a second look
 * just as live. */
export const LOAD_FRAME_MS = 100;

export interface WorkflowWatchContext extends LoopContext {
	api: CustomerProfilesApi;
	maxWalkAgeMs: number;
	follow: boolean;
}

/** One page of a workflow's steps through `call` (the pace), as walkPages reads pages. */
export function stepPages(call: Call, api: CustomerProfilesApi, domain: string, workflowId: string) {
	return (nextToken: string | undefined) =>
		call(async signal => {
			const page = await api.getWorkflowStepsPage(domain, workflowId, nextToken, signal);
			return {items: page.steps, nextToken: page.nextToken};
		});
}

export function initialWatchState(): WatchState {
	return {
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
}

interface PendingWalk {
	progress: WalkProgress<Step>;
	probe: Workflow;
	probeAt: number;
	/** Time spent walking so far, over every cycle it took: a pause in between is not walking. */
	activeMs: number;
}

export function createWorkflowWatch(context: WorkflowWatchContext, domain: string, workflowId: string): WorkflowWatch {
	const {api, clock, scheduler} = context;
	const store = createStore<WatchState>(initialWatchState());
	// The probe that preceded the last complete walk: the probe rule compares against it.
	let walked: Workflow | undefined;
	let walkedAt: number | undefined;
	let walkDurationMs: number | undefined;
	let finalWalked = false;
	// A walk interrupted by pause or stop carries on from its token on the next cycle; one that
	// failed otherwise is dropped.
	let pending: PendingWalk | undefined;

	function noteWorkflow(workflow: Workflow) {
		const previous = store.get().workflow;
		const patch: Partial<WatchState> = {workflow};
		if (previous !== undefined && previous.Status !== workflow.Status) {
			const event: WorkflowEvent = {previousStatus: previous.Status, workflow, time: clock.now()};
			patch.workflowEvents = [event];
		} else if (previous === undefined) {
			patch.workflowEvents = [];
		}
		store.set(patch);
	}

	function completeWalk(walk: PendingWalk, firstLoad: boolean) {
		const steps = walk.progress.items;
		const state = store.get();
		const diff = diffSteps(firstLoad ? undefined : state.steps, steps, clock.now());
		const unchanged = !firstLoad && state.complete && diff.events.length === 0 && steps.length === state.steps.length;
		store.set(
			unchanged
				? {changedKeys: diff.changedKeys, events: diff.events}
				: {steps, stepsVersion: state.stepsVersion + 1, complete: true, changedKeys: diff.changedKeys, events: diff.events},
		);
		walked = walk.probe;
		walkedAt = walk.probeAt;
		walkDurationMs = walk.activeMs;
		if (isFinalStatus(walk.probe.Status)) finalWalked = true;
	}

	async function cycle(call: Call, cycleSignal: AbortSignal, refresh: boolean): Promise<boolean> {
		if (pending === undefined) {
			const probe = await call(signal => api.getWorkflow(domain, workflowId, signal));
			const probeAt = clock.now();
			noteWorkflow(probe);
			let reason = walkReason({walked, walkedAt, current: probe, now: probeAt, maxWalkAgeMs: context.maxWalkAgeMs, walkDurationMs, refreshRequested: refresh});
			// Once final, one more full walk so the last step states are the final ones.
			if (reason === undefined && isFinalStatus(probe.Status) && !finalWalked) reason = 'final';
			if (reason === undefined) return finalWalked && !context.follow;
			pending = {progress: newWalk(), probe, probeAt, activeMs: 0};
		}
		const walk = pending;
		const firstLoad = walked === undefined;
		// Only the first load grows on screen; later walks replace the snapshot when complete. Pages
		// that arrive within LOAD_FRAME_MS of the last publication wait for one trailing publication.
		let shownAt = Number.NEGATIVE_INFINITY;
		let showTimer: TimerHandle | undefined;
		const publish = () => {
			showTimer = undefined;
			// A restart (expired token) since this was due: the new walk is not past what is on screen.
			if (walk.progress.items.length < store.get().steps.length) return;
			shownAt = clock.now();
			store.set({steps: [...walk.progress.items], stepsVersion: store.get().stepsVersion + 1, complete: false});
		};
		const cancelPublish = () => {
			if (showTimer !== undefined) scheduler.clearTimeout(showTimer);
			showTimer = undefined;
		};
		const showPage = (progress: WalkProgress<Step>) => {
			if (!firstLoad || progress.done) return;
			// A walk that started over (expired token) shows nothing until it is past what is on screen.
			if (progress.items.length < store.get().steps.length) return;
			const wait = shownAt + LOAD_FRAME_MS - clock.now();
			if (wait <= 0) {
				cancelPublish();
				publish();
			} else {
				showTimer ??= scheduler.setTimeout(publish, wait);
			}
		};
		const walkingSince = clock.now();
		try {
			await walkPages(walk.progress, {
				fetchPage: stepPages(call, api, domain, workflowId),
				keyOf: stepKey,
				onPage: showPage,
				onRestart: progress => restartBackoff({...context, signal: cycleSignal}, progress),
			});
		} catch (thrown) {
			// Only a pause or stop carries the walk on. After a lasting error its token may be dead and
			// the workflow may have moved: the next cycle probes and starts afresh.
			if (!cycleSignal.aborted && pending === walk) pending = undefined;
			throw thrown;
		} finally {
			// A walk cut short by pause or stop shows what it has; a complete one is published whole below.
			if (showTimer !== undefined) {
				cancelPublish();
				if (!walk.progress.done) publish();
			}
			walk.activeMs += clock.now() - walkingSince;
		}
		// Two cycles can share a walk across a quick pause and resume: only one completes it.
		if (pending !== walk) return finalWalked && !context.follow;
		pending = undefined;
		completeWalk(walk, firstLoad);
		return finalWalked && !context.follow;
	}

	return createPollLoop({
		store,
		context,
		cycle,
		settledPhase: () => (store.get().complete ? 'live' : 'loading'),
	});
}
