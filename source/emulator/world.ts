// The scenario compiled for fast questions: what every domain, workflow and step looks like at
// virtual time t. Steps are sorted once (CreatedAt, then FlowName) so a page is a binary search
// plus the page's own items.
import {generateSteps} from './generate.js';
import type {DomainSpec, Scenario, WorkflowSpec} from './scenario.js';
import {defaultMessage} from './scenario-defaults.js';

interface ResolvedEntry {
	at: number;
	Status: string;
	ExecutionMessage: string;
	RecordsProcessed: number;
}

export interface CompiledStep {
	FlowName: string;
	BatchRecordsStartTime: string;
	BatchRecordsEndTime: string;
	at: number;
	timeline: ResolvedEntry[];
}

export interface CompiledWorkflow {
	spec: WorkflowSpec;
	/** Sorted by (at, FlowName). */
	steps: CompiledStep[];
	/** The last virtual second any step is created: until then the workflow is not settled. */
	lastStepAt: number;
}

export interface CompiledDomain {
	spec: DomainSpec;
	/** Sorted by (at, WorkflowId). */
	workflows: CompiledWorkflow[];
	byId: Map<string, CompiledWorkflow>;
}

export interface World {
	/** Epoch seconds of virtual second 0. */
	startEpoch: number;
	/** Sorted by (at, DomainName). */
	domains: CompiledDomain[];
	byName: Map<string, CompiledDomain>;
}

export interface StepView {
	FlowName: string;
	Status: string;
	ExecutionMessage: string;
	RecordsProcessed: number;
	BatchRecordsStartTime: string;
	BatchRecordsEndTime: string;
	CreatedAt: number;
	LastUpdatedAt: number;
}

export interface WorkflowView {
	Status: string;
	StatusDescription: string;
	ErrorDescription?: string;
	StartDate: number;
	LastUpdatedAt: number;
	RecordsProcessed: number;
	StepsCompleted: number;
	TotalSteps: number;
}

// Still moving: the workflow is IN_PROGRESS while any step is in one of these (or unknown).
const SETTLED = new Set(['COMPLETE', 'FAILED', 'SPLIT', 'CANCELLED']);
// Counted by Metrics.StepsCompleted: steps that finished their batch without failing.
const COMPLETED = new Set(['COMPLETE', 'SPLIT']);

export function compileWorld(scenario: Scenario, startEpoch: number): World {
	const domains = scenario.domains.map(spec => compileDomain(spec, startEpoch));
	domains.sort((a, b) => compareKeys(a.spec.at, a.spec.DomainName, b.spec.at, b.spec.DomainName));
	return {startEpoch, domains, byName: new Map(domains.map(domain => [domain.spec.DomainName, domain]))};
}

function compileDomain(spec: DomainSpec, startEpoch: number): CompiledDomain {
	const workflows = spec.workflows.map(workflow => compileWorkflow(workflow, startEpoch));
	workflows.sort((a, b) => compareKeys(a.spec.at, a.spec.WorkflowId, b.spec.at, b.spec.WorkflowId));
	return {spec, workflows, byId: new Map(workflows.map(workflow => [workflow.spec.WorkflowId, workflow]))};
}

function compileWorkflow(spec: WorkflowSpec, startEpoch: number): CompiledWorkflow {
	const specs = spec.generate ? [...spec.steps, ...generateSteps(spec.generate, startEpoch, spec.SourceConnectorType)] : spec.steps;
	const steps = specs.map(step => {
		let status = 'NOT_STARTED';
		let records = 0;
		const timeline = step.timeline.map(entry => {
			status = entry.Status;
			records = entry.RecordsProcessed ?? records;
			return {at: entry.at, Status: status, ExecutionMessage: entry.ExecutionMessage ?? defaultMessage(status), RecordsProcessed: records};
		});
		return {FlowName: step.FlowName, BatchRecordsStartTime: step.BatchRecordsStartTime, BatchRecordsEndTime: step.BatchRecordsEndTime, at: step.at, timeline};
	});
	steps.sort((a, b) => compareKeys(a.at, a.FlowName, b.at, b.FlowName));
	return {spec, steps, lastStepAt: steps.length === 0 ? -Infinity : steps[steps.length - 1].at};
}

export function compareKeys(atA: number, keyA: string, atB: number, keyB: string): number {
	if (atA !== atB) return atA < atB ? -1 : 1;
	return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

export function epoch(world: World, at: number): number {
	return Math.round((world.startEpoch + at) * 1000) / 1000;
}

/** Index of the first step not yet created at t. */
export function stepsExisting(workflow: CompiledWorkflow, t: number): number {
	let low = 0;
	let high = workflow.steps.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (workflow.steps[middle].at <= t) low = middle + 1;
		else high = middle;
	}
	return low;
}

