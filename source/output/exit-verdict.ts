// --exit-status, the same in every mode: the watch ends with the workflow's verdict once its final
// walk is in, or, with --follow (which never ends by itself), at the first final status seen.
import {exitCodeForWorkflowStatus} from '../core/exit-code.js';
import {isFinalStatus} from '../core/status.js';
import type {Workflow} from '../core/step.js';
import type {FeedEnd, FeedEvent} from './watch-feed.js';

export interface Verdict {
	code: number;
	workflow: Workflow;
}

export function verdictOfEvent(event: FeedEvent, follow: boolean): Verdict | undefined {
	if (!follow || event.type !== 'workflow' || !isFinalStatus(event.workflow.Status)) return undefined;
	return {code: exitCodeForWorkflowStatus(event.workflow.Status) ?? 0, workflow: event.workflow};
}

export function verdictOfEnd(end: FeedEnd): Verdict | undefined {
	if (end.reason !== 'done') return undefined;
	return {code: exitCodeForWorkflowStatus(end.workflow.Status) ?? 0, workflow: end.workflow};
}

/** The line left on the terminal after the TUI closes: what the exit code means. */
export function verdictLine(workflow: Workflow): string {
	const steps = workflow.TotalSteps === undefined ? '' : `, ${workflow.StepsCompleted ?? 0}/${workflow.TotalSteps} steps`;
	return `workflow ${workflow.WorkflowId} ${workflow.Status}${steps}`;
}
