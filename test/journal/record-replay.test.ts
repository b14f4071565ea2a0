// The journal round trip as a user runs it: the built CLI watches the emulator over real HTTP with
// the real SDK, recording; `cp-watch replay` then prints exactly what the recording run printed.
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readJournal} from '../../source/journal/journal-reader.js';
import {CANCELLED_ID, COMPLETE_ID, DOMAIN, FAILED_ID, lifecycleScenario, SLOW_ID} from '../support/lifecycle-scenario.js';
import {CLI, cleanEnv, runCli, scenarioFile} from '../support/run-cli.js';

const scenario = scenarioFile(lifecycleScenario());
const throttled = scenarioFile({...lifecycleScenario(), faults: {throttle: {ratePerSecond: 0.7, burst: 1, retryAfterSeconds: 1}}});
const dir = mkdtempSync(join(tmpdir(), 'cp-watch-journal-'));
afterAll(() => {
	scenario.cleanup();
	throttled.cleanup();
	rmSync(dir, {recursive: true, force: true});
});
const watch = (workflowId: string, file = scenario.path) => ['--demo', file, '--domain', DOMAIN, '--workflow', workflowId, '--interval', '1', '--max-rps', '10'];

const recordings = new Map<string, Promise<{journal: string; stdout: string}>>();

/** One recording run per mode and workflow, shared by the tests that only read it. */
function recorded(flag: '--plain' | '--json', workflowId: string): Promise<{journal: string; stdout: string}> {
	const key = `${flag}-${workflowId}`;
	let recording = recordings.get(key);
	if (!recording) {
		const journal = join(dir, `${key.slice(2)}.ndjson`);
		recording = runCli([...watch(workflowId), flag, '--record', journal]).then(run => {
			expect(run.code, run.stderr).toBe(0);
			return {journal, stdout: run.stdout};
		});
		recordings.set(key, recording);
	}
	return recording;
}

function kinds(path: string): string[] {
	return readJournal(readFileSync(path, 'utf8')).records.map(record => record.kind);
}

