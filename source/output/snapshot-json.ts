// --once --json: one GetWorkflow and every step, as one JSON document. The workflow is nested as
// on the wire (Attributes.AppflowIntegration, Metrics.AppflowIntegration) so a jq path written
// against `aws customer-profiles get-workflow` works on it unchanged; timestamps are ISO strings.
import {stepToJson} from '../core/step-json.js';
import type {Step, Workflow} from '../core/step.js';
import type {Clock, CustomerProfilesApi, Scheduler} from '../poller/index.js';
import {walkWorkflowOnce} from '../poller/walk-once.js';

export interface SnapshotJsonOptions {
	maxRps?: number;
	clock?: Clock;
	scheduler?: Scheduler;
	random?: () => number;
}

export interface SnapshotDocument {
	workflow: Record<string, unknown>;
	steps: Array<Record<string, unknown>>;
}

/** Throws an ApiError when the workflow cannot be read. */
export async function snapshotJson(api: CustomerProfilesApi, domain: string, workflowId: string, options: SnapshotJsonOptions = {}): Promise<SnapshotDocument> {
	const {workflow, steps} = await walkWorkflowOnce(api, domain, workflowId, options);
	return snapshotDocument(workflow, steps);
}

/** The document of a workflow and the steps to print (all of them, or those a --status kept). */
export function snapshotDocument(workflow: Workflow, steps: readonly Step[]): SnapshotDocument {
	return {workflow: workflowToJson(workflow), steps: steps.map(stepToJson)};
}

/** The same text as `JSON.stringify(snapshotDocument(workflow, steps), null, 2)` plus a newline,
 * in pieces of at most `perPiece` steps: 100,000 steps as one string (and one document object
 * beside it) was most of --once --json's peak memory. */
export function* snapshotJsonText(workflow: Workflow, steps: readonly Step[], perPiece = 1000): Generator<string> {
	const indent = (json: string, spaces: string) => json.replaceAll('\n', `\n${spaces}`);
	const head = `{\n  "workflow": ${indent(JSON.stringify(workflowToJson(workflow), null, 2), '  ')},\n  "steps": [`;
	if (steps.length === 0) {
		yield `${head}]\n}\n`;
		return;
	}
	yield head;
	for (let start = 0; start < steps.length; start += perPiece) {
		let piece = '';
		const end = Math.min(steps.length, start + perPiece);
		for (let i = start; i < end; i++) piece += `${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(stepToJson(steps[i]), null, 2), '    ')}`;
		yield piece;
	}
	yield '\n  ]\n}\n';
}

export function workflowToJson(workflow: Workflow): Record<string, unknown> {
	const attributes = pick(workflow, ['SourceConnectorType', 'ConnectorProfileName', 'RoleArn']);
	const metrics = pick(workflow, ['RecordsProcessed', 'StepsCompleted', 'TotalSteps']);
	return {
		WorkflowId: workflow.WorkflowId,
		WorkflowType: workflow.WorkflowType,
		Status: workflow.Status,
		ErrorDescription: workflow.ErrorDescription,
		StartDate: new Date(workflow.StartDate).toISOString(),
		LastUpdatedAt: new Date(workflow.LastUpdatedAt).toISOString(),
		...(attributes ? {Attributes: {AppflowIntegration: attributes}} : {}),
		...(metrics ? {Metrics: {AppflowIntegration: metrics}} : {}),
	};
}

function pick(workflow: Workflow, keys: ReadonlyArray<keyof Workflow>): Record<string, unknown> | undefined {
	const picked: Record<string, unknown> = {};
	for (const key of keys) if (workflow[key] !== undefined) picked[key] = workflow[key];
	return Object.keys(picked).length > 0 ? picked : undefined;
}
