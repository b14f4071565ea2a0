// The steps as the table shows them, derived once per change of the data, filter or sort (never on
// a cursor move), and incrementally while the first load appends pages (core/step-view.ts).
import {useMemo, useRef} from 'react';
import type {SortField} from '../../core/preferences.js';
import {deriveStepView, type DerivedStepView, type StepView} from '../../core/step-view.js';
import type {Step, StepKey} from '../../core/step.js';

export type {StepView};

export function useStepView(
	steps: readonly Step[],
	statusFilter: readonly string[],
	search: string,
	sort: SortField,
	reverse: boolean,
	/** Only these steps (the `a` filter); undefined shows them all. */
	only?: ReadonlySet<StepKey>,
): StepView {
	const previous = useRef<DerivedStepView | undefined>(undefined);
	// The reducer hands out a new statusFilter array only when the filter changes.
	return useMemo(() => {
		previous.current = deriveStepView(previous.current, {steps, statuses: statusFilter, search, sort, reverse, only});
		return previous.current;
	}, [steps, statusFilter, search, sort, reverse, only]);
}
