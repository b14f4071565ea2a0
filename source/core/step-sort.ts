// Table order. Ties fall back to CreatedAt then FlowName, so the order is total and a refresh
// that changes nothing moves nothing.
import type {SortField} from './preferences.js';
import {STATUSES} from './status.js';
import type {Step} from './step.js';

const STATUS_RANK = new Map<string, number>(STATUSES.map((status, index) => [status, index]));

export function statusRank(status: string): number {
	return STATUS_RANK.get(status) ?? STATUSES.length;
}

function byName(a: Step, b: Step): number {
	return a.FlowName < b.FlowName ? -1 : a.FlowName > b.FlowName ? 1 : 0;
}

function tieBreak(a: Step, b: Step): number {
	return a.CreatedAt - b.CreatedAt || byName(a, b);
}

const COMPARE: Record<SortField, (a: Step, b: Step) => number> = {
	created: tieBreak,
	updated: (a, b) => a.LastUpdatedAt - b.LastUpdatedAt || tieBreak(a, b),
	status: (a, b) => statusRank(a.Status) - statusRank(b.Status) || (a.Status < b.Status ? -1 : a.Status > b.Status ? 1 : 0) || tieBreak(a, b),
	records: (a, b) => a.RecordsProcessed - b.RecordsProcessed || tieBreak(a, b),
	name: (a, b) => byName(a, b) || a.CreatedAt - b.CreatedAt,
};

/** The order of `field`, reversed or not. Every order is total (no two steps share FlowName and
 * CreatedAt), so reversing a sorted list is the same as sorting it reversed. */
export function stepOrder(field: SortField, reverse: boolean): (a: Step, b: Step) => number {
	const compare = COMPARE[field];
	return reverse ? (a, b) => compare(b, a) : compare;
}

/** `created`, when given, is the same steps already in creation order (ascending): the sort by
 * another field starts from it instead of sorting a copy by creation first. */
export function sortSteps(steps: readonly Step[], field: SortField, reverse: boolean, created?: readonly Step[]): Step[] {
	const sorted = sortAscending(steps, field, created);
	return reverse ? sorted.reverse() : sorted;
}

// Primary keys alone: over a list already in tie-break order a stable sort by the primary key
// gives exactly COMPARE's order.
const NUMERIC: Partial<Record<SortField, (step: Step) => number>> = {
	updated: step => step.LastUpdatedAt,
	records: step => step.RecordsProcessed,
};

function sortAscending(steps: readonly Step[], field: SortField, given?: readonly Step[]): Step[] {
	// The API's order is creation order, so this sort is linear (TimSort finds one run).
	const created = given ? [...given] : [...steps].sort(tieBreak);
	if (field === 'created') return created;
	if (field === 'status') return byStatusRank(created);
	const numeric = NUMERIC[field];
	if (numeric) return byNumber(created, numeric) ?? created.sort(COMPARE[field]);
	return created.sort((a, b) => byName(a, b));
}

/** A stable sort by a numeric key without a comparator (a comparator sort of 100,000 steps took
 * 50-150 ms). When the keys are integers whose range times the list's length fits in a double's 53
 * bits (times in ms over years, record counts), each key and its position are packed into one number
 * and sorted natively: ties keep the list's order, and the sort runs as fast on its first call
 * (about 25 ms on 100,000) as later, where a radix sort in JS took 50-80 ms until V8 had compiled
 * it. Others go by rank. Undefined (falls back to comparing) when a key is not a finite number. */
function byNumber(list: readonly Step[], keyOf: (step: Step) => number): Step[] | undefined {
	const keys = new Float64Array(list.length);
	let min = Number.POSITIVE_INFINITY;
	let max = Number.NEGATIVE_INFINITY;
	let integers = true;
	for (let i = 0; i < list.length; i++) {
		const key = keyOf(list[i]);
		if (!Number.isFinite(key)) return undefined;
		keys[i] = key;
		if (key < min) min = key;
		if (key > max) max = key;
		if (integers && !Number.isInteger(key)) integers = false;
	}
	let positions = 1;
	while (positions < list.length) positions *= 2;
	if (list.length > 0 && integers && (max - min + 1) * positions <= Number.MAX_SAFE_INTEGER) return byPackedKey(list, keys, min, positions);
	return byRank(list, keys);
}

/** (key - min) * positions + index for each step, sorted as plain numbers: exact, since every
 * packed value is an integer below 2^53. */
function byPackedKey(list: readonly Step[], keys: Float64Array, min: number, positions: number): Step[] {
	const packed = new Float64Array(list.length);
	for (let i = 0; i < list.length; i++) packed[i] = (keys[i] - min) * positions + i;
	packed.sort();
	const sorted: Step[] = new Array(list.length);
	for (let i = 0; i < list.length; i++) {
		const value = packed[i];
		sorted[i] = list[value - Math.floor(value / positions) * positions];
	}
	return sorted;
}

/** Stable counting sort by rank: the distinct keys sorted natively, each step's rank found by
 * binary search, then placed in rank order. */
function byRank(list: readonly Step[], keys: Float64Array): Step[] {
	const values = keys.slice().sort();
	let distinct = 0;
	for (let i = 0; i < values.length; i++) if (distinct === 0 || values[i] !== values[distinct - 1]) values[distinct++] = values[i];
	const starts = new Uint32Array(distinct + 1);
	const ranks = new Uint32Array(list.length);
	for (let i = 0; i < list.length; i++) {
		let low = 0;
		let high = distinct - 1;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (values[mid] < keys[i]) low = mid + 1;
			else high = mid;
		}
		ranks[i] = low;
		starts[low + 1]++;
	}
	for (let r = 1; r <= distinct; r++) starts[r] += starts[r - 1];
	const sorted: Step[] = new Array(list.length);
	for (let i = 0; i < list.length; i++) sorted[starts[ranks[i]]++] = list[i];
	return sorted;
}

/** Status order without comparing: stable buckets by rank over a list in tie-break order (a
 * comparator sort of 100,000 steps by status took over 100 ms). */
function byStatusRank(created: readonly Step[]): Step[] {
	const buckets: Step[][] = Array.from({length: STATUSES.length + 1}, () => []);
	for (const step of created) buckets[statusRank(step.Status)].push(step);
	// Statuses this version does not know share the last rank: ordered by name, then tie-break.
	buckets[STATUSES.length].sort(COMPARE.status);
	// Copied by hand: Array.prototype.flat took most of this sort's 20-35 ms on 100,000 steps.
	const sorted: Step[] = new Array(created.length);
	let next = 0;
	for (const bucket of buckets) for (const step of bucket) sorted[next++] = step;
	return sorted;
}

/** Merges a sorted page into a sorted list in one pass (the first load appends pages): the usual
 * case, a page that sorts after everything, is a plain append. */
export function mergeSorted(rows: readonly Step[], added: readonly Step[], order: (a: Step, b: Step) => number): Step[] {
	if (added.length === 0) return [...rows];
	if (rows.length === 0 || order(rows[rows.length - 1], added[0]) <= 0) return [...rows, ...added];
	const merged: Step[] = new Array(rows.length + added.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < rows.length && j < added.length) merged[k++] = order(rows[i], added[j]) <= 0 ? rows[i++] : added[j++];
	while (i < rows.length) merged[k++] = rows[i++];
	while (j < added.length) merged[k++] = added[j++];
	return merged;
}
