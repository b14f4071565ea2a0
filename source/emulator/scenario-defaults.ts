// Every scenario field's default, in one place so docs/emulator.md and the schema can be checked
// against it.
import type {FaultsSpec, GenerateSpec} from './scenario.js';

export const DEFAULT_SPEED = 1;
export const DEFAULT_PAGE_SIZE = 25;
/** Domains were created a month before the story starts. */
export const DEFAULT_DOMAIN_AT = -30 * 86_400;
export const DEFAULT_EXPIRATION_DAYS = 366;
export const DEFAULT_WORKFLOW_TYPE = 'APPFLOW_INTEGRATION';
export const DEFAULT_SOURCE_CONNECTOR_TYPE = 'Salesforce';

/** AWS's documented default quota: 5 requests per second per operation. */
export const DEFAULT_THROTTLE = {ratePerSecond: 5, burst: 5, retryAfterSeconds: null} as const;

export function defaultFaults(): FaultsSpec {
	return {
		throttle: {...DEFAULT_THROTTLE},
		errorRate: 0,
		hangupRate: 0,
		latencyMs: [0, 0],
		tokenTtlSeconds: null,
		deny: [],
		seed: 1,
	};
}

export function defaultGenerate(workflowAt: number, flowNamePrefix: string): GenerateSpec {
	return {
		count: 100,
		seed: 1,
		at: workflowAt,
		spanSeconds: 600,
		failRate: 0.01,
		retryRate: 0.05,
		splitRate: 0.01,
		runSeconds: [5, 60],
		queueSeconds: [1, 10],
		records: [1_000, 200_000],
		flowNamePrefix,
	};
}

/** Shown when a timeline entry gives a status but no ExecutionMessage. */
export const DEFAULT_MESSAGES: Record<string, string> = {
	NOT_STARTED: 'Queued',
	IN_PROGRESS: 'In progress',
	COMPLETE: 'Completed',
	FAILED: 'Failed',
	SPLIT: 'Split into smaller batches',
	RETRY: 'Retrying',
	CANCELLED: 'Cancelled',
};

export function defaultMessage(status: string): string {
	return DEFAULT_MESSAGES[status] ?? status;
}

export function defaultConnectorProfileName(sourceConnectorType: string): string {
	return `${sourceConnectorType.toLowerCase()}-profile`;
}

export function defaultFlowNamePrefix(sourceConnectorType: string, workflowId: string): string {
	return `${sourceConnectorType}-${workflowId.slice(0, 8)}`;
}
