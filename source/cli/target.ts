// What the program watches: the embedded emulator (--demo) or a real AWS endpoint, and the API
// client that talks to it. One client per process.
import {existsSync, readFileSync} from 'node:fs';
import process from 'node:process';
import packageJson from '../../package.json' with {type: 'json'};
import {createCustomerProfilesApi, type CustomerProfilesApi} from '../aws/index.js';
import {readProxySettings} from '../aws/proxy-settings.js';
import {EXIT} from '../core/exit-code.js';
import type {CallObserver} from '../poller/index.js';
import {openDebugTrace, type DebugTrace} from './debug-trace.js';
import type {CliOptions} from './options.js';
import {oneLine} from './terminal-session.js';

export interface Target {
	api: CustomerProfilesApi;
	domain?: string;
	workflowId?: string;
	/** Shown in the status line so nobody mistakes the demo for production. */
	demoLabel?: string;
	/** Hand to the watch source or the walk: the --debug trace's ear on waits and attempts. */
	observer?: CallObserver;
	close(): Promise<void>;
}

export type TargetResult = {ok: true; value: Target} | {ok: false; error: string; exitCode: number};

// The demo's emulator accepts these; anything that signs requests will do.
const DEMO_CREDENTIALS = {accessKeyId: 'AKIDCPWATCHDEMO', secretAccessKey: 'cp-watch-demo-secret'};

export async function resolveTarget(options: CliOptions, env: NodeJS.ProcessEnv = process.env): Promise<TargetResult> {
	// The embedded emulator is in this process: the company network's proxy and CA settings have no
	// business in between, and a malformed one must not stop a demo that needs no AWS account.
	const proxy = options.demo === undefined ? readProxySettings(env) : {ok: true as const, value: {noProxy: [] as string[]}};
	if (!proxy.ok) return {ok: false, error: proxy.error, exitCode: EXIT.usage};
	let trace: DebugTrace | undefined;
	if (options.debugFile !== undefined) {
		const opened = openDebugTrace(
			options.debugFile,
			{version: packageJson.version, mode: options.mode, profile: options.profile, region: options.region, endpointUrl: options.endpointUrl, demo: options.demo, proxy: proxy.value},
			env,
		);
		if (!opened.ok) return {ok: false, error: opened.error, exitCode: EXIT.usage};
		trace = opened.trace;
	}
	const network = {proxy: proxy.value, env, ...(trace ? {trace} : {})};

	if (options.demo === undefined) {
		if (options.endpointUrl !== undefined && !isHttpUrl(options.endpointUrl)) {
			trace?.close();
			return {ok: false, error: `--endpoint-url must be an http(s) URL (got '${options.endpointUrl}')`, exitCode: EXIT.usage};
		}
		const api = createCustomerProfilesApi({
			profile: options.profile,
			region: options.region,
			endpointUrl: options.endpointUrl,
			...network,
		});
		return {
			ok: true,
			value: {
				api,
				domain: options.domain,
				workflowId: options.workflowId,
				...(trace ? {observer: trace} : {}),
				close: async () => {
					api.destroy();
					trace?.close();
				},
			},
		};
	}

	const {startEmulator, loadScenario, DEMO_DOMAIN, DEMO_BACKFILL_WORKFLOW_ID} = await import('../emulator/index.js');
	const name = options.demo === '' ? 'demo' : options.demo;
	let scenario;
	try {
		scenario = loadScenario(existsSync(name) ? JSON.parse(readFileSync(name, 'utf8')) : name);
	} catch (error) {
		trace?.close();
		return {ok: false, error: `--demo ${name}: ${oneLine(error)}`, exitCode: EXIT.usage};
	}
	// Nothing in the demo reads the request log; keeping it would hold up to ~66 MB.
	const emulator = await startEmulator({scenario, keepRequestLog: 0});
	const api = createCustomerProfilesApi({
		endpointUrl: emulator.url,
		region: 'us-east-1',
		credentials: DEMO_CREDENTIALS,
		...network,
		// No AWS_CA_BUNDLE or profile ca_bundle for a plain-HTTP emulator in this process.
		env: {},
	});

	let domain = options.domain;
	let workflowId = options.workflowId;
	if (domain === undefined) {
		if (name === 'demo') {
			domain = DEMO_DOMAIN;
			workflowId ??= DEMO_BACKFILL_WORKFLOW_ID;
		} else if (scenario.domains.length === 1) {
			// A scenario about one thing opens on it.
			domain = scenario.domains[0].DomainName;
			const workflows = scenario.domains[0].workflows;
			if (workflows.length === 1) workflowId ??= workflows[0].WorkflowId;
		}
	}
	if (workflowId !== undefined && domain === undefined) {
		await emulator.close();
		api.destroy();
		trace?.close();
		return {ok: false, error: `--workflow needs --domain: the scenario ${name} has ${scenario.domains.length} domains`, exitCode: EXIT.usage};
	}

	return {
		ok: true,
		value: {
			api,
			domain,
			workflowId,
			demoLabel: existsSync(name) ? 'demo: scenario file' : name === 'demo' ? 'demo' : `demo: ${name}`,
			...(trace ? {observer: trace} : {}),
			close: async () => {
				api.destroy();
				await emulator.close();
				trace?.close();
			},
		},
	};
}

function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}
