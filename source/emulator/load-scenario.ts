// Turns a parsed scenario (a built-in name or JSON) into a checked Scenario with every default
// filled, refusing the first bad field by its path.
import {BUILT_IN_SCENARIOS, builtInScenarioNames} from './scenarios/index.js';
import {
	KNOWN_STATUSES,
	OPERATIONS,
	SOURCE_CONNECTOR_TYPES,
	type DomainSpec,
	type FaultsSpec,
	type GenerateSpec,
	type Scenario,
	type StepSpec,
	type TimelineEntry,
	type WorkflowSpec,
	type WorkflowTimelineEntry,
} from './scenario.js';
import {
	DEFAULT_DOMAIN_AT,
	DEFAULT_EXPIRATION_DAYS,
	DEFAULT_PAGE_SIZE,
	DEFAULT_SOURCE_CONNECTOR_TYPE,
	DEFAULT_SPEED,
	DEFAULT_WORKFLOW_TYPE,
	defaultConnectorProfileName,
	defaultFaults,
	defaultFlowNamePrefix,
	defaultGenerate,
} from './scenario-defaults.js';
import {generatedFlowName} from './generate.js';
import {ScenarioError, join, readArray, readNumber, readObject, readRange, readString} from './scenario-reader.js';
import {DOMAIN_NAME_PATTERN, WORKFLOW_ID_PATTERN} from './validation.js';

// Statuses outside the enum are allowed on purpose: clients must show what they do not know.
const STATUS_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
const STATUS_TEXT = `must be a status such as ${KNOWN_STATUSES.join(', ')} (upper case letters, digits and '_')`;
const MAX_GENERATED = 100_000;

export function loadScenario(input: unknown): Scenario {
	if (typeof input === 'string') {
		const builtIn = Object.hasOwn(BUILT_IN_SCENARIOS, input) ? BUILT_IN_SCENARIOS[input] : undefined;
		if (!builtIn) throw new Error(`unknown scenario '${input}' (built-in scenarios: ${builtInScenarioNames().join(', ')})`);
		return readScenario(builtIn());
	}
	return readScenario(input);
}

// Scenarios this module produced, so startEmulator need not check them again.
const LOADED = new WeakSet<object>();

export function isLoadedScenario(value: unknown): value is Scenario {
	return typeof value === 'object' && value !== null && LOADED.has(value);
}

function readScenario(input: unknown): Scenario {
	const root = readObject(input, '', ['$schema', 'description', 'clock', 'pageSize', 'faults', 'domains']);
	const scenario: Scenario = {
		clock: readClock(root.clock),
		pageSize: root.pageSize === undefined ? DEFAULT_PAGE_SIZE : readNumber(root.pageSize, 'pageSize', {min: 1, max: 100, integer: true}),
		faults: readFaults(root.faults),
		domains: [],
	};
	if (root.description !== undefined) scenario.description = readString(root.description, 'description');
	const domains = root.domains === undefined ? [] : readArray(root.domains, 'domains');
	const names = new Set<string>();
	domains.forEach((value, index) => {
		const domain = readDomain(value, join('domains', index), index);
		if (names.has(domain.DomainName)) throw new ScenarioError(join(join('domains', index), 'DomainName'), `duplicate domain '${domain.DomainName}'`);
		names.add(domain.DomainName);
		scenario.domains.push(domain);
	});
	LOADED.add(scenario);
	return scenario;
}

function readClock(value: unknown): Scenario['clock'] {
	if (value === undefined) return {start: null, speed: DEFAULT_SPEED};
	const clock = readObject(value, 'clock', ['start', 'speed']);
	let start: string | null = null;
	if (clock.start !== undefined && clock.start !== null) {
		start = readString(clock.start, 'clock.start', {min: 1});
		if (Number.isNaN(Date.parse(start))) throw new ScenarioError('clock.start', `must be an ISO 8601 date such as 2026-11-24T09:00:00Z (got '${start}')`);
	}
	const speed = clock.speed === undefined ? DEFAULT_SPEED : readNumber(clock.speed, 'clock.speed', {min: 0, exclusiveMin: true, max: 1_000_000});
	return {start, speed};
}

