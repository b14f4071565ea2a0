// --once through real HTTP to the embedded emulator (a scenario file, as `--demo FILE` runs it):
// the progress line on a terminal's stderr, colour, the missing --workflow hint, giving up.
import {afterEach, describe, expect, it} from 'vitest';
import {parseCli} from '../../source/cli/options.js';
import {runSnapshot} from '../../source/cli/run-snapshot.js';
import {resolveTarget, type Target} from '../../source/cli/target.js';
import {scenarioFile} from '../support/run-cli.js';

const DOMAIN = 'snap';
const ID = '5a75a75a75a75a75a75a75a75a75a75a';
const OTHER = '0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e';

function scenario(faults: object = {throttle: null}, count = 1000) {
	return {
		clock: {start: '2026-11-24T09:00:00Z', speed: 1},
		faults,
		domains: [
			{
				DomainName: DOMAIN,
				workflows: [
					{WorkflowId: ID, at: -7200, generate: {count, seed: 5, at: -7200, spanSeconds: 3600}},
					{WorkflowId: OTHER, SourceConnectorType: 'Marketo', at: -3600, steps: [{FlowName: 'm-1', at: -3600, timeline: [{at: -3600, Status: 'COMPLETE'}]}]},
				],
			},
		],
	};
}

class Capture {
	writes: string[] = [];
	constructor(readonly isTTY: boolean) {}
	write(chunk: string, callback?: () => void): boolean {
		this.writes.push(chunk);
		callback?.();
		return true;
	}
	text(): string {
		return this.writes.join('');
	}
	// A stream has listeners; the runner listens for a reader that leaves.
	on(): this {
		return this;
	}
}

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function run(args: string[], options: {faults?: object; stderrTTY?: boolean; env?: NodeJS.ProcessEnv} = {}) {
	const file = scenarioFile(scenario(options.faults));
	cleanups.push(file.cleanup);
	const parsed = parseCli(['--demo', file.path, '--max-rps', '50', ...args], options.env ?? {}, false, '0.0.0');
	if (!parsed.ok) throw new Error(parsed.error);
	const resolved = await resolveTarget(parsed.options);
	if (!resolved.ok) throw new Error(resolved.error);
	const target: Target = resolved.value;
	cleanups.push(() => target.close());
	const stdout = new Capture(false);
	const stderr = new Capture(options.stderrTTY ?? false);
	const code = await runSnapshot(parsed.options, target, {stdout: stdout as never, stderr: stderr as never, env: options.env ?? {}});
	return {code, stdout: stdout.text(), stderr: stderr.text(), stderrWrites: stderr.writes};
}

describe('--once', () => {
	it('shows "N of TOTAL steps" on a terminal\'s stderr while it walks, and clears it before printing', async () => {
		const result = await run(['--domain', DOMAIN, '--workflow', ID, '--once', '--json'], {stderrTTY: true});
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout).steps).toHaveLength(1000);
		const lines = result.stderrWrites.filter(write => write.includes('reading steps'));
		expect(lines.length).toBeGreaterThanOrEqual(5);
		expect(lines[0]).toContain('reading steps: 100 of 1,000 steps · 1 page');
		expect(lines.at(-1)).toContain('900 of 1,000 steps · 9 pages');
		// The last thing left on stderr erases the line: the terminal is as it was.
		expect(result.stderrWrites.at(-1)).toBe('\r\u001b[2K');
	});

	it('writes no progress into a file or pipe', async () => {
		const result = await run(['--domain', DOMAIN, '--workflow', ID, '--once', '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
	});

	it('--once --plain colours statuses with FORCE_COLOR, as line mode does, and NO_COLOR beats it', async () => {
		const forced = await run(['--domain', DOMAIN, '--workflow', OTHER, '--once', '--plain'], {env: {FORCE_COLOR: '1'}});
		expect(forced.stdout).toMatch(/\u001B\[32mCOMPLETE *\u001B\[39m  m-1/);
		expect(forced.stdout).toContain('STATUS');
		const plain = await run(['--domain', DOMAIN, '--workflow', OTHER, '--once', '--plain']);
		expect(plain.stdout).not.toContain('\u001B');
		const none = await run(['--domain', DOMAIN, '--workflow', OTHER, '--once', '--plain'], {env: {FORCE_COLOR: '1', NO_COLOR: '1'}});
		expect(none.stdout).not.toContain('\u001B');
	});

	it('without --workflow says that is what is missing, and lists the domain\'s workflows', async () => {
		const result = await run(['--domain', DOMAIN, '--once']);
		expect(result.code).toBe(2);
		const lines = result.stderr.trimEnd().split('\n');
		expect(lines[0]).toBe('cp-watch: --once needs --workflow too');
		expect(lines[1]).toBe(`cp-watch: the workflows of ${DOMAIN}:`);
		expect(result.stderr).toContain(`--workflow ${ID}`);
		expect(result.stderr).toContain(`--workflow ${OTHER}  COMPLETE`);
		expect(result.stdout).toBe('');
	});

	it('gives up with exit 7 and says why when paging tokens expire faster than the walk can follow', async () => {
		// Tokens valid for no time at all: every attempt stops after its first page.
		const result = await run(['--domain', DOMAIN, '--workflow', ID, '--once', '--json'], {faults: {throttle: null, tokenTtlSeconds: 0.001}, stderrTTY: true});
		expect(result.code).toBe(7);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('started over once (paging token expired)');
		const last = result.stderr.split('\r\u001b[2K').at(-1)!;
		expect(last).toMatch(/^cp-watch: gave up: the paging token kept expiring before the walk reached the last page \(started over 2 times; the furthest got 100 items\); the service said: The NextToken .*expired.*\n$/);
	}, 15_000);
});
