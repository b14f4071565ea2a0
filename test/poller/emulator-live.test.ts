// The live watches against the emulator over real HTTP with the real SDK client: what the status
// line would show, and how they come back after lasting errors.
import {afterEach, describe, expect, it} from 'vitest';
import type {CustomerProfilesApi} from '../../source/aws/index.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createWatchSource, type WatchSourceOptions} from '../../source/poller/index.js';
import {apiFor, closeLater, closeOpened, DOMAIN, emulatorWith, ID, maxInAnySecond, seededRandom, waitFor} from './emulator-harness.js';

afterEach(closeOpened);

function sourceFor(emulator: Emulator, options: Partial<WatchSourceOptions> = {}) {
	return createWatchSource({api: apiFor(emulator), maxRps: 20, intervalMs: 1000, ...options});
}

/** Lets the token of each of the first `times` pages that carry one expire before it is used. */
function expiringTokens(emulator: Emulator, times: number) {
	let expired = 0;
	return <P extends {nextToken?: string}>(page: P): P => {
		if (page.nextToken !== undefined && expired < times) {
			expired++;
			emulator.advance(60);
		}
		return page;
	};
}

function withExpiringStepTokens(emulator: Emulator, times: number): CustomerProfilesApi {
	const api = apiFor(emulator);
	const expire = expiringTokens(emulator, times);
	return {...api, getWorkflowStepsPage: async (...args) => expire(await api.getWorkflowStepsPage(...args))};
}

const rejectedTokens = (emulator: Emulator) => emulator.requestLog().filter(entry => entry.error === 'BadRequestException').length;

function started<W extends {start(): void; stop(): void}>(watch: W): W {
	watch.start();
	closeLater({close: () => watch.stop()});
	return watch;
}

describe('live watch against the emulator: errors', () => {
	it('a denied probe shows the service\'s reason, not an empty message', async () => {
		const emulator = await emulatorWith({deny: ['GetWorkflow']}, 10);
		const watch = started(sourceFor(emulator).watchWorkflow(DOMAIN, ID));
		await waitFor(() => watch.getState().error !== undefined, 5000);
		const {error} = watch.getState();
		expect(error).toMatchObject({kind: 'access-denied', action: 'profile:GetWorkflow', retryable: false});
		expect(error?.message).toBe('access denied: not authorized to perform profile:GetWorkflow');
	});
});

describe('live watch against the emulator: expired tokens', () => {
	it('an expired token restarts the walk once, cleanly', async () => {
		const emulator = await emulatorWith({tokenTtlSeconds: 30, throttle: null});
		const api = withExpiringStepTokens(emulator, 1);
		const watch = started(createWatchSource({api, maxRps: 50, intervalMs: 1000}).watchWorkflow(DOMAIN, ID));
		await waitFor(() => watch.getState().complete, 10_000);
		const {steps, error} = watch.getState();
		expect(steps).toHaveLength(1000);
		expect(new Set(steps.map(step => `${step.FlowName}@${step.CreatedAt}`)).size).toBe(1000);
		expect(error).toBeUndefined();
		expect(rejectedTokens(emulator)).toBe(1);
		const firstPages = emulator.requestLog().filter(entry => entry.op === 'GetWorkflowSteps' && !entry.nextToken);
		expect(firstPages).toHaveLength(2);
	});

	it('a second rejection in one walk starts it over again: one restart that got no further is allowed', async () => {
		const emulator = await emulatorWith({tokenTtlSeconds: 30, throttle: null});
		const api = withExpiringStepTokens(emulator, 2);
		const watch = started(createWatchSource({api, maxRps: 50, intervalMs: 1000, random: seededRandom(5, 0.01)}).watchWorkflow(DOMAIN, ID));
		await waitFor(() => watch.getState().complete, 10_000);
		expect(watch.getState().steps).toHaveLength(1000);
		expect(watch.getState().error).toBeUndefined();
		expect(rejectedTokens(emulator)).toBe(2);
		expect(emulator.requestLog().filter(entry => entry.op === 'GetWorkflowSteps' && !entry.nextToken)).toHaveLength(3);
	});

	it('a walk that keeps losing its token at the same page gives up with an error, and the next cycle probes and walks afresh', async () => {
		const emulator = await emulatorWith({tokenTtlSeconds: 30, throttle: null});
		const api = withExpiringStepTokens(emulator, 3);
		const watch = started(createWatchSource({api, maxRps: 50, intervalMs: 1000, random: seededRandom(6, 0.01)}).watchWorkflow(DOMAIN, ID));
		await waitFor(() => watch.getState().error !== undefined, 10_000);
		expect(watch.getState().error).toMatchObject({kind: 'gave-up', retryable: false});
		await waitFor(() => watch.getState().complete, 10_000);
		expect(watch.getState().steps).toHaveLength(1000);
		expect(watch.getState().error).toBeUndefined();
		// The dead token is not sent again: three rejections in all, and a probe before the new walk.
		expect(rejectedTokens(emulator)).toBe(3);
		const log = emulator.requestLog();
		const lastRejection = log.map(entry => entry.error).lastIndexOf('BadRequestException');
		expect(log[lastRejection + 1].op).toBe('GetWorkflow');
	});
});

