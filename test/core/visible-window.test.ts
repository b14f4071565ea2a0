import {describe, expect, it} from 'vitest';
import {moveCursor, visibleWindow} from '../../source/core/visible-window.js';

describe('visibleWindow', () => {
	it('keeps the top while the cursor stays inside', () => {
		expect(visibleWindow(100, 5, 10, 0)).toEqual({start: 0, end: 10});
		expect(visibleWindow(100, 12, 10, 5)).toEqual({start: 5, end: 15});
	});
	it('scrolls the least needed to show the cursor', () => {
		expect(visibleWindow(100, 10, 10, 0)).toEqual({start: 1, end: 11});
		expect(visibleWindow(100, 3, 10, 20)).toEqual({start: 3, end: 13});
	});
	it('fills the window at the end and handles short or empty lists', () => {
		expect(visibleWindow(100, 99, 10, 95)).toEqual({start: 90, end: 100});
		expect(visibleWindow(5, 2, 10, 3)).toEqual({start: 0, end: 5});
		expect(visibleWindow(0, 0, 10)).toEqual({start: 0, end: 0});
	});
	it('clamps moves', () => {
		expect(moveCursor(10, 9, 5)).toBe(9);
		expect(moveCursor(10, 0, -1)).toBe(0);
		expect(moveCursor(0, 0, 1)).toBe(0);
	});
});
