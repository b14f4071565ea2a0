import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Workflow} from '../../source/core/step.js';
import type {DashboardRow} from '../../source/poller/watch-state.js';
import {mount, type Mounted} from './app-harness.js';
import {dashboardState, fakeWatchSource, NOW, step, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const metrics = (id: string, Status: string, StepsCompleted: number, TotalSteps: number, RecordsProcessed: number, SourceConnectorType = 'Salesforce'): Workflow =>
	workflow({WorkflowId: id, Status, StepsCompleted, TotalSteps, RecordsProcessed, SourceConnectorType});

/** Samples 56 s apart: 6,000 records and one step. */
const samples = (records: number, steps: number) => [
	{time: NOW - 60_000, stepsCompleted: steps - 1, recordsProcessed: records - 6000, totalSteps: 95},
	{time: NOW - 4000, stepsCompleted: steps, recordsProcessed: records, totalSteps: 95},
];

function source() {
	const s = fakeWatchSource({
		workflows: [workflowSummary('wf-done', 'COMPLETE'), workflowSummary('wf-running'), workflowSummary('wf-queued', 'NOT_STARTED'), workflowSummary('wf-second')],
		steps: [step(1), step(2, {FlowName: 'broken-flow', Status: 'FAILED', ExecutionMessage: 'mapping failed'}), step(3)],
		workflow: workflow({WorkflowId: 'wf-second'}),
	});
	const rows: Record<string, Partial<DashboardRow>> = {
		'wf-done': {workflow: metrics('wf-done', 'COMPLETE', 24, 24, 5000, 'Marketo')},
		'wf-running': {workflow: metrics('wf-running', 'IN_PROGRESS', 88, 95, 10_600_000), readAt: NOW - 4000, samples: samples(10_600_000, 88), counts: {failed: 2, retrying: 1, cancelled: 0}},
		'wf-second': {workflow: metrics('wf-second', 'IN_PROGRESS', 3, 6, 120_500, 'Zendesk'), readAt: NOW - 12_000, counts: {failed: 0, retrying: 0, cancelled: 0}},
	};
	s.dashboard.set(
		dashboardState(rows, {
			watched: ['wf-running', 'wf-second', 'wf-queued'],
			runningTotal: 2,
			queuedTotal: 1,
			problems: [
				{workflowId: 'wf-second', step: step(2, {FlowName: 'broken-flow', Status: 'FAILED', ExecutionMessage: 'mapping failed', LastUpdatedAt: NOW - 30_000})},
				{workflowId: 'wf-running', step: step(7, {FlowName: 'slow-flow', Status: 'RETRY', ExecutionMessage: 'rate limited; retry 1 of 3', LastUpdatedAt: NOW - 90_000})},
			],
		}),
	);
	return s;
}

const rowOf = (app: Mounted, id: string) => app.lines().find(line => line.includes(id)) ?? '';

describe('workflows screen: the domain dashboard', () => {
	it('shows each row\'s connector, progress, rate, failed and retrying counts and the age of its numbers', async () => {
		const app = await mount(source(), {initial: {domain: 'beta'}, size: {columns: 100, rows: 20}});
		expect(app.lines()[1]).toMatch(/WORKFLOW\s+CONNECTOR\s+STATUS\s+PROGRESS\s+REC\/S\s+ETA\s+PROBLEMS\s+CHANGED\s+AGE/);
		expect(rowOf(app, 'wf-running')).toMatch(/wf-running\s+Salesforce\s+▶ running\s+88\/95 \[████\] 10.6M\s+107\/s\s+6m 32s\s+✖2 ↻1\s+1h ago\s+4s/);
		expect(rowOf(app, 'wf-second')).toMatch(/wf-second\s+Zendesk\s+▶ running\s+3\/6 \[██░░\] 120.5k\s+0\s+1h ago\s+12s/);
		expect(rowOf(app, 'wf-done')).toMatch(/wf-done\s+Marketo\s+✔ complete\s+24\/24 \[████\] 5,000\s+.*final/);
		expect(app.lines()[0]).toContain('beta · workflows · 2 running, 1 queued · oldest numbers 12s · P problems (2)');
	});

	it('says on the row when its read failed, and how many rows are read in turn when there are more than 50', async () => {
		const s = source();
		const rows = new Map(s.dashboard.getState().rows);
		rows.set('wf-second', {...rows.get('wf-second')!, error: {kind: 'not-found', message: 'workflow not found', retryable: false}});
		s.dashboard.set({rows, runningTotal: 60, queuedTotal: 0, watched: Array.from({length: 50}, (_, i) => `wf-${i}`)});
		const app = await mount(s, {initial: {domain: 'beta'}});
		// At 100 columns DESCRIPTION (where the reason goes) is dropped; the row still says it failed.
		expect(rowOf(app, 'wf-second')).toMatch(/3\/6 .*! err$/);
		expect(app.lines()[0]).toContain('60 running, reading 50 in turn');
	});

	it('keeps a finished workflow\'s final numbers when the cursor leaves it', async () => {
		const app = await mount(source(), {initial: {domain: 'beta'}, size: {columns: 100, rows: 20}});
		expect(rowOf(app, 'wf-done')).toMatch(/^›.*24\/24/);
		await press(app.stdin, 'j', 'j');
		expect(rowOf(app, 'wf-done')).not.toMatch(/^›/);
		expect(rowOf(app, 'wf-done')).toContain('24/24 [████] 5,000');
	});

	it('gives the dashboard the domain\'s list, and the finished rows on screen to read once', async () => {
		const s = source();
		await mount(s, {initial: {domain: 'beta'}});
		expect(s.calls).toContain('dashboard beta');
		expect(s.dashboard.started).toBe(true);
		expect(s.dashboard.workflowsGiven.at(-1)).toEqual(['wf-done', 'wf-running', 'wf-queued', 'wf-second']);
		expect(s.dashboard.wantedGiven.at(-1)).toEqual(['wf-done']);
	});

	it('stops the dashboard when the screen goes, and pauses it with the list', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}});
		s.workflows.set({phase: 'paused'});
		await settle();
		expect(s.dashboard.pauses).toBe(1);
		await press(app.stdin, 'r');
		expect(s.dashboard.refreshes).toBe(1);
		expect(s.workflows.refreshes).toBe(1);
		await press(app.stdin, KEYS.escape);
		expect(app.frame()).toContain('domains');
		expect(s.dashboard.started).toBe(false);
	});

	it('drops the type and creation time first on a narrow terminal, keeping connector and progress', async () => {
		const app = await mount(source(), {initial: {domain: 'beta'}, size: {columns: 80, rows: 20}, options: {ascii: true}});
		expect(app.lines()[1]).toMatch(/WORKFLOW\s+CONNECTOR\s+STATUS\s+PROGRESS/);
		expect(app.frame()).not.toContain('TYPE');
		expect(app.frame()).not.toContain('CREATED');
		expect(rowOf(app, 'wf-running')).toContain('88/95 [####] 10.6M');
	});
});

