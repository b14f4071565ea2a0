// Turns a workflow watch into the event stream that line mode, NDJSON and notifications print:
// the current state of every step once (after the first complete walk), then only changes.
// Workflow status changes are events too. It ends when the watch is done or hits an error that
// waiting will not fix.
import type {ApiError} from '../core/api-error.js';
import type {Step, Workflow} from '../core/step.js';
import type {WatchState, WorkflowWatch} from '../poller/watch-state.js';

/** `workflowId` is set when the stream watches a whole domain (output/domain-feed.ts), so each
 * line names its workflow; a single workflow's stream leaves it out. */
export type FeedEvent =
	| {type: 'step'; time: number; step: Step; previousStatus?: string; initial: boolean; workflowId?: string}
	| {type: 'workflow'; time: number; workflow: Workflow; previousStatus?: string; initial: boolean; workflowId?: string};

export type FeedEnd = {reason: 'done'; workflow: Workflow} | {reason: 'error'; error: ApiError};

export interface FeedHandlers {
	onEvent(event: FeedEvent): void;
	onEnd(end: FeedEnd): void;
}

/** Subscribes to `watch` (which the caller starts); returns the unsubscribe function. */
export function followWatch(watch: WorkflowWatch, handlers: FeedHandlers): () => void {
	let initialised = false;
	let lastEvents: WatchState['events'] | undefined;
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
				lastEvents = state.events;
				emitWorkflow(state, true);
				const time = state.lastSuccessAt ?? 0;
				for (const step of state.steps) handlers.onEvent({type: 'step', time, step, initial: true});
			}
		} else if (state.events !== lastEvents) {
			// Every completed walk publishes a new events list, even an empty one.
			lastEvents = state.events;
			// In the order they happened, so a log reads forward in time (the API's order is by creation).
			const byTime = [...state.events].sort((a, b) => a.step.LastUpdatedAt - b.step.LastUpdatedAt);
			for (const event of byTime) {
				handlers.onEvent({type: 'step', time: event.time, step: event.step, previousStatus: event.previousStatus, initial: false});
			}
			emitWorkflow(state, false);
		}
		// The probe sees a new workflow status before the walk that follows it; holding the workflow
		// line until that walk is in makes the verdict the last line, after the steps that caused it.
		if (initialised && state.phase === 'done') emitWorkflow(state, false);

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
