// The default scenario: a retail company's Customer Profiles domain with a long Salesforce
// backfill in progress (150+ steps moving every few seconds for about half an hour, with RETRY,
// SPLIT and one FAILED step) beside workflows that are COMPLETE, FAILED, NOT_STARTED and CANCELLED.

export const DEMO_DOMAIN = 'retail-prod';
export const DEMO_BACKFILL_WORKFLOW_ID = 'b4c1f11e0d5a4c3e9f2a7b6c5d4e3f21';
export const DEMO_COMPLETE_WORKFLOW_ID = 'c0337e7e2b8f4a6d9e1c5b3a7f9d2e40';
export const DEMO_FAILED_WORKFLOW_ID = 'fa11ed0c3d2b4e5f8a9b1c2d3e4f5a60';
export const DEMO_NOT_STARTED_WORKFLOW_ID = '0057a12ed4e34f5a8b6c7d8e9f0a1b2c';
export const DEMO_CANCELLED_WORKFLOW_ID = 'ca2ce11ed9f84e7d6c5b4a3f2e1d0c9b';

const HOUR = 3600;
const DAY = 86_400;

export function demoScenario(): object {
	return {
		description: 'A retail domain with a Salesforce backfill in progress and workflows in every final state',
		clock: {start: null, speed: 1},
		pageSize: 25,
		domains: [
			{
				DomainName: DEMO_DOMAIN,
				Tags: {team: 'customer-data', env: 'prod'},
				at: -400 * DAY,
				workflows: [
					{
						WorkflowId: DEMO_BACKFILL_WORKFLOW_ID,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: 'salesforce-prod',
						RoleArn: 'arn:aws:iam::123456789012:role/CustomerProfilesAppFlowIngest',
						at: -1500,
						steps: [
							{
								FlowName: 'Salesforce-b4c1f11e-contacts-legacy',
								BatchRecordsStartTime: '2014-01-01T00:00:00Z',
								BatchRecordsEndTime: '2014-03-01T00:00:00Z',
								at: -290,
								timeline: [
									{at: -290, Status: 'NOT_STARTED', ExecutionMessage: 'Queued: records from 2014-01-01T00:00:00Z to 2014-03-01T00:00:00Z', RecordsProcessed: 0},
									{at: -280, Status: 'IN_PROGRESS', ExecutionMessage: 'Running flow Salesforce-b4c1f11e-contacts-legacy'},
									{at: -250, Status: 'RETRY', ExecutionMessage: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded; retry 1 of 3'},
									{at: -230, Status: 'IN_PROGRESS', ExecutionMessage: 'Running flow Salesforce-b4c1f11e-contacts-legacy (attempt 2)', RecordsProcessed: 1830},
									{at: -180, Status: 'RETRY', ExecutionMessage: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded; retry 2 of 3'},
									{at: -140, Status: 'IN_PROGRESS', ExecutionMessage: 'Running flow Salesforce-b4c1f11e-contacts-legacy (attempt 3)'},
									{at: -90, Status: 'RETRY', ExecutionMessage: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded; retry 3 of 3'},
									{at: -40, Status: 'FAILED', ExecutionMessage: "Flow execution failed (Salesforce): INVALID_FIELD: No such column 'Loyalty_Tier__c' on entity 'Contact'", RecordsProcessed: 1830},
								],
							},
						],
						generate: {
							count: 200,
							seed: 20261124,
							// Started 25 minutes ago: about half the steps are there on the first screen, and the
							// rest keep arriving for the next half hour.
							at: -1500,
							spanSeconds: 3300,
							failRate: 0,
							retryRate: 0.12,
							splitRate: 0.03,
							runSeconds: [20, 90],
							queueSeconds: [2, 15],
							records: [5_000, 250_000],
							flowNamePrefix: 'Salesforce-b4c1f11e',
						},
					},
					{
						WorkflowId: DEMO_COMPLETE_WORKFLOW_ID,
						SourceConnectorType: 'Marketo',
						ConnectorProfileName: 'marketo-prod',
						at: -3 * DAY,
						generate: {count: 24, seed: 7, spanSeconds: 2 * HOUR, failRate: 0, retryRate: 0.05, splitRate: 0, records: [500, 40_000], flowNamePrefix: 'Marketo-c0337e7e'},
					},
					{
						WorkflowId: DEMO_FAILED_WORKFLOW_ID,
						SourceConnectorType: 'Zendesk',
						ConnectorProfileName: 'zendesk-support',
						at: -2 * HOUR,
						steps: [
							settledStep('Zendesk-fa11ed0c-00001', '2026-05-01', '2026-07-01', -7100, 'COMPLETE', 'Completed: 18200 records processed', 18_200),
							settledStep('Zendesk-fa11ed0c-00002', '2026-03-01', '2026-05-01', -7000, 'COMPLETE', 'Completed: 17650 records processed', 17_650),
							settledStep('Zendesk-fa11ed0c-00003', '2026-01-01', '2026-03-01', -6900, 'FAILED', 'Flow execution failed (Zendesk): Access denied by the connector profile: token expired or revoked', 0),
						],
					},
					{
						WorkflowId: DEMO_NOT_STARTED_WORKFLOW_ID,
						SourceConnectorType: 'Servicenow',
						ConnectorProfileName: 'servicenow-itsm',
						at: -60,
						steps: [
							{
								FlowName: 'Servicenow-0057a12e-00001',
								BatchRecordsStartTime: '2026-09-24T00:00:00Z',
								BatchRecordsEndTime: '2026-11-24T00:00:00Z',
								at: -60,
								timeline: [{at: -60, Status: 'NOT_STARTED', ExecutionMessage: 'Waiting for the connector profile to be authorized', RecordsProcessed: 0}],
							},
						],
					},
					{
						WorkflowId: DEMO_CANCELLED_WORKFLOW_ID,
						SourceConnectorType: 'S3',
						ConnectorProfileName: 's3-exports',
						at: -1 * DAY,
						steps: [
							settledStep('S3-ca2ce11e-00001', '2026-09-01', '2026-11-01', -DAY + 60, 'COMPLETE', 'Completed: 91234 records processed', 91_234),
							settledStep('S3-ca2ce11e-00002', '2026-07-01', '2026-09-01', -DAY + 120, 'CANCELLED', 'Cancelled by user', 40_112),
						],
					},
				],
			},
			{
				DomainName: 'retail-staging',
				Tags: {env: 'staging'},
				at: -200 * DAY,
				workflows: [
					{
						WorkflowId: '5a9e0000000000000000000000000001',
						SourceConnectorType: 'S3',
						ConnectorProfileName: 's3-staging',
						at: -5 * DAY,
						generate: {count: 6, seed: 3, spanSeconds: 600, failRate: 0, retryRate: 0, splitRate: 0, flowNamePrefix: 'S3-5a9e0000'},
					},
				],
			},
		],
	};
}

function settledStep(FlowName: string, from: string, to: string, at: number, Status: string, ExecutionMessage: string, RecordsProcessed: number) {
	return {
		FlowName,
		BatchRecordsStartTime: `${from}T00:00:00Z`,
		BatchRecordsEndTime: `${to}T00:00:00Z`,
		at,
		timeline: [
			{at, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0},
			{at: at + 5, Status: 'IN_PROGRESS', ExecutionMessage: `Running flow ${FlowName}`},
			{at: at + 60, Status, ExecutionMessage, RecordsProcessed},
		],
	};
}
