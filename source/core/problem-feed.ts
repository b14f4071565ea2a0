// The problems feed of the domain dashboard: the latest FAILED, RETRY and CANCELLED steps across
// its workflows, newest first, each with its workflow. Also the per-workflow counts a row shows.
import {statusInfo} from './status.js';
import {stepKey, type Step} from './step.js';

export interface ProblemEntry {
	workflowId: string;
	step: Step;
}

export interface StepCounts {
	failed: number;
	retrying: number;
	cancelled: number;
}

/** The feed keeps this many: enough for a pane, bounded for a domain with thousands of failures. */
export const MAX_PROBLEMS = 200;

export function stepCounts(steps: readonly Step[]): StepCounts {
	const counts: StepCounts = {failed: 0, retrying: 0, cancelled: 0};
	for (const step of steps) {
		if (step.Status === 'FAILED') counts.failed++;
		else if (step.Status === 'RETRY') counts.retrying++;
		else if (step.Status === 'CANCELLED') counts.cancelled++;
	}
	return counts;
}

export function problemSteps(steps: readonly Step[]): Step[] {
	return steps.filter(step => statusInfo(step.Status).isProblem);
}

/** Every workflow's problem steps in one list, newest change first (ties by workflow, then name). */
export function mergeProblems(byWorkflow: ReadonlyMap<string, readonly Step[]>, max = MAX_PROBLEMS): ProblemEntry[] {
	const all: ProblemEntry[] = [];
	for (const [workflowId, steps] of byWorkflow) for (const step of steps) all.push({workflowId, step});
	all.sort(
		(a, b) =>
			b.step.LastUpdatedAt - a.step.LastUpdatedAt ||
			a.workflowId.localeCompare(b.workflowId) ||
			a.step.FlowName.localeCompare(b.step.FlowName),
	);
	return all.slice(0, max);
}

/** The key of a feed entry: its workflow, the step's status (so a jump can make sure the filter
 * shows it) and the step's own key. */
export function problemKey(entry: ProblemEntry): string {
	return [entry.workflowId, entry.step.Status, stepKey(entry.step)].join('\u0001');
}

export function parseProblemKey(key: string): {workflowId: string; status: string; stepKey: string} | undefined {
	const [workflowId, status, ...rest] = key.split('\u0001');
	return rest.length === 0 || status === undefined ? undefined : {workflowId, status, stepKey: rest.join('\u0001')};
}
