// The recorder over watches whose state the test sets (the engine's contract, not an SDK mock):
// what it writes for each thing a watch does, and the domain-wide header.
import {describe, expect, it} from 'vitest';
import type {JournalRecord} from '../../source/journal/journal-format.js';
import {createRecorder} from '../../source/journal/recorder.js';
import type {FeedEvent} from '../../source/output/watch-feed.js';
import type {WatchState} from '../../source/poller/watch-state.js';
import {fakeController, watchState} from '../support/fake-watch-source.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

const NOW = Date.parse('2026-11-24T10:00:00Z');

function setup() {
	const written: JournalRecord[] = [];
	const recorder = createRecorder({write: record => written.push(record)}, {cpWatchVersion: '9.9.9', intervalMs: 5000, now: () => NOW});
	const printed: FeedEvent[] = [];
	const handlers = {onEvent: (event: FeedEvent) => printed.push(event), onEnd() {}};
	return {written, recorder, printed, handlers, kinds: () => written.map(record => record.kind)};
}

const loading = () => fakeController<WatchState>(watchState({phase: 'loading', complete: false}));
const a = makeStep({FlowName: 'a'});

describe('the recorder', () => {
	it('writes a header, the first complete walk as one snapshot, then each change; and passes every event on', () => {
		const {written, recorder, printed, handlers, kinds} = setup();
		const watch = loading();
		recorder.follow(watch, 'retail-prod', 'w1', handlers);
		expect(written).toEqual([{kind: 'header', journal: 1, cpWatch: '9.9.9', scope: 'workflow', domain: 'retail-prod', workflowId: 'w1', intervalMs: 5000, statusFilter: [], time: NOW}]);
		const workflow = makeWorkflow({WorkflowId: 'w1'});
		watch.set({phase: 'live', complete: true, workflow, steps: [a], lastSuccessAt: NOW - 10, events: []});
		expect(written[1]).toEqual({kind: 'snapshot', time: NOW - 10, workflowId: 'w1', workflow, steps: [a]});
		expect(printed.map(event => event.type)).toEqual(['workflow', 'step']);
		const done = {...a, Status: 'COMPLETE'};
		watch.set({steps: [done], events: [{type: 'changed', key: 'k', step: done, previousStatus: 'IN_PROGRESS', time: NOW - 5}]});
		expect(written[2]).toEqual({kind: 'step', time: NOW - 5, workflowId: 'w1', step: done, previousStatus: 'IN_PROGRESS'});
		expect(kinds()).toEqual(['header', 'snapshot', 'step']);
		expect(printed).toHaveLength(3);
	});

	it('writes the counters only when they moved, and the status change only as the feed prints it', () => {
		const {recorder, handlers, kinds, written} = setup();
		const watch = loading();
		recorder.follow(watch, 'd', 'w1', handlers);
		watch.set({phase: 'live', complete: true, workflow: makeWorkflow({RecordsProcessed: 1}), steps: [a], lastSuccessAt: NOW});
		watch.set({workflow: makeWorkflow({RecordsProcessed: 1}), lastSuccessAt: NOW + 1});
		expect(kinds()).toEqual(['header', 'snapshot']);
		watch.set({workflow: makeWorkflow({RecordsProcessed: 2}), lastSuccessAt: NOW + 2});
		expect(kinds()).toEqual(['header', 'snapshot', 'progress']);
		// A new status waits for the walk after it, then is one workflow record, not progress.
		watch.set({workflow: makeWorkflow({Status: 'COMPLETE', RecordsProcessed: 3}), lastSuccessAt: NOW + 3});
		expect(kinds()).toEqual(['header', 'snapshot', 'progress']);
		watch.set({events: [], phase: 'done'});
		expect(kinds()).toEqual(['header', 'snapshot', 'progress', 'workflow', 'end']);
		expect(written[3]).toMatchObject({kind: 'workflow', previousStatus: 'IN_PROGRESS', workflow: {Status: 'COMPLETE'}});
		expect(written[4]).toMatchObject({kind: 'end', reason: 'done', time: NOW});
	});

	it('writes throttling, a retryable error and the recovery once each, with the time they were seen', () => {
		const {recorder, handlers, written, kinds} = setup();
		const watch = loading();
		recorder.follow(watch, 'd', 'w1', handlers);
		watch.set({phase: 'throttled', retryAt: NOW + 2000});
		watch.set({phase: 'throttled', retryAt: NOW + 4000});
		watch.set({phase: 'error', error: {kind: 'network', message: 'socket hang up', retryable: true, staleSince: NOW}});
		watch.set({phase: 'live'});
		expect(kinds()).toEqual(['header', 'throttled', 'error', 'recovered']);
		expect(written[1]).toEqual({kind: 'throttled', time: NOW, workflowId: 'w1', retryAt: NOW + 2000});
		expect(written[2]).toEqual({kind: 'error', time: NOW, workflowId: 'w1', error: {kind: 'network', code: null, message: 'socket hang up', retryable: true}});
	});

	it('domain-wide: one header for the domain, then every workflow under it, each record naming its own', () => {
		const {recorder, handlers, written} = setup();
		recorder.startDomain('retail-prod');
		const one = loading();
		const two = loading();
		recorder.follow(one, 'retail-prod', 'w1', handlers);
		recorder.follow(two, 'retail-prod', 'w2', handlers);
		one.set({phase: 'live', complete: true, steps: [a], lastSuccessAt: NOW});
		two.set({phase: 'live', complete: true, steps: [], lastSuccessAt: NOW});
		expect(written.map(record => [record.kind, record.kind === 'header' ? record.scope : record.workflowId])).toEqual([
			['header', 'domain'],
			['snapshot', 'w1'],
			['snapshot', 'w2'],
		]);
		expect(written[0]).toMatchObject({domain: 'retail-prod', workflowId: null});
	});

	it('begin writes the header before any watch; following that workflow then adds no second one', () => {
		const {recorder, handlers, kinds, written} = setup();
		recorder.begin('retail-prod');
		expect(written[0]).toMatchObject({kind: 'header', scope: 'workflow', domain: 'retail-prod', workflowId: null});
		recorder.follow(loading(), 'retail-prod', 'w1', handlers);
		expect(kinds()).toEqual(['header']);
		// Another domain is another header.
		recorder.follow(loading(), 'other', 'w2', handlers);
		expect(written[1]).toMatchObject({kind: 'header', domain: 'other', workflowId: 'w2'});
	});

	it('stops writing once unfollowed', () => {
		const {recorder, handlers, kinds} = setup();
		const watch = loading();
		const stop = recorder.follow(watch, 'd', 'w1', handlers);
		stop();
		watch.set({phase: 'throttled'});
		expect(kinds()).toEqual(['header']);
	});
});
