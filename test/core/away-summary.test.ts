import {describe, expect, it} from 'vitest';
import {describeAwayChanges, FIRST_LOOK, formatAwaySummary, seenWorkflow, summarizeAway} from '../../source/core/away-summary.js';
import {stepKey} from '../../source/core/step.js';
import {step, workflow} from '../support/fake-watch-source.js';

const HOUR = 3_600_000;
const then = [step(0, {Status: 'IN_PROGRESS', RecordsProcessed: 0}), step(1, {Status: 'IN_PROGRESS'}), step(2, {Status: 'RETRY'}), step(3, {Status: 'COMPLETE', RecordsProcessed: 5})];
const seen = (steps = then, wf = workflow({Status: 'IN_PROGRESS', RecordsProcessed: 100})) => seenWorkflow('d', 'w', steps, wf, 1_000);

describe('summarizeAway', () => {
	it('counts the steps that completed, failed, retried and were created, and the records', () => {
		const now = [
			step(0, {Status: 'COMPLETE', RecordsProcessed: 300}),
			step(1, {Status: 'IN_PROGRESS'}),
			step(2, {Status: 'FAILED'}),
			step(3, {Status: 'COMPLETE', RecordsProcessed: 5}),
			step(4, {Status: 'RETRY', RecordsProcessed: 0}),
		];
		const summary = summarizeAway(seen(), now, workflow({Status: 'IN_PROGRESS', RecordsProcessed: 400}));
		expect(summary).toMatchObject({since: 1_000, completed: 1, failed: ['flow-0002'], retried: 1, newSteps: 1, gone: 0, records: 300});
		expect([...summary.changedKeys]).toEqual([stepKey(now[0]), stepKey(now[2]), stepKey(now[4])]);
		expect(describeAwayChanges(summary)).toBe('1 completed, 1 failed (flow-0002), 1 retried, 1 new step, 300 records processed');
	});

	it('names failed steps only when there are few of them', () => {
		const many = Array.from({length: 5}, (_, i) => step(i, {Status: 'FAILED'}));
		const summary = summarizeAway(seenWorkflow('d', 'w', many.map(s => ({...s, Status: 'IN_PROGRESS'})), undefined, 0), many, undefined);
		expect(describeAwayChanges(summary)).toBe('5 failed');
	});

	it('says the workflow moved, and when nothing changed says so', () => {
		const done = summarizeAway(seen(), then, workflow({Status: 'COMPLETE', RecordsProcessed: 100}));
		expect(describeAwayChanges(done)).toBe('workflow COMPLETE (was IN_PROGRESS)');
		const same = summarizeAway(seen(), then, workflow({Status: 'IN_PROGRESS', RecordsProcessed: 100}));
		expect(describeAwayChanges(same)).toBe('nothing changed');
		expect(same.changedKeys.size).toBe(0);
	});

	it('sums the steps when the workflow has no record count, and counts steps no longer listed', () => {
		const summary = summarizeAway(seen(then, workflow({RecordsProcessed: undefined})), [step(0, {Status: 'IN_PROGRESS', RecordsProcessed: 40})], undefined);
		expect(summary).toMatchObject({records: 40, gone: 3});
	});

	it('makes names from the API safe for the terminal', () => {
		const hostile = step(9, {Status: 'FAILED', FlowName: 'evil\u001B[2Jname'});
		const summary = summarizeAway(seen(), [...then, hostile], undefined);
		expect(describeAwayChanges(summary)).not.toContain('\u001B');
	});

	it('reads "since you last looked", when, and what changed', () => {
		const summary = summarizeAway(seen(), then, undefined);
		expect(formatAwaySummary(summary, 1_000 + 2 * HOUR)).toBe('since you last looked (2h ago, 1970-01-01T00:00:01Z): nothing changed');
		expect(FIRST_LOOK).toMatch(/^since you last looked: /);
	});
});
