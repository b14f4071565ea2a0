// Fixed steps and workflows for output tests: one realistic Salesforce batch step whose every field
// a test can read back exactly.
import type {Step, Workflow} from '../../source/core/step.js';

const T0 = Date.parse('2026-11-24T09:00:00Z');

export function makeStep(overrides: Partial<Step> = {}): Step {
	return {
		FlowName: 'sf-backfill-0001',
		Status: 'IN_PROGRESS',
		ExecutionMessage: 'Running',
		RecordsProcessed: 1200,
		BatchRecordsStartTime: '2026-01-01T00:00:00Z',
		BatchRecordsEndTime: '2026-03-01T00:00:00Z',
		CreatedAt: T0,
		LastUpdatedAt: T0 + 12_000,
		...overrides,
	};
}

export function makeWorkflow(overrides: Partial<Workflow> = {}): Workflow {
	return {
		WorkflowId: '3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60',
		WorkflowType: 'APPFLOW_INTEGRATION',
		Status: 'IN_PROGRESS',
		ErrorDescription: '',
		StartDate: T0,
		LastUpdatedAt: T0 + 12_000,
		SourceConnectorType: 'Salesforce',
		ConnectorProfileName: 'sf-prod',
		RecordsProcessed: 1200,
		StepsCompleted: 0,
		TotalSteps: 1,
		...overrides,
	};
}