function readFaults(value: unknown): FaultsSpec {
	const faults = defaultFaults();
	if (value === undefined) return faults;
	const raw = readObject(value, 'faults', ['throttle', 'errorRate', 'hangupRate', 'latencyMs', 'tokenTtlSeconds', 'deny', 'seed']);
	if (raw.throttle === null) faults.throttle = null;
	else if (raw.throttle !== undefined) {
		const throttle = readObject(raw.throttle, 'faults.throttle', ['ratePerSecond', 'burst', 'retryAfterSeconds']);
		const base = faults.throttle!;
		if (throttle.ratePerSecond !== undefined) base.ratePerSecond = readNumber(throttle.ratePerSecond, 'faults.throttle.ratePerSecond', {min: 0});
		if (throttle.burst !== undefined) base.burst = readNumber(throttle.burst, 'faults.throttle.burst', {min: 1, integer: true});
		if (throttle.retryAfterSeconds !== undefined && throttle.retryAfterSeconds !== null) {
			base.retryAfterSeconds = readNumber(throttle.retryAfterSeconds, 'faults.throttle.retryAfterSeconds', {min: 0, integer: true});
		}
	}
	if (raw.errorRate !== undefined) faults.errorRate = readNumber(raw.errorRate, 'faults.errorRate', {min: 0, max: 1});
	if (raw.hangupRate !== undefined) faults.hangupRate = readNumber(raw.hangupRate, 'faults.hangupRate', {min: 0, max: 1});
	if (raw.latencyMs !== undefined) faults.latencyMs = readRange(raw.latencyMs, 'faults.latencyMs', {min: 0});
	if (raw.tokenTtlSeconds !== undefined && raw.tokenTtlSeconds !== null) {
		faults.tokenTtlSeconds = readNumber(raw.tokenTtlSeconds, 'faults.tokenTtlSeconds', {min: 0, exclusiveMin: true});
	}
	if (raw.deny !== undefined) {
		faults.deny = readArray(raw.deny, 'faults.deny').map((item, index) =>
			readString(item, join('faults.deny', index), {
				pattern: new RegExp(`^(${OPERATIONS.join('|')})$`),
				patternText: `must be an operation name: ${OPERATIONS.join(', ')}`,
			}),
		);
	}
	if (raw.seed !== undefined) faults.seed = readNumber(raw.seed, 'faults.seed', {integer: true});
	return faults;
}

function readDomain(value: unknown, path: string, index: number): DomainSpec {
	const raw = readObject(value, path, ['DomainName', 'Tags', 'at', 'DefaultExpirationDays', 'workflows']);
	const DomainName = raw.DomainName === undefined ? `domain-${index + 1}` : readString(raw.DomainName, join(path, 'DomainName'), {min: 1, max: 64, pattern: DOMAIN_NAME_PATTERN, patternText: "must have only letters, digits, '-' and '_'"});
	const Tags: Record<string, string> = {};
	if (raw.Tags !== undefined) {
		const tags = readObject(raw.Tags, join(path, 'Tags'), Object.keys(raw.Tags ?? {}));
		for (const [key, tag] of Object.entries(tags)) Tags[readString(key, join(path, 'Tags'), {min: 1, max: 128})] = readString(tag, join(join(path, 'Tags'), key), {max: 256});
		if (Object.keys(Tags).length > 50) throw new ScenarioError(join(path, 'Tags'), 'must have at most 50 tags');
	}
	const domain: DomainSpec = {
		DomainName,
		Tags,
		at: raw.at === undefined ? DEFAULT_DOMAIN_AT : readNumber(raw.at, join(path, 'at')),
		DefaultExpirationDays: raw.DefaultExpirationDays === undefined ? DEFAULT_EXPIRATION_DAYS : readNumber(raw.DefaultExpirationDays, join(path, 'DefaultExpirationDays'), {min: 1, max: 1098, integer: true}),
		workflows: [],
	};
	const ids = new Set<string>();
	(raw.workflows === undefined ? [] : readArray(raw.workflows, join(path, 'workflows'))).forEach((item, workflowIndex) => {
		const workflowPath = join(join(path, 'workflows'), workflowIndex);
		const workflow = readWorkflow(item, workflowPath, DomainName, workflowIndex);
		if (ids.has(workflow.WorkflowId)) throw new ScenarioError(join(workflowPath, 'WorkflowId'), `duplicate workflow '${workflow.WorkflowId}'`);
		ids.add(workflow.WorkflowId);
		domain.workflows.push(workflow);
	});
	return domain;
}

