// The engine against the emulator over real HTTP with the real SDK client: through 429s, 500s,
// hang-ups, latency and expired tokens, the final snapshot equals the emulator's truth.
import {CustomerProfilesClient, GetWorkflowStepsCommand} from '@aws-sdk/client-customer-profiles';
import {afterEach, describe, expect, it} from 'vitest';
import type {CustomerProfilesApi} from '../../source/aws/index.js';
import {BURST} from '../../source/core/pacing.js';
import {stepKey} from '../../source/core/step.js';
import type {ApiErrorKind} from '../../source/core/api-error.js';
import {exitCodeForError} from '../../source/core/exit-code.js';
import type {Emulator} from '../../source/emulator/index.js';
import {snapshotJson} from '../../source/output/snapshot-json.js';
import {walkWorkflowOnce} from '../../source/poller/walk-once.js';
import {createWatchSource} from '../../source/poller/index.js';
import {apiFor, closeLater, closeOpened, CREDENTIALS, DOMAIN, emulatorWith, ID, maxInAnySecond, seededRandom, waitFor} from './emulator-harness.js';

afterEach(closeOpened);

/** The truth, read with a bare SDK loop (not our walk) from a fault-free emulator of the same scenario. */
async function truth(count?: number): Promise<string[]> {
	// No faults at all, throttling included (scenarios throttle at 5 rps by default).
	const emulator = await emulatorWith({throttle: null}, count);
	const client = new CustomerProfilesClient({endpoint: emulator.url, region: 'us-east-1', credentials: CREDENTIALS});
	const keys: string[] = [];
	let token: string | undefined;
	do {
		const page = await client.send(new GetWorkflowStepsCommand({DomainName: DOMAIN, WorkflowId: ID, MaxResults: 100, NextToken: token}));
		for (const item of page.Items ?? []) {
			const step = item.AppflowIntegration!;
			keys.push(stepKey({FlowName: step.FlowName!, CreatedAt: step.CreatedAt!.getTime()}));
		}
		token = page.NextToken;
	} while (token);
	client.destroy();
	return keys;
}

/** Wraps an api to record the NextToken of every GetWorkflowSteps call. */
function recordingTokens(api: CustomerProfilesApi, tokens: Array<string | undefined>): CustomerProfilesApi {
	return {
		...api,
		getWorkflowStepsPage(domain, id, nextToken, signal) {
			tokens.push(nextToken);
			return api.getWorkflowStepsPage(domain, id, nextToken, signal);
		},
	};
}