describe('list watch against the emulator', () => {
	it('after a second token rejection, the next round walks the list afresh', async () => {
		const workflows = Array.from({length: 250}, (_, i) => ({at: -3600 + i, generate: {count: 1, seed: i, at: -3600}}));
		const emulator = await startEmulator({scenario: {clock: {start: '2026-11-24T09:00:00Z', speed: 1}, faults: {tokenTtlSeconds: 30, throttle: null}, domains: [{DomainName: DOMAIN, workflows}]}});
		closeLater(emulator);
		const api = apiFor(emulator);
		const expire = expiringTokens(emulator, 2);
		const source = createWatchSource({api: {...api, listWorkflowsPage: async (...args) => expire(await api.listWorkflowsPage(...args))}, maxRps: 50, intervalMs: 1000});
		const watch = started(source.watchWorkflows(DOMAIN));
		await waitFor(() => watch.getState().phase === 'live', 10_000);
		expect(watch.getState().items).toHaveLength(250);
		expect(rejectedTokens(emulator)).toBe(2);
	});
});

describe('the shared pace against the emulator', () => {
	it('a list, a domain dashboard and a workflow watch under a storm of 429s never exceed maxRps in any second', async () => {
		// Each operation's bucket refills at 2 per second: a 10 rps pace keeps running into 429s.
		const emulator = await emulatorWith({throttle: {ratePerSecond: 2, burst: 2, retryAfterSeconds: null}, errorRate: 0.1, seed: 5});
		// Backoff waits kept short with a seeded random, so retries crowd the pace as hard as they can.
		const source = sourceFor(emulator, {maxRps: 10, random: seededRandom(5, 0.25)});
		const list = started(source.watchWorkflows(DOMAIN));
		const probe = started(source.watchDomainDashboard(DOMAIN));
		probe.setWorkflows([{WorkflowId: ID, WorkflowType: 'APPFLOW_INTEGRATION', Status: 'IN_PROGRESS', StatusDescription: '', CreatedAt: 0, LastUpdatedAt: 0}]);
		const watch = started(source.watchWorkflow(DOMAIN, ID));
		await new Promise(resolve => setTimeout(resolve, 5000));
		const log = emulator.requestLog();
		expect(log.filter(entry => entry.error === 'ThrottlingException').length).toBeGreaterThanOrEqual(2);
		expect(log.length).toBeGreaterThanOrEqual(12);
		expect(new Set(log.map(entry => entry.op))).toContain('ListWorkflows');
		expect(new Set(log.map(entry => entry.op))).toContain('GetWorkflow');
		// A bucket of one at maxRps, plus one for arrival jitter at the window's edges.
		expect(maxInAnySecond(log.map(entry => entry.t))).toBeLessThanOrEqual(10 + 1);
		expect(list.getState().throttles + probe.getState().throttles + watch.getState().throttles).toBeGreaterThan(0);
	});
});
