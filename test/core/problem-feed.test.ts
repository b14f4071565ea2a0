import {describe, expect, it} from 'vitest';
import {mergeProblems, parseProblemKey, problemKey, problemSteps, stepCounts} from '../../source/core/problem-feed.js';
import {stepKey} from '../../source/core/step.js';
import {step} from '../support/fake-watch-source.js';

describe('the problems feed', () => {
	const steps = [
		step(1, {Status: 'FAILED', LastUpdatedAt: 5000}),
		step(2, {Status: 'RETRY', LastUpdatedAt: 9000}),
		step(3, {Status: 'COMPLETE'}),
		step(4, {Status: 'CANCELLED', LastUpdatedAt: 1000}),
		step(5, {Status: 'RETRY', LastUpdatedAt: 2000}),
	];

	it('counts failed, retrying and cancelled steps, and keeps only those as problems', () => {
		expect(stepCounts(steps)).toEqual({failed: 1, retrying: 2, cancelled: 1});
		expect(problemSteps(steps).map(s => s.Status)).toEqual(['FAILED', 'RETRY', 'CANCELLED', 'RETRY']);
	});

	it('merges every workflow\'s problems newest first, each with its workflow, up to a maximum', () => {
		const merged = mergeProblems(new Map([['wf-a', problemSteps(steps).slice(0, 2)], ['wf-b', [step(9, {Status: 'FAILED', LastUpdatedAt: 7000})]]]));
		expect(merged.map(entry => `${entry.workflowId} ${entry.step.Status} ${entry.step.LastUpdatedAt}`)).toEqual(['wf-a RETRY 9000', 'wf-b FAILED 7000', 'wf-a FAILED 5000']);
		expect(mergeProblems(new Map([['wf-a', steps]]), 2)).toHaveLength(2);
	});

	it('keys an entry by workflow, status and step, and reads the key back', () => {
		const entry = {workflowId: 'wf-a', step: steps[0]};
		expect(parseProblemKey(problemKey(entry))).toEqual({workflowId: 'wf-a', status: 'FAILED', stepKey: stepKey(steps[0])});
		expect(parseProblemKey('no separators')).toBeUndefined();
	});
});
