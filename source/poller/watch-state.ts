// The contract between the polling engine and everything that shows its results (the TUI, line
// mode, NDJSON). The engine owns and updates it; readers treat it as immutable.
import type {ApiError} from '../core/api-error.js';
import type {ProblemEntry, StepCounts} from '../core/problem-feed.js';
import type {ProgressSample} from '../core/progress.js';
import type {Domain, Step, StepKey, Workflow, WorkflowSummary} from '../core/step.js';

export type WatchPhase =
	| 'loading' // first load, pages still arriving
	| 'live' // polling on schedule
	| 'paused'
	| 'throttled' // a 429 is being waited out; see retryAt
	| 'error' // the last attempt failed; data (if any) is stale since error.staleSince
	| 'done'; // the workflow is final and its last full walk is in; polling stopped

export interface StepEvent {
	type: 'added' | 'changed';
	key: StepKey;
	step: Step;
	/** For 'changed': the status before; undefined when only other fields changed. */
	previousStatus?: string;
	/** Epoch ms when the engine saw it. */
	time: number;
}

export interface WorkflowEvent {
	previousStatus?: string;
	workflow: Workflow;
	time: number;
}

/** How polling is going, the same for every kind of watch: what the status line shows. */
export interface PollStatus {
	phase: WatchPhase;
	/** The last attempt failed; data (if any) is stale since `staleSince`. */
	error?: ApiError & {staleSince: number};
	/** Epoch ms when a throttled request will be retried. */
	retryAt?: number;
	/** Failed attempts in a row (429s included), until a request succeeds: what a log reports. */
	failedAttempts?: number;
	lastSuccessAt?: number;
	nextPollAt?: number;
	/** Requests sent so far, and how many of them were answered 429. */
	requests: number;
	throttles: number;
}

export interface WatchState extends PollStatus {
	workflow?: Workflow;
	/** The current snapshot. During the first load it grows page by page; afterwards it is only
	 * ever replaced by a complete walk. Order is the API's. */
	steps: readonly Step[];
	/** Increments each time `steps` is replaced, so views can memoise on it. */
	stepsVersion: number;
	/** Whether `steps` is a complete walk. */
	complete: boolean;
	/** Keys of the steps added or changed by the latest completed walk. */
	changedKeys: ReadonlySet<StepKey>;
	/** Events of the latest completed walk (none for the first load); replaced on every walk, so
	 * an empty list after a walk that changed nothing. */
	events: readonly StepEvent[];
	/** The latest workflow status change. Replaced only when a probe sees the status move (not on
	 * every walk, unlike `events`), so it still names the last change many polls later. */
	workflowEvents: readonly WorkflowEvent[];
}

/** The state of a polled list (the workflows of a domain, or the domains). */
export interface ListState<T> extends PollStatus {
	items: readonly T[];
	itemsVersion: number;
}

/** The domain dashboard (the workflows screen): see poller/domain-dashboard.ts. */
export interface DashboardRow {
	workflow?: Workflow;
	/** When `workflow` was read: how old the row's numbers are. */
	readAt?: number;
	/** For records/s and the ETA, kept for as long as the process runs. */
	samples: readonly ProgressSample[];
	/** From the latest complete walk of the steps; undefined before the first. */
	counts?: StepCounts;
	walkedAt?: number;
	/** A walk is under way (spread over several visits). */
	walking: boolean;
	/** The last read of this row failed; its numbers (if any) are from before. */
	error?: ApiError;
}

export interface DashboardState extends PollStatus {
	rows: ReadonlyMap<string, DashboardRow>;
	rowsVersion: number;
	/** FAILED, RETRY and CANCELLED steps of the workflows walked, newest first. */
	problems: readonly ProblemEntry[];
	/** Running workflows being read in turn (at most MAX_WATCHED_RUNNING). */
	watched: readonly string[];
	/** IN_PROGRESS workflows in the list, watched or not. */
	runningTotal: number;
	/** NOT_STARTED ones (watched too, after the running ones). */
	queuedTotal: number;
}

export interface DomainDashboard extends Controller<DashboardState> {
	/** The domain's workflows as the list watch last saw them. */
	setWorkflows(items: readonly WorkflowSummary[]): void;
	/** Finished workflows worth reading once (the rows on screen), most wanted first. */
	setWanted(ids: readonly string[]): void;
}

/** What a view holds: a readable, subscribable store plus the intents it may send. Shaped for
 * React's useSyncExternalStore; `getState` returns the same object until something changed. */
export interface Controller<S> {
	getState(): S;
	subscribe(listener: () => void): () => void;
	start(): void;
	stop(): void;
	togglePause(): void;
	refresh(): void;
}

export type WorkflowWatch = Controller<WatchState>;
export type ListWatch<T> = Controller<ListState<T>>;

/** Every request this process sent, and how many were answered 429: what the quota sees. */
export interface Traffic {
	requests: number;
	throttles: number;
}

/** Where views get their controllers. One per process, so every watch shares one pacing bucket.
 * Each call returns a new, stopped controller: the view starts it on mount and stops it on
 * unmount. */
export interface WatchSource {
	watchWorkflow(domain: string, workflowId: string): WorkflowWatch;
	watchWorkflows(domain: string): ListWatch<WorkflowSummary>;
	watchDomains(): ListWatch<Domain>;
	/** Every running workflow of the domain in a fair round robin, finished ones read once. */
	watchDomainDashboard(domain: string): DomainDashboard;
	/** All watches together, so far; read it when drawing (it is not a store). */
	traffic(): Traffic;
}