function readWorkflow(value: unknown, path: string, domainName: string, index: number): WorkflowSpec {
	const raw = readObject(value, path, ['WorkflowId', 'WorkflowType', 'SourceConnectorType', 'ConnectorProfileName', 'RoleArn', 'at', 'deletedAt', 'steps', 'generate', 'timeline']);
	const WorkflowId = raw.WorkflowId === undefined ? defaultWorkflowId(domainName, index) : readString(raw.WorkflowId, join(path, 'WorkflowId'), {pattern: WORKFLOW_ID_PATTERN, patternText: 'must be 32 lowercase hex characters'});
	const WorkflowType = raw.WorkflowType === undefined ? DEFAULT_WORKFLOW_TYPE : readString(raw.WorkflowType, join(path, 'WorkflowType'), {min: 1, max: 64});
	const SourceConnectorType = raw.SourceConnectorType === undefined ? DEFAULT_SOURCE_CONNECTOR_TYPE : readString(raw.SourceConnectorType, join(path, 'SourceConnectorType'), {
		pattern: new RegExp(`^(${SOURCE_CONNECTOR_TYPES.join('|')})$`),
		patternText: `must be one of ${SOURCE_CONNECTOR_TYPES.join(', ')}`,
	});
	const at = raw.at === undefined ? 0 : readNumber(raw.at, join(path, 'at'));
	const workflow: WorkflowSpec = {
		WorkflowId,
		WorkflowType,
		SourceConnectorType,
		ConnectorProfileName: raw.ConnectorProfileName === undefined ? defaultConnectorProfileName(SourceConnectorType) : readString(raw.ConnectorProfileName, join(path, 'ConnectorProfileName'), {min: 1, max: 256}),
		at,
		steps: [],
		generate: null,
		timeline: null,
	};
	if (raw.deletedAt !== undefined) {
		workflow.deletedAt = readNumber(raw.deletedAt, join(path, 'deletedAt'));
		if (workflow.deletedAt <= at) throw new ScenarioError(join(path, 'deletedAt'), `must come after the workflow's at (${at})`);
	}
	if (raw.RoleArn !== undefined) workflow.RoleArn = readString(raw.RoleArn, join(path, 'RoleArn'), {min: 1, max: 255});
	const names = new Set<string>();
	(raw.steps === undefined ? [] : readArray(raw.steps, join(path, 'steps'))).forEach((item, stepIndex) => {
		const stepPath = join(join(path, 'steps'), stepIndex);
		const step = readStep(item, stepPath, at, stepIndex);
		if (names.has(step.FlowName)) throw new ScenarioError(join(stepPath, 'FlowName'), `duplicate FlowName '${step.FlowName}'`);
		names.add(step.FlowName);
		workflow.steps.push(step);
	});
	if (raw.generate !== undefined && raw.generate !== null) {
		workflow.generate = readGenerate(raw.generate, join(path, 'generate'), workflow);
		for (let i = 0; i < workflow.generate.count; i++) {
			const name = generatedFlowName(workflow.generate.flowNamePrefix, i);
			if (names.has(name)) throw new ScenarioError(join(path, 'generate.flowNamePrefix'), `generated FlowName '${name}' collides with a step in steps`);
		}
	}
	if (raw.timeline !== undefined && raw.timeline !== null) {
		workflow.timeline = readArray(raw.timeline, join(path, 'timeline')).map((item, entryIndex) =>
			readWorkflowTimelineEntry(item, join(join(path, 'timeline'), entryIndex)),
		);
		checkOrdered(workflow.timeline, join(path, 'timeline'));
	}
	return workflow;
}

function readStep(value: unknown, path: string, workflowAt: number, index: number): StepSpec {
	const raw = readObject(value, path, ['FlowName', 'BatchRecordsStartTime', 'BatchRecordsEndTime', 'at', 'timeline']);
	const rawTimeline = raw.timeline === undefined ? [] : readArray(raw.timeline, join(path, 'timeline'));
	const firstAt = (rawTimeline[0] as {at?: unknown} | undefined)?.at;
	const at = raw.at !== undefined ? readNumber(raw.at, join(path, 'at')) : typeof firstAt === 'number' ? firstAt : workflowAt;
	const timeline: TimelineEntry[] = [];
	let previous: TimelineEntry | undefined;
	rawTimeline.forEach((item, entryIndex) => {
		const entryPath = join(join(path, 'timeline'), entryIndex);
		const entryRaw = readObject(item, entryPath, ['at', 'Status', 'ExecutionMessage', 'RecordsProcessed']);
		const entry: TimelineEntry = {
			at: entryRaw.at === undefined ? (previous?.at ?? at) : readNumber(entryRaw.at, join(entryPath, 'at')),
			Status: entryRaw.Status === undefined ? (previous?.Status ?? 'NOT_STARTED') : readString(entryRaw.Status, join(entryPath, 'Status'), {pattern: STATUS_PATTERN, patternText: STATUS_TEXT}),
		};
		if (entryRaw.ExecutionMessage !== undefined) entry.ExecutionMessage = readString(entryRaw.ExecutionMessage, join(entryPath, 'ExecutionMessage'), {min: 1, max: 255});
		if (entryRaw.RecordsProcessed !== undefined) entry.RecordsProcessed = readNumber(entryRaw.RecordsProcessed, join(entryPath, 'RecordsProcessed'), {min: 0, integer: true});
		timeline.push(entry);
		previous = entry;
	});
	checkOrdered(timeline, join(path, 'timeline'));
	return {
		FlowName: raw.FlowName === undefined ? `flow-${index + 1}` : readString(raw.FlowName, join(path, 'FlowName'), {min: 1, max: 256}),
		BatchRecordsStartTime: raw.BatchRecordsStartTime === undefined ? 'unknown' : readString(raw.BatchRecordsStartTime, join(path, 'BatchRecordsStartTime'), {min: 1, max: 255}),
		BatchRecordsEndTime: raw.BatchRecordsEndTime === undefined ? 'unknown' : readString(raw.BatchRecordsEndTime, join(path, 'BatchRecordsEndTime'), {min: 1, max: 255}),
		at,
		timeline,
	};
}

