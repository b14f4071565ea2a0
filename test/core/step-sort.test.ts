import {describe, expect, it} from 'vitest';
import {sortSteps} from '../../source/core/step-sort.js';
import {makeStep} from '../support/step-fixtures.js';

const steps = [
	makeStep({FlowName: 'b', Status: 'FAILED', CreatedAt: 2, LastUpdatedAt: 30, RecordsProcessed: 5}),
	makeStep({FlowName: 'a', Status: 'COMPLETE', CreatedAt: 3, LastUpdatedAt: 10, RecordsProcessed: 50}),
	makeStep({FlowName: 'c', Status: 'NOT_STARTED', CreatedAt: 1, LastUpdatedAt: 20, RecordsProcessed: 0}),
	makeStep({FlowName: 'd', Status: 'ODD', CreatedAt: 4, LastUpdatedAt: 40, RecordsProcessed: 1}),
];
const names = (list: readonly {FlowName: string}[]) => list.map(s => s.FlowName).join('');

describe('sortSteps', () => {
	it('sorts by each field', () => {
		expect(names(sortSteps(steps, 'created', false))).toBe('cbad');
		expect(names(sortSteps(steps, 'updated', false))).toBe('acbd');
		expect(names(sortSteps(steps, 'status', false))).toBe('cabd');
		expect(names(sortSteps(steps, 'records', false))).toBe('cdba');
		expect(names(sortSteps(steps, 'name', false))).toBe('abcd');
	});
	it('reverses', () => {
		expect(names(sortSteps(steps, 'name', true))).toBe('dcba');
	});
	it('does not touch its input', () => {
		sortSteps(steps, 'name', false);
		expect(names(steps)).toBe('bacd');
	});
});

describe('sortSteps by a number, on long lists', () => {
	// A fixed pseudo-random walk, so a failure names the same list every run.
	let seed = 7;
	const next = (n: number) => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed % n;
	};
	const list = (count: number, updated: (i: number) => number) =>
		Array.from({length: count}, (_, i) => makeStep({FlowName: `f${i}`, CreatedAt: 1000 + i, LastUpdatedAt: updated(i), RecordsProcessed: next(5)}));
	const byComparing = (steps: ReturnType<typeof list>) =>
		[...steps].sort((a, b) => a.LastUpdatedAt - b.LastUpdatedAt || a.CreatedAt - b.CreatedAt || (a.FlowName < b.FlowName ? -1 : 1));
	const cases: Array<[string, (i: number) => number]> = [
		['times in ms over weeks, with ties', () => 1_764_000_000_000 + next(2_000_000_000)],
		['a small range', () => 5000 + next(60_000)],
		['a range of 2^40', () => next(2) * 2 ** 40 + next(1000)],
		['a range too wide to pack with the positions in 53 bits', () => next(2) * 2 ** 45 + next(1000)],
		['negative and fractional keys', () => next(1000) - 500 + (next(2) ? 0.5 : 0)],
		['one key for all', () => 42],
	];
	for (const [name, updated] of cases) {
		it(`orders as comparing would: ${name}`, () => {
			const steps = list(3000, updated);
			expect(names(sortSteps(steps, 'updated', false))).toBe(names(byComparing(steps)));
			expect(names(sortSteps(steps, 'updated', true))).toBe(names(byComparing(steps).reverse()));
		});
	}

	it('keeps creation order among equal record counts', () => {
		const steps = list(2000, i => i);
		const records = sortSteps(steps, 'records', false);
		for (let i = 1; i < records.length; i++) {
			const [a, b] = [records[i - 1], records[i]];
			expect(a.RecordsProcessed < b.RecordsProcessed || (a.RecordsProcessed === b.RecordsProcessed && a.CreatedAt < b.CreatedAt)).toBe(true);
		}
	});
});
