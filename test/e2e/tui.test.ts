// The built CLI in a real pseudo-terminal (tmux): keys in, screen out, and the terminal handed
// back intact on every way out.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {CLI} from '../support/run-cli.js';
import {hasTmux, TmuxTerminal} from './tmux-terminal.js';

let terminal: TmuxTerminal | undefined;
let home: string | undefined;
afterEach(() => {
	terminal?.close();
	terminal = undefined;
	if (home) rmSync(home, {recursive: true, force: true});
	home = undefined;
});

/** Runs cp-watch, then reports how it left the terminal: its exit code and the tty's modes. */
function open(args: string, size = {columns: 120, rows: 36}): TmuxTerminal {
	home = mkdtempSync(join(tmpdir(), 'cp-watch-e2e-'));
	const after = `echo "exit=$?"; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 60`;
	return new TmuxTerminal(`sh -c '${process.execPath} ${CLI} ${args}; ${after}'`, {
		...size,
		env: {XDG_CONFIG_HOME: home},
	});
}

describe.skipIf(!hasTmux())('the TUI in a real terminal', () => {
	it('opens on the demo backfill, filters with a key, shows help, quits with q and restores the terminal', async () => {
		terminal = open('--demo --interval 1');
		const first = await terminal.waitFor(screen => /retail-prod/.test(screen) && /live/.test(screen), 'the steps screen, live');
		expect(terminal.pane()).toMatchObject({alternateScreen: true, cursorVisible: false});
		expect(first.split('\n').length).toBeLessThanOrEqual(36);

		terminal.press('4');
		await terminal.waitFor(screen => screen.includes('failed') && !/complete\s/i.test(tableOf(screen)), 'only failed steps');

		terminal.press('0', '?');
		await terminal.waitFor(screen => /problems only/i.test(screen) && /refresh now/i.test(screen), 'the help overlay');
		terminal.press('Escape');
		await terminal.waitFor(screen => !/refresh now/i.test(screen), 'help closed');

		terminal.press('q');
		const after = await terminal.waitFor(screen => /exit=\d+/.test(screen), 'cp-watch to exit');
		expect(after).toMatch(/exit=0/);
		expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
		expect(after).toMatch(/(^|\s)echo(\s|$)/m);
		expect(terminal.pane()).toMatchObject({alternateScreen: false, cursorVisible: true});
	});

	it('restores the terminal on SIGTERM too', async () => {
		terminal = open('--demo --interval 1');
		await terminal.waitFor(screen => /retail-prod/.test(screen), 'the steps screen');
		terminal.tmux('run-shell', `pkill -TERM -f '${CLI} --demo'`);
		const after = await terminal.waitFor(screen => /exit=\d+/.test(screen), 'cp-watch to exit');
		expect(after).toMatch(/exit=143/);
		expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
		expect(terminal.pane()).toMatchObject({alternateScreen: false, cursorVisible: true});
	});

	it('shows a too-small screen below the minimum size and recovers on resize', async () => {
		terminal = open('--demo --interval 1', {columns: 100, rows: 30});
		await terminal.waitFor(screen => /retail-prod/.test(screen), 'the steps screen');
		terminal.resize(30, 6);
		await terminal.waitFor(screen => /too small/i.test(screen), 'the too-small screen');
		terminal.resize(100, 30);
		await terminal.waitFor(screen => /retail-prod/.test(screen) && !/too small/i.test(screen), 'the steps screen again');
		terminal.press('C-c');
		const after = await terminal.waitFor(screen => /exit=\d+/.test(screen), 'cp-watch to exit');
		expect(after).toMatch(/exit=0/);
	});
});

/** The part of the screen below the header and filter chips (which name every status). */
function tableOf(screen: string): string {
	const lines = screen.split('\n');
	return lines.slice(Math.min(lines.length, 4), -2).join('\n');
}
