// "Since you last looked" through the built CLI, as a script runs it: a real emulator over HTTP,
// the real SDK in the child, and a state directory of the test's own (XDG_STATE_HOME).
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {AWAY_CHANGES, AWAY_DOMAIN, AWAY_ID, awayScenario, FIRST_LOOK_AT, SECOND_LOOK_AT} from '../support/away-scenario.js';
import {CLI, cleanEnv, runCli} from '../support/run-cli.js';
import {hasTmux, TmuxTerminal} from '../e2e/tmux-terminal.js';

let emulator: Emulator;
let stateHome: string;
beforeEach(async () => {
	emulator = await startEmulator({scenario: awayScenario()});
	stateHome = mkdtempSync(join(tmpdir(), 'cp-watch-state-'));
});
afterEach(async () => {
	await emulator.close();
	rmSync(stateHome, {recursive: true, force: true});
});

const env = () => cleanEnv({XDG_STATE_HOME: stateHome, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1'});
const watchArgs = () => ['--endpoint-url', emulator.url, '--domain', AWAY_DOMAIN, '--workflow', AWAY_ID, '--interval', '1', '--max-rps', '10'];
const stateFile = () => join(stateHome, 'cp-watch', `${AWAY_DOMAIN}.${AWAY_ID}.json.gz`);

/** Line mode until its first complete walk is printed, then Ctrl-C: a person having a look. At
 * the first look the workflow has 3 steps, at the second 4. */
function lookAndLeave(extra: string[] = [], signal: NodeJS.Signals = 'SIGINT'): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...watchArgs(), ...(extra.includes('--json') ? [] : ['--plain']), ...extra], {env: env(), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
		child.stdout.setEncoding('utf8').on('data', chunk => {
			stdout += chunk;
			// Every step of the first walk is in: enough of a look.
			const steps = emulator.virtualTime() >= 5 ? 4 : 3;
			if ((stdout.match(/( {2}|"FlowName":")away-/g) ?? []).length >= steps) child.kill(signal);
		});
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(killer);
			resolve({code, stdout, stderr});
		});
	});
}

describe('--since-last in line mode', () => {
	it('after a look, a quit and the scenario moving on, the first line says what changed', async () => {
		emulator.advance(FIRST_LOOK_AT);
		const first = await lookAndLeave(['--since-last']);
		expect(first.code, first.stderr).toBe(130);
		expect(first.stdout.split('\n')[0]).toBe('since you last looked: nothing to compare, this is the first look at this workflow');
		expect(existsSync(stateFile())).toBe(true);

		emulator.advance(SECOND_LOOK_AT - FIRST_LOOK_AT);
		const second = await lookAndLeave(['--since-last']);
		const [line, next] = second.stdout.split('\n');
		expect(line).toMatch(/^since you last looked \((just now|\d+s ago), \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\): /);
		expect(line.slice(line.indexOf('): ') + 3)).toBe(AWAY_CHANGES);
		// Then the usual log: the workflow first.
		expect(next).toContain(`workflow ${AWAY_ID}`);
		expect(second.stderr).toBe('');

		// Nothing moved since that second look.
		const third = await lookAndLeave(['--since-last']);
		expect(third.stdout.split('\n')[0]).toMatch(/\): nothing changed$/);
	});

	it('an SSH session that drops (SIGHUP) still keeps the look: exit 129 and the state file', async () => {
		emulator.advance(FIRST_LOOK_AT);
		const run = await lookAndLeave([], 'SIGHUP');
		expect(run.code, run.stderr).toBe(129);
		expect(existsSync(stateFile())).toBe(true);
	});

	it('--json gives the same summary as the first object', async () => {
		emulator.advance(FIRST_LOOK_AT);
		await lookAndLeave();
		emulator.advance(SECOND_LOOK_AT - FIRST_LOOK_AT);
		const run = await lookAndLeave(['--json', '--since-last']);
		expect(run.code, run.stderr).toBe(130);
		const first = JSON.parse(run.stdout.split('\n')[0]);
		expect(first).toMatchObject({type: 'sinceLast', firstLook: false, completed: 1, failed: ['away-broken'], newSteps: 1, records: 400, changedSteps: 3});
	});

	it('--once keeps a look too, and --since-last puts the summary above the table', async () => {
		emulator.advance(FIRST_LOOK_AT);
		const first = await runCli([...watchArgs(), '--once'], {env: env()});
		expect(first.code, first.stderr).toBe(0);
		emulator.advance(SECOND_LOOK_AT - FIRST_LOOK_AT);
		const second = await runCli([...watchArgs(), '--once', '--since-last'], {env: env()});
		expect(second.stdout.split('\n')[0]).toContain(`): ${AWAY_CHANGES}`);
		expect(second.stdout).toMatch(/^STATUS +FLOW/m);
	});
});

