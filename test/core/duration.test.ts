import {describe, expect, it} from 'vitest';
import {parseDuration} from '../../source/core/duration.js';

describe('parseDuration', () => {
	it('reads units people type', () => {
		expect(parseDuration('90s')).toBe(90_000);
		expect(parseDuration('30m')).toBe(30 * 60_000);
		expect(parseDuration('2h')).toBe(2 * 3_600_000);
		expect(parseDuration('1h30m')).toBe(90 * 60_000);
		expect(parseDuration('1.5h')).toBe(90 * 60_000);
		expect(parseDuration('250ms')).toBe(250);
	});

	it('treats a bare number as seconds', () => {
		expect(parseDuration('45')).toBe(45_000);
	});

	it('refuses what is not a positive duration', () => {
		for (const bad of ['', 'abc', '10x', '-5m', '0', '0s', 'm', '5m garbage', '1h 30m']) {
			expect(parseDuration(bad), bad).toBeUndefined();
		}
	});
});
