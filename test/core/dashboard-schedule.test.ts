import {describe, expect, it} from 'vitest';
import {nextVisit, roundBoundMs, watchedRunning, type ScheduleInput} from '../../source/core/dashboard-schedule.js';

const input = (patch: Partial<ScheduleInput>): ScheduleInput => ({running: [], readAt: new Map(), unreadFinished: [], lastWasFinished: false, now: 100_000, intervalMs: 5000, ...patch});

describe('which workflow the dashboard reads next', () => {
	it('watches IN_PROGRESS before NOT_STARTED, in list order, at most 50', () => {
		const items = [
			{WorkflowId: 'queued', Status: 'NOT_STARTED'},
			{WorkflowId: 'done', Status: 'COMPLETE'},
			...Array.from({length: 60}, (_, i) => ({WorkflowId: `run-${i}`, Status: 'IN_PROGRESS'})),
		];
		const watched = watchedRunning(items);
		expect(watched).toHaveLength(50);
		expect(watched.slice(0, 2)).toEqual(['run-0', 'run-1']);
		expect(watched).not.toContain('queued');
		expect(watchedRunning(items.slice(0, 4))).toEqual(['run-0', 'run-1', 'queued']);
	});

	it('reads rows never read first, in list order, then the oldest numbers: a round robin', () => {
		const readAt = new Map([['a', 90_000], ['b', 80_000]]);
		expect(nextVisit(input({running: ['a', 'b', 'c'], readAt}))).toEqual({id: 'c', running: true});
		readAt.set('c', 99_000);
		expect(nextVisit(input({running: ['a', 'b', 'c'], readAt}))).toEqual({id: 'b', running: true});
	});

	it('waits until the first row is an interval old; idle when nothing runs', () => {
		const readAt = new Map([['a', 99_000], ['b', 97_000]]);
		expect(nextVisit(input({running: ['a', 'b'], readAt}))).toEqual({waitMs: 2000});
		expect(nextVisit(input({}))).toEqual({idle: true});
	});

	it('alternates finished rows with due running ones, so reading a screen of finished rows starves nobody', () => {
		const base = {running: ['a'], unreadFinished: ['f1', 'f2']};
		expect(nextVisit(input({...base, lastWasFinished: false}))).toEqual({id: 'f1', running: false});
		expect(nextVisit(input({...base, lastWasFinished: true}))).toEqual({id: 'a', running: true});
		// With no running row due, finished ones go one after another.
		expect(nextVisit(input({...base, readAt: new Map([['a', 99_000]]), lastWasFinished: true}))).toEqual({id: 'f1', running: false});
	});

	it('bounds a round by what every visit costs at the pace', () => {
		// 50 rows of a probe and up to 2 pages each, plus the list, at 2 rps: 75.5 s, plus one slot.
		expect(roundBoundMs({running: 50, pagesPerVisit: 2, maxRps: 2, intervalMs: 5000})).toBe(76_000);
		// Few rows: the interval is the bound.
		expect(roundBoundMs({running: 2, pagesPerVisit: 2, maxRps: 2, intervalMs: 5000})).toBe(5500);
	});
});
