import {describe, expect, it} from 'vitest';
import {createPacing, onSucceeded, onThrottled, takeSlot, waitFor} from '../../source/core/pacing.js';

describe('pacing', () => {
	it('lets a burst of two go at once, then waits until that second is over (2 rps: never 3 in a second)', () => {
		let pacing = createPacing(2);
		expect(waitFor(pacing, 1000)).toBe(0);
		pacing = takeSlot(pacing, 1000);
		expect(waitFor(pacing, 1000)).toBe(0);
		pacing = takeSlot(pacing, 1000);
		expect(waitFor(pacing, 1000)).toBe(1000);
		expect(waitFor(pacing, 1400)).toBe(600);
		expect(waitFor(pacing, 2000)).toBe(0);
	});

	it('at 10 rps one request every 100 ms after the burst, and never more than 10 in any second', () => {
		let pacing = createPacing(10);
		const sent: number[] = [];
		for (let now = 0; now <= 5000; now++) {
			while (waitFor(pacing, now) === 0) {
				pacing = takeSlot(pacing, now);
				sent.push(now);
			}
		}
		const most = Math.max(...sent.map(t => sent.filter(u => u >= t && u < t + 1000).length));
		expect(most).toBe(10);
		expect(sent.length).toBeGreaterThanOrEqual(50);
		expect(sent.length).toBeLessThanOrEqual(52);
	});

	it('keeps the average at the rate: 2 rps for 10 s sends 2 + 20 requests, never more than 2 at once', () => {
		let pacing = createPacing(2);
		const sent: number[] = [];
		for (let now = 0; now <= 10_000; now++) {
			while (waitFor(pacing, now) === 0) {
				pacing = takeSlot(pacing, now);
				sent.push(now);
			}
		}
		expect(sent.length).toBe(22);
		expect(sent.filter(t => t === 0).length).toBe(2);
	});

	it('saves up no more than the burst after a quiet spell', () => {
		let pacing = takeSlot(createPacing(3), 0);
		pacing = takeSlot(pacing, 60_000);
		pacing = takeSlot(pacing, 60_000);
		// Two tokens were saved, not 180: the third waits for a token (1/3 s), within the second's room.
		expect(waitFor(pacing, 60_000)).toBe(334);
	});

	it('halves the rate on a 429, down to a floor', () => {
		let pacing = createPacing(2);
		const rates: number[] = [];
		for (let i = 0; i < 5; i++) {
			pacing = onThrottled(pacing, 0);
			rates.push(pacing.rate);
		}
		expect(rates).toEqual([1, 0.5, 0.25, 0.2, 0.2]);
		expect(waitFor(pacing, 0)).toBe(5000);
	});

	it('climbs back additively to maxRps, never above', () => {
		let pacing = onThrottled(createPacing(2), 0);
		const rates: number[] = [];
		for (let i = 0; i < 12; i++) {
			pacing = onSucceeded(pacing);
			rates.push(Number(pacing.rate.toFixed(2)));
		}
		expect(rates).toEqual([1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2, 2]);
	});

	it('refuses a nonsensical maxRps and falls back to the default', () => {
		expect(createPacing(0).maxRps).toBe(2);
		expect(createPacing(Number.NaN).maxRps).toBe(2);
		expect(createPacing(0.1).minRps).toBe(0.1);
	});
});
