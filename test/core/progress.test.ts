import {describe, expect, it} from 'vitest';
import {addSample, progressBar, progressSummary, throughput, type ProgressSample} from '../../source/core/progress.js';

const sample = (time: number, stepsCompleted: number, recordsProcessed: number): ProgressSample => ({time, stepsCompleted, recordsProcessed});

describe('progress', () => {
	it('gives no rate or ETA from too short a span', () => {
		const samples = [sample(0, 0, 0), sample(5_000, 1, 100)];
		expect(throughput(samples, 10)).toEqual({noEta: 'measuring'});
	});
	it('estimates records/s and an ETA from completed steps', () => {
		const samples = [sample(0, 2, 0), sample(30_000, 3, 3_000), sample(60_000, 4, 6_000)];
		const result = throughput(samples, 10);
		expect(result.recordsPerSecond).toBe(100);
		// 2 steps in 60 s, 6 remaining: 180 s.
		expect(result.etaMs).toBe(180_000);
	});
	it('gives no ETA while the workflow is still adding steps (the finish line moves)', () => {
		const growing = [
			{...sample(0, 2, 0), totalSteps: 9},
			{...sample(30_000, 3, 3_000), totalSteps: 10},
			{...sample(60_000, 4, 6_000), totalSteps: 10},
		];
		const result = throughput(growing, 10);
		expect(result.etaMs).toBeUndefined();
		expect(result.recordsPerSecond).toBe(100);
		const steady = growing.map(entry => ({...entry, totalSteps: 10}));
		expect(throughput(steady, 10).etaMs).toBe(180_000);
	});
	it('gives no ETA when no step completed in the window', () => {
		const result = throughput([sample(0, 2, 0), sample(60_000, 2, 500)], 10);
		expect(result.etaMs).toBeUndefined();
		expect(result.recordsPerSecond).toBeCloseTo(8.33, 1);
	});
	it('keeps only the recent window and starts over when counters go back', () => {
		let samples: ProgressSample[] = [];
		for (let t = 0; t <= 600_000; t += 60_000) samples = addSample(samples, sample(t, t / 60_000, t), 300_000);
		expect(samples[0].time).toBe(300_000);
		expect(samples.at(-1)?.time).toBe(600_000);
		expect(addSample(samples, sample(660_000, 0, 0))).toEqual([sample(660_000, 0, 0)]);
		expect(addSample(samples, sample(600_000, 11, 1))).toEqual(samples);
	});
	it('draws a bar in Unicode or ASCII', () => {
		expect(progressBar(1, 2, 12, false)).toBe('[█████░░░░░]');
		expect(progressBar(1, 4, 6, true)).toBe('[#...]');
		expect(progressBar(0, 0, 6, true)).toBe('[....]');
	});
});

describe('progressSummary', () => {
	it('reads steps done of total, a bar and the records, in Unicode or ASCII', () => {
		const metrics = {StepsCompleted: 88, TotalSteps: 95, RecordsProcessed: 10_600_000};
		expect(progressSummary(metrics, 8, false)).toBe('88/95 [██████] 10.6M');
		expect(progressSummary({StepsCompleted: 3, TotalSteps: 6, RecordsProcessed: 120_500}, 8, true)).toBe('3/6 [###...] 120.5k');
	});

	it('leaves out what GetWorkflow did not report', () => {
		expect(progressSummary({RecordsProcessed: 1234}, 8, true)).toBe('1,234');
		expect(progressSummary({StepsCompleted: 0, TotalSteps: 0}, 6, true)).toBe('0/0 [....]');
		expect(progressSummary({}, 8, true)).toBe('');
	});
});
