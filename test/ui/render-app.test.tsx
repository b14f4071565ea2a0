// renderApp on a TTY-like stream with incremental rendering: each update must start by going up
// exactly the frame's height (Ink 6.8 goes up one line too few; see incremental-cursor-fix.ts).
import {afterEach, describe, expect, it, vi} from 'vitest';

vi.hoisted(() => {
	// Ink writes nothing until exit under CI; it reads the variable when first imported.
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
});

const {renderApp} = await import('../../source/ui/render-app.js');
const {correctIncrementalCursor} = await import('../../source/ui/incremental-cursor-fix.js');
const {FakeStdin, FakeStdout} = await import('./render-tui.js');
const {fakeWatchSource, NOW, step, workflow} = await import('../support/fake-watch-source.js');
const {press, settle} = await import('./press.js');
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

const unmounts: Array<() => void> = [];
afterEach(() => unmounts.splice(0).forEach(u => u()));


/** renderApp over 50 steps on a fake terminal of the given size, unmounted after the test. */
async function start(columns: number, rows: number) {
	const source = fakeWatchSource({steps: Array.from({length: 50}, (_, i) => step(i)), workflow: workflow()});
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const exits: number[] = [];
	const instance = renderApp(
		{source, initial: {domain: 'd', workflowId: 'w'}, options: {ascii: false, color: false, statusFilter: []}, onExit: code => exits.push(code), now: () => NOW},
		{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream},
	);
	unmounts.push(() => instance.unmount());
	await settle();
	await new Promise(resolve => setTimeout(resolve, 60));
	return {stdout, stdin, exits};
}

describe('renderApp', () => {
	it('corrects only a leading cursor-up', () => {
		expect(correctIncrementalCursor('\u001b[28A\u001b[Erow')).toBe('\u001b[29A\u001b[Erow');
		expect(correctIncrementalCursor('\u001b[0A')).toBe('\u001b[1A');
		expect(correctIncrementalCursor('\u001b[2K\u001b[1A')).toBe('\u001b[2K\u001b[1A');
		expect(correctIncrementalCursor('\u001b]52;c;eA==\u0007')).toBe('\u001b]52;c;eA==\u0007');
	});

	it('writes a first frame of rows - 1 lines, then returns to its top for each update', async () => {
		const {stdout, stdin, exits} = await start(100, 30);
		const first = stdout.writes.join('');
		expect(first.split('\n').length - 1).toBe(29);
		const before = stdout.writes.length;
		await press(stdin, 'j');
		await new Promise(resolve => setTimeout(resolve, 60));
		const update = stdout.writes.slice(before).find(w => w.startsWith('\u001b[') && /^\u001b\[\d+A/.test(w));
		expect(update?.match(/^\u001b\[(\d+)A/)?.[1]).toBe('29');
		await press(stdin, 'q');
		expect(exits).toEqual([0]);
	});

	it('clears the whole screen before redrawing when the terminal narrows (it re-wraps the old frame), not when it widens', async () => {
		const {stdout, stdin} = await start(120, 30);
		const clear = '\u001b[2J\u001b[H';
		const writesAfter = async (resize: () => void) => {
			const before = stdout.writes.length;
			resize();
			await settle();
			await new Promise(resolve => setTimeout(resolve, 250));
			return stdout.writes.slice(before);
		};
		const narrowed = await writesAfter(() => stdout.resize(100, 30));
		const cleared = narrowed.indexOf(clear);
		expect(cleared).toBeGreaterThanOrEqual(0);
		// After the clear comes the whole frame, laid out for the new width: it starts with the
		// header, at the top, and no line is wider than the terminal (so none wraps).
		const redraw = narrowed.slice(cleared + 1).join('');
		expect(redraw).toContain('cp-watch');
		expect(redraw).toContain('flow-0000');
		const widest = Math.max(...redraw.split('\n').map(line => stripAnsi(line).length));
		expect(widest).toBeLessThanOrEqual(100);
		const widened = await writesAfter(() => stdout.resize(120, 30));
		expect(widened).not.toContain(clear);
	});

	it('survives keys Ink cannot parse (Ctrl-F1, Shift-F1, a pasted colour code) and answers the next key', async () => {
		const {stdout, stdin, exits} = await start(100, 30);
		// Ctrl-F1, Ctrl-Shift-F1, Shift-F1 (whose "1;2" must not toggle filters), a colour code, then a
		// paste with all of them around three j.
		await press(stdin, '\u001b[1;5P', '\u001b[1;6P', '\u001b[1;2P', '\u001b[31m', 'j\u001b[31mj\u001b[1;5P\u001b[0mj');
		await new Promise(resolve => setTimeout(resolve, 60));
		const written = stdout.writes.join('');
		expect(written).toMatch(/› +✔ complete +flow-0003/);
		expect(written).not.toContain('only ');
		await press(stdin, 'q');
		expect(exits).toEqual([0]);
	});
});
