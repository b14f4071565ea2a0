// The journal folded into the engine's WatchState: what each screen shows at a point of a replay.
import {describe, expect, it} from 'vitest';
import {stepKey} from '../../source/core/step.js';
import type {JournalRecord} from '../../source/journal/journal-format.js';
import {foldRecords, summaryOf} from '../../source/journal/replay-state.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

const T0 = Date.parse('2026-11-24T09:00:00Z');
const of = (seconds: number, workflowId = 'w') => ({workflowId, time: T0 + seconds * 1000});
const a = makeStep({FlowName: 'a', Status: 'IN_PROGRESS'});
const b = makeStep({FlowName: 'b', Status: 'NOT_STARTED'});

const RECORDS: JournalRecord[] = [
	{kind: 'header', journal: 1, cpWatch: '0.1.0', scope: 'domain', domain: 'd', workflowId: null, intervalMs: 5000, statusFilter: [], time: T0},
	{...of(1), kind: 'snapshot', workflow: makeWorkflow({WorkflowId: 'w'}), steps: [a, b]},
	{...of(2), kind: 'step', step: {...a, Status: 'COMPLETE'}, previousStatus: 'IN_PROGRESS'},
	{...of(2), kind: 'step', step: {...b, Status: 'IN_PROGRESS'}, previousStatus: 'NOT_STARTED'},
	{...of(3), kind: 'step', step: makeStep({FlowName: 'c', Status: 'NOT_STARTED'}), previousStatus: null},
	{...of(4), kind: 'throttled', retryAt: T0 + 6000},
	{...of(5), kind: 'error', error: {kind: 'network', code: null, message: 'socket hang up', retryable: true}},
	{...of(7), kind: 'recovered'},
	{...of(8), kind: 'progress', workflow: makeWorkflow({WorkflowId: 'w', RecordsProcessed: 5000})},
	{...of(9), kind: 'workflow', workflow: makeWorkflow({WorkflowId: 'w', Status: 'COMPLETE'}), previousStatus: 'IN_PROGRESS'},
	{...of(9), kind: 'end', reason: 'done'},
	{...of(9, 'other'), kind: 'snapshot', workflow: makeWorkflow({WorkflowId: 'other', Status: 'FAILED'}), steps: []},
];
const at = (count: number, workflowId = 'w') => foldRecords(RECORDS, count).get(workflowId)!;

describe('replay states', () => {
	it('the snapshot is the first complete walk, live, updated at its time', () => {
		expect(at(2)).toMatchObject({phase: 'live', complete: true, steps: [a, b], lastSuccessAt: T0 + 1000});
	});

	it('changes of one walk replace their steps and are marked changed together; a new step is added', () => {
		const state = at(4);
		expect(state.steps.map(step => step.Status)).toEqual(['COMPLETE', 'IN_PROGRESS']);
		expect([...state.changedKeys]).toEqual([stepKey(a), stepKey(b)]);
		expect(state.events.map(event => event.previousStatus)).toEqual(['IN_PROGRESS', 'NOT_STARTED']);
		const next = at(5);
		expect(next.steps.map(step => step.FlowName)).toEqual(['a', 'b', 'c']);
		expect([...next.changedKeys]).toEqual([stepKey(makeStep({FlowName: 'c'}))]);
	});

	it('throttling, an error and the recovery show as the status line showed them', () => {
		expect(at(6)).toMatchObject({phase: 'throttled', retryAt: T0 + 6000, throttles: 1});
		expect(at(7)).toMatchObject({phase: 'error', error: {kind: 'network', message: 'socket hang up', staleSince: T0 + 3000}});
		expect(at(8)).toMatchObject({phase: 'live', error: undefined});
	});

	it('the counters and the workflow status follow; the end is done', () => {
		expect(at(9).workflow?.RecordsProcessed).toBe(5000);
		expect(at(10).workflowEvents).toEqual([{previousStatus: 'IN_PROGRESS', workflow: RECORDS[9].kind === 'workflow' ? RECORDS[9].workflow : undefined, time: T0 + 9000}]);
		expect(at(11).phase).toBe('done');
	});

	it('a domain-wide journal keeps one state per workflow, each a row of the workflows screen', () => {
		const states = foldRecords(RECORDS, RECORDS.length);
		expect([...states.keys()]).toEqual(['w', 'other']);
		expect(summaryOf('other', states.get('other')!)).toMatchObject({WorkflowId: 'other', Status: 'FAILED'});
	});
});
