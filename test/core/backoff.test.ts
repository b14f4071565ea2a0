import {describe, expect, it} from 'vitest';
import {backoffCeiling, nextDelay} from '../../source/core/backoff.js';

describe('backoff', () => {
	it('doubles its ceiling from 1 s up to the 30 s cap', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 50, 5000].map(attempt => backoffCeiling(attempt))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000]);
	});

	it('jitters fully: anywhere from 0 to just under the ceiling', () => {
		expect(nextDelay(3, () => 0)).toBe(0);
		expect(nextDelay(3, () => 0.999_999)).toBe(7999);
		expect(nextDelay(3, () => 0.5)).toBe(4000);
	});

	it('stays within bounds for any random value', () => {
		let seed = 42;
		const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
		for (let attempt = 0; attempt < 12; attempt++) {
			for (let i = 0; i < 200; i++) {
				const delay = nextDelay(attempt, random);
				expect(delay).toBeGreaterThanOrEqual(0);
				expect(delay).toBeLessThan(backoffCeiling(attempt));
			}
		}
	});

	it('waits at least the Retry-After, even beyond the cap', () => {
		expect(nextDelay(0, () => 0.1, 5000)).toBe(5000);
		expect(nextDelay(5, () => 0.9, 1000)).toBe(27_000);
		expect(nextDelay(9, () => 0.9, 45_000)).toBe(45_000);
	});

	it('trusts a Retry-After only up to 5 minutes: a server asking for a day does not freeze the watch', () => {
		expect(nextDelay(0, () => 0.1, 86_400_000)).toBe(300_000);
		expect(nextDelay(0, () => 0.1, 300_000)).toBe(300_000);
	});

	it('takes other bases and caps', () => {
		expect(backoffCeiling(2, {baseMs: 50, capMs: 300})).toBe(200);
		expect(backoffCeiling(3, {baseMs: 50, capMs: 300})).toBe(300);
	});
});
