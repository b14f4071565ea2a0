// The replay's position in a journal and how it moves: pure functions of the records, the player
// and a real-time reading passed in. `position` counts the records applied; the event on show is
// records[position - 1]. Idle gaps are compressed so none lasts more than MAX_IDLE_MS at 1x.
import {statusInfo} from '../core/status.js';
import type {JournalRecord} from './journal-format.js';

export const MAX_IDLE_MS = 2000;
export const MIN_SPEED = 1 / 16;
export const MAX_SPEED = 64;

export interface Player {
	position: number;
	playing: boolean;
	speed: number;
	/** Real ms when the gap to the next record started (so far into it: `fraction`). */
	since: number;
	/** How far into the gap a paused player stopped, 0..1. */
	fraction: number;
}

/** The records a person steps through: counters and headers ride along with the event before them. */
export function isTimelineEvent(record: JournalRecord): boolean {
	return record.kind !== 'progress' && record.kind !== 'header';
}

/** A FAILED, RETRY or CANCELLED step or workflow, or an error. */
export function isProblem(record: JournalRecord): boolean {
	if (record.kind === 'step') return statusInfo(record.step.Status).isProblem;
	if (record.kind === 'workflow') return statusInfo(record.workflow.Status).isProblem;
	return record.kind === 'error';
}

/** Starts on the first event (the first snapshot, usually), playing at 1x. */
export function startPlayer(records: readonly JournalRecord[], realNow: number): Player {
	const first = records.findIndex(isTimelineEvent);
	return {position: first === -1 ? records.length : first + 1, playing: true, speed: 1, since: realNow, fraction: 0};
}

export function atEnd(records: readonly JournalRecord[], player: Player): boolean {
	return player.position >= records.length;
}

/** The real ms the gap before the next record lasts at this speed, or undefined at the end. */
export function gapDelay(records: readonly JournalRecord[], player: Player): number | undefined {
	const gap = gapMs(records, player.position);
	return gap === undefined ? undefined : Math.min(gap, MAX_IDLE_MS) / player.speed;
}

function gapMs(records: readonly JournalRecord[], position: number): number | undefined {
	if (position >= records.length || position === 0) return undefined;
	return Math.max(0, records[position].time - records[position - 1].time);
}

/** The journal's clock: the event on show, and while playing, time passing towards the next one. */
export function journalClock(records: readonly JournalRecord[], player: Player, realNow: number): number {
	const current = records[Math.max(0, player.position - 1)];
	if (current === undefined) return 0;
	const gap = gapMs(records, player.position);
	if (gap === undefined) return current.time;
	return current.time + gap * fractionOf(records, player, realNow);
}

function fractionOf(records: readonly JournalRecord[], player: Player, realNow: number): number {
	if (!player.playing) return player.fraction;
	const delay = gapDelay(records, player) ?? 0;
	return delay <= 0 ? 1 : Math.min(1, Math.max(0, (realNow - player.since) / delay));
}

/** The gap has run out: apply the next record, and every one after it with the same time. */
export function advance(records: readonly JournalRecord[], player: Player, realNow: number): Player {
	if (atEnd(records, player)) return player;
	let position = player.position + 1;
	while (position < records.length && records[position].time <= records[position - 1].time) position++;
	return {...player, position, since: realNow, fraction: 0};
}

export function togglePlaying(records: readonly JournalRecord[], player: Player, realNow: number): Player {
	if (player.playing) return {...player, playing: false, fraction: fractionOf(records, player, realNow)};
	// Play at the end starts over, as a video player does.
	if (atEnd(records, player)) return {...startPlayer(records, realNow), speed: player.speed};
	const delay = gapDelay(records, player) ?? 0;
	return {...player, playing: true, since: realNow - player.fraction * delay};
}

/** One event forward or back (`[` and `]`), never before the first event. */
export function stepEvents(records: readonly JournalRecord[], player: Player, delta: 1 | -1, realNow: number): Player {
	const target = delta > 0 ? nextIndex(records, player.position, isTimelineEvent) : previousIndex(records, player.position, isTimelineEvent);
	return target === undefined ? player : moved(player, target, realNow);
}

/** To the next or previous problem (`}` and `{`); stays put when there is none that way. */
export function jumpProblem(records: readonly JournalRecord[], player: Player, delta: 1 | -1, realNow: number): Player {
	const target = delta > 0 ? nextIndex(records, player.position, isProblem) : previousIndex(records, player.position, isProblem);
	return target === undefined ? player : moved(player, target, realNow);
}

export function changeSpeed(records: readonly JournalRecord[], player: Player, factor: 2 | 0.5, realNow: number): Player {
	const speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, player.speed * factor));
	if (speed === player.speed) return player;
	// Keep the clock where it is: the part of the gap already played stays played.
	const fraction = fractionOf(records, player, realNow);
	const next = {...player, speed};
	return {...next, since: realNow - fraction * (gapDelay(records, next) ?? 0), fraction};
}

function moved(player: Player, index: number, realNow: number): Player {
	return {...player, position: index + 1, since: realNow, fraction: 0};
}

/** The index of the first record after the one on show that matches. */
function nextIndex(records: readonly JournalRecord[], position: number, match: (record: JournalRecord) => boolean): number | undefined {
	for (let index = position; index < records.length; index++) if (match(records[index])) return index;
	return undefined;
}

/** The index of the last record before the one on show that matches. */
function previousIndex(records: readonly JournalRecord[], position: number, match: (record: JournalRecord) => boolean): number | undefined {
	for (let index = position - 2; index >= 0; index--) if (match(records[index])) return index;
	return undefined;
}

/** "event 12 of 240": the events up to the one on show, and all of them. */
export function eventCounts(records: readonly JournalRecord[], position: number): {current: number; total: number} {
	let current = 0;
	let total = 0;
	for (let index = 0; index < records.length; index++) {
		if (!isTimelineEvent(records[index])) continue;
		total++;
		if (index < position) current++;
	}
	return {current, total};
}
