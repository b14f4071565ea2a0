// A busy domain for the dashboard: 12 workflows. Six run at once from different connectors at
// different speeds (one of them fails after two minutes), four finished before, and two more start
// while it runs (at 60 s and 180 s). The rest keep moving for about half an hour.

export const DOMAIN_SCENARIO_DOMAIN = 'omni-prod';

export const DOMAIN_WORKFLOW_IDS = {
	salesforceBackfill: '5f000000000000000000000000000001',
	marketoLeads: '3a000000000000000000000000000002',
	zendeskTickets: '2d000000000000000000000000000003',
	servicenowCases: '5e000000000000000000000000000004',
	s3Orders: '53000000000000000000000000000005',
	salesforceFailing: 'fa000000000000000000000000000006',
	marketoDone: '3a0000000000000000000000000000d7',
	zendeskFailed: '2d0000000000000000000000000000f8',
	s3Cancelled: '530000000000000000000000000000c9',
	salesforceDone: '5f0000000000000000000000000000da',
	marketoStartsAt60: '3a0000000000000000000000000000eb',
	s3StartsAt180: '530000000000000000000000000000fc',
} as const;

const HOUR = 3600;
const DAY = 86_400;

export function domainScenario(): object {
	const ids = DOMAIN_WORKFLOW_IDS;
	// A generated backfill: `count` steps created over `span` seconds from `at`, each running for
	// `run` seconds; fast and slow ones differ in both.
	const running = (WorkflowId: string, SourceConnectorType: string, at: number, count: number, span: number, run: [number, number], records: [number, number], seed: number, retryRate = 0.05) => ({
		WorkflowId,
		SourceConnectorType,
		ConnectorProfileName: `${SourceConnectorType.toLowerCase()}-omni`,
		at,
		generate: {count, seed, at, spanSeconds: span, failRate: 0, retryRate, splitRate: 0.02, runSeconds: run, queueSeconds: [1, 8], records},
	});
	const finished = (WorkflowId: string, SourceConnectorType: string, at: number, count: number, failRate: number, seed: number) => ({
		WorkflowId,
		SourceConnectorType,
		ConnectorProfileName: `${SourceConnectorType.toLowerCase()}-omni`,
		at,
		generate: {count, seed, at, spanSeconds: 1800, failRate, retryRate: 0.05, splitRate: 0, runSeconds: [20, 90], records: [500, 40_000]},
	});
	return {
		description: 'A busy domain: six workflows running from five connectors (one fails at about 2 minutes), four finished, two starting at 60 s and 180 s',
		clock: {start: null, speed: 1},
		pageSize: 100,
		domains: [
			{
				DomainName: DOMAIN_SCENARIO_DOMAIN,
				Tags: {team: 'customer-data', env: 'prod'},
				at: -400 * DAY,
				workflows: [
					running(ids.salesforceBackfill, 'Salesforce', -1200, 150, 3000, [30, 120], [5_000, 250_000], 101, 0.12),
					running(ids.marketoLeads, 'Marketo', -300, 40, 900, [10, 40], [1_000, 30_000], 102),
					running(ids.zendeskTickets, 'Zendesk', -600, 60, 1800, [40, 150], [200, 8_000], 103),
					running(ids.servicenowCases, 'Servicenow', -120, 24, 1200, [60, 240], [100, 5_000], 104),
					running(ids.s3Orders, 'S3', -60, 200, 1500, [3, 12], [20_000, 400_000], 105, 0),
					{
						WorkflowId: ids.salesforceFailing,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: 'salesforce-omni-eu',
						at: -240,
						steps: [
							settled('Salesforce-fa000000-00001', -230, -200, 'COMPLETE', 'Completed: 41200 records processed', 41_200),
							settled('Salesforce-fa000000-00002', -220, -150, 'COMPLETE', 'Completed: 38870 records processed', 38_870),
							{
								FlowName: 'Salesforce-fa000000-00003',
								BatchRecordsStartTime: '2026-03-01T00:00:00Z',
								BatchRecordsEndTime: '2026-05-01T00:00:00Z',
								at: -210,
								timeline: [
									{at: -210, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0},
									{at: -200, Status: 'IN_PROGRESS', ExecutionMessage: 'Running flow Salesforce-fa000000-00003'},
									{at: -30, Status: 'RETRY', ExecutionMessage: 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded; retry 1 of 3'},
									{at: 60, Status: 'IN_PROGRESS', ExecutionMessage: 'Running flow Salesforce-fa000000-00003 (attempt 2)', RecordsProcessed: 2_310},
									{at: 120, Status: 'FAILED', ExecutionMessage: "Flow execution failed (Salesforce): INVALID_FIELD: No such column 'Segment__c' on entity 'Lead'", RecordsProcessed: 2_310},
								],
							},
						],
					},
					finished(ids.marketoDone, 'Marketo', -2 * DAY, 24, 0, 201),
					finished(ids.zendeskFailed, 'Zendesk', -1 * DAY, 12, 0.2, 202),
					{
						WorkflowId: ids.s3Cancelled,
						SourceConnectorType: 'S3',
						ConnectorProfileName: 's3-omni-exports',
						at: -6 * HOUR,
						steps: [
							settled('S3-53000000-00001', -6 * HOUR + 60, -6 * HOUR + 400, 'COMPLETE', 'Completed: 91234 records processed', 91_234),
							settled('S3-53000000-00002', -6 * HOUR + 120, -6 * HOUR + 500, 'CANCELLED', 'Cancelled by user', 40_112),
						],
					},
					finished(ids.salesforceDone, 'Salesforce', -3 * DAY, 36, 0, 203),
					running(ids.marketoStartsAt60, 'Marketo', 60, 20, 300, [10, 60], [1_000, 20_000], 301),
					running(ids.s3StartsAt180, 'S3', 180, 30, 400, [5, 20], [10_000, 150_000], 302, 0),
				],
			},
		],
	};
}

function settled(FlowName: string, at: number, end: number, Status: string, ExecutionMessage: string, RecordsProcessed: number) {
	return {
		FlowName,
		BatchRecordsStartTime: '2026-05-01T00:00:00Z',
		BatchRecordsEndTime: '2026-07-01T00:00:00Z',
		at,
		timeline: [
			{at, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0},
			{at: at + 5, Status: 'IN_PROGRESS', ExecutionMessage: `Running flow ${FlowName}`},
			{at: end, Status, ExecutionMessage, RecordsProcessed},
		],
	};
}