describe('against the emulator', () => {
	it.each([1, 2, 3])('a stormy walk (seed %i) ends with every step exactly once', async seed => {
		const expected = await truth();
		const emulator = await emulatorWith({
			throttle: {ratePerSecond: 8, burst: 2, retryAfterSeconds: null},
			errorRate: 0.15,
			hangupRate: 0.1,
			latencyMs: [0, 40],
			seed,
		});
		// Seeded jitter at a quarter of the usual waits: the same retries every run, in a few seconds.
		const document = await snapshotJson(apiFor(emulator), DOMAIN, ID, {maxRps: 20, random: seededRandom(seed, 0.25)});
		const keys = document.steps.map(step => stepKey({FlowName: String(step.FlowName), CreatedAt: Date.parse(String(step.CreatedAt))}));
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys).toEqual(expected);
		const errors = emulator.requestLog().filter(entry => entry.error !== null);
		expect(errors.length).toBeGreaterThan(0);
	}, 20_000);

	it('the live watch through the same storm shows the truth when complete', async () => {
		const expected = await truth();
		const emulator = await emulatorWith({errorRate: 0.2, hangupRate: 0.1, latencyMs: [0, 20], seed: 11});
		const watch = createWatchSource({api: apiFor(emulator), maxRps: 20, intervalMs: 1000}).watchWorkflow(DOMAIN, ID);
		watch.start();
		closeLater({close: () => watch.stop()});
		await waitFor(() => watch.getState().complete, 15_000);
		expect(watch.getState().steps.map(stepKey)).toEqual(expected);
	}, 20_000);

	it('never sends more than maxRps requests in any second', async () => {
		const emulator = await emulatorWith({throttle: null}, 800);
		await snapshotJson(apiFor(emulator), DOMAIN, ID, {maxRps: 4});
		const times = emulator.requestLog().map(entry => entry.t);
		expect(times.length).toBe(9);
		// A bucket of BURST: at most maxRps + BURST in a second, plus one for arrival jitter at the edges.
		expect(maxInAnySecond(times)).toBeLessThanOrEqual(4 + BURST + 1);
	}, 10_000);

	it('a throttled walk resumes from the failed page with the same token', async () => {
		const emulator = await emulatorWith({throttle: {ratePerSecond: 3, burst: 1, retryAfterSeconds: 1}}, 500);
		const tokens: Array<string | undefined> = [];
		const document = await snapshotJson(recordingTokens(apiFor(emulator), tokens), DOMAIN, ID, {maxRps: 50});
		expect(document.steps).toHaveLength(500);
		const log = emulator.requestLog().filter(entry => entry.op === 'GetWorkflowSteps');
		const throttledAt = log.findIndex(entry => entry.error === 'ThrottlingException' && entry.nextToken);
		expect(throttledAt).toBeGreaterThan(0);
		// The request after a 429 on page n asks for page n again (a token), never page one.
		expect(log[throttledAt + 1].nextToken).toBe(true);
		expect(tokens[throttledAt + 1]).toBe(tokens[throttledAt]);
		expect(tokens.filter(token => token === undefined)).toHaveLength(1);
	}, 15_000);

	/** An api over the emulator that lets the token just issued go stale after the pages given
	 * (counted within each attempt of the walk), one entry per attempt. */
	function expiringAfter(emulator: Emulator, pagesPerAttempt: number[], tokens: Array<string | undefined>): CustomerProfilesApi {
		const base = recordingTokens(apiFor(emulator), tokens);
		let attempt = -1;
		let pages = 0;
		return {
			...base,
			async getWorkflowStepsPage(domain, id, nextToken, signal) {
				if (nextToken === undefined) {
					attempt++;
					pages = 0;
				}
				const page = await base.getWorkflowStepsPage(domain, id, nextToken, signal);
				if (++pages === pagesPerAttempt[attempt]) emulator.advance(60);
				return page;
			},
		};
	}

	it('an expired token restarts the walk once, cleanly', async () => {
		const emulator = await emulatorWith({tokenTtlSeconds: 30, throttle: null});
		const tokens: Array<string | undefined> = [];
		const document = await snapshotJson(expiringAfter(emulator, [3], tokens), DOMAIN, ID, {maxRps: 50, random: seededRandom(1, 0.01)});
		expect(document.steps).toHaveLength(1000);
		expect(new Set(document.steps.map(step => `${step.FlowName}@${step.CreatedAt}`)).size).toBe(1000);
		expect(tokens.filter(token => token === undefined)).toHaveLength(2);
		const rejected = emulator.requestLog().filter(entry => entry.error === 'BadRequestException');
		expect(rejected).toHaveLength(1);
	}, 10_000);

	it('restarts again and again while each restart gets further, and the snapshot is whole', async () => {
		const emulator = await emulatorWith({tokenTtlSeconds: 30, throttle: null});
		const tokens: Array<string | undefined> = [];
		const restarts: string[] = [];
		const api = expiringAfter(emulator, [2, 4, 6, 8], tokens);
		const {steps} = await walkWorkflowOnce(api, DOMAIN, ID, {maxRps: 50, random: seededRandom(2, 0.01), onRestart: (_progress, reason) => restarts.push(reason)});
		expect(steps.map(stepKey)).toEqual(await truth());
		expect(tokens.filter(token => token === undefined)).toHaveLength(5);
		expect(restarts).toHaveLength(4);
		expect(restarts[0]).toMatch(/expired/);
	}, 10_000);

	it('gives up, saying why, when restarts stop getting further', async () => {
		const emulator = await emulatorWith({tokenTtlSeconds: 30, throttle: null});
		const tokens: Array<string | undefined> = [];
		// Every attempt loses its token after the second page: the walk can never finish.
		const api = expiringAfter(emulator, [2, 2, 2, 2, 2, 2], tokens);
		const error = await snapshotJson(api, DOMAIN, ID, {maxRps: 50, random: seededRandom(3, 0.01)}).catch((thrown: unknown) => thrown);
		expect(error).toMatchObject({kind: 'gave-up', retryable: false});
		expect((error as {message: string}).message).toMatch(/^gave up: the paging token kept expiring before the walk reached the last page \(started over 2 times; the furthest got 200 items\); the service said: The NextToken .* has expired/);
		expect(exitCodeForError((error as {kind: ApiErrorKind}).kind)).toBe(7);
		// The first attempt, then two that got no further.
		expect(tokens.filter(token => token === undefined)).toHaveLength(3);
	}, 10_000);

	it('a live first load that starts over keeps what it showed until the new walk is past it', async () => {
		const emulator = await emulatorWith({tokenTtlSeconds: 30, throttle: null});
		const api = expiringAfter(emulator, [5], []);
		const watch = createWatchSource({api, maxRps: 50, intervalMs: 1000, random: seededRandom(4, 0.01)}).watchWorkflow(DOMAIN, ID);
		const shown: number[] = [];
		watch.subscribe(() => shown.push(watch.getState().steps.length));
		watch.start();
		closeLater({close: () => watch.stop()});
		await waitFor(() => watch.getState().complete, 8000);
		expect(watch.getState().steps).toHaveLength(1000);
		for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThanOrEqual(shown[i - 1]);
		// Part of the load was on screen before the restart (frames come at most every 100 ms).
		expect(shown.some(length => length > 0 && length < 1000)).toBe(true);
	}, 10_000);

	it('an operation denied shows as an access-denied error naming the action', async () => {
		const emulator = await emulatorWith({deny: ['GetWorkflowSteps']}, 10);
		await expect(snapshotJson(apiFor(emulator), DOMAIN, ID, {maxRps: 50})).rejects.toMatchObject({
			kind: 'access-denied',
			action: 'profile:GetWorkflowSteps',
		});
	});

	it('an unknown workflow is not-found', async () => {
		const emulator = await emulatorWith({}, 10);
		await expect(snapshotJson(apiFor(emulator), DOMAIN, '0'.repeat(32), {maxRps: 50})).rejects.toMatchObject({kind: 'not-found'});
	});
});
