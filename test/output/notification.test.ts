import {describe, expect, it} from 'vitest';
import {desktopNotification} from '../../source/core/terminal-escapes.js';
import {notificationFor} from '../../source/output/notification.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

describe('what --notify announces', () => {
	it('a step that turns FAILED, byte for byte as OSC 9 and OSC 777 after a bell', () => {
		const step = makeStep({Status: 'FAILED', ExecutionMessage: 'Quota exceeded'});
		const note = notificationFor({type: 'step', time: 0, step, previousStatus: 'RETRY', initial: false});
		expect(note).toEqual({title: 'cp-watch: step failed', body: 'sf-backfill-0001: Quota exceeded'});
		expect(desktopNotification(note!.title, note!.body, {tmux: false})).toBe(
			'\u0007\u001B]9;cp-watch: step failed: sf-backfill-0001: Quota exceeded\u0007' +
				'\u001B]777;notify;cp-watch: step failed;sf-backfill-0001: Quota exceeded\u0007',
		);
	});

	it('the workflow reaching a final status', () => {
		const workflow = makeWorkflow({Status: 'COMPLETE'});
		expect(notificationFor({type: 'workflow', time: 0, workflow, previousStatus: 'IN_PROGRESS', initial: false})).toEqual({
			title: 'cp-watch: workflow COMPLETE',
			body: '3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60',
		});
	});

	it('not the state found at start, not progress, not a step that was already failed', () => {
		const failed = makeStep({Status: 'FAILED'});
		expect(notificationFor({type: 'step', time: 0, step: failed, initial: true})).toBeUndefined();
		expect(notificationFor({type: 'step', time: 0, step: makeStep({Status: 'COMPLETE'}), previousStatus: 'IN_PROGRESS', initial: false})).toBeUndefined();
		expect(notificationFor({type: 'step', time: 0, step: failed, previousStatus: 'FAILED', initial: false})).toBeUndefined();
		expect(notificationFor({type: 'workflow', time: 0, workflow: makeWorkflow({Status: 'IN_PROGRESS'}), previousStatus: 'NOT_STARTED', initial: false})).toBeUndefined();
	});
});
