// The --since-last summary as the first NDJSON object: the same facts as the line, as fields.
import type {AwaySummary} from '../core/away-summary.js';
import {safeJson} from '../core/safe-json.js';

/** `summary` undefined: the first look at this workflow, nothing to compare. */
export function formatSinceLastJson(summary: AwaySummary | undefined, now: number): string {
	const base = {type: 'sinceLast', time: new Date(now).toISOString()};
	if (!summary) return safeJson({...base, since: null, firstLook: true});
	return safeJson({
		...base,
		since: new Date(summary.since).toISOString(),
		firstLook: false,
		workflowStatus: summary.workflowStatus ?? null,
		completed: summary.completed,
		failed: summary.failed,
		retried: summary.retried,
		cancelled: summary.cancelled,
		newSteps: summary.newSteps,
		gone: summary.gone,
		records: summary.records,
		changedSteps: summary.changedKeys.size,
	});
}
