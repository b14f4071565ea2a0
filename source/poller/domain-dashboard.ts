// The domain dashboard: the numbers of every running workflow of a domain (up to 50), read in a
// fair round robin on the shared pace, and the final numbers of finished ones, read once and kept.
// One visit is one GetWorkflow, plus up to PAGES_PER_VISIT pages of the workflow's steps when its
// numbers moved (for the failed and retrying counts and the problems feed). See docs/polling.md.
import type {CustomerProfilesApi} from '../aws/customer-profiles-api.js';
import {classifyError} from '../aws/classify-error.js';
import {nextVisit, watchedRunning} from '../core/dashboard-schedule.js';
import {workflowChanged} from '../core/probe-rule.js';
import {mergeProblems, problemSteps, stepCounts} from '../core/problem-feed.js';
import {addSample} from '../core/progress.js';
import {isFinalStatus} from '../core/status.js';
import {stepKey, type Step, type Workflow, type WorkflowSummary} from '../core/step.js';
import {newWalk, walkPages, type WalkProgress} from './page-walk.js';
import {createPollLoop, type Call, type LoopContext} from './poll-loop.js';
import {restartBackoff} from './restart-backoff.js';
import {createStore} from './store.js';
import {stepPages} from './workflow-watch.js';
import {abortError} from './time.js';
import type {DashboardRow, DashboardState, DomainDashboard} from './watch-state.js';

/** Step pages a visit may read after its probe: a 100-page walk is spread over 50 turns instead of
 * holding every other row for 50 s. */
export const PAGES_PER_VISIT = 2;

interface RowMemory {
	row: DashboardRow;
	/** The probe that preceded the last complete walk: the walk rule compares against it. */
	walkedProbe?: Workflow;
	pending?: {progress: WalkProgress<Step>; probe: Workflow};
	problems: readonly Step[];
}

/** What a source keeps per domain across screens: leaving and reopening the workflows screen
 * keeps every number, rate and final read. */
export type DashboardMemory = Map<string, RowMemory>;

export interface DashboardContext extends LoopContext {
	api: CustomerProfilesApi;
	/** Final workflows already read by any watch of the source (by domain and id). */
	finalWorkflows: Map<string, Workflow>;
	memory: DashboardMemory;
}

