import {BURST} from '../../source/core/pacing.js';
import {describe, expect, it} from 'vitest';
import {createWatchSource} from '../../source/poller/index.js';
import {sleep} from '../../source/poller/time.js';
import {fakeApi, throttled} from './fake-api.js';
import {fakeTime} from './fake-time.js';

const ID = '0123456789abcdef0123456789abcdef';

function setup(options: {follow?: boolean; maxRps?: number; steps?: number} = {}) {
	const time = fakeTime();
	const api = fakeApi(time, options.steps ?? 10, 4);
	const source = createWatchSource({api, clock: time, scheduler: time, intervalMs: 5000, maxRps: options.maxRps ?? 10, follow: options.follow, random: () => 0.5});
	return {time, api, source, watch: source.watchWorkflow('retail-prod', ID)};
}

describe('lifecycle', () => {
	it('pausing cancels the walk in flight and polls nothing until resumed', async () => {
		const {time, api, watch} = setup({maxRps: 2});
		watch.start();
		await time.advance(600);
		watch.togglePause();
		expect(watch.getState()).toMatchObject({phase: 'paused', nextPollAt: undefined});
		const sent = api.calls.length;
		await time.advance(60_000);
		expect(api.calls.length).toBe(sent);
		expect(time.pendingTimers()).toBe(0);
	});

	it('resuming carries the interrupted walk on from its token', async () => {
		const {time, api, watch} = setup({maxRps: 2});
		watch.start();
		await time.advance(600);
		watch.togglePause();
		await time.advance(10_000);
		watch.togglePause();
		expect(watch.getState().phase).toBe('loading');
		await time.advance(2000);
		const tokens = api.calls.filter(call => call.op === 'getWorkflowStepsPage').map(call => call.token ?? 'first');
		expect(tokens).toEqual(['first', 'p:4', 'p:8']);
		expect(watch.getState()).toMatchObject({phase: 'live', complete: true});
		expect(watch.getState().steps).toHaveLength(10);
	});

	it('an hour paused mid-walk does not count as walking: the safety-net walk still comes after 60 s', async () => {
		const {time, api, watch} = setup({maxRps: 2});
		watch.start();
		await time.advance(600);
		watch.togglePause();
		await time.advance(3_600_000);
		watch.togglePause();
		await time.advance(2000);
		expect(watch.getState().complete).toBe(true);
		const walks = api.count('getWorkflowStepsPage');
		await time.advance(65_000);
		expect(api.count('getWorkflowStepsPage')).toBeGreaterThan(walks);
	});

	it('refresh polls now and walks even when nothing changed', async () => {
		const {time, api, watch} = setup();
		watch.start();
		await time.advance(1000);
		const walks = api.count('getWorkflowStepsPage');
		watch.refresh();
		await time.advance(500);
		expect(api.count('getWorkflow')).toBe(2);
		expect(api.count('getWorkflowStepsPage')).toBe(walks * 2);
		// refresh at 1000: the probe and the first page at once (a burst of two), two more pages
		// 100 ms apart: the walk ends at 1200
		expect(watch.getState().nextPollAt).toBe(time.now() - 300 + 5000);
	});

	it('refresh while paused polls once and stays paused', async () => {
		const {time, api, watch} = setup();
		watch.start();
		await time.advance(1000);
		watch.togglePause();
		watch.refresh();
		await time.advance(1000);
		expect(api.count('getWorkflow')).toBe(2);
		expect(watch.getState().phase).toBe('paused');
		await time.advance(30_000);
		expect(api.count('getWorkflow')).toBe(2);
	});

	it('once final: one more full walk, then done and silent', async () => {
		const {time, api, watch} = setup();
		watch.start();
		await time.advance(1000);
		const walks = api.count('getWorkflowStepsPage');
		for (const step of api.steps) step.Status = 'COMPLETE';
		// The workflow reaches COMPLETE without its probed fields showing it yet: the rule for final
		// statuses still forces the last walk.
		api.workflow = {...api.workflow, Status: 'COMPLETE'};
		await time.advance(6000);
		const state = watch.getState();
		expect(state.phase).toBe('done');
		expect(api.count('getWorkflowStepsPage')).toBe(walks * 2);
		expect(state.steps.every(step => step.Status === 'COMPLETE')).toBe(true);
		expect(state.nextPollAt).toBeUndefined();
		const sent = api.calls.length;
		await time.advance(120_000);
		expect(api.calls.length).toBe(sent);
	});

	it('a workflow already final on start walks once and is done', async () => {
		const {time, api, watch} = setup();
		api.workflow = {...api.workflow, Status: 'FAILED'};
		watch.start();
		await time.advance(1000);
		expect(watch.getState()).toMatchObject({phase: 'done', complete: true});
		expect(api.calls.length).toBe(4);
	});

	it('with follow, keeps polling after final', async () => {
		const {time, api, watch} = setup({follow: true});
		api.workflow = {...api.workflow, Status: 'COMPLETE'};
		watch.start();
		await time.advance(11_000);
		expect(watch.getState().phase).toBe('live');
		expect(api.count('getWorkflow')).toBe(3);
	});

	it('stop cancels the request in flight and all timers', async () => {
		const {time, api, watch} = setup();
		api.hang('getWorkflowStepsPage', true);
		watch.start();
		await time.advance(500);
		watch.stop();
		await time.flush();
		expect(time.pendingTimers()).toBe(0);
		api.hang('getWorkflowStepsPage', false);
		await time.advance(60_000);
		expect(api.count('getWorkflow')).toBe(1);
	});

	it('leaves no timer behind once every watch has stopped, so the process can exit', async () => {
		const {time, source} = setup({maxRps: 0.2});
		const a = source.watchWorkflow('retail-prod', ID);
		const b = source.watchWorkflow('retail-prod', ID);
		a.start();
		b.start();
		// a took the slot; b waits 5 s for its turn.
		await time.advance(100);
		a.stop();
		b.stop();
		await time.flush();
		expect(time.pendingTimers()).toBe(0);
	});

	it('counts requests and 429s', async () => {
		const {time, api, watch} = setup();
		api.failNext('getWorkflow', throttled(), throttled());
		watch.start();
		await time.advance(10_000);
		expect(watch.getState()).toMatchObject({throttles: 2});
		expect(watch.getState().requests).toBe(api.calls.length);
	});

	it('watches share one pace', async () => {
		const {time, api, source} = setup({maxRps: 2});
		const a = source.watchWorkflow('retail-prod', ID);
		const b = source.watchWorkflow('retail-prod', ID);
		a.start();
		b.start();
		await time.advance(10_000);
		const times = api.calls.map(call => call.time);
		// A burst of two, then no three requests of either watch within 1/rate.
		for (let i = BURST; i < times.length; i++) expect(times[i] - times[i - BURST]).toBeGreaterThanOrEqual(500);
	});
});

