// Which steps the table shows: the status filter (empty = every status) and the search text.
import {PROBLEM_STATUSES, STATUSES} from './status.js';
import type {Step} from './step.js';

export interface StepFilter {
	/** Statuses shown; empty shows every status. */
	statuses: readonly string[];
	/** Case-insensitive substring of FlowName or ExecutionMessage; empty matches everything. */
	search: string;
}

export function filterSteps(steps: readonly Step[], filter: StepFilter): readonly Step[] {
	const statuses = filter.statuses.length > 0 ? new Set(filter.statuses) : undefined;
	const needle = filter.search.toLowerCase();
	if (!statuses && needle === '') return steps;
	return steps.filter(
		step =>
			(!statuses || statuses.has(step.Status)) &&
			(needle === '' ||
				step.FlowName.toLowerCase().includes(needle) ||
				step.ExecutionMessage.toLowerCase().includes(needle)),
	);
}

/** How many steps are in each status (unknown statuses counted under their own name). */
export function countByStatus(steps: readonly Step[]): ReadonlyMap<string, number> {
	const counts = new Map<string, number>(STATUSES.map(status => [status, 0]));
	for (const step of steps) counts.set(step.Status, (counts.get(step.Status) ?? 0) + 1);
	return counts;
}

/** Adds or removes one status, keeping STATUSES order so the filter reads the same every time. */
export function toggleStatus(statuses: readonly string[], status: string): string[] {
	const next = statuses.includes(status) ? statuses.filter(s => s !== status) : [...statuses, status];
	const rank = (s: string) => {
		const index = (STATUSES as readonly string[]).indexOf(s);
		return index === -1 ? STATUSES.length : index;
	};
	return next.sort((a, b) => rank(a) - rank(b));
}

export function problemsOnly(): string[] {
	return [...PROBLEM_STATUSES];
}
