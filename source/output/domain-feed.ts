// The event stream of a whole domain (`--domain D --plain` without --workflow): every workflow
// running when it starts, and every one that starts while it watches, followed like a single
// workflow (output/watch-feed.ts) with each event naming its workflow. All watches come from one
// source, so they share one pace.
import type {ApiError} from '../core/api-error.js';
import {EXIT} from '../core/exit-code.js';
import {isFinalStatus} from '../core/status.js';
import type {WorkflowSummary} from '../core/step.js';
import type {WatchSource, WorkflowWatch} from '../poller/watch-state.js';
import {followWatch, type FeedEnd, type FeedEvent, type FeedHandlers} from './watch-feed.js';

export type DomainFeedEvent = FeedEvent & {workflowId: string};

export interface DomainFeedHandlers {
	onEvent(event: DomainFeedEvent): void;
	/** The first complete list is in: the workflows running then (in list order). */
	onStart?(running: readonly string[]): void;
	/** One workflow reached its end: final with its last walk in, or a lasting error (it is no longer
	 * followed; the others go on). */
	onWorkflowEnd?(workflowId: string, end: FeedEnd): void;
	/** The list itself hit an error that waiting will not fix (the domain is gone, access denied). */
	onListError?(error: ApiError): void;
	/** How each workflow is followed: followWatch by default; the recorder's with --record. */
	follow?(watch: WorkflowWatch, workflowId: string, handlers: FeedHandlers): () => void;
}

export interface DomainFeed {
	stop(): void;
	/** Workflows being followed now. */
	following(): string[];
	/** Every watch of the feed, the list's included, for a "retrying" line. */
	watches(): ReadonlyArray<{getState(): {phase: string; error?: ApiError; failedAttempts?: number; retryAt?: number; lastSuccessAt?: number}; subscribe(listener: () => void): () => void}>;
	/** Called when a watch joins, so a caller can subscribe to it. */
	onWatch(listener: () => void): () => void;
}

/** Starts the list watch and follows its workflows; `stop` ends every watch. */
export function followDomain(source: WatchSource, domain: string, handlers: DomainFeedHandlers): DomainFeed {
	const list = source.watchWorkflows(domain);
	const followed = new Map<string, {watch: WorkflowWatch; unfollow(): void}>();
	// Every id the list has shown: one not seen at the first list started while we watched.
	const seen = new Set<string>();
	const watchListeners = new Set<() => void>();
	let started = false;
	let stopped = false;

	function follow(workflowId: string) {
		const watch = source.watchWorkflow(domain, workflowId);
		const entry = {watch, unfollow: () => {}};
		followed.set(workflowId, entry);
		entry.unfollow = (handlers.follow ?? ((w: WorkflowWatch, _id: string, h: FeedHandlers) => followWatch(w, h)))(watch, workflowId, {
			onEvent: event => handlers.onEvent({...event, workflowId}),
			onEnd(end) {
				// A finished workflow is done with: its watch stops, the others go on.
				entry.unfollow();
				watch.stop();
				followed.delete(workflowId);
				handlers.onWorkflowEnd?.(workflowId, end);
			},
		});
		for (const listener of [...watchListeners]) listener();
		if (!stopped && followed.get(workflowId) === entry) watch.start();
	}

	function onList() {
		if (stopped) return;
		const state = list.getState();
		if (state.phase === 'error' && state.error !== undefined && !state.error.retryable) {
			handlers.onListError?.(state.error);
			return;
		}
		// The first load grows page by page, and an error can interrupt it: only a complete list (the
		// watch turns live) says what was running. Later lists are replaced only when complete.
		if (!started && state.phase !== 'live') return;
		const items: readonly WorkflowSummary[] = state.items;
		if (!started) {
			started = true;
			const running = items.filter(item => !isFinalStatus(item.Status)).map(item => item.WorkflowId);
			for (const item of items) seen.add(item.WorkflowId);
			handlers.onStart?.(running);
			for (const id of running) follow(id);
			return;
		}
		for (const item of items) {
			if (seen.has(item.WorkflowId)) continue;
			seen.add(item.WorkflowId);
			// New since we started: followed even if it already finished between two lists.
			follow(item.WorkflowId);
		}
	}

	const unsubscribe = list.subscribe(onList);
	list.start();
	onList();
	return {
		stop() {
			stopped = true;
			unsubscribe();
			list.stop();
			for (const {watch, unfollow} of followed.values()) {
				unfollow();
				watch.stop();
			}
			followed.clear();
		},
		following: () => [...followed.keys()],
		watches: () => [list, ...[...followed.values()].map(entry => entry.watch)],
		onWatch(listener) {
			watchListeners.add(listener);
			return () => watchListeners.delete(listener);
		},
	};
}

/**
 * --exit-status over a domain: the worse of two verdicts, FAILED (1) over gave up (7) over
 * CANCELLED (3) over COMPLETE (0). A workflow that was awaited but lost to an error retrying did not
 * fix (deleted, access denied) ended unseen: it may have failed, so it outranks a known CANCELLED or
 * COMPLETE, but a FAILED one seen is the surer and more pressing answer.
 */
export function worseExitCode(a: number, b: number): number {
	return verdictRank(b) > verdictRank(a) ? b : a;
}

const VERDICT_ORDER: readonly number[] = [EXIT.ok, EXIT.workflowCancelled, EXIT.gaveUp, EXIT.workflowFailed];
const verdictRank = (code: number) => VERDICT_ORDER.indexOf(code);
