// The scenario file format: what the emulator serves and how it changes over virtual time.
// Loaded and defaulted by load-scenario.ts; documented in docs/emulator.md and
// schema/scenario.schema.json.

/** One change of a step: from `at` (virtual seconds) on, the step shows these values. */
export interface TimelineEntry {
	at: number;
	Status: string;
	/** Omitted: a default message for the status. */
	ExecutionMessage?: string;
	/** Omitted: the previous value carries forward. */
	RecordsProcessed?: number;
}

export interface StepSpec {
	FlowName: string;
	BatchRecordsStartTime: string;
	BatchRecordsEndTime: string;
	/** The step exists (and its CreatedAt is) from this virtual second; may be negative. */
	at: number;
	timeline: TimelineEntry[];
}

/** A workflow's own status changes, overriding the status derived from its steps. */
export interface WorkflowTimelineEntry {
	at: number;
	Status: string;
	StatusDescription?: string;
	ErrorDescription?: string;
}

export interface GenerateSpec {
	count: number;
	seed: number;
	/** Virtual second the first generated step is created; default: the workflow's `at`. */
	at: number;
	/** Creation times of the generated steps are spread over this many virtual seconds. */
	spanSeconds: number;
	failRate: number;
	retryRate: number;
	splitRate: number;
	/** How long a step runs, [min, max] virtual seconds. */
	runSeconds: [number, number];
	/** How long a step waits NOT_STARTED before it runs, [min, max] virtual seconds. */
	queueSeconds: [number, number];
	/** Records a step processes, [min, max]. */
	records: [number, number];
	flowNamePrefix: string;
}

export interface WorkflowSpec {
	WorkflowId: string;
	WorkflowType: string;
	SourceConnectorType: string;
	ConnectorProfileName: string;
	RoleArn?: string;
	/** The workflow exists (StartDate) from this virtual second. */
	at: number;
	/** From this virtual second on the workflow is gone (deleted): 404, and no longer listed. */
	deletedAt?: number;
	steps: StepSpec[];
	generate: GenerateSpec | null;
	timeline: WorkflowTimelineEntry[] | null;
}

export interface DomainSpec {
	DomainName: string;
	Tags: Record<string, string>;
	/** CreatedAt of the domain, virtual seconds (domains always exist). */
	at: number;
	DefaultExpirationDays: number;
	workflows: WorkflowSpec[];
}

export interface ThrottleSpec {
	ratePerSecond: number;
	burst: number;
	retryAfterSeconds: number | null;
}

export interface FaultsSpec {
	/** Per operation, in real time; null: never throttle. */
	throttle: ThrottleSpec | null;
	errorRate: number;
	hangupRate: number;
	latencyMs: [number, number];
	/** Virtual seconds a NextToken stays valid; null: forever. */
	tokenTtlSeconds: number | null;
	deny: string[];
	seed: number;
}

export interface Scenario {
	description?: string;
	clock: {
		/** ISO date of virtual second 0; null: the real time the emulator starts. */
		start: string | null;
		speed: number;
	};
	pageSize: number;
	faults: FaultsSpec;
	domains: DomainSpec[];
}

export const OPERATIONS = [
	'GetWorkflowSteps',
	'GetWorkflow',
	'ListWorkflows',
	'ListDomains',
	'GetDomain',
	'ListIntegrations',
] as const;

export type Operation = (typeof OPERATIONS)[number];

export const KNOWN_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'FAILED', 'SPLIT', 'RETRY', 'CANCELLED'] as const;

export const SOURCE_CONNECTOR_TYPES = ['Salesforce', 'Marketo', 'Zendesk', 'Servicenow', 'S3'] as const;
