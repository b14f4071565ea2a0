import {describe, expect, it} from 'vitest';
import {formatFeedLine} from '../../source/output/line-format.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

const plain = {color: false};

describe('line mode lines', () => {
	it('reads as time, status, flow, records, message', () => {
		const line = formatFeedLine({type: 'step', time: 0, step: makeStep(), initial: true}, plain);
		expect(line).toBe('2026-11-24T09:00:12Z  IN_PROGRESS  sf-backfill-0001  1,200 records  Running');
	});

	it('says what a step was before it changed', () => {
		const step = makeStep({Status: 'FAILED', ExecutionMessage: 'Flow failed: INVALID_FIELD'});
		const line = formatFeedLine({type: 'step', time: 0, step, previousStatus: 'RETRY', initial: false}, plain);
		expect(line).toMatch(/ FAILED {7}sf-backfill-0001 .*Flow failed: INVALID_FIELD \(was RETRY\)$/);
	});

	it('reports the workflow with its progress and error', () => {
		const workflow = makeWorkflow({Status: 'FAILED', StepsCompleted: 3, TotalSteps: 4, ErrorDescription: '1 step failed'});
		const line = formatFeedLine({type: 'workflow', time: 0, workflow, previousStatus: 'IN_PROGRESS', initial: false}, plain);
		expect(line).toBe(
			'2026-11-24T09:00:12Z  FAILED       workflow 3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60  3/4 steps, 1,200 records (was IN_PROGRESS)  1 step failed',
		);
	});

	it('colours the status only when asked, and never moves the cursor', () => {
		const step = makeStep({Status: 'FAILED'});
		expect(formatFeedLine({type: 'step', time: 0, step, initial: true}, {color: true})).toContain('\u001B[31mFAILED');
		expect(formatFeedLine({type: 'step', time: 0, step, initial: true}, plain)).not.toContain('\u001B');
	});

	it('never writes escape sequences or control characters from the API', () => {
		const step = makeStep({FlowName: 'evil\u001B[2J', ExecutionMessage: 'ring\u0007\u001B]52;c;aGk=\u0007 \u202Etxt.exe'});
		const line = formatFeedLine({type: 'step', time: 0, step, initial: true}, plain);
		expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E]/);
		expect(line).toContain('evil');
	});
});
