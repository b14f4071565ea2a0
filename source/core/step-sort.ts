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

export function sortSteps(steps: readonly Step[], field: SortField, reverse: boolean): Step[] {
	const compare = COMPARE[field];
	return [...steps].sort(reverse ? (a, b) => compare(b, a) : compare);
}
