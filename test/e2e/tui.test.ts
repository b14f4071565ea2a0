// The built CLI in a real pseudo-terminal (tmux): keys in, screen out, and the terminal handed
// back intact on every way out.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {DOMAIN, FAILED_ID, lifecycleScenario} from '../support/lifecycle-scenario.js';
import {CLI, scenarioFile} from '../support/run-cli.js';
import {hasTmux, TmuxTerminal} from './tmux-terminal.js';

let terminal: TmuxTerminal | undefined;
let home: string | undefined;
afterEach(() => {
	terminal?.close();
	terminal = undefined;
	if (home) rmSync(home, {recursive: true, force: true});
	home = undefined;
});

const REPORT_END = 'end-of-report';

/** Runs cp-watch, then reports how it left the terminal: its exit code and the tty's modes. */
function open(args: string, size = {columns: 120, rows: 36}, environment = ''): TmuxTerminal {
	home = mkdtempSync(join(tmpdir(), 'cp-watch-e2e-'));
	const script = join(home, 'run.sh');
	writeFileSync(
		script,
		[
			// The shell's pid becomes cp-watch's (exec), so a test can signal it (its title is "cp-watch").
			`sh -c "echo \\$\\$ > ${join(home, 'pid')}; exec env ${environment} ${process.execPath} ${CLI} ${args}"`,
			'code=$?',
			// One word per line, then only the two modes that raw mode turns off.
			`modes=$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')`,
			// The whole report in one write, ending with a mark: a test that waits for the mark reads
			// the exit code and the modes together (waiting for "exit=" alone raced the stty line).
			`printf 'exit=%s\\nmodes: %s\\n${REPORT_END}\\n' "$code" "$modes"`,
			'sleep 60',
		].join('\n'),
	);
	return new TmuxTerminal(`sh ${script}`, {...size, env: {XDG_CONFIG_HOME: home}});
}

// CI must run this suite, not skip it: .ci/run installs tmux where it is missing.
if (!hasTmux() && process.env.CI) throw new Error('tmux is not installed: the end-to-end suite cannot run');

