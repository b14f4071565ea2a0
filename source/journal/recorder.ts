// --record: every workflow watch a mode follows is also written to the journal, from the same
// event stream line mode prints (followWatch), so a journal holds exactly what was shown: the
// first complete walk as one snapshot, then each step and workflow event, plus the poll's
// troubles (throttling, errors, recovery), the workflow's counters, and the end.
import type {Workflow} from '../core/step.js';
import {followWatch, type FeedHandlers} from '../output/watch-feed.js';
import type {WatchPhase, WorkflowWatch} from '../poller/watch-state.js';
import {JOURNAL_FORMAT, type JournalHeader} from './journal-format.js';
import type {JournalSink} from './journal-file.js';

export interface RecorderOptions {
	cpWatchVersion: string;
	intervalMs: number;
	/** The run's --status, so a replay prints what the run printed. */
	statusFilter?: readonly string[];
	now(): number;
}

export interface Recorder {
	/** Like followWatch, recording as it goes. The first watch (or one in another domain) writes a
	 * header for a single-workflow journal unless `startDomain` wrote a domain-wide one. */
	follow(watch: WorkflowWatch, domain: string, workflowId: string, handlers: FeedHandlers): () => void;
	/** Writes the header as soon as the target is known, so a file that takes no writes is found
	 * before the watch starts. `workflowId` undefined: the TUI will pick (each record names its). */
	begin(domain: string, workflowId?: string): void;
	/** For a domain-wide watch: one header for the domain; every workflow followed after it is
	 * recorded under it, each record naming its workflow. */
	startDomain(domain: string): void;
	/** Set once the journal could not be written: for the line printed on the way out. */
	problem(): string | undefined;
}

export function createRecorder(sink: JournalSink, options: RecorderOptions): Recorder {
	let headerDomain: string | undefined;
	const header = (scope: JournalHeader['scope'], domain: string, workflowId: string | null) => {
		headerDomain = domain;
		sink.write({
			kind: 'header',
			journal: JOURNAL_FORMAT,
			cpWatch: options.cpWatchVersion,
			scope,
			domain,
			workflowId,
			intervalMs: options.intervalMs,
			statusFilter: [...(options.statusFilter ?? [])],
			time: options.now(),
		});
	};
	return {
		begin: (domain, workflowId) => header('workflow', domain, workflowId ?? null),
		startDomain: domain => header('domain', domain, null),
		problem: () => sink.problem?.(),
		follow(watch, domain, workflowId, handlers) {
			if (headerDomain !== domain) header('workflow', domain, workflowId);
			return recordWatch(sink, options.now, watch, workflowId, handlers);
		},
	};
}

const TROUBLE: ReadonlySet<WatchPhase> = new Set(['throttled', 'error']);

function recordWatch(sink: JournalSink, now: () => number, watch: WorkflowWatch, workflowId: string, handlers: FeedHandlers): () => void {
	let snapshotWritten = false;
	// The workflow as the journal last told it, so only counters that moved are written.
	let told: Workflow | undefined;
	let lastPhase: WatchPhase | undefined;

	// The first complete walk arrives as one event per step and one for the workflow, all from the
	// same state: one snapshot record stands for all of them (and for none, when there are none).
	const writeSnapshot = (time: number) => {
		if (snapshotWritten) return;
		const state = watch.getState();
		sink.write({kind: 'snapshot', time: state.lastSuccessAt ?? time, workflowId, workflow: state.workflow ?? null, steps: [...state.steps]});
		snapshotWritten = true;
		told = state.workflow;
	};

	const unfollow = followWatch(watch, {
		onEvent(event) {
			if (event.initial) {
				writeSnapshot(event.time);
			} else if (event.type === 'step') {
				sink.write({kind: 'step', time: event.time, workflowId, step: event.step, previousStatus: event.previousStatus ?? null});
			} else {
				sink.write({kind: 'workflow', time: event.time, workflowId, workflow: event.workflow, previousStatus: event.previousStatus ?? null});
				told = event.workflow;
			}
			handlers.onEvent(event);
		},
		onEnd(end) {
			if (end.reason === 'error') {
				const {kind, code, message, retryable} = end.error;
				sink.write({kind: 'error', time: now(), workflowId, error: {kind, code: code ?? null, message, retryable}});
			}
			sink.write({kind: 'end', time: now(), workflowId, reason: end.reason});
			handlers.onEnd(end);
		},
	});

	const onChange = () => {
		const state = watch.getState();
		// A complete walk with no steps and no workflow yet has no initial events to write it.
		if (state.complete) writeSnapshot(now());
		if (state.phase !== lastPhase) {
			if (state.phase === 'throttled') {
				sink.write({kind: 'throttled', time: now(), workflowId, retryAt: state.retryAt ?? null});
			} else if (state.phase === 'error' && state.error?.retryable === true) {
				// An error waiting will not fix is written by onEnd, with the end.
				const {kind, code, message, retryable} = state.error;
				sink.write({kind: 'error', time: now(), workflowId, error: {kind, code: code ?? null, message, retryable}});
			} else if (lastPhase !== undefined && TROUBLE.has(lastPhase) && (state.phase === 'live' || state.phase === 'done')) {
				sink.write({kind: 'recovered', time: now(), workflowId});
			}
			lastPhase = state.phase;
		}
		const workflow = state.workflow;
		// A status change is the feed's to write (it holds it until the walk after it is in).
		if (snapshotWritten && workflow !== undefined && told !== undefined && workflow.Status === told.Status && countersMoved(told, workflow)) {
			sink.write({kind: 'progress', time: state.lastSuccessAt ?? now(), workflowId, workflow});
			told = workflow;
		}
	};
	const unsubscribe = watch.subscribe(onChange);
	onChange();

	return () => {
		unfollow();
		unsubscribe();
	};
}

function countersMoved(before: Workflow, after: Workflow): boolean {
	return (
		before.RecordsProcessed !== after.RecordsProcessed ||
		before.StepsCompleted !== after.StepsCompleted ||
		before.TotalSteps !== after.TotalSteps ||
		before.ErrorDescription !== after.ErrorDescription
	);
}

/** followWatch, through the recorder when there is one: how every mode follows a workflow. */
export function followMaybeRecorded(
	recorder: Recorder | undefined,
	watch: WorkflowWatch,
	domain: string,
	workflowId: string,
	handlers: FeedHandlers,
): () => void {
	return recorder ? recorder.follow(watch, domain, workflowId, handlers) : followWatch(watch, handlers);
}