describe('--record, then replay', () => {
	it.each([
		['--plain', FAILED_ID],
		['--json', FAILED_ID],
		['--plain', CANCELLED_ID],
		['--json', COMPLETE_ID],
	] as const)('replay %s prints, line for line, what the recording run printed (workflow %s)', async (flag, workflowId) => {
		const {journal, stdout} = await recorded(flag, workflowId);
		expect(stdout.split('\n').length).toBeGreaterThan(4);

		const replay = await runCli(['replay', journal, flag]);
		expect(replay.code, replay.stderr).toBe(0);
		expect(replay.stderr).toBe('');
		expect(replay.stdout.split('\n')).toEqual(stdout.split('\n'));
	});

	it('the journal holds a header, one snapshot, then only changes, and the end', async () => {
		const {journal} = await recorded('--plain', FAILED_ID);
		const lines = readFileSync(journal, 'utf8').split('\n');
		expect(lines.at(-1)).toBe('');
		const header = JSON.parse(lines[0]);
		expect(header).toMatchObject({journal: 1, kind: 'header', scope: 'workflow', domain: DOMAIN, workflowId: FAILED_ID, intervalMs: 1000});
		expect(header.cpWatch).toMatch(/^\d+\.\d+\.\d+/);
		expect(new Date(header.time).toISOString()).toBe(header.time);
		const written = kinds(journal);
		expect(written.filter(kind => kind === 'snapshot')).toHaveLength(1);
		expect(written[1]).toBe('snapshot');
		expect(written.at(-1)).toBe('end');
		// The snapshot has both steps; after it, the steps come one change at a time.
		const snapshot = JSON.parse(lines[1]);
		expect(snapshot.steps.map((step: {FlowName: string}) => step.FlowName).sort()).toEqual(['ci-failed-1', 'ci-failed-2']);
		const failed = lines.filter(Boolean).map(line => JSON.parse(line)).find(record => record.kind === 'step' && record.step.Status === 'FAILED');
		expect(failed).toMatchObject({workflowId: FAILED_ID, previousStatus: 'RETRY', step: {FlowName: 'ci-failed-2'}});
	});

	it('a file that exists is appended to, with a new header; replay prints both runs', async () => {
		const journal = join(dir, 'twice.ndjson');
		const first = await runCli([...watch(CANCELLED_ID), '--plain', '--record', journal]);
		const second = await runCli([...watch(CANCELLED_ID), '--plain', '--record', journal]);
		expect([first.code, second.code]).toEqual([0, 0]);
		expect(kinds(journal).filter(kind => kind === 'header')).toHaveLength(2);
		const replay = await runCli(['replay', journal, '--plain']);
		expect(replay.stdout).toBe(first.stdout + second.stdout);
	});

	it('throttling is recorded with its time, and the recovery after it; the printed events are unchanged', async () => {
		const journal = join(dir, 'throttled.ndjson');
		const run = await runCli([...watch(FAILED_ID, throttled.path), '--plain', '--record', journal], {timeoutMs: 30_000});
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toMatch(/attempt 1 failed: throttled/);
		const records = readJournal(readFileSync(journal, 'utf8')).records;
		const throttle = records.find(record => record.kind === 'throttled');
		expect(throttle).toBeDefined();
		expect(records.slice(records.indexOf(throttle!)).some(record => record.kind === 'recovered')).toBe(true);
		const replay = await runCli(['replay', journal, '--plain']);
		expect(replay.stdout).toBe(run.stdout);
	}, 40_000);

	it('a recorder killed with SIGKILL leaves a journal of whole lines, holding everything it printed', async () => {
		const journal = join(dir, 'killed.ndjson');
		const child = spawn(process.execPath, [CLI, ...watch(SLOW_ID), '--plain', '--record', journal], {env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe']});
		let printed = '';
		child.stdout.setEncoding('utf8').on('data', chunk => (printed += chunk));
		const closed = new Promise(resolve => child.on('close', resolve));
		// The slow workflow's step starts running a second in: wait for that change to be written.
		while (!(existsSync(journal) && readFileSync(journal, 'utf8').includes('"kind":"step"'))) await new Promise(resolve => setTimeout(resolve, 50));
		child.kill('SIGKILL');
		await closed;
		const read = readJournal(readFileSync(journal, 'utf8'));
		expect(read.problem).toBeUndefined();
		expect(read.records.map(record => record.kind).slice(0, 3)).toEqual(['header', 'snapshot', 'step']);
		const replay = await runCli(['replay', journal, '--plain']);
		expect(replay.code).toBe(0);
		expect(printed.length).toBeGreaterThan(0);
		expect(replay.stdout.startsWith(printed)).toBe(true);
	});

	it('an error that ends the watch is recorded with its kind and message, then the end', async () => {
		const denied = scenarioFile({...lifecycleScenario(), faults: {deny: ['GetWorkflowSteps']}});
		try {
			const journal = join(dir, 'denied.ndjson');
			const run = await runCli([...watch(COMPLETE_ID, denied.path), '--plain', '--record', journal]);
			expect(run.code).toBe(4);
			const records = readJournal(readFileSync(journal, 'utf8')).records;
			expect(records.map(record => record.kind)).toEqual(['header', 'error', 'end']);
			expect(records[1]).toMatchObject({kind: 'error', workflowId: COMPLETE_ID, error: {kind: 'access-denied', retryable: false}});
			expect((records[1] as {error: {message: string}}).error.message).toContain('profile:GetWorkflowSteps');
			expect(records[2]).toMatchObject({kind: 'end', reason: 'error'});
			const replay = await runCli(['replay', journal, '--plain']);
			expect([replay.code, replay.stdout]).toEqual([0, run.stdout]);
		} finally {
			denied.cleanup();
		}
	});

	it('replay --status prints only those steps, as the recording would have with --status', async () => {
		const {journal, stdout} = await recorded('--plain', FAILED_ID);
		const replay = await runCli(['replay', journal, '--plain', '--status', 'FAILED,RETRY']);
		const expected = stdout.split('\n').filter(line => !/ ci-failed-\d /.test(line) || /  (FAILED|RETRY) /.test(line));
		expect(replay.stdout.split('\n')).toEqual(expected);
	});
});

describe('a recording run with --status, and colour', () => {
	it('replay prints what a --status run printed (the journal keeps every step; the header keeps the filter)', async () => {
		const journal = join(dir, 'status.ndjson');
		const run = await runCli([...watch(FAILED_ID), '--plain', '--status', 'FAILED', '--record', journal]);
		expect(run.code, run.stderr).toBe(0);
		const replay = await runCli(['replay', journal, '--plain']);
		expect(replay.stdout.split('\n')).toEqual(run.stdout.split('\n'));
		// --status given to the replay wins over the recorded one.
		const every = await runCli(['replay', journal, '--plain', '--status', 'FAILED,RETRY,COMPLETE,IN_PROGRESS,NOT_STARTED']);
		expect(every.stdout.split('\n').length).toBeGreaterThan(run.stdout.split('\n').length);
	});

	it('CLICOLOR=0 and TERM=dumb beat FORCE_COLOR in a replay too, as when watching', async () => {
		const {journal} = await recorded('--plain', FAILED_ID);
		const forced = await runCli(['replay', journal, '--plain'], {env: cleanEnv({FORCE_COLOR: '1'})});
		expect(forced.stdout).toContain('\u001B[');
		for (const refuse of [{CLICOLOR: '0'}, {TERM: 'dumb'}]) {
			const run = await runCli(['replay', journal, '--plain'], {env: cleanEnv({FORCE_COLOR: '1', ...refuse})});
			expect(run.stdout, JSON.stringify(refuse)).not.toContain('\u001B[');
		}
	});
});

describe('journals that cannot be written or read', () => {
	it.each([
		['a directory that does not exist', () => join(dir, 'missing', 'j.ndjson'), /^cp-watch: --record .*j\.ndjson: no such directory$/],
		['a directory', () => dir, /^cp-watch: --record .*: is a directory$/],
	])('--record into %s: one line, exit 2, before watching', async (_what, path, pattern) => {
		const run = await runCli([...watch(FAILED_ID), '--plain', '--record', path()]);
		expect(run.code).toBe(2);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(run.stderr.trimEnd()).toMatch(pattern);
		expect(run.stdout).toBe('');
	});

	it('a run whose target fails leaves no empty journal behind', async () => {
		const path = join(dir, 'never.ndjson');
		const run = await runCli(['--endpoint-url', 'ftp://x', '--domain', DOMAIN, '--workflow', FAILED_ID, '--plain', '--record', path], {env: cleanEnv({AWS_REGION: 'us-east-1'})});
		expect(run.code).toBe(2);
		expect(existsSync(path)).toBe(false);
	});

	it('--record into a file without write permission: one line, exit 2', async () => {
		let path = join(dir, 'read-only.ndjson');
		if (process.getuid?.() === 0) {
			// Root writes through file modes; /sys takes no new files from anyone.
			path = '/sys/cp-watch-test.ndjson';
		} else {
			writeFileSync(path, '');
			chmodSync(path, 0o444);
		}
		const run = await runCli([...watch(FAILED_ID), '--plain', '--record', path]);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe(`cp-watch: --record ${path}: permission denied\n`);
		expect(run.stdout).toBe('');
	});

	it.skipIf(!existsSync('/proc/version'))('--record into a file that opens but takes no writes: found before watching, one line, exit 2', async () => {
		const run = await runCli([...watch(FAILED_ID), '--plain', '--record', '/proc/version']);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe('cp-watch: --record /proc/version: cannot write: input/output error\n');
		expect(run.stdout).toBe('');
	});

	it('--record with --once is a usage error', async () => {
		const run = await runCli([...watch(FAILED_ID), '--once', '--record', join(dir, 'once.ndjson')]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^cp-watch: --record records a watch; --once .*\n$/);
	});

	it('a journal cut short mid-line: replay prints every good line, then names the line, exit 1', async () => {
		const {journal, stdout} = await recorded('--plain', FAILED_ID);
		const text = readFileSync(journal, 'utf8');
		const lines = text.split('\n');
		// Cut in the middle of the last step line, as a killed process would leave it.
		const keep = lines.length - 4;
		const cut = join(dir, 'cut-short.ndjson');
		writeFileSync(cut, `${lines.slice(0, keep).join('\n')}\n${lines[keep].slice(0, 40)}`);
		const replay = await runCli(['replay', cut, '--plain']);
		expect(replay.code).toBe(1);
		expect(replay.stderr).toBe(`cp-watch: ${cut}: line ${keep + 1} is cut short (the recording was interrupted while writing it); replaying up to the last good line\n`);
		const printed = replay.stdout.trimEnd().split('\n');
		expect(stdout.startsWith(replay.stdout)).toBe(true);
		expect(printed.length).toBeGreaterThan(2);
	});

	it('a damaged line in the middle: stops there and says which line and what is wrong', async () => {
		const lines = readFileSync((await recorded('--plain', CANCELLED_ID)).journal, 'utf8').split('\n');
		lines[2] = lines[2].replace('"Status":', '"Status":42,"x":');
		const journal = join(dir, 'damaged.ndjson');
		writeFileSync(journal, lines.join('\n'));
		const replay = await runCli(['replay', journal, '--json']);
		expect(replay.code).toBe(1);
		expect(replay.stderr).toMatch(/^cp-watch: .*damaged\.ndjson: line 3 is a "step" record with a damaged step; replaying up to the last good line\n$/);
		expect(replay.stderr).not.toMatch(/\n\s+at /);
	});

	it.each([
		['a file that is not a journal', 'hello\n', /line 1 is not valid JSON \(is this a cp-watch journal\?\)$/m],
		['an empty file', '', /line 1 is empty/],
		['a journal from a newer cp-watch', '{"journal":9,"kind":"header","time":"2026-11-24T09:00:00Z"}\n', /journal format 9; this cp-watch reads format 1/],
	])('%s: one line, exit 2', async (_what, text, pattern) => {
		const path = join(dir, 'not-a-journal.ndjson');
		writeFileSync(path, text);
		const replay = await runCli(['replay', path, '--plain']);
		expect(replay.code).toBe(2);
		expect(replay.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(replay.stderr).toMatch(pattern);
		expect(replay.stdout).toBe('');
	});

	it('replay of a missing file, or with no file: one line, exit 2', async () => {
		const missing = await runCli(['replay', join(dir, 'nope.ndjson')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/^cp-watch: replay .*nope\.ndjson: no such file\n$/);
		const none = await runCli(['replay']);
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/^cp-watch: usage: cp-watch replay FILE/);
		const bad = await runCli(['replay', 'x', '--bogus']);
		expect(bad.code).toBe(2);
		expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
	});
});

describe('replay --workflow', () => {
	it('a workflow the journal does not hold: one line naming those it holds, exit 5, not an empty success', async () => {
		const {journal} = await recorded('--plain', FAILED_ID);
		const run = await runCli(['replay', journal, '--plain', '--workflow', 'ffffffffffffffffffffffffffffffff']);
		expect(run.code).toBe(5);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(`cp-watch: ${journal} holds no workflow ffffffffffffffffffffffffffffffff (it holds ${FAILED_ID})\n`);
	});
});

describe('help', () => {
	it('--help lists --record and the replay command', async () => {
		const run = await runCli(['--help']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/--record FILE +append every observation to FILE/);
		expect(run.stdout).toContain('$ cp-watch replay FILE [--plain | --json]');
	});

	it('replay --help lists its flags and the timeline keys, exit 0', async () => {
		const run = await runCli(['replay', '--help']);
		expect(run.code).toBe(0);
		for (const text of ['--plain', '--json', '--status', '--workflow', 'space, p', '[ / ]', '< / >', '{ / }']) expect(run.stdout, text).toContain(text);
	});
});