describe('the state directory', () => {
	it('--no-state writes nothing and reads nothing', async () => {
		emulator.advance(FIRST_LOOK_AT);
		const run = await lookAndLeave(['--no-state']);
		expect(run.code, run.stderr).toBe(130);
		expect(existsSync(join(stateHome, 'cp-watch'))).toBe(false);
	});

	it('a state file that cannot be read is reported once, and kept byte for byte', async () => {
		mkdirSync(join(stateHome, 'cp-watch'), {recursive: true});
		writeFileSync(stateFile(), 'not a state file');
		emulator.advance(FIRST_LOOK_AT);
		const run = await lookAndLeave(['--since-last']);
		expect(run.code).toBe(130);
		const warnings = run.stderr.trimEnd().split('\n');
		expect(warnings).toEqual([`cp-watch: last look ignored: ${stateFile()} is not a gzip file; it is kept as it is (remove it to start afresh)`]);
		expect(run.stdout.split('\n')[0]).toBe('since you last looked: nothing to compare, this is the first look at this workflow');
		expect(readFileSync(stateFile(), 'utf8')).toBe('not a state file');
	});

	// Root reads every file whatever its mode: the test means something only for a user.
	it.skipIf(process.getuid?.() === 0)('a state file it may not read is reported, and not replaced', async () => {
		mkdirSync(join(stateHome, 'cp-watch'), {recursive: true});
		writeFileSync(stateFile(), 'secret');
		chmodSync(stateFile(), 0o000);
		emulator.advance(FIRST_LOOK_AT);
		const run = await lookAndLeave();
		expect(run.stderr).toMatch(/last look ignored: cannot read .* \(EACCES\)/);
		chmodSync(stateFile(), 0o600);
		expect(readFileSync(stateFile(), 'utf8')).toBe('secret');
	});

	it('holds no credentials, no endpoint and no messages: only names, statuses and records', async () => {
		emulator.advance(FIRST_LOOK_AT);
		await lookAndLeave();
		const {gunzipSync} = await import('node:zlib');
		const text = gunzipSync(readFileSync(stateFile())).toString('utf8');
		for (const secret of ['AKIDTEST', 'secret', '127.0.0.1', 'Running', 'Salesforce']) expect(text).not.toContain(secret);
		expect(readdirSync(join(stateHome, 'cp-watch'))).toEqual([`${AWAY_DOMAIN}.${AWAY_ID}.json.gz`]);
	});

	it('--help lists --since-last and --no-state', async () => {
		const run = await runCli(['--help']);
		expect(run.stdout).toMatch(/--since-last +.*changed since the last look/);
		expect(run.stdout).toMatch(/--no-state +.*\$XDG_STATE_HOME\/cp-watch/);
	});

	it.each([
		[['--since-last', '--no-state'], /--since-last and --no-state cannot be used together/],
		[['--since-last', '--once', '--json'], /--since-last prints a line/],
	])('%j is a usage error', async args => {
		const run = await runCli([...watchArgs(), ...args], {env: env()});
		expect(run.code).toBe(2);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
	});
});


describe.skipIf(!hasTmux())('since you last looked, in the TUI', () => {
	it('a one-page workflow opened on the command line compares with the kept look, not with its own first walk', async () => {
		emulator.advance(FIRST_LOOK_AT);
		await lookAndLeave();
		emulator.advance(SECOND_LOOK_AT - FIRST_LOOK_AT);
		// The opening workflow starts polling before the first frame, and its one page is complete
		// within that wait: the banner must still be about the look kept on disk.
		const environment = Object.entries(env())
			.filter(([name]) => name.startsWith('AWS_') || name.startsWith('XDG_'))
			.map(([name, value]) => `${name}=${value}`)
			.join(' ');
		const terminal = new TmuxTerminal(`env ${environment} ${process.execPath} ${CLI} ${watchArgs().join(' ')}`, {columns: 160, rows: 30});
		try {
			const screen = await terminal.waitFor(text => /since you last looked \(/.test(text) && text.includes('away-'), 'the since-last banner', 15_000);
			expect(screen).toContain(AWAY_CHANGES.split(',')[0]);
			expect(screen).not.toContain('nothing changed');
		} finally {
			terminal.press('q');
			terminal.close();
		}
	});
});
