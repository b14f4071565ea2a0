// The domain records cp-watch shows. Field names follow the wire (so JSON output and the emulator
// speak the same words); timestamps are epoch milliseconds, which sort and diff cheaply.

/** A workflow step as GetWorkflowSteps returns it (`Items[].AppflowIntegration`). */
export interface Step {
	FlowName: string;
	/** One of STATUSES, or any other string the API may start sending. */
	Status: string;
	ExecutionMessage: string;
	RecordsProcessed: number;
	/** Free strings on the wire; their format is not documented. */
	BatchRecordsStartTime: string;
	BatchRecordsEndTime: string;
	CreatedAt: number;
	LastUpdatedAt: number;
}

/** Steps have no id on the wire; FlowName plus CreatedAt is stable across pages and refreshes. */
export type StepKey = string;

export function stepKey(step: Pick<Step, 'FlowName' | 'CreatedAt'>): StepKey {
	return `${step.FlowName}\u0000${step.CreatedAt}`;
}

/** GetWorkflow, flattened: the AppflowIntegration attributes and metrics lifted to the top. */
export interface Workflow {
	WorkflowId: string;
	WorkflowType: string;
	Status: string;
	ErrorDescription: string;
	StartDate: number;
	LastUpdatedAt: number;
	SourceConnectorType?: string;
	ConnectorProfileName?: string;
	RoleArn?: string;
	RecordsProcessed?: number;
	StepsCompleted?: number;
	TotalSteps?: number;
}

/** One item of ListWorkflows. */
export interface WorkflowSummary {
	WorkflowId: string;
	WorkflowType: string;
	Status: string;
	StatusDescription: string;
	CreatedAt: number;
	LastUpdatedAt: number;
}

/** One item of ListDomains. */
export interface Domain {
	DomainName: string;
	CreatedAt: number;
	LastUpdatedAt: number;
	Tags: Record<string, string>;
}
