import {describe, expect, it} from 'vitest';
import {EXIT, exitCodeForError, exitCodeForWorkflowStatus} from '../../source/core/exit-code.js';

describe('exit codes', () => {
	it('1 is only the workflow FAILED; an outage of any kind is 7 (gave up)', () => {
		expect(exitCodeForWorkflowStatus('FAILED')).toBe(1);
		for (const kind of ['network', 'timeout', 'server', 'throttled', 'unknown'] as const) {
			expect(exitCodeForError(kind), kind).toBe(EXIT.gaveUp);
		}
		expect(EXIT.gaveUp).toBe(7);
	});

	it('usage, credentials and not-found keep their own codes', () => {
		expect(exitCodeForError('bad-request')).toBe(2);
		expect(exitCodeForError('credentials')).toBe(4);
		expect(exitCodeForError('access-denied')).toBe(4);
		expect(exitCodeForError('not-found')).toBe(5);
	});
});
