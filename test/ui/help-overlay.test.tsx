import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {KEY_HELP} from '../../source/core/keymap.js';
import {mount} from './app-harness.js';
import {fakeWatchSource, step, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press} from './press.js';

afterEach(() => cleanup());

const keyLines = (lines: string[]) => KEY_HELP.filter(([keys, action]) => lines.some(l => l.startsWith(keys) && l.includes(action.slice(0, 20))));

describe('help overlay on a short terminal', () => {
	it.each([
		['steps', {domain: 'd', workflowId: 'wf-1'}],
		['workflows', {domain: 'd'}],
	])('at 60x15 on the %s screen, j/k and PgUp/PgDn scroll it until every key has been seen', async (_, initial) => {
		const source = fakeWatchSource({steps: Array.from({length: 30}, (_, i) => step(i)), workflow: workflow(), workflows: [workflowSummary('wf-1')]});
		const app = await mount(source, {initial, size: {columns: 60, rows: 15}});
		await press(app.stdin, '?');
		expect(app.lines()).toHaveLength(14);
		expect(app.frame()).toMatch(new RegExp(String.raw`keys \(\? or Esc closes\) · j\/k scroll 1-\d+\/${KEY_HELP.length}`));
		const seen = new Set(keyLines(app.lines()).map(([keys]) => keys));
		expect(seen.size).toBeLessThan(KEY_HELP.length);
		for (let i = 0; i < KEY_HELP.length; i++) {
			await press(app.stdin, 'j');
			for (const [keys] of keyLines(app.lines())) seen.add(keys);
			expect(app.lines()).toHaveLength(14);
		}
		expect([...seen].sort()).toEqual(KEY_HELP.map(([keys]) => keys).sort());
		expect(app.frame()).toContain('q, Ctrl-C');
		// Scrolling stops at the last key, so one k is enough to come back up a line.
		await press(app.stdin, 'k');
		expect(app.frame()).not.toContain('q, Ctrl-C');
		await press(app.stdin, KEYS.pageUp, KEYS.pageUp, KEYS.pageUp);
		expect(app.lines().some(l => l.startsWith('Up/Down, k/j'))).toBe(true);
		await press(app.stdin, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
		expect(app.frame()).toContain('q, Ctrl-C');
		// The movement keys did not move the selection underneath; Esc closes; reopening starts at the top.
		await press(app.stdin, KEYS.escape);
		await new Promise(resolve => setTimeout(resolve, 20));
		expect(app.frame()).not.toContain('keys (? or Esc closes)');
		expect(app.lines().find(l => l.startsWith('›'))).toMatch(/flow-0000|wf-1/);
		await press(app.stdin, '?');
		expect(app.lines().some(l => l.startsWith('Up/Down, k/j'))).toBe(true);
	});
});
