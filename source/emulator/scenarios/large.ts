// 10,000 settled steps in one workflow: for paging, windowing and quota-paced refreshes.

export const LARGE_DOMAIN = 'bulk-history';
export const LARGE_WORKFLOW_ID = '1a7e1a7e1a7e1a7e1a7e1a7e1a7e1a7e';

export function largeScenario(): object {
	return {
		description: 'One Salesforce backfill with 10,000 settled steps',
		clock: {start: null, speed: 1},
		pageSize: 100,
		domains: [
			{
				DomainName: LARGE_DOMAIN,
				workflows: [
					{
						WorkflowId: LARGE_WORKFLOW_ID,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: 'salesforce-archive',
						at: -8 * 3600,
						generate: {
							count: 10_000,
							seed: 10_000,
							at: -8 * 3600,
							spanSeconds: 6 * 3600,
							failRate: 0.002,
							retryRate: 0.05,
							splitRate: 0.01,
							runSeconds: [5, 60],
							queueSeconds: [1, 10],
							records: [100, 50_000],
							flowNamePrefix: 'Salesforce-1a7e1a7e',
						},
					},
				],
			},
		],
	};
}
