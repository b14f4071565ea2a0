import {describe, expect, it} from 'vitest';
import {verdictLine, verdictOfEnd, verdictOfEvent} from '../../source/output/exit-verdict.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

describe('--exit-status verdicts', () => {
	it('come from the end of a watch: 0 COMPLETE, 1 FAILED, 3 CANCELLED', () => {
		const code = (Status: string) => verdictOfEnd({reason: 'done', workflow: makeWorkflow({Status})})?.code;
		expect([code('COMPLETE'), code('FAILED'), code('CANCELLED')]).toEqual([0, 1, 3]);
		expect(verdictOfEnd({reason: 'error', error: {kind: 'network', message: 'x', retryable: true}})).toBeUndefined();
	});

	it('with --follow, from the first final workflow status seen; never from a step', () => {
		const failed = {type: 'workflow' as const, time: 0, workflow: makeWorkflow({Status: 'FAILED'}), initial: false};
		expect(verdictOfEvent(failed, true)?.code).toBe(1);
		expect(verdictOfEvent(failed, false)).toBeUndefined();
		expect(verdictOfEvent({type: 'workflow', time: 0, workflow: makeWorkflow({Status: 'IN_PROGRESS'}), initial: false}, true)).toBeUndefined();
		expect(verdictOfEvent({type: 'step', time: 0, step: makeStep({Status: 'FAILED'}), initial: false}, true)).toBeUndefined();
	});

	it('leaves a line that says what the code means', () => {
		expect(verdictLine(makeWorkflow({Status: 'FAILED', StepsCompleted: 1, TotalSteps: 2}))).toBe(
			'workflow 3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60 FAILED, 1/2 steps',
		);
	});
});
