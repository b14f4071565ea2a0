// What a completed walk changed compared with the snapshot before it: the events a view lists and
// highlights. Steps are matched by stepKey (FlowName plus CreatedAt), the only stable identity.
import {stepKey, type Step, type StepKey} from './step.js';

export interface StepChange {
	type: 'added' | 'changed';
	key: StepKey;
	step: Step;
	/** Set for 'changed' when the status moved. */
	previousStatus?: string;
	time: number;
}

export interface StepDiff {
	events: StepChange[];
	changedKeys: Set<StepKey>;
}

/** `previous` undefined means a first load: everything is new, so nothing is an event. */
export function diffSteps(previous: readonly Step[] | undefined, next: readonly Step[], time: number): StepDiff {
	const events: StepChange[] = [];
	const changedKeys = new Set<StepKey>();
	if (previous === undefined) return {events, changedKeys};
	const before = new Map<StepKey, Step>();
	for (const step of previous) before.set(stepKey(step), step);
	for (const step of next) {
		const key = stepKey(step);
		const old = before.get(key);
		if (old === undefined) {
			events.push({type: 'added', key, step, time});
			changedKeys.add(key);
		} else if (!sameStep(old, step)) {
			events.push(old.Status === step.Status ? {type: 'changed', key, step, time} : {type: 'changed', key, step, previousStatus: old.Status, time});
			changedKeys.add(key);
		}
	}
	return {events, changedKeys};
}

export function sameStep(a: Step, b: Step): boolean {
	return (
		a.Status === b.Status &&
		a.ExecutionMessage === b.ExecutionMessage &&
		a.RecordsProcessed === b.RecordsProcessed &&
		a.LastUpdatedAt === b.LastUpdatedAt &&
		a.BatchRecordsStartTime === b.BatchRecordsStartTime &&
		a.BatchRecordsEndTime === b.BatchRecordsEndTime
	);
}
