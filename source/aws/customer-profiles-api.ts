// The typed calls cp-watch makes, over one SDK client. The SDK's own retries are off
// (maxAttempts 1): the poller owns backoff and pacing, and shows "throttled" on screen.
import process from 'node:process';
import {
	CustomerProfilesClient,
	GetWorkflowCommand,
	GetWorkflowStepsCommand,
	ListDomainsCommand,
	ListWorkflowsCommand,
} from '@aws-sdk/client-customer-profiles';
import type {Domain, Step, Workflow, WorkflowSummary} from '../core/step.js';
import {anySignal} from './any-signal.js';
import {apiFailure} from './api-failure.js';
import {classifyError, NO_REGION_MESSAGE} from './classify-error.js';
import {domainFromWire, stepFromWire, workflowFromWire, workflowSummaryFromWire} from './wire-records.js';

export interface Page<T> {
	items: T[];
	nextToken?: string;
}

export interface CustomerProfilesApi {
	getWorkflow(domain: string, id: string, signal?: AbortSignal): Promise<Workflow>;
	/** Up to 100 steps (the service maximum, so a 10,000-step walk is 100 requests). */
	getWorkflowStepsPage(domain: string, id: string, nextToken?: string, signal?: AbortSignal): Promise<{steps: Step[]; nextToken?: string}>;
	listWorkflowsPage(domain: string, nextToken?: string, signal?: AbortSignal): Promise<Page<WorkflowSummary>>;
	listDomainsPage(nextToken?: string, signal?: AbortSignal): Promise<Page<Domain>>;
	destroy(): void;
}

export interface CustomerProfilesApiOptions {
	profile?: string;
	region?: string;
	endpointUrl?: string;
	credentials?: {accessKeyId: string; secretAccessKey: string; sessionToken?: string};
	/** Per request; a silent socket must not stall the watch. Default 10 s. */
	requestTimeoutMs?: number;
}

export const PAGE_SIZE = 100;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export function createCustomerProfilesApi(options: CustomerProfilesApiOptions = {}): CustomerProfilesApi {
	// On Node < 22 the SDK prints a multi-line warning to stderr that garbles a TUI.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
	const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const region = options.region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined);
	const client = new CustomerProfilesClient({
		maxAttempts: 1,
		// Without --region the SDK looks in the profile's config file; a miss is classified below.
		...(region === undefined ? {} : {region}),
		...(options.profile === undefined ? {} : {profile: options.profile}),
		...(options.endpointUrl === undefined ? {} : {endpoint: options.endpointUrl}),
		...(options.credentials === undefined ? {} : {credentials: options.credentials}),
	});

	async function send<T>(call: (abortSignal: AbortSignal) => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
		const timeout = new AbortController();
		const timer = setTimeout(() => timeout.abort(), timeoutMs);
		const combined = signal ? anySignal([signal, timeout.signal]) : {signal: timeout.signal, dispose() {}};
		try {
			return await call(combined.signal);
		} catch (error) {
			if (timeout.signal.aborted && !signal?.aborted) {
				throw apiFailure({kind: 'timeout', message: `request timed out after ${timeoutMs / 1000} s`, retryable: true});
			}
			if (signal?.aborted) throw error;
			const classified = classifyError(error);
			if (classified.kind === 'unknown' && /region/i.test(classified.message)) {
				throw apiFailure({...classified, kind: 'credentials', message: NO_REGION_MESSAGE, retryable: false});
			}
			throw apiFailure(classified);
		} finally {
			clearTimeout(timer);
			combined.dispose();
		}
	}

	return {
		async getWorkflow(domain, id, signal) {
			const output = await send(
				abortSignal => client.send(new GetWorkflowCommand({DomainName: domain, WorkflowId: id}), {abortSignal}),
				signal,
			);
			return workflowFromWire(output);
		},
		async getWorkflowStepsPage(domain, id, nextToken, signal) {
			const output = await send(
				abortSignal => client.send(new GetWorkflowStepsCommand({DomainName: domain, WorkflowId: id, MaxResults: PAGE_SIZE, ...(nextToken ? {NextToken: nextToken} : {})}), {abortSignal}),
				signal,
			);
			const steps: Step[] = [];
			for (const item of output.Items ?? []) {
				const step = stepFromWire(item.AppflowIntegration);
				if (step) steps.push(step);
			}
			return {steps, ...(output.NextToken ? {nextToken: output.NextToken} : {})};
		},
		async listWorkflowsPage(domain, nextToken, signal) {
			const output = await send(
				abortSignal => client.send(new ListWorkflowsCommand({DomainName: domain, MaxResults: PAGE_SIZE, ...(nextToken ? {NextToken: nextToken} : {})}), {abortSignal}),
				signal,
			);
			return {items: (output.Items ?? []).map(workflowSummaryFromWire), ...(output.NextToken ? {nextToken: output.NextToken} : {})};
		},
		async listDomainsPage(nextToken, signal) {
			const output = await send(
				abortSignal => client.send(new ListDomainsCommand({MaxResults: PAGE_SIZE, ...(nextToken ? {NextToken: nextToken} : {})}), {abortSignal}),
				signal,
			);
			return {items: (output.Items ?? []).map(domainFromWire), ...(output.NextToken ? {nextToken: output.NextToken} : {})};
		},
		destroy() {
			client.destroy();
		},
	};
}
