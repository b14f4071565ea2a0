import {describe, expect, it} from 'vitest';
import {stepKey} from '../../source/core/step.js';
import {createWatchSource} from '../../source/poller/index.js';
import {LOAD_FRAME_MS} from '../../source/poller/workflow-watch.js';
import {denied, expiredToken, fakeApi, serverError, throttled} from './fake-api.js';
import {fakeTime} from './fake-time.js';

const DOMAIN = 'retail-prod';
const ID = '0123456789abcdef0123456789abcdef';

function setup(options: {steps?: number; pageSize?: number; follow?: boolean; maxRps?: number} = {}) {
	const time = fakeTime();
	const api = fakeApi(time, options.steps ?? 10, options.pageSize ?? 4);
	// random 0.5: jitter halfway, so delays are exact and readable.
	const source = createWatchSource({api, clock: time, scheduler: time, intervalMs: 5000, maxRps: options.maxRps ?? 10, follow: options.follow, random: () => 0.5});
	const watch = source.watchWorkflow(DOMAIN, ID);
	return {time, api, watch};
}

describe('workflow watch: first load and probe-then-walk', () => {
	it('is stopped until started', async () => {
		const {time, api, watch} = setup();
		await time.advance(10_000);
		expect(api.calls).toHaveLength(0);
		expect(watch.getState().phase).toBe('loading');
	});

	it('shows the first load page by page, then goes live with no events', async () => {
		const {time, api, watch} = setup({maxRps: 1});
		const seen: number[] = [];
		watch.subscribe(() => {
			const state = watch.getState();
			if (!state.complete && state.steps.length > 0 && seen.at(-1) !== state.steps.length) seen.push(state.steps.length);
		});
		watch.start();
		await time.advance(4000);
		expect(seen).toEqual([4, 8]);
		const state = watch.getState();
		expect(state.phase).toBe('live');
		expect(state.complete).toBe(true);
		expect(state.steps).toHaveLength(10);
		expect(state.events).toEqual([]);
		expect(state.requests).toBe(4);
		expect(state.lastSuccessAt).toBeDefined();
		expect(state.nextPollAt).toBe(state.lastSuccessAt! + 5000);
	});

	it('publishes a fast first load at most every LOAD_FRAME_MS, never losing the newest page', async () => {
		// 100 pages 10 ms apart: one publication per page would be 100 copies of a growing list.
		const {time, watch} = setup({steps: 400, pageSize: 4, maxRps: 100});
		const shown: Array<{time: number; count: number}> = [];
		watch.subscribe(() => {
			const state = watch.getState();
			if (!state.complete && state.steps.length > 0 && shown.at(-1)?.count !== state.steps.length) shown.push({time: time.now(), count: state.steps.length});
		});
		watch.start();
		await time.advance(350);
		watch.togglePause();
		await time.advance(0);
		// Paused between publications: the pages already fetched are shown, not held back.
		const fetched = shown.at(-1)!.count;
		expect(fetched).toBeGreaterThanOrEqual(4 * 34);
		// The last publication is the pause's own; the ones before it are LOAD_FRAME_MS apart.
		for (let i = 1; i < shown.length - 1; i++) expect(shown[i].time - shown[i - 1].time).toBeGreaterThanOrEqual(LOAD_FRAME_MS);
		expect(shown.length).toBeLessThanOrEqual(5);
		watch.togglePause();
		await time.advance(2000);
		expect(watch.getState()).toMatchObject({complete: true, phase: 'live'});
		expect(watch.getState().steps).toHaveLength(400);
	});

	it('probes only while the workflow is unchanged, and walks again when its metrics move', async () => {
		const {time, api, watch} = setup();
		watch.start();
		await time.advance(1000);
		const walks = api.count('getWorkflowStepsPage');
		await time.advance(15_000);
		expect(api.count('getWorkflowStepsPage')).toBe(walks);
		expect(api.count('getWorkflow')).toBe(4);

		api.steps[2] = {...api.steps[2], Status: 'IN_PROGRESS', LastUpdatedAt: time.now()};
		api.steps.push({...api.steps[0], FlowName: 'flow-new', CreatedAt: time.now()});
		api.workflow = {...api.workflow, LastUpdatedAt: time.now(), TotalSteps: 11};
		await time.advance(5000);
		const state = watch.getState();
		expect(api.count('getWorkflowStepsPage')).toBe(walks * 2);
		expect(state.steps).toHaveLength(11);
		expect(state.events.map(event => [event.type, event.step.FlowName, event.previousStatus])).toEqual([
			['changed', 'flow-00002', 'NOT_STARTED'],
			['added', 'flow-new', undefined],
		]);
		expect([...state.changedKeys]).toEqual([stepKey(api.steps[2]), stepKey(api.steps[10])]);
	});

	it('walks an unchanged workflow again once the last walk is older than 60 s', async () => {
		const {time, api, watch} = setup();
		watch.start();
		await time.advance(59_000);
		expect(api.count('getWorkflowStepsPage')).toBe(3);
		await time.advance(5000);
		expect(api.count('getWorkflowStepsPage')).toBe(6);
	});

	it('keeps the same state object until something changes', async () => {
		const {time, watch} = setup();
		watch.start();
		await time.advance(1000);
		const before = watch.getState();
		expect(watch.getState()).toBe(before);
	});

	it('emits a workflow event when the workflow status changes', async () => {
		const {time, api, watch} = setup({follow: true});
		watch.start();
		await time.advance(1000);
		expect(watch.getState().workflowEvents).toEqual([]);
		api.workflow = {...api.workflow, Status: 'FAILED', LastUpdatedAt: time.now()};
		await time.advance(5000);
		expect(watch.getState().workflowEvents).toMatchObject([{previousStatus: 'IN_PROGRESS', workflow: {Status: 'FAILED'}}]);
	});
});

