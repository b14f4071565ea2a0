import {BURST} from '../../source/core/pacing.js';
import {describe, expect, it} from 'vitest';
import {createWatchSource} from '../../source/poller/index.js';
import {denied, fakeApi, throttled} from './fake-api.js';
import {fakeTime} from './fake-time.js';

const DOMAIN = 'retail-prod';
const ID = '0123456789abcdef0123456789abcdef';

function setup(maxRps = 10) {
	const time = fakeTime();
	const api = fakeApi(time, 10, 4);
	const source = createWatchSource({api, clock: time, scheduler: time, intervalMs: 5000, maxRps, random: () => 0.5});
	return {time, api, source};
}

describe('workflow probe', () => {
	it('reads only GetWorkflow, once per interval, and shows its metrics', async () => {
		const {time, api, source} = setup();
		const probe = source.watchWorkflowProbe(DOMAIN, ID);
		await time.advance(10_000);
		expect(api.calls).toHaveLength(0);
		api.workflow = {...api.workflow, StepsCompleted: 88, TotalSteps: 95, RecordsProcessed: 10_600_000};
		probe.start();
		await time.advance(14_000);
		expect(api.calls.map(call => call.op)).toEqual(['getWorkflow', 'getWorkflow', 'getWorkflow']);
		const state = probe.getState();
		expect(state.phase).toBe('live');
		expect(state.workflow).toMatchObject({StepsCompleted: 88, TotalSteps: 95, RecordsProcessed: 10_600_000});
		expect(state.requests).toBe(3);
		expect(state.nextPollAt).toBe(time.now() + 1000);
	});

	it('stops polling once the workflow is final: one read of a finished workflow is enough', async () => {
		const {time, api, source} = setup();
		const probe = source.watchWorkflowProbe(DOMAIN, ID);
		probe.start();
		await time.advance(6000);
		expect(api.count('getWorkflow')).toBe(2);
		api.workflow = {...api.workflow, Status: 'COMPLETE', StepsCompleted: 10};
		await time.advance(5000);
		await time.advance(60_000);
		expect(api.count('getWorkflow')).toBe(3);
		expect(probe.getState().phase).toBe('done');
		expect(probe.getState().workflow?.Status).toBe('COMPLETE');
		expect(time.pendingTimers()).toBe(0);
	});

	it('remembers a final workflow: probing it again shows it at once and sends nothing', async () => {
		const {time, api, source} = setup();
		api.workflow = {...api.workflow, Status: 'FAILED', StepsCompleted: 4};
		const first = source.watchWorkflowProbe(DOMAIN, ID);
		first.start();
		await time.advance(1000);
		first.stop();
		const again = source.watchWorkflowProbe(DOMAIN, ID);
		expect(again.getState().workflow).toMatchObject({Status: 'FAILED', StepsCompleted: 4});
		again.start();
		await time.advance(30_000);
		expect(api.count('getWorkflow')).toBe(1);
		expect(again.getState()).toMatchObject({phase: 'done', requests: 0});
		// Another workflow of the same domain is still read.
		source.watchWorkflowProbe(DOMAIN, 'another').start();
		await time.advance(100);
		expect(api.count('getWorkflow')).toBe(2);
	});

	it('shares the one pace with every other watch of the source', async () => {
		const {time, api, source} = setup(1);
		const list = source.watchWorkflows(DOMAIN);
		const probes = [source.watchWorkflowProbe(DOMAIN, 'a'), source.watchWorkflowProbe(DOMAIN, 'b'), source.watchWorkflowProbe(DOMAIN, 'c')];
		list.start();
		for (const probe of probes) probe.start();
		await time.advance(20_000);
		const times = api.calls.map(call => call.time);
		// At 1 request per second with a burst of two, no three requests of any watches within a second.
		for (let i = BURST; i < times.length; i++) expect(times[i] - times[i - BURST]).toBeGreaterThanOrEqual(1000);
		expect(api.count('getWorkflow')).toBeGreaterThanOrEqual(9);
		expect(api.count('getWorkflowStepsPage')).toBe(0);
		// The source's totals are every watch's requests together: what the quota sees.
		const own = [list, ...probes].reduce((n, watch) => n + watch.getState().requests, 0);
		expect(source.traffic()).toEqual({requests: api.calls.length, throttles: 0});
		expect(own).toBe(api.calls.length);
	});

	it('waits out a 429 with the same backoff as the other watches, and says so', async () => {
		const {time, api, source} = setup();
		api.failNext('getWorkflow', throttled(3000));
		const probe = source.watchWorkflowProbe(DOMAIN, ID);
		probe.start();
		await time.advance(100);
		expect(probe.getState().phase).toBe('throttled');
		expect(probe.getState().retryAt).toBe(time.now() - 100 + 3000);
		await time.advance(3000);
		expect(probe.getState().phase).toBe('live');
		expect(probe.getState()).toMatchObject({requests: 2, throttles: 1});
	});

	it('keeps a lasting error on its state and tries again at the interval', async () => {
		const {time, api, source} = setup();
		api.failNext('getWorkflow', denied());
		const probe = source.watchWorkflowProbe(DOMAIN, ID);
		probe.start();
		await time.advance(100);
		expect(probe.getState()).toMatchObject({phase: 'error', error: {kind: 'access-denied'}});
		await time.advance(5000);
		expect(probe.getState().phase).toBe('live');
		expect(probe.getState().error).toBeUndefined();
	});

	it('sends nothing more once stopped, and cancels a request waiting for its turn', async () => {
		const {time, api, source} = setup(1);
		const others = [source.watchWorkflowProbe(DOMAIN, 'other'), source.watchWorkflowProbe(DOMAIN, 'another')];
		const probe = source.watchWorkflowProbe(DOMAIN, ID);
		// The other two take the burst, so this one waits for its turn when it is stopped.
		for (const other of others) other.start();
		probe.start();
		probe.stop();
		await time.advance(20_000);
		// The other probes' reads at 0, 5, 10, 15 and 20 s; none of the stopped one's.
		expect(api.count('getWorkflow')).toBe(10);
		expect(probe.getState().requests).toBe(0);
	});
});
