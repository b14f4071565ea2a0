// "Since you last looked": what changed in a workflow between the last snapshot cp-watch kept of
// it (see source/state/) and the first complete walk of this visit. Only statuses and records are
// kept, so only they can be compared; steps are matched by stepKey, as everywhere else.
import {sanitize} from './sanitize.js';
import {stepKey, type Step, type StepKey, type Workflow} from './step.js';
import {formatAgo} from './format.js';

export interface SeenStep {
	Status: string;
	RecordsProcessed: number;
}

/** The workflow's own numbers at the last look. */
export interface SeenMetrics {
	Status: string;
	RecordsProcessed?: number;
	StepsCompleted?: number;
	TotalSteps?: number;
}

/** The last snapshot seen of one workflow. */
export interface SeenWorkflow {
	domain: string;
	workflowId: string;
	/** Epoch ms of the walk the snapshot came from. */
	seenAt: number;
	workflow?: SeenMetrics;
	steps: ReadonlyMap<StepKey, SeenStep>;
}

/** What a view gets when it asks for the last look at a workflow. */
export interface Recollection {
	seen?: SeenWorkflow;
	/** The kept snapshot could not be used; one line for the status line. */
	warning?: string;
}

/** Looks up the last snapshot of a workflow as it was when the call was made. */
export type RecallSeen = (domain: string, workflowId: string) => Promise<Recollection>;

export function seenWorkflow(domain: string, workflowId: string, steps: readonly Step[], workflow: Workflow | undefined, seenAt: number): SeenWorkflow {
	const kept = new Map<StepKey, SeenStep>();
	for (const step of steps) kept.set(stepKey(step), {Status: step.Status, RecordsProcessed: step.RecordsProcessed});
	return {domain, workflowId, seenAt, workflow: workflow && seenMetrics(workflow), steps: kept};
}

export function seenMetrics(workflow: Workflow): SeenMetrics {
	const {Status, RecordsProcessed, StepsCompleted, TotalSteps} = workflow;
	return {Status, RecordsProcessed, StepsCompleted, TotalSteps};
}

export interface AwaySummary {
	/** When the last look was. */
	since: number;
	completed: number;
	/** FlowNames of the steps that turned FAILED, in the API's order. */
	failed: string[];
	retried: number;
	cancelled: number;
	newSteps: number;
	/** Steps kept from the last look that the API no longer lists. */
	gone: number;
	records: number;
	workflowStatus?: {from: string; to: string};
	/** Every step new or whose status or records moved: what `a` shows. */
	changedKeys: ReadonlySet<StepKey>;
}

/** Status moves counted by name in the summary. */
const COUNTED: Record<string, 'completed' | 'retried' | 'cancelled'> = {COMPLETE: 'completed', RETRY: 'retried', CANCELLED: 'cancelled'};

export function summarizeAway(seen: SeenWorkflow, steps: readonly Step[], workflow: Workflow | undefined): AwaySummary {
	const summary = {completed: 0, retried: 0, cancelled: 0};
	const failed: string[] = [];
	const changedKeys = new Set<StepKey>();
	let newSteps = 0;
	let stepRecords = 0;
	let matched = 0;
	for (const step of steps) {
		const key = stepKey(step);
		const before = seen.steps.get(key);
		if (before === undefined) newSteps++;
		else matched++;
		if (before !== undefined && before.Status === step.Status && before.RecordsProcessed === step.RecordsProcessed) continue;
		changedKeys.add(key);
		stepRecords += step.RecordsProcessed - (before?.RecordsProcessed ?? 0);
		if (before?.Status === step.Status) continue;
		if (step.Status === 'FAILED') failed.push(step.FlowName);
		const counted = COUNTED[step.Status];
		if (counted) summary[counted]++;
	}
	const now = workflow?.RecordsProcessed;
	const then = seen.workflow?.RecordsProcessed;
	const from = seen.workflow?.Status;
	return {
		since: seen.seenAt,
		...summary,
		failed,
		newSteps,
		gone: seen.steps.size - matched,
		// The workflow's own count is what the header shows; the steps' sum stands in without it.
		records: now !== undefined && then !== undefined ? now - then : stepRecords,
		workflowStatus: workflow && from !== undefined && from !== workflow.Status ? {from, to: workflow.Status} : undefined,
		changedKeys,
	};
}

/** Failed steps are named up to this many; more are only counted. */
export const NAMED_FAILURES = 3;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The changes alone: "3 completed, 1 failed (orders-2), 2 new steps, 1,200 records processed";
 * `short` says "1,200 records", for a narrow line. */
export function describeAwayChanges(summary: AwaySummary, short = false): string {
	const parts: string[] = [];
	if (summary.workflowStatus) parts.push(`workflow ${sanitize(summary.workflowStatus.to)} (was ${sanitize(summary.workflowStatus.from)})`);
	if (summary.completed > 0) parts.push(`${summary.completed.toLocaleString('en-US')} completed`);
	if (summary.failed.length > 0) {
		const names = summary.failed.length <= NAMED_FAILURES ? ` (${summary.failed.map(name => sanitize(name)).join(', ')})` : '';
		parts.push(`${summary.failed.length.toLocaleString('en-US')} failed${names}`);
	}
	if (summary.retried > 0) parts.push(`${summary.retried.toLocaleString('en-US')} retried`);
	if (summary.cancelled > 0) parts.push(`${summary.cancelled.toLocaleString('en-US')} cancelled`);
	if (summary.newSteps > 0) parts.push(plural(summary.newSteps, 'new step'));
	if (summary.gone > 0) parts.push(`${plural(summary.gone, 'step')} no longer listed`);
	if (summary.records !== 0) parts.push(`${summary.records.toLocaleString('en-US')} records${short ? '' : ' processed'}`);
	const moved = summary.changedKeys.size;
	if (parts.length === 0 && moved > 0) parts.push(`${plural(moved, 'step')} changed`);
	return parts.length > 0 ? parts.join(', ') : 'nothing changed';
}

export interface AwayWording {
	/** How the time of the last look reads (a log wants ISO, the screen a clock); null leaves it out. */
	at?: string | null;
	short?: boolean;
}

/** "since you last looked (2h ago, 2026-11-24T09:00:00Z): 3 completed, ...". */
export function formatAwaySummary(summary: AwaySummary, now: number, wording: AwayWording = {}): string {
	const at = wording.at === undefined ? new Date(summary.since).toISOString().replace(/\.\d{3}Z$/, 'Z') : wording.at;
	const when = at === null ? formatAgo(summary.since, now) : `${formatAgo(summary.since, now)}, ${at}`;
	return `since you last looked (${when}): ${describeAwayChanges(summary, wording.short)}`;
}

/** The line for a workflow cp-watch has no snapshot of. */
export const FIRST_LOOK = 'since you last looked: nothing to compare, this is the first look at this workflow';
