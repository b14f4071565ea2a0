import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Step} from '../../source/core/step.js';
import type {ViewPreferences} from '../../source/ui/app.js';
import {mount} from './app-harness.js';
import {fakeWatchSource, step, workflow} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const steps = [step(0, {Status: 'FAILED', FlowName: 'flow-é', RecordsProcessed: 7}), step(1), step(2, {Status: 'FAILED'})];

describe('copy and export', () => {
	it('y copies the selected FlowName with OSC 52, byte for byte', async () => {
		const written: string[] = [];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {writeEscape: s => written.push(s)});
		await press(app.stdin, 'y');
		expect(written).toEqual([`\u001b]52;c;${Buffer.from('flow-é').toString('base64')}\u0007`]);
		expect(app.lines().at(-1)).toContain('flow-é sent to the terminal clipboard (OSC 52)');
	});

	it('Y copies the whole step as JSON', async () => {
		const written: string[] = [];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {writeEscape: s => written.push(s)});
		await press(app.stdin, 'j', 'Y');
		const json = JSON.stringify({
			FlowName: 'flow-0001',
			Status: 'COMPLETE',
			ExecutionMessage: 'message 1',
			RecordsProcessed: 10,
			BatchRecordsStartTime: '2026-01-01T00:00:00Z',
			BatchRecordsEndTime: '2026-02-01T00:00:00Z',
			CreatedAt: '2026-11-24T09:00:01.000Z',
			LastUpdatedAt: '2026-11-24T09:00:01.500Z',
		});
		expect(written).toEqual([`\u001b]52;c;${Buffer.from(json).toString('base64')}\u0007`]);
		expect(app.lines().at(-1)).toContain('the step as JSON sent to the terminal clipboard (OSC 52)');
	});

	it('e exports the filtered, sorted view and says where', async () => {
		const calls: Array<{steps: readonly Step[]; workflowId: string}> = [];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {
			exportView: async (exported, workflowId) => {
				calls.push({steps: exported, workflowId});
				return {csvPath: '/tmp/out.csv', jsonPath: '/tmp/out.json'};
			},
		});
		await press(app.stdin, '4', 'S', 'e');
		await settle();
		expect(calls).toHaveLength(1);
		expect(calls[0].workflowId).toBe('wf-1');
		expect(calls[0].steps.map(s => s.FlowName)).toEqual(['flow-0002', 'flow-é']);
		expect(app.lines().at(-1)).toContain('exported 2 steps to /tmp/out.csv and .json');
	});

	it('e says "1 step", not "1 steps"', async () => {
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {
			exportView: async () => ({csvPath: './one.csv', jsonPath: './one.json'}),
		});
		await press(app.stdin, '/', 'flow-0002', '\r', 'e');
		await settle();
		expect(app.lines().at(-1)).toContain('exported 1 step to ./one.csv and .json');
	});

	it('the export message names both files whole at 80 columns, in place of the poll state for a while', async () => {
		const csvPath = './cp-watch-b4c1f11e-2026-12-01T211707Z.csv';
		const many = Array.from({length: 1200}, (_, i) => step(i));
		const app = await mount(fakeWatchSource({steps: many, workflow: workflow()}), {
			size: {columns: 80, rows: 24},
			exportView: async () => ({csvPath, jsonPath: csvPath.replace(/csv$/, 'json')}),
		});
		await press(app.stdin, 'e');
		await settle();
		expect(app.lines().at(-1)).toContain(`exported 1,200 steps to ${csvPath} and .json`);
	});

	it('y and Y say what the copy did, and a copy that failed in part is not called a success', async () => {
		const texts: string[] = [];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {
			copyText: async text => {
				texts.push(text);
				return texts.length === 1
					? {said: 'copied to the tmux buffer; OSC 52 sent too', failed: false}
					: {said: 'not in the tmux buffer (tmux load-buffer failed: no server); sent to the terminal clipboard (OSC 52)', failed: true};
			},
		});
		await press(app.stdin, 'y');
		await settle();
		expect(texts).toEqual(['flow-é']);
		expect(app.lines().at(-1)).toContain('flow-é copied to the tmux buffer; OSC 52 sent too');
		await press(app.stdin, 'Y');
		await settle();
		expect(app.lines().at(-1)).toContain('the step as JSON not in the tmux buffer');
		expect(app.lines().at(-1)).not.toContain('copied');
	});

	it('e shows the error when the export fails', async () => {
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {
			exportView: async () => {
				throw new Error('EACCES: permission denied');
			},
		});
		await press(app.stdin, 'e');
		await settle();
		expect(app.lines().at(-1)).toContain('export failed: EACCES: permission denied');
	});
});

describe('preferences', () => {
	it('a preferences file that could not be used is said in the status line from the start, on any screen', async () => {
		const warning = 'preferences ignored: /home/u/.config/cp-watch/config.json is not valid JSON; fix or remove it';
		const onSteps = await mount(fakeWatchSource({steps, workflow: workflow()}), {options: {startupWarning: warning}});
		expect(onSteps.lines().at(-1)).toContain('preferences ignored');
		const onDomains = await mount(fakeWatchSource(), {initial: {}, options: {startupWarning: warning}});
		expect(onDomains.lines().at(-1)).toContain('preferences ignored');
		const without = await mount(fakeWatchSource({steps, workflow: workflow()}));
		expect(without.lines().at(-1)).not.toContain('preferences');
	});


	it('starts from the given filter, sort and time mode, and reports each change', async () => {
		const changes: ViewPreferences[] = [];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {
			options: {statusFilter: ['FAILED'], sort: 'name', sortReverse: true, timeMode: 'utc'},
			onPreferencesChange: prefs => changes.push(prefs),
		});
		expect(app.frame()).toContain('2 shown');
		expect(app.frame()).toContain('sort name↓');
		expect(app.frame()).toContain('09:00:00Z');
		expect(changes).toEqual([]);
		await press(app.stdin, '0', 's', 't');
		expect(changes.at(-1)).toEqual({domain: 'demo', statusFilter: [], sort: 'created', sortReverse: true, timeMode: 'relative'});
		await press(app.stdin, KEYS.escape);
		await settle();
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(changes.at(-1)?.domain).toBeUndefined();
	});
});
