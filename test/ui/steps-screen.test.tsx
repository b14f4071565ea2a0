import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {formatClock} from '../../source/core/format.js';
import {stepKey} from '../../source/core/step.js';
import {mount} from './app-harness.js';
import {fakeWatchSource, NOW, step, workflow} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const STATUS_CYCLE = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'FAILED', 'SPLIT', 'RETRY', 'CANCELLED'];
/** 70 steps: step i has status STATUS_CYCLE[i % 7], so 10 of each. */
const mixed = () => Array.from({length: 70}, (_, i) => step(i, {Status: STATUS_CYCLE[i % 7]}));
const many = (n: number) => Array.from({length: n}, (_, i) => step(i));
const selectedLine = (lines: string[]) => lines.find(line => line.startsWith('›')) ?? '';

describe('steps screen', () => {
	it('shows header, chips with counts, the table and the status line, within rows - 1 lines', async () => {
		const source = fakeWatchSource({steps: mixed(), workflow: workflow()});
		source.workflow.set({lastSuccessAt: NOW - 7_000, nextPollAt: NOW + 2_000, requests: 42, throttles: 2});
		const app = await mount(source, {options: {demoLabel: 'demo: backfill'}});
		const lines = app.lines();
		expect(lines.length).toBeLessThanOrEqual(29);
		expect(lines[0]).toContain('demo / wf-1');
		expect(lines[0]).toContain('running');
		// 10 COMPLETE and 10 SPLIT of the 70 listed: the header counts what the list and chips show.
		expect(lines[1]).toMatch(/20\/70 complete or split · 1,234 records/);
		expect(lines[2]).toContain('4✖ 10');
		// The age in 5 s steps and the next poll as a time of day: the line does not change every second.
		expect(lines.at(-1)).toContain(`live · updated 5s ago · next poll ${formatClock(NOW + 2_000)}`);
		expect(lines.at(-1)).toContain('42 req · 2x429 · demo: backfill');
		expect(selectedLine(lines)).toContain('flow-0000');
		expect(source.calls).toEqual(['workflow demo wf-1']);
		expect(source.workflow.started).toBe(true);
	});

	it('formats every count with thousands separators, and says "<5s ago" for a fresh update', async () => {
		const source = fakeWatchSource({steps: many(1200), workflow: workflow()});
		source.workflow.set({lastSuccessAt: NOW, nextPollAt: NOW + 2_000, requests: 1234});
		const app = await mount(source);
		expect(app.lines()[2]).toContain('3✔ 1,200');
		expect(app.lines()[2]).toContain('1,200 shown');
		expect(app.lines().at(-1)).toContain(`live · updated <5s ago · next poll ${formatClock(NOW + 2_000)}`);
		expect(app.lines().at(-1)).toContain('1,234 req');
	});

	it('moves with arrows and j/k, a chunk "jjj" being three moves', async () => {
		const app = await mount(fakeWatchSource({steps: many(50), workflow: workflow()}));
		await press(app.stdin, KEYS.down);
		expect(selectedLine(app.lines())).toContain('flow-0001');
		await press(app.stdin, 'jjj');
		expect(selectedLine(app.lines())).toContain('flow-0004');
		await press(app.stdin, 'k', KEYS.up);
		expect(selectedLine(app.lines())).toContain('flow-0002');
	});

	it('pages with PgDn/PgUp, Ctrl-F/B, Ctrl-D/U, and jumps with g/G, Home/End', async () => {
		// 30 rows: 29 lines, 5 of chrome, 24 table rows.
		const app = await mount(fakeWatchSource({steps: many(200), workflow: workflow()}));
		await press(app.stdin, KEYS.pageDown);
		expect(selectedLine(app.lines())).toContain('flow-0024');
		await press(app.stdin, KEYS.ctrlF);
		expect(selectedLine(app.lines())).toContain('flow-0048');
		await press(app.stdin, KEYS.ctrlB, KEYS.pageUp);
		expect(selectedLine(app.lines())).toContain('flow-0000');
		await press(app.stdin, KEYS.ctrlD);
		expect(selectedLine(app.lines())).toContain('flow-0012');
		await press(app.stdin, KEYS.ctrlU);
		expect(selectedLine(app.lines())).toContain('flow-0000');
		await press(app.stdin, 'G');
		expect(selectedLine(app.lines())).toContain('flow-0199');
		expect(app.lines().length).toBeLessThanOrEqual(29);
		await press(app.stdin, 'g');
		expect(selectedLine(app.lines())).toContain('flow-0000');
		await press(app.stdin, KEYS.end);
		expect(selectedLine(app.lines())).toContain('flow-0199');
		await press(app.stdin, KEYS.home);
		expect(selectedLine(app.lines())).toContain('flow-0000');
	});

	it.each(STATUS_CYCLE.map((status, i) => [i + 1, status] as const))('pressing %i shows only %s steps and its count', async (key, status) => {
		const app = await mount(fakeWatchSource({steps: mixed(), workflow: workflow()}));
		await press(app.stdin, String(key));
		const frame = app.frame();
		expect(frame).toMatch(new RegExp(`\\[${key}[^\\]]* 10\\]`));
		expect(frame).toContain('10 shown');
		const rows = app.lines().filter(line => /flow-\d{4}/.test(line));
		expect(rows.length).toBe(10);
		const expected = new Set(mixed().filter(s => s.Status === status).map(s => s.FlowName));
		for (const row of rows) expect(expected.has(row.match(/flow-\d{4}/)?.[0] ?? '')).toBe(true);
	});

	it('4 then 6 shows FAILED and RETRY; 0 clears; x is problems only', async () => {
		const app = await mount(fakeWatchSource({steps: mixed(), workflow: workflow()}));
		await press(app.stdin, '4', '6');
		expect(app.frame()).toContain('20 shown');
		expect(app.frame()).toContain('only');
		await press(app.stdin, '0');
		expect(app.frame()).toContain('70 shown');
		expect(app.frame()).toContain('all');
		await press(app.stdin, 'x');
		expect(app.frame()).toContain('30 shown');
		expect(app.frame()).toMatch(/\[4[^\]]*\].*\[6[^\]]*\].*\[7[^\]]*\]/);
		await press(app.stdin, '4');
		expect(app.frame()).toContain('20 shown');
	});

	it('searches as you type; Enter keeps the search, Esc clears it; Backspace deletes', async () => {
		const steps = [...many(30), step(99, {FlowName: 'salesforce-accounts', ExecutionMessage: 'ok'}), step(98, {ExecutionMessage: 'Access Denied by bucket policy'})];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}));
		await press(app.stdin, '/');
		expect(app.lines()[2]).toContain('/_');
		await press(app.stdin, 'SALES');
		expect(app.frame()).toContain('/SALES_');
		expect(app.frame()).toContain('1 shown');
		await press(app.stdin, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, 'denied');
		expect(app.frame()).toContain('1 shown');
		expect(selectedLine(app.lines())).toContain('flow-0098');
		await press(app.stdin, KEYS.enter);
		expect(app.frame()).toContain('/denied ');
		// After Enter, keys are keys again: j moves (and does not extend the search).
		await press(app.stdin, 'j');
		expect(app.frame()).toContain('/denied ');
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).not.toContain('/denied');
		expect(app.frame()).toContain('32 shown');
		await press(app.stdin, '/abc', KEYS.escape);
		await settle();
		expect(app.frame()).toContain('32 shown');
	});

	it('s cycles the sort and S reverses it, keeping the selected step', async () => {
		const steps = [step(0, {RecordsProcessed: 5, FlowName: 'c'}), step(1, {RecordsProcessed: 1, FlowName: 'a'}), step(2, {RecordsProcessed: 9, FlowName: 'b'})];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}));
		const order = () => app.lines().flatMap(l => l.match(/✔ complete\s+(\S+)/)?.[1] ?? []);
		await press(app.stdin, 'j');
		expect(app.frame()).toContain('sort created↑');
		await press(app.stdin, 's', 's', 's');
		expect(app.frame()).toContain('sort records↑');
		expect(order()).toEqual(['a', 'c', 'b']);
		expect(selectedLine(app.lines())).toMatch(/ a /);
		await press(app.stdin, 'S');
		expect(app.frame()).toContain('sort records↓');
		expect(order()).toEqual(['b', 'c', 'a']);
		expect(selectedLine(app.lines())).toMatch(/ a /);
		await press(app.stdin, 's');
		expect(app.frame()).toContain('sort name↓');
	});

	it('t switches times between relative, local and UTC', async () => {
		const app = await mount(fakeWatchSource({steps: many(3), workflow: workflow()}));
		expect(app.frame()).toContain('59m ago');
		await press(app.stdin, 't', 't');
		expect(app.frame()).toContain('09:00:01Z');
		await press(app.stdin, 't');
		expect(app.frame()).toContain('59m ago');
	});

	it('Enter opens a detail pane with every field and the whole message, scrollable; Esc closes it', async () => {
		const long = `${'word '.repeat(120)}THE-END`;
		const app = await mount(fakeWatchSource({steps: [step(0), step(1, {Status: 'FAILED', ExecutionMessage: long})], workflow: workflow()}));
		await press(app.stdin, 'j', KEYS.enter);
		const frame = app.frame();
		for (const field of ['FlowName', 'Status', 'Records', 'Batch from', 'Batch to', 'Created', 'Updated', 'Ran for', 'Message']) expect(frame).toContain(field);
		expect(frame).toContain('failed (FAILED)');
		expect(frame).toMatch(/detail ─ 1-\d+\/\d+ J\/K scroll/);
		expect(frame).not.toContain('THE-END');
		await press(app.stdin, 'JJJJJJ');
		expect(app.frame()).toContain('THE-END');
		expect(app.lines().length).toBeLessThanOrEqual(29);
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).not.toContain('Batch from');
	});

	it('says how long a finished step ran, and since when a running one is known to be in its state', async () => {
		const done = step(0, {Status: 'COMPLETE', CreatedAt: NOW - 600_000, LastUpdatedAt: NOW - 600_000 + 250_000});
		const running = step(1, {Status: 'IN_PROGRESS', CreatedAt: NOW - 500_000, LastUpdatedAt: NOW - 180_000});
		const app = await mount(fakeWatchSource({steps: [done, running], workflow: workflow()}));
		await press(app.stdin, KEYS.enter);
		expect(app.frame()).toMatch(/Ran for +4m 10s \(created → last update\)/);
		expect(app.frame()).not.toContain('In state');
		await press(app.stdin, 'j');
		const clock = new Date(NOW - 180_000).toTimeString().slice(0, 8);
		expect(app.frame()).toMatch(new RegExp(`In state +since the last update: ${clock} \\(3m ago\\)`));
		expect(app.frame()).not.toContain('to finish');
		await press(app.stdin, 't', 't');
		expect(app.frame()).toMatch(/In state +since the last update: \d\d:\d\d:\d\dZ \(3m ago\)/);
	});

	it('? shows every key, y, Y and e included; ? or Esc closes it', async () => {
		const app = await mount(fakeWatchSource({steps: many(3), workflow: workflow()}));
		await press(app.stdin, '?');
		const frame = app.frame();
		const lines = app.lines();
		for (const key of ['Up/Down, k/j', 'PgUp/PgDn, Ctrl-B/F', 'Ctrl-U/Ctrl-D', 'g/Home, G/End', 'Enter ', 'Esc ', '1-7 ', '0 ', 'x ', '/ ', 's / S ', 'p ', 'r ', 't ', 'y ', 'Y ', 'e ', '? ', 'q, Ctrl-C']) {
			expect(lines.some(line => line.startsWith(key)), key).toBe(true);
		}
		expect(frame).toContain('NOT_STARTED IN_PROGRESS COMPLETE FAILED SPLIT RETRY CANCELLED');
		await press(app.stdin, 'j');
		expect(app.frame()).toContain('keys (? or Esc closes)');
		await press(app.stdin, '?');
		expect(app.frame()).not.toContain('keys (? or Esc closes)');
		await press(app.stdin, '?', KEYS.escape);
		await settle();
		expect(app.frame()).not.toContain('keys (? or Esc closes)');
		expect(app.frame()).toContain('flow-0000');
	});

	it('keeps the selection on the same step across a refresh that reorders rows, and marks changed rows', async () => {
		const source = fakeWatchSource({steps: many(40), workflow: workflow()});
		const app = await mount(source);
		await press(app.stdin, 'jjjjj');
		expect(selectedLine(app.lines())).toContain('flow-0005');
		const changed = step(5, {Status: 'FAILED', LastUpdatedAt: NOW});
		// flow-0005 moves to the end of the API order and sorts last by update time.
		const steps = [...many(40).filter((_, i) => i !== 5), changed];
		source.workflow.set({steps, stepsVersion: 2, changedKeys: new Set([stepKey(changed)])});
		await press(app.stdin, 's');
		expect(app.frame()).toContain('sort updated↑');
		const selected = selectedLine(app.lines());
		expect(selected).toContain('flow-0005');
		expect(selected).toMatch(/^›• ✖ failed/);
		expect(app.lines().filter(l => l.includes('•')).length).toBe(1);
	});

	it('keeps the first step selected across a refresh that reorders rows, with no key pressed', async () => {
		const source = fakeWatchSource({steps: many(10), workflow: workflow()});
		const app = await mount(source, {options: {sort: 'updated'}});
		expect(selectedLine(app.lines())).toContain('flow-0000');
		// flow-0000 is updated now: it sorts to the bottom, and the selection goes with it.
		source.workflow.set({steps: [step(0, {LastUpdatedAt: NOW}), ...many(10).slice(1)], stepsVersion: 2});
		await settle();
		expect(selectedLine(app.lines())).toContain('flow-0000');
		expect(app.lines().findIndex(l => l.includes('flow-0000'))).toBeGreaterThan(app.lines().findIndex(l => l.includes('flow-0009')));
	});

	it.each([
		['a sort', ['s'], false],
		['s S Enter (the detail pane follows)', ['s', 'S', KEYS.enter], true],
		['a filter', ['3'], false],
		['a search', ['/flow', KEYS.enter], false],
	])('keeps the selected step after %s and a refresh that reorders rows, with no move first', async (_, keys, detail) => {
		const source = fakeWatchSource({steps: many(10), workflow: workflow()});
		const app = await mount(source);
		await press(app.stdin, ...keys);
		const before = selectedLine(app.lines()).match(/flow-\d{4}/)?.[0] ?? '';
		expect(before).not.toBe('');
		// Older steps show up and every step is updated again in reverse order: by created or by
		// updated time, in either direction, the selected row is no longer where it was.
		const older = Array.from({length: 5}, (_, i) => step(100 + i, {CreatedAt: NOW - 7_200_000 + i * 1000}));
		const updated = many(10).map((s, i) => ({...s, LastUpdatedAt: NOW - i * 1000}));
		source.workflow.set({steps: [...older, ...updated], stepsVersion: 2});
		await settle();
		expect(selectedLine(app.lines())).toContain(before);
		if (detail) expect(app.frame()).toMatch(new RegExp(`FlowName +${before}`));
	});

	it('keeps the selection on the same step when a filter hides rows above it', async () => {
		const app = await mount(fakeWatchSource({steps: mixed(), workflow: workflow()}));
		await press(app.stdin, 'jjj');
		expect(selectedLine(app.lines())).toContain('flow-0003');
		await press(app.stdin, '4');
		expect(selectedLine(app.lines())).toContain('flow-0003');
		await press(app.stdin, '0');
		expect(selectedLine(app.lines())).toContain('flow-0003');
	});

	it('shows records/s and an ETA once steps have completed over a long enough window', async () => {
		const source = fakeWatchSource({steps: many(3), workflow: workflow({StepsCompleted: 2, RecordsProcessed: 0})});
		source.workflow.set({lastSuccessAt: NOW - 60_000});
		const app = await mount(source);
		expect(app.lines()[1]).toContain('ETA: measuring');
		source.workflow.set({workflow: workflow({StepsCompleted: 3, RecordsProcessed: 3_000}), lastSuccessAt: NOW - 30_000});
		await settle();
		source.workflow.set({workflow: workflow({StepsCompleted: 4, RecordsProcessed: 6_000}), lastSuccessAt: NOW});
		await settle();
		expect(app.lines()[1]).toContain('4/10 complete or split · 6,000 records · 100/s · ETA 3m 00s');
		source.workflow.set({workflow: workflow({Status: 'COMPLETE', StepsCompleted: 10, RecordsProcessed: 9_000}), lastSuccessAt: NOW + 1_000});
		await settle();
		expect(app.lines()[1]).not.toContain('ETA');
	});

	it('p pauses, r refreshes, q and Ctrl-C quit with 0', async () => {
		const source = fakeWatchSource({steps: many(3), workflow: workflow()});
		const app = await mount(source);
		await press(app.stdin, 'p', 'r', 'r');
		expect(source.workflow.pauses).toBe(1);
		expect(source.workflow.refreshes).toBe(2);
		source.workflow.set({phase: 'paused', lastSuccessAt: NOW - 5_000});
		await settle();
		expect(app.lines().at(-1)).toContain('paused · updated 5s ago');
		await press(app.stdin, 'q');
		await press(app.stdin, KEYS.ctrlC);
		expect(app.exits).toEqual([0, 0]);
	});

	it('does not say "no steps yet" when reading the steps failed', async () => {
		const source = fakeWatchSource({workflow: workflow()});
		source.workflow.set({phase: 'error', error: {kind: 'not-found', code: 'ResourceNotFoundException', message: 'no such workflow', retryable: false, staleSince: 0}});
		const app = await mount(source);
		expect(app.frame()).not.toContain('no steps yet');
		expect(app.frame()).toContain('no data: the request failed');
		source.workflow.set({phase: 'live', lastSuccessAt: NOW});
		await settle();
		expect(app.frame()).toContain('no steps yet');
	});

	it('says throttled, stale with the error, and loading with a spinner', async () => {
		const source = fakeWatchSource({steps: many(3), workflow: workflow()});
		const app = await mount(source);
		source.workflow.set({phase: 'throttled', retryAt: NOW + 4_000});
		await settle();
		expect(app.lines().at(-1)).toContain('throttled · retrying in 4s');
		const staleSince = new Date(2026, 10, 24, 10, 42, 7).getTime();
		source.workflow.set({
			phase: 'error',
			error: {kind: 'access-denied', code: 'AccessDeniedException', message: 'not allowed: profile:GetWorkflowSteps', retryable: false, staleSince},
			lastSuccessAt: staleSince - 5_000,
		});
		await settle();
		expect(app.lines().at(-1)).toContain('stale since 10:42:07 · ! whole error · AccessDeniedException: not allowed');
		source.workflow.set({phase: 'loading', steps: many(2)});
		await settle();
		expect(app.lines().at(-1)).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] loading · 2 of 10 steps/);
		source.workflow.set({phase: 'loading', steps: many(2), workflow: workflow({TotalSteps: undefined})});
		await settle();
		expect(app.lines().at(-1)).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] loading · 2 steps so far/);
		source.workflow.set({phase: 'done', workflow: workflow({Status: 'COMPLETE'}), lastSuccessAt: NOW - 1_000});
		await settle();
		expect(app.lines().at(-1)).toContain('done · workflow COMPLETE · updated <5s ago');
	});

	it('shows a "too small" screen on a tiny terminal and comes back on resize', async () => {
		const app = await mount(fakeWatchSource({steps: many(10), workflow: workflow()}));
		await press(app.stdin, 'jj');
		await app.setSize(30, 6);
		expect(app.lines()).toEqual(['terminal too small', 'need 50x10 · have 30x6', 'q quits']);
		await app.setSize(100, 12);
		expect(app.lines().length).toBeLessThanOrEqual(11);
		expect(selectedLine(app.lines())).toContain('flow-0002');
		await app.setSize(100, 30);
		expect(app.lines().length).toBeLessThanOrEqual(29);
	});

	it('never draws a frame taller than rows - 1 at any size, with or without the pane', async () => {
		const app = await mount(fakeWatchSource({steps: many(100), workflow: workflow()}));
		for (const detail of [false, true]) {
			for (const rows of [10, 11, 17, 24, 40]) {
				for (const columns of [50, 64, 80, 100]) {
					await app.setSize(columns, rows);
					const lines = app.lines();
					expect(lines.length, `${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
					for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
				}
			}
			await press(app.stdin, KEYS.enter);
		}
	});
});
