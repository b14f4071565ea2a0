import {describe, expect, it} from 'vitest';
import {stepKey} from '../../source/core/step.js';
import {followWatch, type FeedEnd, type FeedEvent} from '../../source/output/watch-feed.js';
import {fakeController, watchState} from '../support/fake-watch-source.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

function record() {
	// A watch before its first walk is in.
	const watch = fakeController(watchState({phase: 'loading', complete: false, stepsVersion: 0}));
	const events: FeedEvent[] = [];
	const ends: FeedEnd[] = [];
	const unsubscribe = followWatch(watch, {onEvent: e => events.push(e), onEnd: e => ends.push(e)});
	return {watch, events, ends, unsubscribe};
}

describe('the event feed of a workflow watch', () => {
	it('prints nothing while the first walk is incomplete, then every step once', () => {
		const {watch, events} = record();
		const a = makeStep({FlowName: 'a'});
		const b = makeStep({FlowName: 'b'});
		watch.set({steps: [a], stepsVersion: 1, complete: false, workflow: makeWorkflow()});
		expect(events).toEqual([]);
		watch.set({steps: [a, b], stepsVersion: 2, complete: true, phase: 'live', lastSuccessAt: 5});
		expect(events.map(e => (e.type === 'step' ? e.step.FlowName : `workflow ${e.workflow.Status}`))).toEqual([
			'workflow IN_PROGRESS',
			'a',
			'b',
		]);
		expect(events.every(e => e.initial)).toBe(true);
	});

	it('then reports only the changes of each new walk, and the workflow verdict after them', () => {
		const {watch, events, ends} = record();
		const a = makeStep({FlowName: 'a'});
		watch.set({steps: [a], stepsVersion: 1, complete: true, phase: 'live', workflow: makeWorkflow()});
		events.length = 0;
		watch.set({nextPollAt: 99}); // nothing new: nothing printed
		expect(events).toEqual([]);
		watch.set({workflow: makeWorkflow({Status: 'COMPLETE'})}); // the probe's news waits for its walk
		expect(events).toEqual([]);

		const done = {...a, Status: 'COMPLETE'};
		watch.set({
			steps: [done],
			stepsVersion: 2,
			events: [{type: 'changed', key: stepKey(done), step: done, previousStatus: 'IN_PROGRESS', time: 7}],
			workflow: makeWorkflow({Status: 'COMPLETE'}),
			phase: 'done',
		});
		expect(events).toMatchObject([
			{type: 'step', previousStatus: 'IN_PROGRESS', initial: false, step: {Status: 'COMPLETE'}},
			{type: 'workflow', previousStatus: 'IN_PROGRESS', initial: false, workflow: {Status: 'COMPLETE'}},
		]);
		expect(ends).toMatchObject([{reason: 'done', workflow: {Status: 'COMPLETE'}}]);
	});

	it('reports the changes of one walk in the order they happened', () => {
		const {watch, events} = record();
		const early = makeStep({FlowName: 'early', CreatedAt: 2, LastUpdatedAt: 100});
		const late = makeStep({FlowName: 'late', CreatedAt: 1, LastUpdatedAt: 200});
		watch.set({steps: [late, early], stepsVersion: 1, complete: true, phase: 'live', workflow: makeWorkflow()});
		events.length = 0;
		watch.set({
			stepsVersion: 2,
			events: [
				{type: 'changed', key: stepKey(late), step: late, previousStatus: 'NOT_STARTED', time: 300},
				{type: 'changed', key: stepKey(early), step: early, previousStatus: 'NOT_STARTED', time: 300},
			],
		});
		expect(events.map(e => (e.type === 'step' ? e.step.FlowName : ''))).toEqual(['early', 'late']);
	});

	it('ends on an error that waiting will not fix, but not on one that it will', () => {
		const {watch, ends} = record();
		const staleSince = 1;
		watch.set({phase: 'error', error: {kind: 'network', message: 'connect ECONNREFUSED', retryable: true, staleSince}});
		expect(ends).toEqual([]);
		watch.set({phase: 'error', error: {kind: 'not-found', message: 'no such workflow', retryable: false, staleSince}});
		expect(ends).toMatchObject([{reason: 'error', error: {kind: 'not-found'}}]);
	});
});
