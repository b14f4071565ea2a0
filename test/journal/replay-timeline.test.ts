// The replay's timeline as pure functions: how long each gap lasts on screen, what the journal's
// clock reads in between, and where stepping and problem jumps land.
import {describe, expect, it} from 'vitest';
import type {JournalRecord} from '../../source/journal/journal-format.js';
import {
	advance,
	changeSpeed,
	eventCounts,
	gapDelay,
	journalClock,
	jumpProblem,
	startPlayer,
	stepEvents,
	togglePlaying,
} from '../../source/journal/replay-timeline.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

const T0 = Date.parse('2026-11-24T09:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;
const of = (seconds: number) => ({workflowId: 'w', time: s(seconds)});
const stepAt = (seconds: number, Status: string): JournalRecord => ({...of(seconds), kind: 'step', step: makeStep({Status}), previousStatus: null});

const RECORDS: JournalRecord[] = [
	{kind: 'header', journal: 1, cpWatch: '0.1.0', scope: 'workflow', domain: 'd', workflowId: 'w', intervalMs: 5000, statusFilter: [], time: s(0)},
	{...of(0), kind: 'snapshot', workflow: makeWorkflow(), steps: []},
	stepAt(1, 'IN_PROGRESS'), // 1 s after: 1 s on screen
	{...of(1), kind: 'progress', workflow: makeWorkflow()},
	stepAt(1, 'COMPLETE'), // the same time: applied with the one before
	stepAt(601, 'RETRY'), // 10 minutes idle: 2 s on screen
	stepAt(602, 'IN_PROGRESS'),
	stepAt(605, 'FAILED'),
	{...of(605), kind: 'workflow', workflow: makeWorkflow({Status: 'FAILED'}), previousStatus: 'IN_PROGRESS'},
];
const REAL = 1_000_000;

describe('the replay timeline', () => {
	it('starts on the first snapshot, playing at 1x', () => {
		expect(startPlayer(RECORDS, REAL)).toEqual({position: 2, playing: true, speed: 1, since: REAL, fraction: 0});
	});

	it('plays real time, except that no idle gap lasts more than 2 s', () => {
		let player = startPlayer(RECORDS, REAL);
		const delays: number[] = [];
		for (let delay = gapDelay(RECORDS, player); delay !== undefined; delay = gapDelay(RECORDS, player)) {
			delays.push(delay);
			player = advance(RECORDS, player, REAL);
		}
		// 1 s (with the progress and the COMPLETE of the same second); 600 s -> 2 s; 1 s; 3 s -> 2 s.
		expect(delays).toEqual([1000, 2000, 1000, 2000]);
		expect(player.position).toBe(RECORDS.length);
	});

	it('advancing applies every record of the same time at once', () => {
		const player = advance(RECORDS, {...startPlayer(RECORDS, REAL), position: 3}, REAL);
		expect(player.position).toBe(5);
	});

	it('the clock moves from one event towards the next in proportion, a 600 s gap in 2 s', () => {
		const player = {...startPlayer(RECORDS, REAL), position: 5};
		expect(journalClock(RECORDS, player, REAL)).toBe(s(1));
		expect(journalClock(RECORDS, player, REAL + 500)).toBe(s(151));
		expect(journalClock(RECORDS, player, REAL + 2000)).toBe(s(601));
		// It waits there for the record rather than run past it.
		expect(journalClock(RECORDS, player, REAL + 9000)).toBe(s(601));
	});

	it('pausing holds the clock; resuming goes on from the same point', () => {
		const playing = {...startPlayer(RECORDS, REAL), position: 5};
		const paused = togglePlaying(RECORDS, playing, REAL + 1000);
		expect(paused.playing).toBe(false);
		expect(journalClock(RECORDS, paused, REAL + 60_000)).toBe(s(301));
		const resumed = togglePlaying(RECORDS, paused, REAL + 60_000);
		expect(journalClock(RECORDS, resumed, REAL + 60_000)).toBe(s(301));
		expect(journalClock(RECORDS, resumed, REAL + 61_000)).toBe(s(601));
	});

	it('doubling the speed halves the gaps, down to 1/16x and up to 64x, keeping the clock where it is', () => {
		let player = {...startPlayer(RECORDS, REAL), position: 5};
		player = changeSpeed(RECORDS, player, 2, REAL + 1000);
		expect(player.speed).toBe(2);
		expect(gapDelay(RECORDS, player)).toBe(1000);
		expect(journalClock(RECORDS, player, REAL + 1000)).toBe(s(301));
		expect(journalClock(RECORDS, player, REAL + 1500)).toBe(s(601));
		for (let i = 0; i < 10; i++) player = changeSpeed(RECORDS, player, 2, REAL);
		expect(player.speed).toBe(64);
		for (let i = 0; i < 20; i++) player = changeSpeed(RECORDS, player, 0.5, REAL);
		expect(player.speed).toBe(1 / 16);
	});

	it('steps one event at a time, skipping counters, and not before the first event', () => {
		let player = startPlayer(RECORDS, REAL);
		player = stepEvents(RECORDS, player, 1, REAL);
		expect(player.position).toBe(3);
		player = stepEvents(RECORDS, player, 1, REAL);
		// The progress record rides along; the COMPLETE is on show.
		expect(player.position).toBe(5);
		player = stepEvents(RECORDS, player, -1, REAL);
		expect(player.position).toBe(3);
		player = stepEvents(RECORDS, stepEvents(RECORDS, player, -1, REAL), -1, REAL);
		expect(player.position).toBe(2);
		expect(eventCounts(RECORDS, player.position)).toEqual({current: 1, total: 7});
	});

	it('jumps to the next and previous problem, and stays put when there is none', () => {
		let player = startPlayer(RECORDS, REAL);
		expect(jumpProblem(RECORDS, player, -1, REAL)).toBe(player);
		player = jumpProblem(RECORDS, player, 1, REAL);
		expect(RECORDS[player.position - 1]).toMatchObject({kind: 'step', step: {Status: 'RETRY'}});
		player = jumpProblem(RECORDS, player, 1, REAL);
		expect(RECORDS[player.position - 1]).toMatchObject({kind: 'step', step: {Status: 'FAILED'}});
		player = jumpProblem(RECORDS, player, 1, REAL);
		expect(RECORDS[player.position - 1]).toMatchObject({kind: 'workflow'});
		expect(jumpProblem(RECORDS, player, 1, REAL)).toBe(player);
		player = jumpProblem(RECORDS, player, -1, REAL);
		expect(RECORDS[player.position - 1]).toMatchObject({step: {Status: 'FAILED'}});
	});

	it('play at the end starts again from the first event', () => {
		const end = {...startPlayer(RECORDS, REAL), position: RECORDS.length, playing: false};
		expect(togglePlaying(RECORDS, end, REAL)).toMatchObject({position: 2, playing: true});
	});
});
