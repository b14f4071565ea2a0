// The steps screen as a demanding new user found it (issue 10): scrolling the detail pane, where
// the selection lands when the filter hides it, what the chips and the header count, and the ETA.
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {mount} from './app-harness.js';
import {fakeWatchSource, NOW, step, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const STATUS_CYCLE = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'FAILED', 'SPLIT', 'RETRY', 'CANCELLED'];
const mixed = () => Array.from({length: 70}, (_, i) => step(i, {Status: STATUS_CYCLE[i % 7]}));
const selectedLine = (lines: string[]) => lines.find(line => line.startsWith('›')) ?? '';
const LONG = Array.from({length: 40}, (_, i) => `word${i}`).join(' ');
const position = (frame: string) => frame.match(/(\d+)-(\d+)\/(\d+) J\/K scroll/)?.slice(1).map(Number);

describe('detail pane scrolling', () => {
	it('clamps at the end: extra J presses are not counted, so one K scrolls back at once', async () => {
		const app = await mount(fakeWatchSource({steps: [step(0, {ExecutionMessage: LONG}), step(1)], workflow: workflow()}), {size: {columns: 120, rows: 20}});
		await press(app.stdin, KEYS.enter);
		const [, , total] = position(app.frame()) ?? [];
		expect(total).toBeGreaterThan(6);
		for (let i = 0; i < 8; i++) await press(app.stdin, 'J');
		const [first, last] = position(app.frame()) ?? [];
		expect(last).toBe(total);
		await press(app.stdin, 'K');
		const [firstAfterK] = position(app.frame()) ?? [];
		expect(firstAfterK).toBeLessThan(first);
		for (let i = 0; i < 8; i++) await press(app.stdin, 'K');
		expect(position(app.frame())?.[0]).toBe(1);
		await press(app.stdin, 'J');
		expect(position(app.frame())?.[0]).toBeGreaterThan(1);
	});

	it('J moves at most the lines the pane shows, so no line is skipped', async () => {
		// 100x10: the pane below the table shows 2 lines.
		const app = await mount(fakeWatchSource({steps: [step(0, {ExecutionMessage: LONG}), step(1)], workflow: workflow()}), {size: {columns: 100, rows: 10}});
		await press(app.stdin, KEYS.enter);
		const [first, last] = position(app.frame()) ?? [];
		expect([first, last]).toEqual([1, 2]);
		await press(app.stdin, 'J');
		expect(position(app.frame())?.slice(0, 2)).toEqual([3, 4]);
		await press(app.stdin, 'K');
		expect(position(app.frame())?.slice(0, 2)).toEqual([1, 2]);
	});
});

describe('the selection when the filter hides it', () => {
	it('lands on the nearest visible step in display order, not the row at the same position', async () => {
		const app = await mount(fakeWatchSource({steps: mixed(), workflow: workflow()}));
		await press(app.stdin, ...Array.from({length: 12}, () => 'j'));
		expect(selectedLine(app.lines())).toContain('flow-0012');
		// FAILED are 3, 10, 17...: 10 is two rows away from 12, 17 five.
		await press(app.stdin, '4');
		expect(selectedLine(app.lines())).toContain('flow-0010');
		// The hidden step is still the one selected: clearing the filter brings it back.
		await press(app.stdin, '0');
		expect(selectedLine(app.lines())).toContain('flow-0012');
		// From 14, 17 is three rows away and 10 four.
		await press(app.stdin, 'j', 'j');
		expect(selectedLine(app.lines())).toContain('flow-0014');
		await press(app.stdin, '4');
		expect(selectedLine(app.lines())).toContain('flow-0017');
	});

	it('a search that hides the selection lands next to it too', async () => {
		const steps = [step(0, {FlowName: 'alpha-1'}), step(1, {FlowName: 'beta-1'}), step(2, {FlowName: 'beta-2'}), step(3, {FlowName: 'gamma'}), step(4, {FlowName: 'alpha-2'}), step(5, {FlowName: 'alpha-3'})];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}));
		await press(app.stdin, 'j', 'j', 'j');
		expect(selectedLine(app.lines())).toContain('gamma');
		await press(app.stdin, '/alpha');
		expect(selectedLine(app.lines())).toContain('alpha-2');
	});
});

describe('what the numbers count', () => {
	it('the chips count within the search, as "shown" does', async () => {
		const app = await mount(fakeWatchSource({steps: mixed(), workflow: workflow()}));
		expect(app.lines()[2]).toContain('4✖ 10');
		await press(app.stdin, '/flow-000');
		// flow-0000..0009: one FAILED (3), two NOT_STARTED (0, 7).
		expect(app.frame()).toContain('10 shown');
		expect(app.lines()[2]).toContain('4✖ 1 ');
		expect(app.lines()[2]).toContain('1○ 2 ');
	});

	it('the header says done counts COMPLETE and SPLIT, matching the chips, and its total keeps up with the list', async () => {
		const steps = [
			...Array.from({length: 103}, (_, i) => step(i)),
			step(103, {Status: 'SPLIT'}),
			step(104, {Status: 'SPLIT'}),
			...Array.from({length: 6}, (_, i) => step(105 + i, {Status: 'IN_PROGRESS'})),
		];
		// GetWorkflow was read before the last steps arrived: 104 done of 93.
		const app = await mount(fakeWatchSource({steps, workflow: workflow({StepsCompleted: 104, TotalSteps: 93})}), {size: {columns: 120, rows: 30}});
		expect(app.lines()[1]).toContain('105/111 complete or split');
		expect(app.lines()[2]).toContain('3✔ 103');
		expect(app.lines()[2]).toContain('5⑂ 2');
		expect(app.frame()).toContain('111 shown');
	});
});

describe('ETA and rate', () => {
	it('says why there is no ETA while steps are still arriving', async () => {
		const source = fakeWatchSource({steps: [step(0)], workflow: workflow({StepsCompleted: 1, TotalSteps: 10})});
		source.workflow.set({lastSuccessAt: NOW - 60_000});
		const app = await mount(source);
		expect(app.lines()[1]).toContain('ETA: measuring');
		source.workflow.set({workflow: workflow({StepsCompleted: 2, TotalSteps: 12, RecordsProcessed: 2_000}), lastSuccessAt: NOW - 30_000});
		await settle();
		source.workflow.set({workflow: workflow({StepsCompleted: 3, TotalSteps: 14, RecordsProcessed: 5_000}), lastSuccessAt: NOW});
		await settle();
		expect(app.lines()[1]).toContain('ETA: steps still arriving');
	});

	it('keeps the records/s of a workflow when it is left and opened again', async () => {
		const source = fakeWatchSource({steps: [step(0)], workflow: workflow({StepsCompleted: 1, RecordsProcessed: 0}), workflows: [workflowSummary('wf-1')]});
		source.workflow.set({lastSuccessAt: NOW - 60_000});
		const app = await mount(source);
		source.workflow.set({workflow: workflow({StepsCompleted: 2, RecordsProcessed: 6_000}), lastSuccessAt: NOW});
		await settle();
		expect(app.lines()[1]).toContain('100/s');
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).toContain('workflows');
		await press(app.stdin, KEYS.enter);
		expect(app.lines()[0]).toContain('demo / wf-1');
		expect(app.lines()[1]).toContain('100/s');
	});
});
