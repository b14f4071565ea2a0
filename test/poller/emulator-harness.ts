// The emulator and the real SDK client for engine tests over HTTP: one scenario of one workflow,
// with the faults a test asks for, and everything opened closed after each test.
import {createCustomerProfilesApi, type CustomerProfilesApi} from '../../source/aws/index.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';

export const DOMAIN = 'retail-prod';
export const ID = 'feedfacefeedfacefeedfacefeedface';
export const CREDENTIALS = {accessKeyId: 'AKIDTEST', secretAccessKey: 'secret'};

export function scenario(faults: object, count = 1000) {
	return {
		clock: {start: '2026-11-24T09:00:00Z', speed: 1},
		pageSize: 100,
		faults,
		domains: [
			{
				DomainName: DOMAIN,
				workflows: [
					{
						WorkflowId: ID,
						SourceConnectorType: 'Salesforce',
						ConnectorProfileName: 'sf-prod',
						at: -7200,
						generate: {count, seed: 7, at: -7200, spanSeconds: 3600},
					},
				],
			},
		],
	};
}

const open: Array<{close(): unknown}> = [];

/** Registers something to close after the test (call closeOpened from afterEach). */
export function closeLater(item: {close(): unknown}): void {
	open.push(item);
}

export async function closeOpened(): Promise<void> {
	// Last opened first: watches stop before their client and emulator go away.
	for (const item of open.splice(0).reverse()) await item.close();
}

export async function emulatorWith(faults: object, count?: number): Promise<Emulator> {
	const emulator = await startEmulator({scenario: scenario(faults, count)});
	closeLater(emulator);
	return emulator;
}

export function apiFor(emulator: Emulator): CustomerProfilesApi {
	const api = createCustomerProfilesApi({endpointUrl: emulator.url, region: 'us-east-1', credentials: CREDENTIALS, requestTimeoutMs: 2000});
	closeLater({close: () => api.destroy()});
	return api;
}

export async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > until) throw new Error('timed out waiting');
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

/** The most requests that arrived within any one second. */
export function maxInAnySecond(times: readonly number[]): number {
	let max = 0;
	for (let i = 0, j = 0; i < times.length; i++) {
		while (times[i] - times[j] >= 1000) j++;
		max = Math.max(max, i - j + 1);
	}
	return max;
}

/** A seeded random in [0, scale) for the engine's backoff jitter, so a test's waits repeat and
 * (with a small scale) stay short. */
export function seededRandom(seed: number, scale = 1): () => number {
	let state = seed % 2_147_483_647 || 1;
	return () => (((state = (state * 16_807) % 2_147_483_647) - 1) / 2_147_483_646) * scale;
}