export function createDomainDashboard(context: DashboardContext, domain: string): DomainDashboard {
	const {api, clock, scheduler, memory, finalWorkflows} = context;
	const store = createStore<DashboardState>({
		phase: 'loading',
		rows: publishRows(memory),
		rowsVersion: 0,
		problems: mergeProblems(problemMap(memory)),
		watched: [],
		runningTotal: 0,
		queuedTotal: 0,
		requests: 0,
		throttles: 0,
	});
	let items: readonly WorkflowSummary[] = [];
	let running: string[] = [];
	let wanted: readonly string[] = [];
	let lastWasFinished = false;
	let listSeen = false;
	let wake: (() => void) | undefined;
	// `r`: every running row is due now, though its numbers keep their age until read.
	const forcedDue = new Set<string>();

	const finalKey = (id: string) => `${domain}\u0000${id}`;
	const memoryOf = (id: string): RowMemory => {
		let found = memory.get(id);
		if (found === undefined) {
			const known = finalWorkflows.get(finalKey(id));
			found = {row: {workflow: known, samples: [], walking: false}, problems: []};
			memory.set(id, found);
		}
		return found;
	};

	function publish(problemsMoved: boolean) {
		store.set({
			rows: publishRows(memory),
			rowsVersion: store.get().rowsVersion + 1,
			...(problemsMoved ? {problems: mergeProblems(problemMap(memory))} : {}),
		});
	}

	function unreadFinished(): string[] {
		const listed = new Set(items.map(item => item.WorkflowId));
		const runningSet = new Set(running);
		return wanted.filter(id => listed.has(id) && !runningSet.has(id) && memoryOf(id).row.workflow === undefined && memoryOf(id).row.error === undefined);
	}

	/** A running row whose walk is spread over visits stays due until the walk is done, even once its
	 * workflow is final. */
	function schedulable(): string[] {
		const extra = [...memory.entries()].filter(([id, entry]) => entry.pending !== undefined && !running.includes(id)).map(([id]) => id);
		return [...running, ...extra];
	}

	function readTimes(): Map<string, number> {
		const times = new Map<string, number>();
		for (const id of schedulable()) {
			const at = memory.get(id)?.row.readAt;
			if (at !== undefined && !forcedDue.has(id)) times.set(id, at);
		}
		return times;
	}

	async function waitForTurn(ms: number | undefined, signal: AbortSignal): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			let timer: unknown;
			const done = () => {
				if (timer !== undefined) scheduler.clearTimeout(timer);
				signal.removeEventListener('abort', onAbort);
				wake = undefined;
			};
			const onAbort = () => {
				done();
				reject(abortError());
			};
			wake = () => {
				done();
				resolve();
			};
			if (ms !== undefined) timer = scheduler.setTimeout(() => wake?.(), ms);
			signal.addEventListener('abort', onAbort, {once: true});
		});
	}

	async function visit(id: string, call: Call, signal: AbortSignal): Promise<void> {
		forcedDue.delete(id);
		const entry = memoryOf(id);
		let workflow = entry.row.workflow;
		let problemsMoved = false;
		try {
			if (entry.pending === undefined || workflow === undefined || !isFinalStatus(workflow.Status)) {
				workflow = await call(s => api.getWorkflow(domain, id, s));
				const readAt = clock.now();
				entry.row = {
					...entry.row,
					workflow,
					readAt,
					error: undefined,
					samples: addSample(entry.row.samples, {
						time: readAt,
						stepsCompleted: workflow.StepsCompleted ?? 0,
						recordsProcessed: workflow.RecordsProcessed ?? 0,
						totalSteps: workflow.TotalSteps,
					}),
				};
				if (isFinalStatus(workflow.Status)) finalWorkflows.set(finalKey(id), workflow);
			}
			// A workflow first seen final keeps GetWorkflow's final numbers; one watched while it ran gets
			// a last walk, so its counts and problems are the final ones.
			if (workflow === undefined) return;
			const wantsWalk =
				entry.pending !== undefined ||
				(entry.walkedProbe === undefined ? !isFinalStatus(workflow.Status) : workflowChanged(entry.walkedProbe, workflow));
			if (wantsWalk) {
				entry.pending ??= {progress: newWalk<Step>(), probe: workflow};
				const pending = entry.pending;
				entry.row = {...entry.row, walking: true};
				await walkPages(pending.progress, {
					fetchPage: stepPages(call, api, domain, id),
					keyOf: stepKey,
					maxPages: PAGES_PER_VISIT,
					// An expired token starts the walk over after the same backoff as the workflow watch's,
					// so a quota busy enough to let the token age gets room first.
					onRestart: progress => restartBackoff({...context, signal}, progress),
				});
				if (pending.progress.done && entry.pending === pending) {
					const steps = pending.progress.items;
					entry.pending = undefined;
					entry.walkedProbe = pending.probe;
					entry.problems = problemSteps(steps);
					entry.row = {...entry.row, counts: stepCounts(steps), walkedAt: clock.now(), walking: false};
					problemsMoved = true;
				}
			}
		} catch (thrown) {
			if (signal.aborted) throw thrown;
			// One row's trouble (a workflow deleted, a step page refused) must not stop the others: it is
			// shown on the row and read again a round later.
			entry.pending = undefined;
			entry.row = {...entry.row, error: classifyError(thrown), readAt: clock.now(), walking: false};
		}
		publish(problemsMoved);
	}

	const loop = createPollLoop<DashboardState>({
		store,
		// Visits follow one another as fast as the pace allows; the schedule says when to wait.
		context: {...context, intervalMs: 0},
		settledPhase: () => (listSeen ? 'live' : 'loading'),
		async cycle(call, signal, refresh) {
			if (refresh) for (const id of running) forcedDue.add(id);
			const next = nextVisit({
				running: schedulable(),
				readAt: readTimes(),
				unreadFinished: unreadFinished(),
				lastWasFinished,
				now: clock.now(),
				intervalMs: context.intervalMs,
			});
			if ('id' in next) {
				lastWasFinished = !next.running;
				await visit(next.id, call, signal);
			} else {
				await waitForTurn('waitMs' in next ? next.waitMs : undefined, signal);
			}
			return false;
		},
	});

	return {
		...loop,
		setWorkflows(next) {
			items = next;
			listSeen = true;
			const watched = watchedRunning(next);
			const changed = watched.length !== running.length || watched.some((id, i) => id !== running[i]);
			running = watched;
			const runningTotal = next.filter(item => item.Status === 'IN_PROGRESS').length;
			const queuedTotal = next.filter(item => item.Status === 'NOT_STARTED').length;
			store.set({...(changed ? {watched} : {}), runningTotal, queuedTotal});
			if (store.get().phase === 'loading') store.set({phase: 'live'});
			wake?.();
		},
		setWanted(ids) {
			wanted = ids;
			wake?.();
		},
		refresh() {
			loop.refresh();
			wake?.();
		},
	};
}

function publishRows(memory: DashboardMemory): ReadonlyMap<string, DashboardRow> {
	return new Map([...memory].map(([id, entry]) => [id, entry.row]));
}

function problemMap(memory: DashboardMemory): Map<string, readonly Step[]> {
	return new Map([...memory].map(([id, entry]) => [id, entry.problems]));
}
