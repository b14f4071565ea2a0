import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {keyHelp} from '../../source/core/keymap.js';
import {mount} from './app-harness.js';
import {fakeWatchSource, step, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press} from './press.js';

afterEach(() => cleanup());

const MARKS = {selected: '›', changed: '•'};
const keyLines = (help: ReturnType<typeof keyHelp>, lines: string[]) =>
	help.filter(([keys, action]) => lines.some(l => l.startsWith(keys) && l.includes(action.slice(0, 20))));

describe('help overlay on a short terminal', () => {
	it.each([
		['steps', {domain: 'd', workflowId: 'wf-1'}],
		['workflows', {domain: 'd'}],
	] as const)('at 60x15 on the %s screen, j/k and PgUp/PgDn scroll it until every key has been seen', async (screen, initial) => {
		const KEY_HELP = keyHelp(screen, MARKS);
		const lastLine = (KEY_HELP.at(-1)?.[1] ?? '').slice(0, 20);
		const source = fakeWatchSource({steps: Array.from({length: 30}, (_, i) => step(i)), workflow: workflow(), workflows: [workflowSummary('wf-1')]});
		const app = await mount(source, {initial, size: {columns: 60, rows: 15}});
		await press(app.stdin, '?');
		expect(app.lines()).toHaveLength(14);
		// Long actions wrap, so the help has at least a line per key.
		expect(app.frame()).toMatch(/keys \(\? or Esc closes\) · j\/k scroll 1-\d+\/\d+/);
		const total = Number(/scroll 1-\d+\/(\d+)/.exec(app.frame())?.[1]);
		expect(total).toBeGreaterThanOrEqual(KEY_HELP.length);
		const seen = new Set(keyLines(KEY_HELP, app.lines()).map(([keys]) => keys));
		expect(seen.size).toBeLessThan(KEY_HELP.length);
		for (let i = 0; i < total; i++) {
			await press(app.stdin, 'j');
			for (const [keys] of keyLines(KEY_HELP, app.lines())) seen.add(keys);
			expect(app.lines()).toHaveLength(14);
		}
		expect([...seen].sort()).toEqual(KEY_HELP.map(([keys]) => keys).sort());
		expect(app.frame()).toContain(lastLine);
		// Scrolling stops at the last line, so one k is enough to come back up a line.
		const bottom = app.lines().at(-2);
		await press(app.stdin, 'k');
		expect(app.lines().at(-2)).not.toBe(bottom);
		expect(app.lines()).not.toContain(bottom);
		await press(app.stdin, KEYS.pageUp, KEYS.pageUp, KEYS.pageUp);
		expect(app.lines().some(l => l.startsWith('Up/Down, k/j'))).toBe(true);
		await press(app.stdin, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
		expect(app.frame()).toContain(lastLine);
		// The movement keys did not move the selection underneath; Esc closes; reopening starts at the top.
		await press(app.stdin, KEYS.escape);
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(app.frame()).not.toContain('keys (? or Esc closes)');
		expect(app.lines().find(l => l.startsWith('›'))).toMatch(/flow-0000|wf-1/);
		await press(app.stdin, '?');
		expect(app.lines().some(l => l.startsWith('Up/Down, k/j'))).toBe(true);
	});
});

describe('help overlay on a tall terminal', () => {
	it('keeps the status line on the last line of the frame, not under the last key with blank rows below', async () => {
		const source = fakeWatchSource({steps: Array.from({length: 80}, (_, i) => step(i)), workflow: workflow()});
		const app = await mount(source, {size: {columns: 100, rows: 50}});
		const before = app.lines();
		await press(app.stdin, '?');
		const lines = app.lines();
		expect(lines).toHaveLength(before.length);
		expect(lines).toHaveLength(49);
		expect(lines.at(-1)).toContain('live');
		expect(lines.at(-2)?.trim()).toBe('');
	});

	it('differs per screen and explains the row marks', async () => {
		const steps = await mount(fakeWatchSource({steps: [step(0)], workflow: workflow()}), {size: {columns: 100, rows: 50}});
		await press(steps.stdin, '?');
		expect(steps.frame()).toMatch(/^•\s+a row the latest refresh added or changed/m);
		expect(steps.frame()).toMatch(/^1-7\s+toggle/m);
		expect(steps.frame()).toMatch(/^J\/K/m);
		cleanup();
		const list = await mount(fakeWatchSource({workflows: [workflowSummary('wf-1')]}), {initial: {domain: 'd'}, size: {columns: 100, rows: 50}});
		await press(list.stdin, '?');
		expect(list.frame()).toMatch(/^Enter\s+open the selected domain or workflow/m);
		expect(list.frame()).toMatch(/^\/\s+search the list/m);
		expect(list.frame()).not.toMatch(/^1-7/m);
		expect(list.frame()).not.toMatch(/^J\/K/m);
		expect(list.frame()).not.toContain('a row the latest refresh');
	});
});

describe('help overlay at 80 columns', () => {
	it('wraps a long action under itself instead of cutting it off', async () => {
		const source = fakeWatchSource({steps: [step(0)], workflow: workflow()});
		const app = await mount(source, {size: {columns: 80, rows: 50}});
		await press(app.stdin, '?');
		const lines = app.lines();
		expect(lines.filter(line => line.trimEnd().endsWith('…'))).toEqual([]);
		const toggle = lines.findIndex(line => line.startsWith('1-7'));
		expect(`${lines[toggle]} ${lines[toggle + 1].trim()}`).toContain('SPLIT RETRY CANCELLED');
		expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('problems only (FAILED, RETRY, CANCELLED); again: every status');
	});
});