function entryAt(step: CompiledStep, t: number): ResolvedEntry | undefined {
	const timeline = step.timeline;
	// Timelines are short; scan from the end, where a live watcher's t usually is.
	for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].at <= t) return timeline[i];
	return undefined;
}

export function stepView(world: World, step: CompiledStep, t: number): StepView {
	const entry = entryAt(step, t);
	return {
		FlowName: step.FlowName,
		Status: entry?.Status ?? 'NOT_STARTED',
		ExecutionMessage: entry?.ExecutionMessage ?? defaultMessage('NOT_STARTED'),
		RecordsProcessed: entry?.RecordsProcessed ?? 0,
		BatchRecordsStartTime: step.BatchRecordsStartTime,
		BatchRecordsEndTime: step.BatchRecordsEndTime,
		CreatedAt: epoch(world, step.at),
		LastUpdatedAt: epoch(world, Math.max(step.at, entry?.at ?? step.at)),
	};
}

/** Created by t and not yet deleted. */
export function workflowExists(workflow: CompiledWorkflow, t: number): boolean {
	return workflow.spec.at <= t && (workflow.spec.deletedAt === undefined || t < workflow.spec.deletedAt);
}

export function workflowView(world: World, workflow: CompiledWorkflow, t: number): WorkflowView {
	const existing = stepsExisting(workflow, t);
	let records = 0;
	let completed = 0;
	let started = false;
	let moving = workflow.lastStepAt > t;
	let lastUpdated = workflow.spec.at;
	let firstFailure: CompiledStep | undefined;
	let failureMessage = '';
	let cancelled = false;
	for (let i = 0; i < existing; i++) {
		const step = workflow.steps[i];
		const entry = entryAt(step, t);
		const status = entry?.Status ?? 'NOT_STARTED';
		records += entry?.RecordsProcessed ?? 0;
		if (COMPLETED.has(status)) completed++;
		if (status !== 'NOT_STARTED') started = true;
		if (!SETTLED.has(status)) moving = true;
		if (status === 'FAILED' && !firstFailure) {
			firstFailure = step;
			failureMessage = entry!.ExecutionMessage;
		}
		if (status === 'CANCELLED') cancelled = true;
		lastUpdated = Math.max(lastUpdated, step.at, entry?.at ?? step.at);
	}

	let Status: string;
	if (!started) Status = 'NOT_STARTED';
	else if (moving) Status = 'IN_PROGRESS';
	else if (firstFailure) Status = 'FAILED';
	else if (cancelled) Status = 'CANCELLED';
	else Status = 'COMPLETE';
	let StatusDescription = describeStatus(Status, completed, existing);
	let ErrorDescription = firstFailure ? clip(`${firstFailure.FlowName}: ${failureMessage}`, 255) : undefined;

	if (workflow.spec.timeline) {
		let own: (typeof workflow.spec.timeline)[number] | undefined;
		for (const entry of workflow.spec.timeline) if (entry.at <= t) own = entry;
		Status = own?.Status ?? 'NOT_STARTED';
		StatusDescription = own?.StatusDescription ?? describeStatus(Status, completed, existing);
		if (own?.ErrorDescription) ErrorDescription = own.ErrorDescription;
		if (own) lastUpdated = Math.max(lastUpdated, own.at);
	}

	const view: WorkflowView = {
		Status,
		StatusDescription,
		StartDate: epoch(world, workflow.spec.at),
		LastUpdatedAt: epoch(world, lastUpdated),
		RecordsProcessed: records,
		StepsCompleted: completed,
		TotalSteps: existing,
	};
	if (Status === 'FAILED' && ErrorDescription) view.ErrorDescription = ErrorDescription;
	return view;
}

function describeStatus(status: string, completed: number, total: number): string {
	switch (status) {
		case 'NOT_STARTED':
			return 'Workflow has not started';
		case 'IN_PROGRESS':
			return `Workflow in progress: ${completed} of ${total} steps completed`;
		case 'COMPLETE':
			return `Workflow completed: ${completed} steps`;
		case 'FAILED':
			return 'Workflow failed: one or more steps failed';
		case 'CANCELLED':
			return 'Workflow cancelled';
		default:
			return `Workflow ${status}`;
	}
}

function clip(text: string, max: number): string {
	const points = [...text];
	return points.length <= max ? text : points.slice(0, max).join('');
}
