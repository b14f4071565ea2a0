// `cp-watch replay` in the TUI: the journal's states on the same screens, a bar with the journal's
// clock, and the timeline keys. The player's timer runs on a manual scheduler: a test fires it.
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {formatJournalRecord, JOURNAL_FORMAT, type JournalRecord} from '../../source/journal/journal-format.js';
import {readJournal} from '../../source/journal/journal-reader.js';
import {createReplaySession, type ReplaySession} from '../../source/journal/replay-source.js';
import type {Scheduler} from '../../source/poller/time.js';
import {App} from '../../source/ui/app.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const T0 = Date.parse('2026-11-24T09:00:00Z');
const ID = '3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60';
const at = (seconds: number) => T0 + seconds * 1000;
const step = (name: string, Status: string, ExecutionMessage: string, created: number) =>
	makeStep({FlowName: name, Status, ExecutionMessage, CreatedAt: at(created), LastUpdatedAt: at(created)});
const of = {workflowId: ID};

/** Six events: the snapshot, a COMPLETE, a RETRY after a long idle gap, a FAILED, a CANCELLED with
 * the workflow's FAILED at the same time. */
const RECORDS: JournalRecord[] = [
	{kind: 'header', journal: JOURNAL_FORMAT, cpWatch: '0.1.0', scope: 'workflow', domain: 'retail-prod', workflowId: ID, intervalMs: 5000, statusFilter: [], time: at(0)},
	{
		...of,
		kind: 'snapshot',
		time: at(1),
		workflow: makeWorkflow({WorkflowId: ID, TotalSteps: 3, StepsCompleted: 0}),
		steps: [step('flow-a', 'IN_PROGRESS', 'Running', 0), step('flow-b', 'NOT_STARTED', 'Queued', 0.1), step('flow-c', 'NOT_STARTED', 'Queued', 0.2)],
	},
	{...of, kind: 'step', time: at(3), step: step('flow-a', 'COMPLETE', 'Completed', 0), previousStatus: 'IN_PROGRESS'},
	{...of, kind: 'progress', time: at(3), workflow: makeWorkflow({WorkflowId: ID, TotalSteps: 3, StepsCompleted: 1})},
	{...of, kind: 'step', time: at(60), step: step('flow-b', 'RETRY', 'Throttled by source', 0.1), previousStatus: 'NOT_STARTED'},
	{...of, kind: 'step', time: at(62), step: step('flow-b', 'FAILED', 'INVALID_FIELD Account.Foo__c', 0.1), previousStatus: 'RETRY'},
	{...of, kind: 'step', time: at(70), step: step('flow-c', 'CANCELLED', 'Cancelled by user', 0.2), previousStatus: 'NOT_STARTED'},
	{...of, kind: 'workflow', time: at(70), workflow: makeWorkflow({WorkflowId: ID, Status: 'FAILED', TotalSteps: 3, StepsCompleted: 1}), previousStatus: 'IN_PROGRESS'},
];
const TEXT = RECORDS.map(record => `${formatJournalRecord(record)}\n`).join('');

function manualTime() {
	let now = Date.parse('2026-12-01T12:00:00Z');
	const timers: Array<{fn: () => void; ms: number; handle: number}> = [];
	let next = 1;
	const scheduler: Scheduler = {
		setTimeout(fn, ms) {
			const handle = next++;
			timers.push({fn, ms, handle});
			return handle;
		},
		clearTimeout(handle) {
			const index = timers.findIndex(timer => timer.handle === handle);
			if (index !== -1) timers.splice(index, 1);
		},
	};
	return {
		clock: {now: () => now},
		scheduler,
		/** The delay the player asked for, in real ms. */
		pending: () => timers.map(timer => timer.ms),
		/** Lets the pending timer's time pass and runs it. */
		fire() {
			const timer = timers.shift();
			if (!timer) throw new Error('no timer pending');
			now += timer.ms;
			timer.fn();
		},
	};
}

async function mountReplay(text = TEXT, options: {exportView?: () => Promise<{csvPath: string; jsonPath: string}>; size?: {columns: number; rows: number}} = {}) {
	const time = manualTime();
	const session: ReplaySession = createReplaySession(readJournal(text), time);
	const r = render(
		<App
			source={session.source}
			initial={session.initial}
			replay={session}
			options={{ascii: false, color: false, statusFilter: [], demoLabel: 'replay'}}
			size={options.size ?? {columns: 100, rows: 16}}
			onExit={() => {}}
			exportView={options.exportView}
		/>,
	);
	session.start();
	await settle();
	const lines = () => (r.lastFrame() ?? '').split('\n');
	return {...r, session, time, lines, bar: () => lines()[0], row: (name: string) => lines().find(line => /^[ ›]/.test(line) && line.includes(name)) ?? ''};
}

