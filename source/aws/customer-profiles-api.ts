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
import {defaultProvider} from '@aws-sdk/credential-provider-node';
import type {ApiError} from '../core/api-error.js';
import type {Domain, Step, Workflow, WorkflowSummary} from '../core/step.js';
import {anySignal} from './any-signal.js';
import {apiFailure} from './api-failure.js';
import type {ApiTrace} from './api-trace.js';
import {classifyError, isApiError, NO_REGION_MESSAGE} from './classify-error.js';
import {proxyFailure} from './proxy-failure.js';
import {proxyFor, redactProxy, type ProxySettings} from './proxy-settings.js';
import {createRequestHandler} from './request-handler.js';
import {sdkLogger} from './sdk-logger.js';
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
	/** HTTPS_PROXY, HTTP_PROXY, NO_PROXY as read by readProxySettings; default: none. */
	proxy?: ProxySettings;
	/** Where AWS_CA_BUNDLE and NODE_EXTRA_CA_CERTS are read; default process.env. */
	env?: NodeJS.ProcessEnv;
	/** The debug trace (--debug); SDK log messages go nowhere without it. */
	trace?: ApiTrace;
}

export const PAGE_SIZE = 100;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export function createCustomerProfilesApi(options: CustomerProfilesApiOptions = {}): CustomerProfilesApi {
	// On Node < 22 the SDK prints a multi-line warning to stderr that garbles a TUI.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
	const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
	const region = options.region ?? (process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined);
	const proxy: ProxySettings = options.proxy ?? {noProxy: []};
	const env = options.env ?? process.env;
	const {trace} = options;
	const logger = sdkLogger(trace);
	let caBundle: string | undefined;
	let proxyRefusal: number | undefined;
	const requestHandler = createRequestHandler({
		proxy,
		env,
		profile: options.profile,
		onCaBundle: source => (caBundle = source && `${source.path} (${source.from})`),
		onProxyRefused: status => (proxyRefusal = status),
	});
	const client = new CustomerProfilesClient({
		maxAttempts: 1,
		logger,
		requestHandler,
		// The credential chain's own clients (SSO, SSO-OIDC, STS) get the same proxy, CAs and logger.
		credentialDefaultProvider: (init: object) => defaultProvider({...init, clientConfig: {requestHandler, logger}}),
		// Without --region the SDK looks in the profile's config file; a miss is classified below.
		...(region === undefined ? {} : {region}),
		...(options.profile === undefined ? {} : {profile: options.profile}),
		// Only --endpoint-url: the SDK applies AWS_ENDPOINT_URL*, the profile's endpoint_url and
		// services, and AWS_IGNORE_CONFIGURED_ENDPOINT_URLS itself.
		...(options.endpointUrl === undefined ? {} : {endpoint: options.endpointUrl}),
		...(options.credentials === undefined ? {} : {credentials: options.credentials}),
	});

	// Where the requests really go, whichever setting chose it: for error lines and the trace.
	let endpoint: URL | undefined;
	client.middlewareStack.add(
		next => async args => {
			const request = args.request as {protocol?: string; hostname?: string; port?: number};
			if (endpoint === undefined && request.hostname) {
				const protocol = request.protocol?.endsWith(':') ? request.protocol : `${request.protocol ?? 'https'}:`;
				endpoint = new URL(`${protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`);
			}
			return next(args);
		},
		{step: 'finalizeRequest', name: 'cpWatchEndpoint'},
	);
	const proxyOfEndpoint = (): URL | undefined =>
		endpoint && proxyFor(proxy, endpoint.protocol, endpoint.hostname, Number(endpoint.port) || (endpoint.protocol === 'https:' ? 443 : 80));

	let resolvedOnce = false;
	const reportResolved = async () => {
		if (trace === undefined || resolvedOnce) return;
		resolvedOnce = true;
		const via = proxyOfEndpoint();
		const settled = async <T>(value: () => Promise<T>) => value().catch(() => undefined);
		const credentials = options.credentials ? undefined : await settled(async () => client.config.credentials());
		const sources = credentials && (credentials as {$source?: Record<string, unknown>}).$source;
		trace.resolved({
			region: await settled(async () => client.config.region()),
			endpoint: endpoint?.href.replace(/\/$/, ''),
			credentialSource: options.credentials ? 'given by cp-watch (--demo)' : sources ? Object.keys(sources).join(', ') || 'unknown' : 'unresolved',
			proxy: via ? redactProxy(via) : 'none',
			...(proxy.noProxy.length > 0 ? {noProxy: proxy.noProxy.join(',')} : {}),
			...(caBundle ? {caBundle} : {}),
		});
	};

	function explain(error: unknown, refusedStatus: number | undefined): ApiError {
		if (isApiError(error)) return error;
		const classified = classifyError(error);
		const viaProxy = proxyOfEndpoint();
		const aboutProxy = viaProxy ? proxyFailure(error, classified, viaProxy, refusedStatus) : undefined;
		if (aboutProxy) return aboutProxy;
		if (classified.kind === 'unknown' && /region/i.test(classified.message)) {
			return {...classified, kind: 'credentials', message: NO_REGION_MESSAGE, retryable: false};
		}
		return classified;
	}

	async function send<T extends {$metadata?: {httpStatusCode?: number; requestId?: string}}>(
		operation: string,
		call: (abortSignal: AbortSignal) => Promise<T>,
		signal: AbortSignal | undefined,
	): Promise<T> {
		const done = trace?.request(operation);
		proxyRefusal = undefined;
		const started = performance.now();
		const latencyMs = () => Math.round(performance.now() - started);
		const timeout = new AbortController();
		const timer = setTimeout(() => timeout.abort(), timeoutMs);
		const combined = signal ? anySignal([signal, timeout.signal]) : {signal: timeout.signal, dispose() {}};
		try {
			const output = await call(combined.signal);
			done?.({status: output.$metadata?.httpStatusCode, latencyMs: latencyMs(), requestId: output.$metadata?.requestId});
			void reportResolved();
			return output;
		} catch (error) {
			const metadata = (error as {$metadata?: {httpStatusCode?: number; requestId?: string}}).$metadata;
			const failure = (problem: ApiError, status = metadata?.httpStatusCode) => {
				done?.({status, errorType: [problem.kind, problem.code].filter(Boolean).join(' '), latencyMs: latencyMs(), requestId: metadata?.requestId});
				void reportResolved();
				return apiFailure(problem);
			};
			if (timeout.signal.aborted && !signal?.aborted) {
				throw failure({kind: 'timeout', message: `request timed out after ${timeoutMs / 1000} s`, retryable: true});
			}
			if (signal?.aborted) {
				done?.({errorType: 'cancelled', latencyMs: latencyMs()});
				throw error;
			}
			throw failure(explain(error, proxyRefusal));
		} finally {
			clearTimeout(timer);
			combined.dispose();
		}
	}

	return {
		async getWorkflow(domain, id, signal) {
			const output = await send(
				'GetWorkflow',
				abortSignal => client.send(new GetWorkflowCommand({DomainName: domain, WorkflowId: id}), {abortSignal}),
				signal,
			);
			return workflowFromWire(output);
		},
		async getWorkflowStepsPage(domain, id, nextToken, signal) {
			const output = await send(
				'GetWorkflowSteps',
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
				'ListWorkflows',
				abortSignal => client.send(new ListWorkflowsCommand({DomainName: domain, MaxResults: PAGE_SIZE, ...(nextToken ? {NextToken: nextToken} : {})}), {abortSignal}),
				signal,
			);
			return {items: (output.Items ?? []).map(workflowSummaryFromWire), ...(output.NextToken ? {nextToken: output.NextToken} : {})};
		},
		async listDomainsPage(nextToken, signal) {
			const output = await send(
				'ListDomains',
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
