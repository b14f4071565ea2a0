// The domain dashboard against the emulator over real HTTP with the real SDK: the pace and the
// fairness of its round robin counted from the emulator's request log, finished rows read once,
// the problems feed, and a workflow that starts while it watches.
import {afterEach, describe, expect, it} from 'vitest';
import {roundBoundMs} from '../../source/core/dashboard-schedule.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {PAGES_PER_VISIT} from '../../source/poller/domain-dashboard.js';
import {createWatchSource, type DomainDashboard, type WatchSource} from '../../source/poller/index.js';
import {apiFor, closeLater, closeOpened, DOMAIN as HARNESS_DOMAIN, ID, scenario, maxInAnySecond, waitFor} from './emulator-harness.js';

afterEach(closeOpened);

const DOMAIN = 'busy';
const hex = (prefix: string, i: number) => `${prefix}${String(i).padStart(32 - prefix.length, '0')}`;
const runningId = (i: number) => hex('a', i);
const finishedId = (i: number) => hex('f', i);
const FAILING = hex('bad', 1);
const LATE = hex('1a7e', 1);

/** `running` workflows whose steps keep moving for an hour, `finished` ones settled long ago, one
 * running workflow with a FAILED step, and one that starts at virtual second 100. */
function busyScenario(running: number, finished: number) {
	const moving = (WorkflowId: string, seed: number, at = -600) => ({
		WorkflowId,
		SourceConnectorType: ['Salesforce', 'Marketo', 'Zendesk', 'Servicenow', 'S3'][seed % 5],
		at,
		generate: {count: 30, seed, at, spanSeconds: 3600, failRate: 0, retryRate: 0, splitRate: 0, runSeconds: [600, 1200]},
	});
	return {
		clock: {start: '2026-11-24T09:00:00Z', speed: 1},
		pageSize: 100,
		faults: {throttle: null},
		domains: [
			{
				DomainName: DOMAIN,
				workflows: [
					...Array.from({length: running}, (_, i) => moving(runningId(i), i + 1)),
					...Array.from({length: finished}, (_, i) => ({
						WorkflowId: finishedId(i),
						SourceConnectorType: 'Marketo',
						at: -86_400,
						generate: {count: 5, seed: 100 + i, at: -86_400, spanSeconds: 600, failRate: 0, retryRate: 0, splitRate: 0},
					})),
					{
						WorkflowId: FAILING,
						SourceConnectorType: 'Zendesk',
						at: -600,
						steps: [
							{FlowName: 'failing-1', at: -500, timeline: [{at: -500, Status: 'IN_PROGRESS'}, {at: -400, Status: 'FAILED', ExecutionMessage: 'mapping failed for field Email'}]},
							{FlowName: 'failing-2', at: -500, timeline: [{at: -500, Status: 'IN_PROGRESS'}, {at: 3600, Status: 'COMPLETE'}]},
						],
					},
					moving(LATE, 99, 100),
				],
			},
		],
	};
}

async function emulatorFor(running: number, finished: number): Promise<Emulator> {
	const emulator = await startEmulator({scenario: busyScenario(running, finished)});
	closeLater(emulator);
	return emulator;
}

/** The dashboard fed by the domain's list watch, as the workflows screen wires it. */
function watchDashboard(source: WatchSource): DomainDashboard {
	const list = source.watchWorkflows(DOMAIN);
	const dashboard = source.watchDomainDashboard(DOMAIN);
	const unsubscribe = list.subscribe(() => dashboard.setWorkflows(list.getState().items));
	list.start();
	dashboard.start();
	closeLater({
		close() {
			unsubscribe();
			dashboard.stop();
			list.stop();
		},
	});
	return dashboard;
}

const probesOf = (emulator: Emulator, id: string) => emulator.requestLog().filter(entry => entry.op === 'GetWorkflow' && entry.workflowId === id);