describe('workflows screen: the problems feed (P)', () => {
	it('P opens the latest FAILED, RETRY and CANCELLED steps across the domain, newest first, each with its workflow', async () => {
		const app = await mount(source(), {initial: {domain: 'beta'}, size: {columns: 120, rows: 24}});
		expect(app.frame()).not.toContain('─ problems');
		await press(app.stdin, 'P');
		const lines = app.lines();
		const title = lines.findIndex(line => line.startsWith('─ problems'));
		expect(title).toBeGreaterThan(0);
		expect(lines[title]).toContain('2 steps');
		expect(lines[title + 1]).toMatch(/^›\s+✖ failed\s+30s ago\s+Zendesk\s+wf-second\s+broken-flow\s+mapping failed/);
		expect(lines[title + 2]).toMatch(/^\s+↻ retry\s+1m ago\s+Salesforce\s+wf-running\s+slow-flow\s+rate limited; retry 1 of 3/);
		// The table keeps its selection: j moves in the pane while it is open.
		await press(app.stdin, 'j');
		expect(app.lines()[title + 2]).toMatch(/^›\s+↻ retry/);
		expect(rowOf(app, 'wf-done')).toMatch(/^›/);
		await press(app.stdin, KEYS.escape);
		expect(app.frame()).not.toContain('─ problems');
		expect(app.frame()).toContain('beta · workflows');
	});

	it('Enter on a problem opens its workflow\'s steps with the selection on that step, and Esc comes back', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}, size: {columns: 120, rows: 24}});
		await press(app.stdin, 'P', KEYS.enter);
		expect(s.calls).toContain('workflow beta wf-second');
		expect(app.frame()).toContain('beta / wf-second');
		expect(app.frame()).toMatch(/^›\s+✖ failed\s+broken-flow/m);
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).toContain('beta · workflows');
		expect(rowOf(app, 'wf-second')).toMatch(/^›/);
	});

	it('Enter shows the step even when the status filter would hide it', async () => {
		const app = await mount(source(), {initial: {domain: 'beta'}, size: {columns: 120, rows: 24}, options: {statusFilter: ['RETRY']}});
		await press(app.stdin, 'P', KEYS.enter);
		expect(app.frame()).toMatch(/^›\s+✖ failed\s+broken-flow/m);
	});

	it('in the UTC and local time modes a problem from another day shows its whole time, not "11-28 22…"', async () => {
		for (const timeMode of ['utc', 'local'] as const) {
			const s = source();
			s.dashboard.set({problems: [{workflowId: 'wf-second', step: step(2, {FlowName: 'broken-flow', Status: 'FAILED', ExecutionMessage: 'mapping failed', LastUpdatedAt: NOW - 3 * 86_400_000})}]});
			const app = await mount(s, {initial: {domain: 'beta'}, size: {columns: 120, rows: 24}, options: {timeMode}});
			await press(app.stdin, 'P');
			const row = app.lines().find(line => line.includes('broken-flow')) ?? '';
			expect(row, timeMode).toMatch(timeMode === 'utc' ? /failed\s+\d\d-\d\d \d\d:\d\dZ\s+Zendesk/ : /failed\s+\d\d-\d\d \d\d:\d\d\s+Zendesk/);
			cleanup();
		}
	});

	it('says so when the steps read so far have no problems; P is only for the workflows screen', async () => {
		const s = source();
		s.dashboard.set({problems: []});
		const app = await mount(s, {initial: {domain: 'beta'}, size: {columns: 120, rows: 24}});
		await press(app.stdin, 'P');
		expect(app.frame()).toContain('no FAILED, RETRY or CANCELLED steps in the 2 workflows read');
		await press(app.stdin, 'P');
		expect(app.frame()).not.toContain('─ problems');
		await press(app.stdin, KEYS.enter);
		expect(app.frame()).toContain('beta / wf-done');
		await press(app.stdin, 'P');
		expect(app.frame()).not.toContain('─ problems');
	});
});
