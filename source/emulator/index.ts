// The embedded Customer Profiles emulator: the six workflow operations over restJson1 on
// 127.0.0.1, driven by a scenario in virtual time. It stands apart from the rest of cp-watch,
// which reaches it only over HTTP.
export {startEmulator, type Emulator, type EmulatorOptions} from './emulator.js';
export {loadScenario} from './load-scenario.js';
export {runEmulatorCommand, EMULATOR_USAGE, type CommandIo} from './command.js';
export type {RequestLogEntry} from './request-log.js';
export type {Scenario, DomainSpec, WorkflowSpec, StepSpec, TimelineEntry, FaultsSpec, GenerateSpec, Operation} from './scenario.js';
export {builtInScenarioNames} from './scenarios/index.js';
export {
	DEMO_DOMAIN,
	DEMO_BACKFILL_WORKFLOW_ID,
	DEMO_COMPLETE_WORKFLOW_ID,
	DEMO_FAILED_WORKFLOW_ID,
	DEMO_NOT_STARTED_WORKFLOW_ID,
	DEMO_CANCELLED_WORKFLOW_ID,
} from './scenarios/demo.js';
export {LARGE_DOMAIN, LARGE_WORKFLOW_ID} from './scenarios/large.js';
export {HOSTILE_DOMAIN, HOSTILE_WORKFLOW_ID, HOSTILE_LONGEST_FLOW_NAME, HOSTILE_LONGEST_MESSAGE, HOSTILE_WIDEST_FLOW_NAME} from './scenarios/hostile.js';
export {LIFECYCLE_DOMAIN, LIFECYCLE_COMPLETE_WORKFLOW_ID, LIFECYCLE_FAILED_WORKFLOW_ID} from './scenarios/lifecycle.js';
export {DOMAIN_SCENARIO_DOMAIN, DOMAIN_WORKFLOW_IDS} from './scenarios/domain.js';