describe('domain dashboard against the emulator', () => {
	it('reads 24 running workflows in turn within --max-rps: never more in any second, none starved', async () => {
		const running = 24;
		const maxRps = 8;
		const emulator = await emulatorFor(running, 0);
		const source = createWatchSource({api: apiFor(emulator), maxRps, intervalMs: 1000});
		const dashboard = watchDashboard(source);
		const ids = [...Array.from({length: running}, (_, i) => runningId(i)), FAILING];
		await waitFor(() => ids.every(id => probesOf(emulator, id).length >= 3), 30_000);

		const log = emulator.requestLog();
		// +1: arrival times carry the network's jitter; the pace spaces sends, not arrivals.
		expect(maxInAnySecond(log.map(entry => entry.t))).toBeLessThanOrEqual(maxRps + 1);
		expect(dashboard.getState().watched).toHaveLength(running + 1);
		// Demand (25 rows every second, plus their step pages) is far above 8 rps: the round robin, not
		// the interval, decides each row's turn, and each comes round within one round's cost.
		const bound = roundBoundMs({running: running + 1, pagesPerVisit: PAGES_PER_VISIT, maxRps, intervalMs: 1000});
		for (const id of ids) {
			const times = probesOf(emulator, id).map(entry => entry.t);
			const gaps = times.slice(1).map((t, i) => t - times[i]);
			expect(Math.max(...gaps), id).toBeLessThanOrEqual(bound + 500);
		}
		const counts = ids.map(id => probesOf(emulator, id).length);
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
		const row = dashboard.getState().rows.get(runningId(0));
		expect(row?.workflow).toMatchObject({WorkflowId: runningId(0), SourceConnectorType: 'Marketo', Status: 'IN_PROGRESS'});
		expect(row?.readAt).toBeTypeOf('number');
	});

	it('reads a finished row once when it is on screen, and keeps its numbers when the screen comes back', async () => {
		const emulator = await emulatorFor(2, 3);
		const source = createWatchSource({api: apiFor(emulator), maxRps: 20, intervalMs: 1000});
		const dashboard = watchDashboard(source);
		dashboard.setWanted([finishedId(0), finishedId(1)]);
		await waitFor(() => probesOf(emulator, runningId(0)).length >= 4, 15_000);
		expect(probesOf(emulator, finishedId(0))).toHaveLength(1);
		expect(probesOf(emulator, finishedId(1))).toHaveLength(1);
		// Not on screen: not read.
		expect(probesOf(emulator, finishedId(2))).toHaveLength(0);
		expect(dashboard.getState().rows.get(finishedId(0))?.workflow).toMatchObject({Status: 'COMPLETE', StepsCompleted: 5, TotalSteps: 5, SourceConnectorType: 'Marketo'});

		dashboard.stop();
		const again = source.watchDomainDashboard(DOMAIN);
		expect(again.getState().rows.get(finishedId(0))?.workflow).toMatchObject({Status: 'COMPLETE', TotalSteps: 5});
		again.setWanted([finishedId(0)]);
		expect(probesOf(emulator, finishedId(0))).toHaveLength(1);
	});

	it('gathers the FAILED steps of running workflows into the problems feed, with failed counts on the row', async () => {
		const emulator = await emulatorFor(2, 0);
		const source = createWatchSource({api: apiFor(emulator), maxRps: 20, intervalMs: 1000});
		const dashboard = watchDashboard(source);
		await waitFor(() => dashboard.getState().problems.length > 0, 10_000);
		const [problem] = dashboard.getState().problems;
		expect(problem.workflowId).toBe(FAILING);
		expect(problem.step).toMatchObject({FlowName: 'failing-1', Status: 'FAILED', ExecutionMessage: 'mapping failed for field Email'});
		expect(dashboard.getState().rows.get(FAILING)?.counts).toEqual({failed: 1, retrying: 0, cancelled: 0});
		await waitFor(() => dashboard.getState().rows.get(runningId(0))?.counts !== undefined, 10_000);
		expect(dashboard.getState().rows.get(runningId(0))?.counts).toEqual({failed: 0, retrying: 0, cancelled: 0});
	});

	it('starts reading a workflow that starts while it watches', async () => {
		const emulator = await emulatorFor(1, 0);
		const source = createWatchSource({api: apiFor(emulator), maxRps: 20, intervalMs: 1000});
		const dashboard = watchDashboard(source);
		await waitFor(() => dashboard.getState().watched.length === 2, 10_000);
		expect(dashboard.getState().watched).not.toContain(LATE);
		emulator.advance(120);
		await waitFor(() => dashboard.getState().rows.get(LATE)?.workflow !== undefined, 10_000);
		expect(dashboard.getState().watched).toContain(LATE);
		expect(dashboard.getState().rows.get(LATE)?.workflow?.SourceConnectorType).toBe('S3');
	});
});

describe('domain dashboard: expired paging tokens', () => {
	it('waits a backoff before it starts a step walk over on an expired token, and the walk still completes', async () => {
		// 300 steps created over two hours, still running: a walk of three pages, two tokens.
		const running = scenario({tokenTtlSeconds: 30, throttle: null}, 300);
		running.domains[0].workflows[0].generate.spanSeconds = 14_400;
		const emulator = await startEmulator({scenario: running});
		closeLater(emulator);
		const api = apiFor(emulator);
		let expired = 0;
		const expiring = {
			...api,
			async getWorkflowStepsPage(...args: Parameters<typeof api.getWorkflowStepsPage>) {
				const page = await api.getWorkflowStepsPage(...args);
				// The first token the walk gets is dead before the walk sends it.
				if (page.nextToken !== undefined && expired++ === 0) emulator.advance(60);
				return page;
			},
		};
		// Nothing else draws on `random` here (no throttling, no errors): each draw is a restart's backoff.
		const draws: number[] = [];
		const random = () => {
			draws.push(0.01);
			return 0.01;
		};
		const source = createWatchSource({api: expiring, maxRps: 50, intervalMs: 1000, random});
		const dashboard = source.watchDomainDashboard(HARNESS_DOMAIN);
		dashboard.start();
		closeLater({close: () => dashboard.stop()});
		dashboard.setWorkflows([{WorkflowId: ID, WorkflowType: 'APPFLOW_INTEGRATION', Status: 'IN_PROGRESS', StatusDescription: '', CreatedAt: 0, LastUpdatedAt: 0}]);
		await waitFor(() => dashboard.getState().rows.get(ID)?.counts !== undefined, 15_000);
		expect(emulator.requestLog().filter(entry => entry.error === 'BadRequestException')).toHaveLength(1);
		expect(draws).toHaveLength(1);
		expect(dashboard.getState().rows.get(ID)?.error).toBeUndefined();
	});
});
