import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {fakeWatchSource, NOW, step, workflow} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';
import {renderTui} from './render-tui.js';

const unmounts: Array<() => void> = [];
afterEach(() => unmounts.splice(0).forEach(u => u()));

async function open(columns: number, rows: number) {
	const source = fakeWatchSource({steps: Array.from({length: 60}, (_, i) => step(i, {ExecutionMessage: `message ${i} ${'detail '.repeat(10)}`})), workflow: workflow()});
	const tui = renderTui(<App source={source} initial={{domain: 'd', workflowId: 'w'}} options={{ascii: false, color: false, statusFilter: []}} onExit={() => {}} now={() => NOW} />, {columns, rows});
	unmounts.push(() => tui.instance.unmount());
	await settle();
	return tui;
}

describe('wide terminals', () => {
	it('shows every column and puts the detail pane beside the table', async () => {
		const tui = await open(160, 40);
		expect(tui.lastFrame()).toContain('BATCH WINDOW');
		expect(tui.lastFrame()).toContain('2026-01-01 → 2026-02-01');
		await press(tui.stdin, 'jj', KEYS.enter);
		const lines = tui.lastFrame().split('\n');
		expect(lines.length).toBeLessThanOrEqual(39);
		const row = lines.find(l => l.startsWith('›')) ?? '';
		expect(row).toContain('flow-0002');
		expect(row).toMatch(/ │ \S/);
		expect(lines.filter(l => l.includes('│ FlowName   flow-0002')).length).toBe(1);
		for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(160);
	});

	it('follows the terminal size when no size is given', async () => {
		const tui = await open(100, 30);
		expect(tui.lastFrame().split('\n').length).toBeLessThanOrEqual(29);
		tui.stdout.resize(40, 8);
		await settle();
		expect(tui.lastFrame()).toContain('terminal too small');
		tui.stdout.resize(120, 20);
		await settle();
		expect(tui.lastFrame().split('\n').length).toBeLessThanOrEqual(19);
		expect(tui.lastFrame()).toContain('flow-0000');
	});
});
