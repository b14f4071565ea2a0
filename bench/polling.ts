// Polling benches: what probe-then-walk saves on an unchanged 10,000-step workflow, and what a
// full snapshot of one costs at the default pace. Both against the embedded emulator over HTTP.
import process from 'node:process';
import {CustomerProfilesClient, GetWorkflowStepsCommand} from '@aws-sdk/client-customer-profiles';
import {createCustomerProfilesApi} from '../source/aws/index.js';
import {LARGE_DOMAIN, LARGE_WORKFLOW_ID, loadScenario, startEmulator} from '../source/emulator/index.js';
import {snapshotJson} from '../source/output/snapshot-json.js';
import {createWatchSource} from '../source/poller/index.js';
import {virtualTime} from './virtual-time.js';

const CREDENTIALS = {accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench'};

export interface BenchResult {
	name: string;
	value: string;
	detail?: string;
}

/** Requests per minute once the first load is in, over `minutes` of simulated polling. */
async function requestsPerMinute(options: {walkEveryInterval: boolean; minutes: number}): Promise<{perMinute: number; firstLoad: number}> {
	// The emulator throttles in real time, and virtual time packs the 2 rps pace into real bursts:
	// its throttle is off here (pacing under 429s is what the integration tests cover).
	const scenario = loadScenario('large');
	const emulator = await startEmulator({scenario: {...scenario, faults: {...scenario.faults, throttle: null}}});
	const time = virtualTime();
	const real = time.track(createCustomerProfilesApi({endpointUrl: emulator.url, region: 'us-east-1', credentials: CREDENTIALS}));
	// The baseline: every probe looks changed, so every interval walks (the cost without the rule).
	let probes = 0;
	const api = options.walkEveryInterval
		? {...real, getWorkflow: async (...args: Parameters<typeof real.getWorkflow>) => ({...(await real.getWorkflow(...args)), LastUpdatedAt: ++probes})}
		: real;
	try {
		// follow: the settled workflow is final, and without it the watch would rightly stop polling.
		const source = createWatchSource({api, clock: time, scheduler: time, follow: true, random: () => 0.5});
		const watch = source.watchWorkflow(LARGE_DOMAIN, LARGE_WORKFLOW_ID);
		watch.start();
		while (!watch.getState().complete) await time.run(1000);
		const firstLoad = watch.getState().requests;
		await time.run(options.minutes * 60_000);
		const perMinute = (watch.getState().requests - firstLoad) / options.minutes;
		watch.stop();
		return {perMinute, firstLoad};
	} finally {
		api.destroy();
		await emulator.close();
	}
}

async function fullSnapshot(): Promise<{seconds: number; requests: number; steps: number}> {
	const emulator = await startEmulator({scenario: 'large'});
	const api = createCustomerProfilesApi({endpointUrl: emulator.url, region: 'us-east-1', credentials: CREDENTIALS});
	try {
		const started = performance.now();
		const document = await snapshotJson(api, LARGE_DOMAIN, LARGE_WORKFLOW_ID, {});
		return {seconds: (performance.now() - started) / 1000, requests: emulator.requestLog().length, steps: document.steps.length};
	} finally {
		api.destroy();
		await emulator.close();
	}
}

/** The median round trip of one 100-step GetWorkflowSteps page through the SDK, walking `large`. */
async function pageRoundTrip(): Promise<{medianMs: number; pages: number}> {
	const scenario = loadScenario('large');
	const emulator = await startEmulator({scenario: {...scenario, faults: {...scenario.faults, throttle: null}}});
	const client = new CustomerProfilesClient({endpoint: emulator.url, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1});
	try {
		const durations: number[] = [];
		let token: string | undefined;
		do {
			const began = performance.now();
			const page = await client.send(new GetWorkflowStepsCommand({DomainName: LARGE_DOMAIN, WorkflowId: LARGE_WORKFLOW_ID, MaxResults: 100, NextToken: token}));
			durations.push(performance.now() - began);
			token = page.NextToken;
		} while (token);
		durations.sort((a, b) => a - b);
		return {medianMs: durations[durations.length >> 1], pages: durations.length};
	} finally {
		client.destroy();
		await emulator.close();
	}
}

export async function pollingBench(log: (line: string) => void = () => {}): Promise<BenchResult[]> {
	const minutes = 30;
	const results: BenchResult[] = [];
	for (const [name, walkEveryInterval] of [
		['walk every interval', true],
		['probe then walk (defaults)', false],
	] as const) {
		log(`running: ${name}`);
		const {perMinute, firstLoad} = await requestsPerMinute({walkEveryInterval, minutes});
		results.push({name: `${name}: requests/min`, value: perMinute.toFixed(1), detail: `first load ${firstLoad} requests; ${minutes} simulated minutes, unchanged 10,000-step workflow, interval 5 s, 2 rps`});
	}
	log('running: page round trip');
	const roundTrip = await pageRoundTrip();
	results.push({name: 'emulator page round trip (median)', value: `${roundTrip.medianMs.toFixed(1)} ms`, detail: `${roundTrip.pages} GetWorkflowSteps pages of 100 through the SDK, unthrottled, real time`});
	if (process.env.BENCH_QUICK) return results;
	log('running: full snapshot at the default pace (about a minute)');
	const snapshot = await fullSnapshot();
	results.push({name: 'full 10,000-step snapshot at 2 rps', value: `${snapshot.seconds.toFixed(1)} s`, detail: `${snapshot.requests} requests, ${snapshot.steps} steps, real time`});
	return results;
}