describe('workflow watch: faults', () => {
	it('retries a throttled page with the same token, showing when', async () => {
		const {time, api, watch} = setup();
		// page 1 fine; page 2 answers 429 twice
		api.failNext('getWorkflowStepsPage', null, throttled(), throttled(2500));
		watch.start();
		await time.advance(250);
		const state = watch.getState();
		expect(state.phase).toBe('throttled');
		expect(state.retryAt).toBeGreaterThan(time.now());
		await time.advance(10_000);
		const tokens = api.calls.filter(call => call.op === 'getWorkflowStepsPage').map(call => call.token ?? 'first');
		expect(tokens.slice(0, 5)).toEqual(['first', 'p:4', 'p:4', 'p:4', 'p:8']);
		expect(watch.getState()).toMatchObject({phase: 'live', throttles: 2, complete: true});
		expect(watch.getState().steps).toHaveLength(10);
	});

	it('honours Retry-After: the retry waits at least that long', async () => {
		const {time, api, watch} = setup();
		api.failNext('getWorkflow', throttled(7000));
		watch.start();
		await time.advance(0);
		const failedAt = time.now();
		await time.advance(20_000);
		const probes = api.calls.filter(call => call.op === 'getWorkflow');
		expect(probes[1].time - failedAt).toBeGreaterThanOrEqual(7000);
	});

	it('restarts a walk when its token expires, again while restarts get further, and gives up when they do not', async () => {
		const {time, api, watch} = setup();
		watch.start();
		await time.advance(0);
		api.failNext('getWorkflowStepsPage', expiredToken());
		await time.advance(1000);
		expect(watch.getState()).toMatchObject({phase: 'live', complete: true});
		const tokens = api.calls.filter(call => call.op === 'getWorkflowStepsPage').map(call => call.token ?? 'first');
		expect(tokens).toEqual(['first', 'p:4', 'first', 'p:4', 'p:8']);
		expect(watch.getState().steps).toHaveLength(10);

		// Three attempts that each lose the token after the first page: the last two got no further.
		api.workflow = {...api.workflow, LastUpdatedAt: time.now()};
		api.failNext('getWorkflowStepsPage', null, expiredToken(), null, expiredToken(), null, expiredToken());
		// The next probe (5 s) sees the change; the restarts wait 0.5 s and 1 s (jitter at half).
		await time.advance(8000);
		expect(watch.getState().phase).toBe('error');
		expect(watch.getState().error).toMatchObject({kind: 'gave-up'});
		// The last complete snapshot stays on screen.
		expect(watch.getState()).toMatchObject({complete: true});
		expect(watch.getState().steps).toHaveLength(10);
	});

	it('shows a lasting error with the time data went stale, keeps polling, and recovers', async () => {
		const {time, api, watch} = setup();
		api.failNext('getWorkflowStepsPage', denied());
		watch.start();
		await time.advance(0);
		const state = watch.getState();
		expect(state.phase).toBe('error');
		expect(state.error).toMatchObject({kind: 'access-denied', action: 'profile:GetWorkflowSteps', staleSince: time.now(), retryable: false});
		expect(state.nextPollAt).toBe(time.now() + 5000);
		await time.advance(6000);
		expect(watch.getState()).toMatchObject({phase: 'live', complete: true, error: undefined});
	});

	it('a transient server error is retried in place and clears on success', async () => {
		const {time, api, watch} = setup();
		api.failNext('getWorkflow', serverError());
		watch.start();
		await time.advance(0);
		expect(watch.getState()).toMatchObject({phase: 'error', error: {kind: 'server', retryable: true}});
		await time.advance(2000);
		expect(watch.getState()).toMatchObject({phase: 'live', error: undefined, complete: true});
	});
});

