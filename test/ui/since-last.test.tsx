// The banner and `a` through real HTTP: the App over the real poller, the real SDK client and the
// emulator, with the last look kept in a state directory of the test's own. Look at the workflow,
// quit, let the scenario move on, open it again.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createCustomerProfilesApi, type CustomerProfilesApi} from '../../source/aws/index.js';
import {createAwayMemory, type AwayMemory} from '../../source/cli/away-memory.js';
import {observeWorkflowWatches} from '../../source/cli/observed-source.js';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {createWatchSource} from '../../source/poller/index.js';
import {openSeenStore} from '../../source/state/seen-store.js';
import {AWAY_DOMAIN, AWAY_ID, awayScenario, FIRST_LOOK_AT, SECOND_LOOK_AT} from '../support/away-scenario.js';
import {mount, type Mounted} from './app-harness.js';
import {KEYS, press} from './press.js';

let emulator: Emulator;
let api: CustomerProfilesApi;
let stateDir: string;
const memories: AwayMemory[] = [];

beforeEach(async () => {
	emulator = await startEmulator({scenario: awayScenario()});
	api = createCustomerProfilesApi({endpointUrl: emulator.url, region: 'us-east-1', credentials: {accessKeyId: 'AKIDTEST', secretAccessKey: 'secret'}, requestTimeoutMs: 2000});
	stateDir = mkdtempSync(join(tmpdir(), 'cp-watch-ui-state-'));
});
afterEach(async () => {
	cleanup();
	for (const memory of memories.splice(0)) memory.close();
	api.destroy();
	await emulator.close();
	rmSync(stateDir, {recursive: true, force: true});
});

/** One run of cp-watch's TUI on the workflow, wired as run-tui wires it. */
async function open(warnings: string[] = []): Promise<{app: Mounted; memory: AwayMemory}> {
	const memory = createAwayMemory(openSeenStore(join(stateDir, 'cp-watch')), text => warnings.push(text));
	memories.push(memory);
	const source = observeWorkflowWatches(createWatchSource({api, intervalMs: 1000, maxRps: 10}), (watch, domain, workflowId) => memory.follow(domain, workflowId, watch));
	const app = await mount(source as never, {
		initial: {domain: AWAY_DOMAIN, workflowId: AWAY_ID},
		now: Date.now,
		recallSeen: (domain, workflowId) => memory.recall(domain, workflowId),
	});
	return {app, memory};
}

async function until(app: Mounted, predicate: (frame: string) => boolean): Promise<void> {
	const end = Date.now() + 10_000;
	while (!predicate(app.frame())) {
		if (Date.now() > end) throw new Error(`the frame never matched:\n${app.frame()}`);
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

/** Quitting: the screen goes and the last looks are saved, as on `q`. */
function quit({app, memory}: {app: Mounted; memory: AwayMemory}): void {
	app.unmount();
	memory.flushSync();
}

const FLOW = /away-(done|steady|broken|late)/;
const tableRows = (frame: string) => frame.split('\n').filter(line => FLOW.test(line) && !line.includes('since you last looked'));

describe('since you last looked', () => {
	it('a first look shows no banner; after the scenario moved on the banner says what changed, a filters to it and Esc clears it', async () => {
		emulator.advance(FIRST_LOOK_AT);
		const first = await open();
		await until(first.app, frame => frame.includes('away-broken') && frame.includes('live'));
		expect(first.app.frame()).not.toContain('since you last looked');
		quit(first);

		emulator.advance(SECOND_LOOK_AT - FIRST_LOOK_AT);
		const second = await open();
		await until(second.app, frame => frame.includes('since you last looked ('));
		const banner = second.app.lines().find(line => line.startsWith('since you last looked')) ?? '';
		// 100 columns: the short wording, which keeps every fact.
		expect(banner.trimEnd()).toMatch(/^since you last looked \((just now|\d+s ago)\): 1 completed, 1 failed \(away-broken\), 1 new step, 400 records$/);
		// The banner is the third line, under the header; the frame still fits the terminal.
		expect(second.app.lines()[2]).toBe(banner);
		expect(second.app.lines().length).toBeLessThanOrEqual(29);
		expect(tableRows(second.app.frame())).toHaveLength(4);

		await press(second.app.stdin, 'a');
		const only = tableRows(second.app.frame());
		expect(only.map(line => FLOW.exec(line)?.[0]).sort()).toEqual(['away-broken', 'away-done', 'away-late']);
		expect(second.app.frame()).toContain('a:changed since last look');
		expect(second.app.frame()).toContain('3 shown');

		await press(second.app.stdin, KEYS.escape);
		await press(second.app.stdin, '');
		expect(tableRows(second.app.frame())).toHaveLength(4);
		expect(second.app.frame()).not.toContain('a:changed since last look');
		// Esc cleared the filter; the screen is still the workflow's.
		expect(second.app.frame()).toContain('since you last looked (');
	});

	it('coming back to the workflow in the same run compares with the look just before', async () => {
		emulator.advance(SECOND_LOOK_AT);
		const run = await open();
		await until(run.app, frame => frame.includes('away-late') && frame.includes('live'));
		await press(run.app.stdin, KEYS.escape);
		await press(run.app.stdin, '');
		// Enter only once the workflow's row is there to open.
		await until(run.app, frame => frame.includes('· workflows ·') && /›\s+a0a0/.test(frame));
		await press(run.app.stdin, KEYS.enter);
		await until(run.app, frame => frame.includes('since you last looked ('));
		expect(run.app.frame()).toMatch(/since you last looked \([^)]*\): nothing changed/);
		// a with nothing changed: an empty table that says why.
		await press(run.app.stdin, 'a');
		expect(run.app.frame()).toContain('no step changed since you last looked (Esc clears a)');
	});

	it('a damaged state file is reported once in the status line, and a on a first look says there is nothing to compare', async () => {
		const {mkdirSync, writeFileSync} = await import('node:fs');
		mkdirSync(join(stateDir, 'cp-watch'), {recursive: true});
		writeFileSync(join(stateDir, 'cp-watch', `${AWAY_DOMAIN}.${AWAY_ID}.json.gz`), 'garbage');
		emulator.advance(FIRST_LOOK_AT);
		const run = await open();
		await until(run.app, frame => frame.includes('last look ignored'));
		expect(run.app.lines().at(-1)).toContain('last look ignored');
		expect(run.app.frame()).not.toContain('since you last looked');
		await until(run.app, frame => frame.includes('away-broken'));
		await press(run.app.stdin, 'a');
		expect(run.app.frame()).toContain('nothing to compare: this is the first look at this workflow');
	});
});