describe.skipIf(!hasTmux())('the TUI in a real terminal', () => {
	it('opens on the demo backfill, filters with a key, shows help, quits with q and restores the terminal', async () => {
		terminal = open('--demo --interval 1');
		const first = await terminal.waitFor(screen => /retail-prod/.test(screen) && /live/.test(screen), 'the steps screen, live');
		expect(terminal.pane()).toMatchObject({alternateScreen: true, cursorVisible: false});
		// A frame as tall as the terminal would scroll its first line away.
		expect(first.split('\n')[0]).toMatch(/^cp-watch · .*retail-prod/);

		terminal.press('4');
		await terminal.waitFor(screen => screen.includes('failed') && !/complete\s/i.test(tableOf(screen)), 'only failed steps');

		terminal.press('0', '?');
		await terminal.waitFor(screen => /problems only/i.test(screen) && /refresh now/i.test(screen), 'the help overlay');
		terminal.press('Escape');
		await terminal.waitFor(screen => !/refresh now/i.test(screen), 'help closed');

		terminal.press('x');
		await terminal.waitFor(screen => /\[4✖/.test(screen) && /\[6↻/.test(screen), 'problems only');
		terminal.press('q');
		const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit');
		expect(after).toMatch(/exit=0/);
		// The filter is remembered for next time.
		const saved = JSON.parse(readFileSync(join(home!, 'cp-watch', 'config.json'), 'utf8'));
		expect(saved.statusFilter).toEqual(['FAILED', 'RETRY', 'CANCELLED']);
		expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
		expect(after).toMatch(/(^|\s)echo(\s|$)/m);
		expect(terminal.pane()).toMatchObject({alternateScreen: false, cursorVisible: true});
	});

	it('remembers what keys changed, never a one-off --status', async () => {
		terminal = open('--demo --interval 1 --status FAILED');
		await terminal.waitFor(screen => /retail-prod/.test(screen) && /live/.test(screen), 'the steps screen, live');
		terminal.press('t');
		await terminal.waitFor(screen => /\d\d:\d\d:\d\d/.test(tableOf(screen)), 'local times');
		terminal.press('q');
		await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit');
		const saved = JSON.parse(readFileSync(join(home!, 'cp-watch', 'config.json'), 'utf8'));
		expect(saved.timeMode).toBe('local');
		expect(saved.statusFilter).toBeUndefined();
		// Nor the sort nobody touched (the view's default is not a choice).
		expect(saved.sort).toBeUndefined();
	});

	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const)('restores the terminal on %s too (exit %i)', async (signal, code) => {
		terminal = open('--demo --interval 1');
		await terminal.waitFor(screen => /retail-prod/.test(screen), 'the steps screen');
		process.kill(Number(readFileSync(join(home!, 'pid'), 'utf8')), signal);
		const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit');
		expect(after).toContain(`exit=${code}`);
		expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
		expect(terminal.pane()).toMatchObject({alternateScreen: false, cursorVisible: true});
	});

	it('--exit-status leaves with the workflow verdict once it is final, and says it', async () => {
		const scenario = scenarioFile(lifecycleScenario());
		try {
			terminal = open(`--demo ${scenario.path} --domain ${DOMAIN} --workflow ${FAILED_ID} --interval 1 --exit-status`);
			await terminal.waitFor(screen => screen.includes(FAILED_ID) && /ci-failed-2/.test(screen), 'the steps of the workflow');
			const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit by itself', 25_000);
			expect(after).toContain(`cp-watch: workflow ${FAILED_ID} FAILED, 1/2 steps`);
			expect(after).toContain('exit=1');
			expect(terminal.pane()).toMatchObject({alternateScreen: false, cursorVisible: true});
		} finally {
			scenario.cleanup();
		}
	}, 40_000);

	it('draws with CI set in the environment (devcontainers and hosted IDEs set it)', async () => {
		terminal = open('--demo --interval 1', undefined, 'CI=true CONTINUOUS_INTEGRATION=1');
		await terminal.waitFor(screen => /retail-prod/.test(screen) && /live/.test(screen), 'the steps screen, live');
		expect(terminal.pane()).toMatchObject({alternateScreen: true});
		terminal.press('q');
		const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit');
		expect(after).toMatch(/exit=0/);
	});

	it('--exit-status on an error that stays (an untrusted certificate) leaves with 7 and says it', async () => {
		const {startEmulator} = await import('../../source/emulator/index.js');
		const tls = await startEmulator({scenario: lifecycleScenario(), tls: true});
		try {
			const keys = 'AWS_ACCESS_KEY_ID=AKIDE2E AWS_SECRET_ACCESS_KEY=e2e AWS_REGION=us-east-1 NODE_EXTRA_CA_CERTS= AWS_CA_BUNDLE=';
			terminal = open(`--endpoint-url ${tls.url} --domain ${DOMAIN} --workflow ${FAILED_ID} --exit-status`, undefined, keys);
			const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit by itself', 20_000);
			expect(after).toMatch(/cp-watch: the server's TLS certificate is not trusted/);
			expect(after).toContain('exit=7');
			expect(terminal.pane()).toMatchObject({alternateScreen: false, cursorVisible: true});
		} finally {
			await tls.close();
		}
	}, 30_000);

	it('shows a too-small screen below the minimum size and recovers on resize', async () => {
		terminal = open('--demo --interval 1', {columns: 100, rows: 30});
		await terminal.waitFor(screen => /retail-prod/.test(screen), 'the steps screen');
		// Narrowing makes the terminal re-wrap the old frame; the redraw must still start at the top.
		terminal.resize(80, 30);
		await terminal.waitFor(screen => {
			const lines = screen.split('\n');
			return /^cp-watch · /.test(lines[0]) && /^\[/.test(lines[1]) && lines.every(line => line.length <= 80);
		}, 'a clean frame at 80 columns');
		terminal.resize(30, 6);
		await terminal.waitFor(screen => /too small/i.test(screen), 'the too-small screen');
		terminal.resize(100, 30);
		await terminal.waitFor(screen => /retail-prod/.test(screen) && !/too small/i.test(screen), 'the steps screen again');
		terminal.press('C-c');
		const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit');
		expect(after).toMatch(/exit=0/);
	});
});

/** The part of the screen below the header and filter chips (which name every status). */
function tableOf(screen: string): string {
	const lines = screen.split('\n');
	return lines.slice(Math.min(lines.length, 4), -2).join('\n');
}

describe.skipIf(!hasTmux())('a journal recorded in the TUI, replayed in the TUI', () => {
	it('--record FILE that cannot be written: one line and exit 2 before the TUI opens', async () => {
		const path = join(tmpdir(), 'no-such-directory-for-cp-watch', 'j.ndjson');
		terminal = open(`--demo --record ${path}`);
		const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'cp-watch to exit');
		expect(after).toContain(`cp-watch: --record ${path}: no such directory\nexit=2`);
		expect(after).not.toContain('retail-prod');
	});

	it('--record in the TUI writes the watch; replay shows it with the journal clock, } jumps to the problem, q restores', async () => {
		const scenario = scenarioFile(lifecycleScenario());
		const dir = mkdtempSync(join(tmpdir(), 'cp-watch-e2e-journal-'));
		const journal = join(dir, 'j.ndjson');
		try {
			terminal = open(`--demo ${scenario.path} --domain ${DOMAIN} --workflow ${FAILED_ID} --interval 1 --exit-status --record ${journal}`);
			const recorded = await terminal.waitFor(screen => screen.includes(REPORT_END), 'the recording to end with the workflow', 25_000);
			expect(recorded).toContain('exit=1');
			terminal.close();
			rmSync(home!, {recursive: true, force: true});
			const lines = readFileSync(journal, 'utf8').trimEnd().split('\n').map(line => JSON.parse(line));
			expect(lines[0]).toMatchObject({kind: 'header', domain: DOMAIN, workflowId: FAILED_ID});
			expect(lines.some(line => line.kind === 'step' && line.step.Status === 'FAILED')).toBe(true);

			terminal = open(`replay ${journal}`);
			const opened = await terminal.waitFor(screen => /^▶ replay · \d{4}-\d\d-\d\dT/.test(screen) && screen.includes('ci-failed-2'), 'the replay');
			expect(opened.split('\n')[1]).toMatch(/^cp-watch · .*ci-lifecycle/);
			terminal.press('}');
			await terminal.waitFor(screen => /^‖ paused/.test(screen) && /retry +ci-failed-2/.test(screen), 'the RETRY of ci-failed-2');
			terminal.press('}');
			await terminal.waitFor(screen => /failed +ci-failed-2/.test(screen), 'the FAILED of ci-failed-2');
			terminal.press('q');
			const after = await terminal.waitFor(screen => screen.includes(REPORT_END), 'replay to exit');
			expect(after).toContain('exit=0');
			expect(terminal.pane()).toMatchObject({alternateScreen: false, cursorVisible: true});
		} finally {
			scenario.cleanup();
			rmSync(dir, {recursive: true, force: true});
		}
	}, 60_000);
});
