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
