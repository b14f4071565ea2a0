// The steps as the table shows them. Filtering and sorting 100,000 steps takes milliseconds, so
// they are memoised on the data and the filter only: a cursor move never recomputes them.
import {useMemo} from 'react';
import type {SortField} from '../../core/preferences.js';
import {countByStatus, filterSteps} from '../../core/step-filter.js';
import {sortSteps} from '../../core/step-sort.js';
import type {Step, StepKey} from '../../core/step.js';

export interface StepView {
	/** Filtered and sorted. */
	rows: readonly Step[];
	/** Per status within the search (what the chips count, like "shown"). */
	counts: ReadonlyMap<string, number>;
	/** Per status over every step (what the header's done counts). */
	allCounts: ReadonlyMap<string, number>;
}

export function useStepView(
	steps: readonly Step[],
	statusFilter: readonly string[],
	search: string,
	sort: SortField,
	reverse: boolean,
	/** Only these steps (the `a` filter); undefined shows them all. */
	only?: ReadonlySet<StepKey>,
): StepView {
	const allCounts = useMemo(() => countByStatus(steps), [steps]);
	const searched = useMemo(() => filterSteps(steps, {statuses: [], search}), [steps, search]);
	const counts = useMemo(() => (searched === steps ? allCounts : countByStatus(searched)), [searched, steps, allCounts]);
	// The reducer hands out a new statusFilter array only when the filter changes.
	const filtered = useMemo(() => filterSteps(searched, {statuses: statusFilter, search: '', keys: only}), [searched, statusFilter, only]);
	const rows = useMemo(() => sortSteps(filtered, sort, reverse), [filtered, sort, reverse]);
	return {rows, counts, allCounts};
}
