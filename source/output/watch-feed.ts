// Turns a workflow watch into the event stream that line mode, NDJSON and notifications print:
// the current state of every step once (after the first complete walk), then only changes.
// Workflow status changes are events too. It ends when the watch is done or hits an error that
// waiting will not fix.
import type {ApiError} from '../core/api-error.js';
import type {Step, Workflow} from '../core/step.js';
import type {WatchState, WorkflowWatch} from '../poller/watch-state.js';

export type FeedEvent =
	| {type: 'step'; time: number; step: Step; previousStatus?: string; initial: boolean}
	| {type: 'workflow'; time: number; workflow: Workflow; previousStatus?: string; initial: boolean};

export type FeedEnd = {reason: 'done'; workflow: Workflow} | {reason: 'error'; error: ApiError};

export interface FeedHandlers {
	onEvent(event: FeedEvent): void;
	onEnd(end: FeedEnd): void;
}

/** Subscribes to `watch` (which the caller starts); returns the unsubscribe function. */
export function followWatch(watch: WorkflowWatch, handlers: FeedHandlers): () => void {
	let initialised = false;
	let lastStepsVersion = -1;
	let lastWorkflowStatus: string | undefined;
	let ended = false;

	const emitWorkflow = (state: WatchState, initial: boolean) => {
		const workflow = state.workflow;
		if (workflow === undefined || workflow.Status === lastWorkflowStatus) return;
		const time = state.lastSuccessAt ?? workflow.LastUpdatedAt;
		handlers.onEvent({type: 'workflow', time, workflow, previousStatus: lastWorkflowStatus, initial});
		lastWorkflowStatus = workflow.Status;
	};

	const onChange = () => {
		if (ended) return;
		const state = watch.getState();
		if (!initialised) {
			if (state.complete) {
				initialised = true;
				lastStepsVersion = state.stepsVersion;
				emitWorkflow(state, true);
				const time = state.lastSuccessAt ?? 0;
				for (const step of state.steps) handlers.onEvent({type: 'step', time, step, initial: true});
			}
		} else if (state.complete && state.stepsVersion !== lastStepsVersion) {
			lastStepsVersion = state.stepsVersion;
			for (const event of state.events) {
				handlers.onEvent({type: 'step', time: event.time, step: event.step, previousStatus: event.previousStatus, initial: false});
			}
		}
		// The workflow's own status is reported after its steps: the final line reads as the verdict.
		if (initialised) emitWorkflow(state, false);

		if (state.phase === 'done' && state.workflow !== undefined && initialised) {
			ended = true;
			handlers.onEnd({reason: 'done', workflow: state.workflow});
		} else if (state.phase === 'error' && state.error !== undefined && !state.error.retryable) {
			ended = true;
			handlers.onEnd({reason: 'error', error: state.error});
		}
	};

	const unsubscribe = watch.subscribe(onChange);
	onChange();
	return unsubscribe;
}
