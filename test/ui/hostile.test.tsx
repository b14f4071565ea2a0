import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import type {Step} from '../../source/core/step.js';
import {hostileScenario, HOSTILE_DOMAIN, HOSTILE_WORKFLOW_ID} from '../../source/emulator/scenarios/hostile.js';
import {App} from '../../source/ui/app.js';
import {fakeWatchSource, listState, NOW, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';
import {renderTui} from './render-tui.js';

// Anything a terminal would obey: C0 (but the frame's own newlines), DEL, C1, bidi controls.
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// What a terminal draws as nothing (default-ignorable code points); the family emoji's ZWJs are
// the only ones allowed, inside the emoji.
const INVISIBLE = /[\u00AD\u034F\u115F\u1160\u180B-\u180F\u200B-\u200D\u2060-\u2064\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E0FFF}]/u;
const FAMILY = '👩‍👩‍👧‍👦';

interface ScenarioStep {
	FlowName: string;
	BatchRecordsStartTime: string;
	BatchRecordsEndTime: string;
	timeline: Array<{Status: string; ExecutionMessage: string; RecordsProcessed: number}>;
}

function hostileSteps(): Step[] {
	const scenario = hostileScenario() as {domains: Array<{workflows: Array<{steps: ScenarioStep[]}>}>};
	return scenario.domains[0].workflows[0].steps.map((s, i) => {
		const last = s.timeline.at(-1)!;
		return {
			FlowName: s.FlowName,
			Status: last.Status,
			ExecutionMessage: last.ExecutionMessage,
			RecordsProcessed: last.RecordsProcessed,
			BatchRecordsStartTime: s.BatchRecordsStartTime,
			BatchRecordsEndTime: s.BatchRecordsEndTime,
			CreatedAt: NOW - 100_000 + i,
			LastUpdatedAt: NOW - 50_000 + i,
		};
	});
}

const mounted: Array<{instance: {unmount(): void}}> = [];
afterEach(() => {
	for (const m of mounted.splice(0)) m.instance.unmount();
});

function assertClean(writes: readonly string[], columns: number) {
	for (const frame of writes) {
		expect(frame).not.toMatch(RAW);
		expect(frame.replaceAll(FAMILY, '')).not.toMatch(INVISIBLE);
		expect(frame).not.toContain('\u001b');
		for (const line of frame.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
	}
}

describe('the hostile scenario', () => {
	for (const [columns, ascii] of [
		[100, false],
		[160, false],
		[80, true],
	] as const) {
		it(`renders no raw escape, control or bidi character (${columns} columns${ascii ? ', ascii' : ''})`, async () => {
			const steps = hostileSteps();
			const source = fakeWatchSource({
				steps,
				workflow: workflow({WorkflowId: HOSTILE_WORKFLOW_ID, ErrorDescription: 'bad \u001b]52;c;eA==\u0007 \u202e'}),
				domains: [{DomainName: HOSTILE_DOMAIN, CreatedAt: NOW, LastUpdatedAt: NOW, Tags: {'tag\u001b]52;c;eA==\u0007': 'value\u001b[2J'}}],
				workflows: [{...workflowSummary(HOSTILE_WORKFLOW_ID, 'PAUSED_BY_SERVICE'), StatusDescription: '\u001b[2J\u202eoops'}],
			});
			source.workflow.set({
				phase: 'error',
				error: {kind: 'unknown', code: 'Weird\u001b[2J', message: 'msg \u009b31m \u202e', retryable: true, staleSince: NOW},
			});
			const tui = renderTui(
				<App source={source} initial={{domain: HOSTILE_DOMAIN, workflowId: HOSTILE_WORKFLOW_ID}} options={{ascii, color: false, statusFilter: []}} onExit={() => {}} now={() => NOW} />,
				{columns, rows: 40},
			);
			mounted.push(tui);
			await settle();
			expect(tui.lastFrame()).toMatch(/\? paused_b/);
			// Open the pane and walk every row so each message is shown whole.
			await press(tui.stdin, KEYS.enter);
			for (let i = 0; i < steps.length; i++) await press(tui.stdin, 'j');
			await press(tui.stdin, 'JJJJJJJJ', '?', '?', 't', '/\u001b[2J', KEYS.enter);
			await press(tui.stdin, KEYS.escape, KEYS.escape);
			await settle();
			await press(tui.stdin, KEYS.escape);
			await settle();
			expect(tui.lastFrame()).toContain('workflows');
			await press(tui.stdin, KEYS.escape);
			await settle();
			expect(tui.lastFrame()).toContain('domains');
			assertClean(tui.stdout.writes, columns);
			expect(tui.stdout.writes.join('')).toContain('␛]52;c;');
		});
	}

	it('shows placeholders a reader can make sense of', async () => {
		const source = fakeWatchSource({steps: hostileSteps(), workflow: workflow()});
		source.workflows.set(listState([]));
		const tui = renderTui(
			<App source={source} initial={{domain: 'd', workflowId: 'w'}} options={{ascii: false, color: false, statusFilter: []}} onExit={() => {}} now={() => NOW} />,
			{columns: 200, rows: 30},
		);
		mounted.push(tui);
		await settle();
		const frame = tui.lastFrame();
		expect(frame).toContain('osc52␛]52;c;ZWNob');
		expect(frame).toContain('bidi-<RLO>gnp.exe-override');
		expect(frame).toContain('c1-<85><8D><9B>31m-controls');
		expect(frame).toContain('wide-東京顧客データ取り込み');
		expect(frame).toContain('lookalike-name ');
		expect(frame).toContain('look<SHY>alike<ZWSP>-name<WJ><BOM>');
		expect(frame).toContain('Tag characters: <E0068><E0069><E0064><E0064><E0065><E006E>');
	});
});
