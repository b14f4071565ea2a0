// The table's rows and the status counts, derived from the steps, the filter and the sort. The
// whole list is sorted once per data and sort, and a filter or search only filters that sorted
// list (a keystroke must not re-sort 100,000 steps). While the first load appends pages, the next
// view is built from the previous one: only the new steps are counted, sorted and merged in, so a
// frame of the load costs O(new steps) comparisons instead of re-sorting and re-counting the whole
// list (issue 9: the load slowed from 1,500 to 450 steps/s as the list grew).
import type {SortField} from './preferences.js';
import {countByStatus, filterAndCountSearch, filterSteps} from './step-filter.js';
import {mergeSorted, sortSteps, stepOrder} from './step-sort.js';
import type {Step, StepKey} from './step.js';

export interface StepViewInput {
	steps: readonly Step[];
	statuses: readonly string[];
	search: string;
	sort: SortField;
	reverse: boolean;
	/** Only these steps (the `a` filter); undefined shows them all. */
	only?: ReadonlySet<StepKey>;
}

export interface StepView {
	/** Filtered and sorted. */
	rows: readonly Step[];
	/** Per status within the search (what the chips count, like "shown"). */
	counts: ReadonlyMap<string, number>;
	/** Per status over every step (what the header's done counts). */
	allCounts: ReadonlyMap<string, number>;
}

export interface DerivedStepView extends StepView {
	input: StepViewInput;
	/** Every step in the view's order, before the filter. */
	sorted: readonly Step[];
	/** The same steps in each order sorted so far ('name:true'...): cycling `s` sorts each once. */
	orders: Map<string, readonly Step[]>;
}

/** Whether `next` is `previous` with steps appended (the same objects in the same places first). */
function isAppend(previous: readonly Step[], next: readonly Step[]): boolean {
	if (next.length < previous.length) return false;
	for (let i = 0; i < previous.length; i++) if (previous[i] !== next[i]) return false;
	return true;
}

const orderKey = (input: StepViewInput) => `${input.sort}:${input.reverse}`;
const filterOf = (input: StepViewInput) => ({statuses: input.statuses, search: input.search, keys: input.only});
const searchOf = (input: StepViewInput) => ({statuses: [], search: input.search});

function addCounts(counts: ReadonlyMap<string, number>, steps: readonly Step[]): Map<string, number> {
	const next = new Map(counts);
	for (const step of steps) next.set(step.Status, (next.get(step.Status) ?? 0) + 1);
	return next;
}

export function deriveStepView(previous: DerivedStepView | undefined, input: StepViewInput): DerivedStepView {
	const before = previous?.input;
	const sameOrder = before !== undefined && before.sort === input.sort && before.reverse === input.reverse;
	const sameSearch = before !== undefined && before.search === input.search;
	const sameFilter = sameSearch && before.statuses === input.statuses && before.only === input.only;
	if (previous && before && sameOrder && before.steps !== input.steps && isAppend(before.steps, input.steps)) {
		const added = input.steps.slice(before.steps.length);
		const allCounts = addCounts(previous.allCounts, added);
		const counts = input.search === '' ? allCounts : sameSearch ? addCounts(previous.counts, filterSteps(added, searchOf(input))) : countByStatus(filterSteps(input.steps, searchOf(input)));
		const page = sortSteps(added, input.sort, input.reverse);
		const order = stepOrder(input.sort, input.reverse);
		const sorted = mergeSorted(previous.sorted, page, order);
		const rows = sameFilter ? mergeSorted(previous.rows, filterSteps(page, filterOf(input)), order) : filterSteps(sorted, filterOf(input));
		return {input, counts, allCounts, sorted, rows, orders: new Map([[orderKey(input), sorted]])};
	}
	const sameSteps = previous !== undefined && before?.steps === input.steps;
	const allCounts = sameSteps ? previous.allCounts : countByStatus(input.steps);
	const orders = sameSteps ? previous.orders : new Map<string, readonly Step[]>();
	let sorted = orders.get(orderKey(input));
	if (sorted === undefined) {
		// Every order is total, so the other direction already sorted, reversed, is this one (S after
		// s costs a copy); else a new field starts from the creation order when that is kept.
		const opposite = orders.get(orderKey({...input, reverse: !input.reverse}));
		const created = orders.get(orderKey({...input, sort: 'created', reverse: false}));
		sorted = opposite ? [...opposite].reverse() : sortSteps(input.steps, input.sort, input.reverse, created);
		orders.set(orderKey(input), sorted);
	}
	if (sameSteps && sameOrder && sameFilter) return {input, counts: previous.counts, allCounts, sorted, rows: previous.rows, orders};
	if (input.search === '') return {input, counts: allCounts, allCounts, sorted, rows: filterSteps(sorted, filterOf(input)), orders};
	// The sorted steps are the same steps, so what the search matches among them counts the chips.
	if (!(sameSteps && sameSearch)) return {input, allCounts, sorted, orders, ...filterAndCountSearch(sorted, filterOf(input), input.steps)};
	return {input, counts: previous.counts, allCounts, sorted, rows: filterSteps(sorted, filterOf(input)), orders};
}