function readWorkflowTimelineEntry(value: unknown, path: string): WorkflowTimelineEntry {
	const raw = readObject(value, path, ['at', 'Status', 'StatusDescription', 'ErrorDescription']);
	const entry: WorkflowTimelineEntry = {
		at: raw.at === undefined ? 0 : readNumber(raw.at, join(path, 'at')),
		Status: raw.Status === undefined ? 'NOT_STARTED' : readString(raw.Status, join(path, 'Status'), {pattern: STATUS_PATTERN, patternText: STATUS_TEXT}),
	};
	if (raw.StatusDescription !== undefined) entry.StatusDescription = readString(raw.StatusDescription, join(path, 'StatusDescription'), {min: 1, max: 255});
	if (raw.ErrorDescription !== undefined) entry.ErrorDescription = readString(raw.ErrorDescription, join(path, 'ErrorDescription'), {min: 1, max: 255});
	return entry;
}

function readGenerate(value: unknown, path: string, workflow: WorkflowSpec): GenerateSpec {
	const raw = readObject(value, path, ['count', 'seed', 'at', 'spanSeconds', 'failRate', 'retryRate', 'splitRate', 'runSeconds', 'queueSeconds', 'records', 'flowNamePrefix']);
	const spec = defaultGenerate(workflow.at, defaultFlowNamePrefix(workflow.SourceConnectorType, workflow.WorkflowId));
	if (raw.count !== undefined) spec.count = readNumber(raw.count, join(path, 'count'), {min: 0, max: MAX_GENERATED, integer: true});
	if (raw.seed !== undefined) spec.seed = readNumber(raw.seed, join(path, 'seed'), {integer: true});
	if (raw.at !== undefined) spec.at = readNumber(raw.at, join(path, 'at'));
	if (raw.spanSeconds !== undefined) spec.spanSeconds = readNumber(raw.spanSeconds, join(path, 'spanSeconds'), {min: 0});
	for (const key of ['failRate', 'retryRate', 'splitRate'] as const) {
		if (raw[key] !== undefined) spec[key] = readNumber(raw[key], join(path, key), {min: 0, max: 1});
	}
	if (spec.failRate + spec.splitRate > 1) throw new ScenarioError(join(path, 'splitRate'), 'failRate + splitRate must be at most 1');
	if (raw.runSeconds !== undefined) spec.runSeconds = readRange(raw.runSeconds, join(path, 'runSeconds'), {min: 0});
	if (raw.queueSeconds !== undefined) spec.queueSeconds = readRange(raw.queueSeconds, join(path, 'queueSeconds'), {min: 0});
	if (raw.records !== undefined) spec.records = readRange(raw.records, join(path, 'records'), {min: 0, integer: true});
	// Room for the '-' and five digits the generator appends, within FlowName's 256.
	if (raw.flowNamePrefix !== undefined) spec.flowNamePrefix = readString(raw.flowNamePrefix, join(path, 'flowNamePrefix'), {min: 1, max: 240});
	return spec;
}

function checkOrdered(entries: Array<{at: number}>, path: string): void {
	for (let i = 1; i < entries.length; i++) {
		if (entries[i].at < entries[i - 1].at) throw new ScenarioError(join(join(path, i), 'at'), `timeline entries must be in time order (${entries[i].at} comes after ${entries[i - 1].at})`);
	}
}

// Stable across runs so a scenario without ids still names its workflows the same way.
function defaultWorkflowId(domainName: string, index: number): string {
	let text = '';
	let hash = 0x811c9dc5;
	for (let round = 0; round < 4; round++) {
		for (const char of `${domainName}/${index}/${round}`) {
			hash ^= char.codePointAt(0)!;
			hash = Math.imul(hash, 0x01000193) >>> 0;
		}
		text += hash.toString(16).padStart(8, '0');
	}
	return text;
}