describe('replay in the TUI', () => {
	it('opens on the first snapshot with the journal clock in the bar, not now, and fits the terminal', async () => {
		const app = await mountReplay();
		expect(app.bar()).toMatch(/^▶ replay · 2026-11-24T09:00:01Z · 1x {2}event 1\/6 · space pause {2}\[ \] step {2}< > speed {2}\{ \} problem/);
		expect(app.lines()[1]).toContain(`cp-watch · ▶ running · retail-prod / ${ID}`);
		expect(app.row('flow-a')).toContain('running');
		expect(app.lines().length).toBeLessThanOrEqual(15);
		// The status line measures from the journal's clock, and a replay sends nothing.
		expect(app.lines().at(-1)).toMatch(/as recorded · updated <5s ago .* 0 req · replay$/);
	});

	it('plays on its own: idle gaps last at most 2 s, and each step of the timer shows the next event', async () => {
		const app = await mountReplay();
		expect(app.time.pending()).toEqual([2000]);
		app.time.fire();
		await settle();
		expect(app.bar()).toContain('09:00:03Z · 1x  event 2/6');
		expect(app.row('flow-a')).toContain('complete');
		expect(app.lines()[2]).toContain('1/3 complete or split');
		// 57 s of nothing in the journal: 2 s on screen.
		expect(app.time.pending()).toEqual([2000]);
		app.time.fire();
		await settle();
		expect(app.bar()).toContain('09:01:00Z');
		expect(app.row('flow-b')).toContain('retry');
	});

	it('space pauses and resumes; p does the same', async () => {
		const app = await mountReplay();
		await press(app.stdin, ' ');
		expect(app.bar()).toMatch(/^‖ paused · 2026-11-24T09:00:01Z .* space play/);
		expect(app.time.pending()).toEqual([]);
		await press(app.stdin, ' ');
		expect(app.bar()).toMatch(/^▶ replay/);
		expect(app.time.pending()).toHaveLength(1);
		await press(app.stdin, 'p');
		expect(app.bar()).toMatch(/^‖ paused/);
	});

	it('] and [ step one event forward and back, pausing the player', async () => {
		const app = await mountReplay();
		await press(app.stdin, ']');
		expect(app.bar()).toMatch(/^‖ paused · 2026-11-24T09:00:03Z · 1x {2}event 2\/6/);
		expect(app.row('flow-a')).toContain('complete');
		await press(app.stdin, ']');
		expect(app.row('flow-b')).toContain('retry');
		await press(app.stdin, '[', '[');
		expect(app.bar()).toContain('event 1/6');
		expect(app.row('flow-a')).toContain('running');
		expect(app.row('flow-b')).toContain('queued');
		// Nothing before the first event.
		await press(app.stdin, '[');
		expect(app.bar()).toContain('event 1/6');
	});

	it('} and { jump to the next and previous problem (RETRY, FAILED, CANCELLED)', async () => {
		const app = await mountReplay();
		await press(app.stdin, '}');
		expect(app.bar()).toContain('09:01:00Z · 1x  event 3/6');
		expect(app.row('flow-b')).toContain('retry');
		await press(app.stdin, '}');
		expect(app.row('flow-b')).toContain('failed');
		await press(app.stdin, '}');
		expect(app.row('flow-c')).toContain('cancelled');
		await press(app.stdin, '}');
		// The workflow's FAILED is the last event.
		expect(app.bar()).toMatch(/^■ end of journal · 2026-11-24T09:01:10Z · 1x {2}event 6\/6/);
		expect(app.lines()[1]).toContain('failed');
		await press(app.stdin, '{', '{');
		expect(app.bar()).toContain('event 4/6');
		expect(app.row('flow-c')).toContain('queued');
	});

	it('> and < double and halve the speed, and the timer follows', async () => {
		const app = await mountReplay();
		await press(app.stdin, '>', '>');
		expect(app.bar()).toContain(' 4x  event 1/6');
		expect(app.time.pending()).toEqual([500]);
		await press(app.stdin, '<', '<', '<');
		expect(app.bar()).toContain(' 1/2x  event 1/6');
		expect(app.time.pending()).toEqual([4000]);
	});

	it('every other key works on the journal: filter, search, detail, export', async () => {
		const exported: string[] = [];
		const app = await mountReplay(TEXT, {
			exportView: async () => {
				exported.push('yes');
				return {csvPath: './steps.csv', jsonPath: './steps.json'};
			},
		});
		await press(app.stdin, '}', '}');
		await press(app.stdin, '4');
		expect(app.row('flow-b')).toContain('failed');
		expect(app.row('flow-a')).toBe('');
		await press(app.stdin, '0', '/', 'flow-c', KEYS.enter);
		expect(app.row('flow-c')).toContain('queued');
		expect(app.row('flow-b')).toBe('');
		await press(app.stdin, KEYS.escape, KEYS.enter);
		expect(app.lines().join('\n')).toMatch(/FlowName +flow-a/);
		await press(app.stdin, KEYS.enter, 's');
		expect(app.lines()[3]).toContain('sort updated');
		// Times: the bar's clock follows them (relative and UTC both show UTC, local shows local).
		await press(app.stdin, 't');
		expect(app.bar()).toMatch(/^‖ paused · 2026-11-2\d \d\d:\d\d:\d\d · /);
		await press(app.stdin, 't');
		expect(app.bar()).toContain('2026-11-24T09:01:02Z');
		await press(app.stdin, 'e');
		await settle();
		expect(exported).toEqual(['yes']);
		expect(app.lines().at(-1)).toContain('exported 3 steps');
	});

	it('while typing a search, the timeline keys are text', async () => {
		const app = await mountReplay();
		await press(app.stdin, '/', 'a ]>');
		expect(app.bar()).toMatch(/^▶ replay .* 1x {2}event 1\/6/);
		expect(app.lines().join('\n')).toContain('a ]>');
	});

	it('a journal cut short replays up to its last good line and says where it stops', async () => {
		const lines = TEXT.split('\n');
		const cut = `${lines.slice(0, 5).join('\n')}\n${lines[5].slice(0, 30)}`;
		const app = await mountReplay(cut);
		await press(app.stdin, '}', '}', '}');
		expect(app.bar()).toContain('event 3/3');
		expect(app.bar()).toContain('journal stops at line 6: it is cut short');
		expect(app.row('flow-b')).toContain('retry');
	});

	it('? lists the timeline keys, and not the polling keys a replay has no use for', async () => {
		const app = await mountReplay(TEXT, {size: {columns: 100, rows: 40}});
		await press(app.stdin, '?');
		const frame = app.lines().join('\n');
		expect(frame).toMatch(/^space, p\s+pause or play the replay/m);
		expect(frame).toMatch(/^\[ \/ \]\s+one event back \/ forward/m);
		expect(frame).toMatch(/^< \/ >\s+halve \/ double the speed/m);
		expect(frame).toMatch(/^\{ \/ \}\s+previous \/ next problem/m);
		expect(frame).not.toMatch(/^p\s+pause or resume polling/m);
		expect(frame).not.toMatch(/^r\s+refresh now/m);
	});

	it('a domain-wide journal: the dashboard title counts what runs, not "reading 0 in turn"', async () => {
		const OTHER = 'ffffffffffffffffffffffffffffffff';
		const records: JournalRecord[] = [
			{kind: 'header', journal: JOURNAL_FORMAT, cpWatch: '0.1.0', scope: 'domain', domain: 'retail-prod', workflowId: null, intervalMs: 5000, statusFilter: [], time: at(0)},
			{...of, kind: 'snapshot', time: at(1), workflow: makeWorkflow({WorkflowId: ID, TotalSteps: 1, StepsCompleted: 0}), steps: [step('flow-a', 'IN_PROGRESS', 'Running', 0)]},
			{workflowId: OTHER, kind: 'snapshot', time: at(2), workflow: makeWorkflow({WorkflowId: OTHER, Status: 'COMPLETE', TotalSteps: 1, StepsCompleted: 1}), steps: [step('flow-z', 'COMPLETE', 'Done', 0)]},
		];
		const app = await mountReplay(records.map(record => `${formatJournalRecord(record)}\n`).join(''));
		await press(app.stdin, ']');
		expect(app.lines()[1]).toContain('cp-watch · retail-prod · workflows · 1 running');
		expect(app.lines()[1]).not.toContain('in turn');
	});

	it('r says a replay has nothing to refresh instead of doing nothing in silence', async () => {
		const app = await mountReplay();
		await press(app.stdin, 'r');
		expect(app.lines().at(-1)).toContain('a replay reads nothing to refresh');
		expect(app.bar()).toContain('event 1/6');
	});

	it('the status line does not call a replay live', async () => {
		const app = await mountReplay();
		expect(app.lines().at(-1)).toMatch(/^as recorded · updated/);
		await press(app.stdin, KEYS.escape);
		expect(app.lines()[1]).toContain('workflows');
		expect(app.lines().at(-1)).toMatch(/^as recorded/);
		expect(app.lines().join('\n')).not.toMatch(/^live/m);
	});
});
