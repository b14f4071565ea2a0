// What the screens would have shown: the journal folded, record by record, into the same
// WatchState the engine publishes, one per recorded workflow. Pure.
import {stepKey, type StepKey, type WorkflowSummary} from '../core/step.js';
import type {WatchState} from '../poller/watch-state.js';
import {initialWatchState} from '../poller/workflow-watch.js';
import type {JournalRecord} from './journal-format.js';

export type ReplayStates = ReadonlyMap<string, WatchState>;

// One object, so a workflow not recorded yet reads the same state until it is.
const EMPTY: WatchState = initialWatchState();

export function emptyWatchState(): WatchState {
	return EMPTY;
}

export function applyRecord(states: ReplayStates, record: JournalRecord): ReplayStates {
	if (record.kind === 'header') return states;
	const before = states.get(record.workflowId) ?? EMPTY;
	const after = nextState(before, record);
	return after === before ? states : new Map(states).set(record.workflowId, after);
}

/** The states after the first `count` records. */
export function foldRecords(records: readonly JournalRecord[], count: number, from: ReplayStates = new Map(), start = 0): ReplayStates {
	let states = from;
	for (let index = start; index < count; index++) states = applyRecord(states, records[index]);
	return states;
}

function nextState(state: WatchState, record: Exclude<JournalRecord, {kind: 'header'}>): WatchState {
	const {time} = record;
	switch (record.kind) {
		case 'snapshot':
			return {
				...state,
				phase: 'live',
				error: undefined,
				retryAt: undefined,
				workflow: record.workflow ?? state.workflow,
				steps: record.steps,
				stepsVersion: state.stepsVersion + 1,
				complete: true,
				changedKeys: new Set(),
				events: [],
				lastSuccessAt: time,
			};
		case 'step': {
			const key = stepKey(record.step);
			const index = state.steps.findIndex(step => stepKey(step) === key);
			const steps = [...state.steps];
			if (index === -1) steps.push(record.step);
			else steps[index] = record.step;
			// The changes of one walk share its time: they stay highlighted together.
			const sameWalk = state.lastSuccessAt === time && state.events.length > 0;
			const changedKeys = new Set<StepKey>(sameWalk ? state.changedKeys : []).add(key);
			const event = {type: index === -1 ? 'added' : 'changed', key, step: record.step, previousStatus: record.previousStatus ?? undefined, time} as const;
			return {
				...state,
				phase: state.phase === 'done' ? 'done' : 'live',
				error: undefined,
				steps,
				stepsVersion: state.stepsVersion + 1,
				changedKeys,
				events: sameWalk ? [...state.events, event] : [event],
				lastSuccessAt: time,
			};
		}
		case 'workflow':
			return {
				...state,
				workflow: record.workflow,
				workflowEvents: [{previousStatus: record.previousStatus ?? undefined, workflow: record.workflow, time}],
				lastSuccessAt: Math.max(state.lastSuccessAt ?? time, time),
			};
		case 'progress':
			return {...state, workflow: record.workflow, lastSuccessAt: Math.max(state.lastSuccessAt ?? time, time)};
		case 'throttled':
			return {...state, phase: 'throttled', retryAt: record.retryAt ?? undefined, throttles: state.throttles + 1};
		case 'error': {
			const {code, ...error} = record.error;
			return {...state, phase: 'error', error: {...error, code: code ?? undefined, staleSince: state.lastSuccessAt ?? time}};
		}
		case 'recovered':
			return {...state, phase: 'live', error: undefined, retryAt: undefined};
		case 'end':
			return record.reason === 'done' ? {...state, phase: 'done', error: undefined} : state;
	}
}

/** A recorded workflow as a row of the workflows screen. */
export function summaryOf(workflowId: string, state: WatchState): WorkflowSummary {
	const workflow = state.workflow;
	return {
		WorkflowId: workflowId,
		WorkflowType: workflow?.WorkflowType ?? 'AppflowIntegration',
		Status: workflow?.Status ?? 'NOT_STARTED',
		StatusDescription: workflow?.ErrorDescription ?? '',
		CreatedAt: workflow?.StartDate ?? Number.NaN,
		LastUpdatedAt: workflow?.LastUpdatedAt ?? Number.NaN,
	};
}
