// A workflow for "since you last looked": look at virtual second 2, come back at 10. Between the
// two looks one step completes (400 records), one fails after a RETRY, one is created, and one
// stays IN_PROGRESS the whole time, so `a` must leave exactly that one out.
export const AWAY_DOMAIN = 'away-domain';
export const AWAY_ID = 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0';
export const FIRST_LOOK_AT = 2;
export const SECOND_LOOK_AT = 10;

function step(FlowName: string, at: number, timeline: unknown[]) {
	return {FlowName, BatchRecordsStartTime: '2026-07-01T00:00:00Z', BatchRecordsEndTime: '2026-09-01T00:00:00Z', at, timeline};
}

export function awayScenario() {
	return {
		// Virtual time stands still unless a test moves it with advance().
		clock: {start: '2026-11-24T09:00:00Z', speed: 0.000001},
		pageSize: 25,
		faults: {throttle: null},
		domains: [
			{
				DomainName: AWAY_DOMAIN,
				workflows: [
					{
						WorkflowId: AWAY_ID,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: 'sf-away',
						steps: [
							step('away-done', 0, [
								{at: 0, Status: 'IN_PROGRESS', ExecutionMessage: 'Running', RecordsProcessed: 100},
								{at: 5, Status: 'COMPLETE', ExecutionMessage: 'Completed', RecordsProcessed: 500},
							]),
							step('away-steady', 0, [{at: 0, Status: 'IN_PROGRESS', ExecutionMessage: 'Running', RecordsProcessed: 0}]),
							step('away-broken', 0, [
								{at: 0, Status: 'IN_PROGRESS', ExecutionMessage: 'Running', RecordsProcessed: 0},
								{at: 4, Status: 'RETRY', ExecutionMessage: 'Throttled by source, retrying'},
								{at: 6, Status: 'FAILED', ExecutionMessage: 'Flow failed: INVALID_FIELD Account.Foo__c'},
							]),
							step('away-late', 5, [{at: 5, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0}]),
						],
					},
				],
			},
		],
	};
}

/** What the summary of the second look says, after "since you last looked (…): ". */
export const AWAY_CHANGES = '1 completed, 1 failed (away-broken), 1 new step, 400 records processed';