describe('list watches', () => {
	it('page through the domains and workflows at the interval', async () => {
		const {time, api, source} = setup();
		const domains = source.watchDomains();
		const workflows = source.watchWorkflows('retail-prod');
		domains.start();
		workflows.start();
		await time.advance(1000);
		expect(domains.getState()).toMatchObject({phase: 'live', items: [{DomainName: 'retail-prod'}]});
		expect(workflows.getState()).toMatchObject({phase: 'live', items: [{WorkflowId: ID}]});
		await time.advance(10_000);
		expect(api.count('listDomainsPage')).toBe(3);
		expect(api.count('listWorkflowsPage')).toBe(3);
		domains.stop();
		workflows.stop();
		await time.advance(10_000);
		expect(api.count('listDomainsPage')).toBe(3);
	});

	it('show a throttled list with its retry time', async () => {
		const {time, api, source} = setup();
		const domains = source.watchDomains();
		api.failNext('listDomainsPage', throttled(4000));
		domains.start();
		await time.advance(10);
		expect(domains.getState()).toMatchObject({phase: 'throttled', retryAt: time.now() - 10 + 4000, throttles: 1});
		await time.advance(5000);
		expect(domains.getState()).toMatchObject({phase: 'live', retryAt: undefined});
	});
});

describe('pause and resume while a page is on its way', () => {
	it('the events of the walk survive a quick pause and resume during its last page', async () => {
		const time = fakeTime();
		const api = fakeApi(time, 10, 4);
		const onTheWay = new Set<string | undefined>();
		// Pages take 300 ms and, like an answer already on the wire, arrive even after an abort.
		const slow = {
			...api,
			async getWorkflowStepsPage(domain: string, id: string, nextToken?: string) {
				onTheWay.add(nextToken);
				await sleep(time, 300);
				onTheWay.delete(nextToken);
				return api.getWorkflowStepsPage(domain, id, nextToken);
			},
		};
		const watch = createWatchSource({api: slow, clock: time, scheduler: time, intervalMs: 5000, maxRps: 10, random: () => 0.5}).watchWorkflow('retail-prod', ID);
		watch.start();
		await time.advance(2000);
		expect(watch.getState().complete).toBe(true);

		api.steps[9] = {...api.steps[9], Status: 'FAILED', LastUpdatedAt: time.now()};
		api.workflow = {...api.workflow, LastUpdatedAt: time.now()};
		while (!onTheWay.has('p:8')) await time.advance(10);
		watch.togglePause();
		watch.togglePause();
		await time.advance(3000);
		expect(watch.getState().events.map(event => [event.step.FlowName, event.previousStatus, event.step.Status])).toEqual([['flow-00009', 'NOT_STARTED', 'FAILED']]);
		expect(watch.getState().steps).toHaveLength(10);
	});
});
