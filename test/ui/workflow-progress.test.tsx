import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Workflow} from '../../source/core/step.js';
import {mount, type Mounted} from './app-harness.js';
import {fakeWatchSource, runningProbes, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const metrics = (id: string, Status: string, StepsCompleted: number, TotalSteps: number, RecordsProcessed: number): Workflow =>
	workflow({WorkflowId: id, Status, StepsCompleted, TotalSteps, RecordsProcessed});

function source() {
	return fakeWatchSource({
		workflows: [workflowSummary('wf-done', 'COMPLETE'), workflowSummary('wf-running'), workflowSummary('wf-queued', 'NOT_STARTED'), workflowSummary('wf-second')],
		probed: {
			'wf-done': metrics('wf-done', 'COMPLETE', 24, 24, 5000),
			'wf-running': metrics('wf-running', 'IN_PROGRESS', 88, 95, 10_600_000),
			'wf-queued': metrics('wf-queued', 'NOT_STARTED', 0, 12, 0),
			'wf-second': metrics('wf-second', 'IN_PROGRESS', 3, 6, 120_500),
		},
	});
}

const rowOf = (app: Mounted, id: string) => app.lines().find(line => line.includes(id)) ?? '';

describe('workflows screen progress', () => {
	it('shows progress for the selected workflow and every running one, and nothing for the rest', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}});
		expect(app.lines()[1]).toMatch(/WORKFLOW\s+STATUS\s+PROGRESS\s+DESCRIPTION/);
		expect(rowOf(app, 'wf-done')).toMatch(/^›.*complete\s+24\/24 \[██████\] 5,000\s+wf-done sta/);
		expect(rowOf(app, 'wf-running')).toContain('88/95 [██████] 10.6M');
		expect(rowOf(app, 'wf-second')).toContain('3/6 [███░░░] 120.5k');
		expect(rowOf(app, 'wf-queued')).toMatch(/queued\s+wf-queued s/);
		expect(runningProbes(s)).toEqual(['wf-done', 'wf-running', 'wf-second']);
	});

	it('counts every request of the process in the status line, the probes\' too', async () => {
		const s = source();
		s.workflows.set({requests: 5});
		s.totals = {requests: 57, throttles: 3};
		const app = await mount(s, {initial: {domain: 'beta'}});
		expect(app.lines().at(-1)).toContain('57 req · 3x429');
	});

	it('moves the probe with the selection: the old row goes blank, the new one shows its progress', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}});
		await press(app.stdin, 'j', 'j');
		await settle();
		expect(rowOf(app, 'wf-queued')).toMatch(/^›.*queued\s+0\/12 \[░{6}\] 0\s+wf-queued s/);
		expect(rowOf(app, 'wf-done')).toMatch(/complete\s+wf-done sta/);
		// Passing over a running workflow keeps its probe; only the rows that change eligibility change.
		expect(s.probeLog).toEqual(['start wf-done', 'start wf-running', 'start wf-second', 'stop wf-done', 'start wf-queued']);
		expect(runningProbes(s).sort()).toEqual(['wf-queued', 'wf-running', 'wf-second']);
	});

	it('reads at most five at once, the selected one first, however many are running', async () => {
		const ids = Array.from({length: 8}, (_, i) => `wf-${i}`);
		const s = fakeWatchSource({workflows: ids.map(id => workflowSummary(id)), probed: Object.fromEntries(ids.map(id => [id, metrics(id, 'IN_PROGRESS', 1, 2, 10)]))});
		const app = await mount(s, {initial: {domain: 'beta'}});
		expect(runningProbes(s)).toEqual(['wf-0', 'wf-1', 'wf-2', 'wf-3', 'wf-4']);
		expect(rowOf(app, 'wf-5')).not.toContain('1/2');
		await press(app.stdin, KEYS.end);
		await settle();
		expect(runningProbes(s).sort()).toEqual(['wf-0', 'wf-1', 'wf-2', 'wf-3', 'wf-7']);
		expect(rowOf(app, 'wf-7')).toContain('1/2 [');
		expect(rowOf(app, 'wf-4')).not.toContain('1/2');
	});

	it('stops every probe when the screen goes', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}});
		expect(runningProbes(s)).toHaveLength(3);
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).toContain('domains');
		expect(runningProbes(s)).toEqual([]);
	});

	it('pauses the probes with the list, since pausing is for sparing the quota', async () => {
		const s = source();
		await mount(s, {initial: {domain: 'beta'}});
		s.workflows.set({phase: 'paused'});
		await settle();
		expect([...s.probes.values()].filter(probe => probe.started).map(probe => probe.pauses)).toEqual([1, 1, 1]);
		s.workflows.set({phase: 'live'});
		await settle();
		expect([...s.probes.values()].filter(probe => probe.started).map(probe => probe.pauses)).toEqual([2, 2, 2]);
	});

	it('draws the bar in ASCII with --ascii, and keeps PROGRESS over DESCRIPTION on a narrow terminal', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}, size: {columns: 60, rows: 20}, options: {ascii: true}});
		expect(app.lines()[1]).toMatch(/WORKFLOW\s+STATUS\s+PROGRESS\s*$/);
		expect(rowOf(app, 'wf-running')).toContain('88/95 [######] 10.6M');
		expect(app.frame()).not.toContain('DESCRIPTION');
	});
});
