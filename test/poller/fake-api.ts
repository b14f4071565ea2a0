// An in-memory CustomerProfilesApi for engine tests under fake time: pages of a step list, faults
// queued per operation, and a log of every call. Wire faithfulness is the emulator's job.
import {apiFailure} from '../../source/aws/api-failure.js';
import type {CustomerProfilesApi} from '../../source/aws/index.js';
import type {ApiError} from '../../source/core/api-error.js';
import type {Step, Workflow} from '../../source/core/step.js';
import type {Clock} from '../../source/poller/time.js';

export type Operation = 'getWorkflow' | 'getWorkflowStepsPage' | 'listWorkflowsPage' | 'listDomainsPage';

export interface FakeApi extends CustomerProfilesApi {
	workflow: Workflow;
	steps: Step[];
	pageSize: number;
	calls: Array<{op: Operation; token?: string; time: number}>;
	/** The next calls of `op` fail with these errors, in order; null lets one call succeed. */
	failNext(op: Operation, ...errors: Array<ApiError | null>): void;
	/** Calls of `op` never answer until aborted. */
	hang(op: Operation, on: boolean): void;
	count(op: Operation): number;
}

export const T0 = Date.parse('2026-11-24T09:00:00Z');

export function makeStep(index: number, overrides: Partial<Step> = {}): Step {
	return {
		FlowName: `flow-${String(index).padStart(5, '0')}`,
		Status: 'NOT_STARTED',
		ExecutionMessage: 'Queued',
		RecordsProcessed: 0,
		BatchRecordsStartTime: '2026-01-01T00:00:00Z',
		BatchRecordsEndTime: '2026-03-01T00:00:00Z',
		CreatedAt: T0 + index,
		LastUpdatedAt: T0 + index,
		...overrides,
	};
}

export function makeWorkflow(overrides: Partial<Workflow> = {}): Workflow {
	return {
		WorkflowId: '0123456789abcdef0123456789abcdef',
		WorkflowType: 'APPFLOW_INTEGRATION',
		Status: 'IN_PROGRESS',
		ErrorDescription: '',
		StartDate: T0,
		LastUpdatedAt: T0,
		RecordsProcessed: 0,
		StepsCompleted: 0,
		TotalSteps: 0,
		...overrides,
	};
}

export const throttled = (retryAfterMs?: number): ApiError => ({kind: 'throttled', message: 'throttled', retryable: true, ...(retryAfterMs === undefined ? {} : {retryAfterMs})});
export const serverError = (): ApiError => ({kind: 'server', message: 'boom', retryable: true});
export const denied = (): ApiError => ({kind: 'access-denied', message: 'denied', action: 'profile:GetWorkflowSteps', retryable: false});
export const expiredToken = (): ApiError => ({kind: 'bad-request', message: 'bad request: NextToken has expired', retryable: false});

export function fakeApi(clock: Clock, stepCount = 10, pageSize = 4): FakeApi {
	const faults = new Map<Operation, Array<ApiError | null>>();
	const hanging = new Set<Operation>();
	const api: FakeApi = {
		workflow: makeWorkflow({TotalSteps: stepCount}),
		steps: Array.from({length: stepCount}, (_, i) => makeStep(i)),
		pageSize,
		calls: [],
		failNext(op, ...errors) {
			faults.set(op, [...(faults.get(op) ?? []), ...errors]);
		},
		hang(op, on) {
			if (on) hanging.add(op);
			else hanging.delete(op);
		},
		count: op => api.calls.filter(call => call.op === op).length,
		async getWorkflow(_domain, _id, signal) {
			await answer('getWorkflow', undefined, signal);
			return {...api.workflow};
		},
		async getWorkflowStepsPage(_domain, _id, nextToken, signal) {
			await answer('getWorkflowStepsPage', nextToken, signal);
			const offset = nextToken === undefined ? 0 : Number(nextToken.slice(2));
			const end = offset + api.pageSize;
			return {steps: api.steps.slice(offset, end).map(step => ({...step})), ...(end < api.steps.length ? {nextToken: `p:${end}`} : {})};
		},
		async listWorkflowsPage(_domain, nextToken, signal) {
			await answer('listWorkflowsPage', nextToken, signal);
			return {items: [{WorkflowId: api.workflow.WorkflowId, WorkflowType: 'APPFLOW_INTEGRATION', Status: api.workflow.Status, StatusDescription: '', CreatedAt: T0, LastUpdatedAt: T0}]};
		},
		async listDomainsPage(nextToken, signal) {
			await answer('listDomainsPage', nextToken, signal);
			return {items: [{DomainName: 'retail-prod', CreatedAt: T0, LastUpdatedAt: T0, Tags: {}}]};
		},
		destroy() {},
	};

	async function answer(op: Operation, token: string | undefined, signal?: AbortSignal) {
		api.calls.push({op, ...(token === undefined ? {} : {token}), time: clock.now()});
		if (hanging.has(op)) {
			await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), {name: 'AbortError'}))));
		}
		const error = faults.get(op)?.shift();
		// As the real client does: an Error carrying the ApiError (its message not enumerable).
		if (error) throw apiFailure(error);
	}
	return api;
}