describe('workflow watch: pacing', () => {
	it('lets GetWorkflow and the first page go together, and never sends more than maxRps in a second', async () => {
		const {time, api, watch} = setup({steps: 40, pageSize: 4, maxRps: 2});
		watch.start();
		await time.advance(30_000);
		const times = api.calls.map(call => call.time);
		// GetWorkflow and the first page go together; no second holds more than maxRps (2) requests.
		expect(times[1]).toBe(times[0]);
		for (let i = 2; i < times.length; i++) expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(1000);
		// 11 requests (a probe and 10 pages) at 2 a second: the average is kept, the burst is paid back.
		expect(times[10] - times[0]).toBe(5 * 1000);
		expect(watch.getState().complete).toBe(true);
	});

	it('halves the pace on a 429 and recovers gradually', async () => {
		const {time, api, watch} = setup({steps: 80, pageSize: 4, maxRps: 2});
		watch.start();
		await time.advance(1000);
		api.failNext('getWorkflowStepsPage', throttled(0));
		await time.advance(60_000);
		const times = api.calls.filter(call => call.op === 'getWorkflowStepsPage').map(call => call.time);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		expect(Math.max(...gaps)).toBeGreaterThanOrEqual(1000);
		expect(gaps.at(-1)).toBe(500);
	});
});

describe('workflow watch: a walk that fails for good', () => {
	it('is dropped: the next cycles probe again and the header shows the workflow FAILED', async () => {
		const {time, api, watch} = setup();
		watch.start();
		await time.advance(1000);
		// A new walk gets one page in, then the steps are denied for a minute.
		api.workflow = {...api.workflow, LastUpdatedAt: time.now()};
		api.failNext('getWorkflowStepsPage', null, ...Array.from({length: 30}, denied));
		await time.advance(5000);
		expect(watch.getState().error).toMatchObject({kind: 'access-denied'});
		const probes = api.count('getWorkflow');
		api.workflow = {...api.workflow, Status: 'FAILED', LastUpdatedAt: time.now()};
		await time.advance(60_000);
		expect(api.count('getWorkflow') - probes).toBeGreaterThanOrEqual(10);
		expect(watch.getState().workflow?.Status).toBe('FAILED');
		// Each new walk starts from page one: the walk that failed is not resumed from its token.
		const tokens = api.calls.filter(call => call.op === 'getWorkflowStepsPage').map(call => call.token ?? 'first');
		expect(tokens.slice(3, 8)).toEqual(['first', 'p:4', 'first', 'first', 'first']);
	});
});
