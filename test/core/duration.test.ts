import {describe, expect, it} from 'vitest';
import {formatDurationWords, parseDuration} from '../../source/core/duration.js';

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

describe('formatDurationWords', () => {
	it('writes durations back the way people type them', () => {
		expect(formatDurationWords(7_200_000)).toBe('2h');
		expect(formatDurationWords(5_400_000)).toBe('1h30m');
		expect(formatDurationWords(1500)).toBe('1.5s');
		expect(formatDurationWords(90_000)).toBe('1m30s');
	});
});
