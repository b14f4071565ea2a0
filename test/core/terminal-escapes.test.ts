import {describe, expect, it} from 'vitest';
import {
	desktopNotification,
	forTerminal,
	osc52Copy,
	osc777Notify,
	osc9Notify,
} from '../../source/core/terminal-escapes.js';

describe('terminal escapes', () => {
	it('copies with OSC 52: clipboard c, base64 of the UTF-8 text, BEL', () => {
		expect(osc52Copy('sf-prod-Account-2024 ✓')).toBe(
			'\u001B]52;c;' + Buffer.from('sf-prod-Account-2024 ✓').toString('base64') + '\u0007',
		);
		expect(osc52Copy('hi')).toBe('\u001B]52;c;aGk=\u0007');
	});

	it('notifies with OSC 9 and OSC 777, byte for byte', () => {
		expect(osc9Notify('Step failed')).toBe('\u001B]9;Step failed\u0007');
		expect(osc777Notify('cp-watch', 'Workflow COMPLETE')).toBe('\u001B]777;notify;cp-watch;Workflow COMPLETE\u0007');
	});

	it('cannot be broken out of by text from the API', () => {
		const hostile = 'x\u0007\u001B]52;c;ZXZpbA==\u0007\u009Dy';
		const sequence = osc9Notify(hostile);
		// Exactly one ESC (the opener) and one BEL (the terminator) survive.
		expect(sequence.match(/\u001B/g)).toHaveLength(1);
		expect(sequence.match(/\u0007/g)).toHaveLength(1);
		expect(sequence.endsWith('\u0007')).toBe(true);
		expect(osc777Notify('a;b', 'c')).toBe('\u001B]777;notify;a,b;c\u0007');
	});

	it('wraps for tmux passthrough, doubling every ESC', () => {
		expect(forTerminal('\u001B]9;hi\u0007', {tmux: true})).toBe('\u001BPtmux;\u001B\u001B]9;hi\u0007\u001B\\');
		expect(forTerminal('\u001B]9;hi\u0007', {tmux: false})).toBe('\u001B]9;hi\u0007');
	});

	it('a desktop notification rings the bell and speaks both dialects', () => {
		expect(desktopNotification('cp-watch', 'step FAILED', {tmux: false})).toBe(
			'\u0007\u001B]9;cp-watch: step FAILED\u0007\u001B]777;notify;cp-watch;step FAILED\u0007',
		);
	});
});
