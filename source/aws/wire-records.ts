// SDK output shapes to the domain records of core/step.ts: Dates become epoch ms, missing members
// become neutral values, so a sparse or odd answer shows as blanks instead of crashing a view.
import type {
	AppflowIntegrationWorkflowStep,
	ListDomainItem,
	GetWorkflowResponse,
	ListWorkflowsItem,
} from '@aws-sdk/client-customer-profiles';
import type {Domain, Step, Workflow, WorkflowSummary} from '../core/step.js';

export function epochMs(value: Date | number | string | undefined): number {
	if (value === undefined) return 0;
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? 0 : parsed;
}

export function stepFromWire(item: AppflowIntegrationWorkflowStep | undefined): Step | undefined {
	if (item === undefined) return undefined;
	return {
		FlowName: item.FlowName ?? '',
		Status: item.Status ?? '',
		ExecutionMessage: item.ExecutionMessage ?? '',
		RecordsProcessed: item.RecordsProcessed ?? 0,
		BatchRecordsStartTime: item.BatchRecordsStartTime ?? '',
		BatchRecordsEndTime: item.BatchRecordsEndTime ?? '',
		CreatedAt: epochMs(item.CreatedAt),
		LastUpdatedAt: epochMs(item.LastUpdatedAt),
	};
}

export function workflowFromWire(output: GetWorkflowResponse): Workflow {
	const attributes = output.Attributes?.AppflowIntegration;
	const metrics = output.Metrics?.AppflowIntegration;
	const workflow: Workflow = {
		WorkflowId: output.WorkflowId ?? '',
		WorkflowType: output.WorkflowType ?? '',
		Status: output.Status ?? '',
		ErrorDescription: output.ErrorDescription ?? '',
		StartDate: epochMs(output.StartDate),
		LastUpdatedAt: epochMs(output.LastUpdatedAt),
	};
	// Optional members are left out rather than set to undefined, so records compare by keys.
	if (attributes?.SourceConnectorType !== undefined) workflow.SourceConnectorType = attributes.SourceConnectorType;
	if (attributes?.ConnectorProfileName !== undefined) workflow.ConnectorProfileName = attributes.ConnectorProfileName;
	if (attributes?.RoleArn !== undefined) workflow.RoleArn = attributes.RoleArn;
	if (metrics?.RecordsProcessed !== undefined) workflow.RecordsProcessed = metrics.RecordsProcessed;
	if (metrics?.StepsCompleted !== undefined) workflow.StepsCompleted = metrics.StepsCompleted;
	if (metrics?.TotalSteps !== undefined) workflow.TotalSteps = metrics.TotalSteps;
	return workflow;
}

export function workflowSummaryFromWire(item: ListWorkflowsItem): WorkflowSummary {
	return {
		WorkflowId: item.WorkflowId ?? '',
		WorkflowType: item.WorkflowType ?? '',
		Status: item.Status ?? '',
		StatusDescription: item.StatusDescription ?? '',
		CreatedAt: epochMs(item.CreatedAt),
		LastUpdatedAt: epochMs(item.LastUpdatedAt),
	};
}

export function domainFromWire(item: ListDomainItem): Domain {
	return {
		DomainName: item.DomainName ?? '',
		CreatedAt: epochMs(item.CreatedAt),
		LastUpdatedAt: epochMs(item.LastUpdatedAt),
		Tags: item.Tags ?? {},
	};
}
