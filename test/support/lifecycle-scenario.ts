// A small scenario in the emulator's file format whose workflows end within seconds: one
// COMPLETE, one FAILED (after a RETRY), one CANCELLED, one that runs for an hour.
export const COMPLETE_ID = 'c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0';
export const FAILED_ID = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0';
export const CANCELLED_ID = 'ca0ca0ca0ca0ca0ca0ca0ca0ca0ca0ca';
export const SLOW_ID = '51051051051051051051051051051051';
export const DOMAIN = 'ci-lifecycle';

function step(name: string, timeline: unknown[]) {
	return {
		FlowName: name,
		BatchRecordsStartTime: '2026-07-01T00:00:00Z',
		BatchRecordsEndTime: '2026-09-01T00:00:00Z',
		at: 0,
		timeline,
	};
}

const queued = {at: 0, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0};

export function lifecycleScenario(speed = 1) {
	return {
		clock: {start: '2026-11-24T09:00:00Z', speed},
		pageSize: 25,
		domains: [
			{
				DomainName: DOMAIN,
				workflows: [
					{
						WorkflowId: COMPLETE_ID,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: 'sf-ci',
						steps: [
							step('ci-complete-1', [queued, {at: 1.5, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'}, {at: 3, Status: 'COMPLETE', ExecutionMessage: 'Completed', RecordsProcessed: 500}]),
							step('ci-complete-2', [queued, {at: 2, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'}, {at: 4, Status: 'COMPLETE', ExecutionMessage: 'Completed', RecordsProcessed: 700}]),
						],
					},
					{
						WorkflowId: FAILED_ID,
						SourceConnectorType: 'Marketo',
						ConnectorProfileName: 'mk-ci',
						steps: [
							step('ci-failed-1', [queued, {at: 1, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'}, {at: 2, Status: 'COMPLETE', ExecutionMessage: 'Completed', RecordsProcessed: 10}]),
							step('ci-failed-2', [
								queued,
								{at: 1, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'},
								{at: 2, Status: 'RETRY', ExecutionMessage: 'Throttled by source, retrying'},
								{at: 3.5, Status: 'FAILED', ExecutionMessage: 'Flow failed: INVALID_FIELD Account.Foo__c'},
							]),
						],
					},
					{
						WorkflowId: CANCELLED_ID,
						SourceConnectorType: 'Zendesk',
						ConnectorProfileName: 'zd-ci',
						steps: [step('ci-cancelled-1', [queued, {at: 1, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'}, {at: 2.5, Status: 'CANCELLED', ExecutionMessage: 'Cancelled by user'}])],
					},
					{
						WorkflowId: SLOW_ID,
						SourceConnectorType: 'S3',
						ConnectorProfileName: 's3-ci',
						steps: [step('ci-slow-1', [queued, {at: 1, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'}, {at: 3600, Status: 'COMPLETE', ExecutionMessage: 'Completed', RecordsProcessed: 1}])],
					},
				],
			},
		],
	};
}
