// The table's rows and the status counts, derived from the steps, the filter and the sort. While
// the first load appends pages, the next view is built from the previous one: only the new steps
// are counted, filtered and sorted, then merged in, so a frame of the load costs O(new steps)
// comparisons instead of re-sorting and re-counting the whole list (issue 9: the load slowed from
// 1,500 to 450 steps/s as the list grew).
import type {SortField} from './preferences.js';
import {countByStatus, filterSteps} from './step-filter.js';
import {mergeSorted, sortSteps, stepOrder} from './step-sort.js';
import type {Step} from './step.js';

export interface StepViewInput {
	steps: readonly Step[];
	statuses: readonly string[];
	search: string;
	sort: SortField;
	reverse: boolean;
}

export interface StepView {
	/** Filtered and sorted. */
	rows: readonly Step[];
	counts: ReadonlyMap<string, number>;
}

export interface DerivedStepView extends StepView {
	input: StepViewInput;
}

/** Whether `next` is `previous` with steps appended (the same objects in the same places first). */
function isAppend(previous: readonly Step[], next: readonly Step[]): boolean {
	if (next.length < previous.length) return false;
	for (let i = 0; i < previous.length; i++) if (previous[i] !== next[i]) return false;
	return true;
}

export function deriveStepView(previous: DerivedStepView | undefined, input: StepViewInput): DerivedStepView {
	const before = previous?.input;
	if (
		previous &&
		before &&
		before.statuses === input.statuses &&
		before.search === input.search &&
		before.sort === input.sort &&
		before.reverse === input.reverse &&
		isAppend(before.steps, input.steps)
	) {
		if (before.steps.length === input.steps.length) return {...previous, input};
		const added = input.steps.slice(before.steps.length);
		const counts = new Map(previous.counts);
		for (const step of added) counts.set(step.Status, (counts.get(step.Status) ?? 0) + 1);
		const page = sortSteps(filterSteps(added, {statuses: input.statuses, search: input.search}), input.sort, input.reverse);
		return {input, counts, rows: mergeSorted(previous.rows, page, stepOrder(input.sort, input.reverse))};
	}
	const counts = before?.steps === input.steps && previous ? previous.counts : countByStatus(input.steps);
	const rows = sortSteps(filterSteps(input.steps, {statuses: input.statuses, search: input.search}), input.sort, input.reverse);
	return {input, counts, rows};
}
