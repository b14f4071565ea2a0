// A fast scenario for tests: one workflow goes NOT_STARTED to COMPLETE within 10 virtual seconds,
// another ends FAILED at 8, after a RETRY. No throttling. Raise clock.speed (or --speed) to make
// it quicker still: at speed 10 both are final within one real second.

export const LIFECYCLE_DOMAIN = 'lifecycle';
export const LIFECYCLE_COMPLETE_WORKFLOW_ID = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
export const LIFECYCLE_FAILED_WORKFLOW_ID = 'fa1fa1fa1fa1fa1fa1fa1fa1fa1fa1fa';

export function lifecycleScenario(): object {
	const step = (FlowName: string, queued: number, started: number, ended: number, Status: string, ExecutionMessage: string, RecordsProcessed: number) => ({
		FlowName,
		BatchRecordsStartTime: '2026-07-01T00:00:00Z',
		BatchRecordsEndTime: '2026-09-01T00:00:00Z',
		at: queued,
		timeline: [
			{at: queued, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0},
			{at: started, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'},
			{at: ended, Status, ExecutionMessage, RecordsProcessed},
		],
	});
	return {
		description: 'Two short workflows: one COMPLETE at 10 s, one FAILED at 8 s',
		clock: {start: '2026-11-24T09:00:00Z', speed: 1},
		pageSize: 25,
		faults: {throttle: null},
		domains: [
			{
				DomainName: LIFECYCLE_DOMAIN,
				workflows: [
					{
						WorkflowId: LIFECYCLE_COMPLETE_WORKFLOW_ID,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: 'sf-lifecycle',
						steps: [
							step('lifecycle-complete-1', 0, 2, 6, 'COMPLETE', 'Completed: 1200 records processed', 1200),
							step('lifecycle-complete-2', 0, 3, 8, 'COMPLETE', 'Completed: 800 records processed', 800),
							step('lifecycle-complete-3', 1, 4, 10, 'COMPLETE', 'Completed: 500 records processed', 500),
						],
					},
					{
						WorkflowId: LIFECYCLE_FAILED_WORKFLOW_ID,
						SourceConnectorType: 'Marketo',
						ConnectorProfileName: 'mk-lifecycle',
						steps: [
							step('lifecycle-failed-1', 0, 1, 5, 'COMPLETE', 'Completed: 300 records processed', 300),
							{
								FlowName: 'lifecycle-failed-2',
								BatchRecordsStartTime: '2026-05-01T00:00:00Z',
								BatchRecordsEndTime: '2026-07-01T00:00:00Z',
								at: 0,
								timeline: [
									{at: 0, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0},
									{at: 2, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'},
									{at: 4, Status: 'RETRY', ExecutionMessage: 'Marketo API error 606: max rate limit exceeded; retry 1 of 3'},
									{at: 8, Status: 'FAILED', ExecutionMessage: 'Flow execution failed (Marketo): mapping failed for field Email', RecordsProcessed: 40},
								],
							},
						],
					},
				],
			},
		],
	};
}
