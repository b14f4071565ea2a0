import {describe, expect, it} from 'vitest';
import {countByStatus, filterSteps, problemsOnly, toggleStatus} from '../../source/core/step-filter.js';
import {makeStep} from '../support/step-fixtures.js';

const steps = [
	makeStep({FlowName: 'alpha', Status: 'COMPLETE', ExecutionMessage: 'Done'}),
	makeStep({FlowName: 'beta', Status: 'FAILED', ExecutionMessage: 'Access denied to bucket'}),
	makeStep({FlowName: 'gamma', Status: 'RETRY', ExecutionMessage: 'Throttled'}),
	makeStep({FlowName: 'delta', Status: 'WEIRD_NEW', ExecutionMessage: ''}),
];

describe('filterSteps', () => {
	it('shows every step for an empty filter (same array, nothing copied)', () => {
		expect(filterSteps(steps, {statuses: [], search: ''})).toBe(steps);
	});
	it('keeps the chosen statuses', () => {
		expect(filterSteps(steps, {statuses: ['FAILED', 'RETRY'], search: ''}).map(s => s.FlowName)).toEqual(['beta', 'gamma']);
	});
	it('searches FlowName and message case-insensitively', () => {
		expect(filterSteps(steps, {statuses: [], search: 'ACCESS'}).map(s => s.FlowName)).toEqual(['beta']);
		expect(filterSteps(steps, {statuses: [], search: 'amm'}).map(s => s.FlowName)).toEqual(['gamma']);
		expect(filterSteps(steps, {statuses: ['COMPLETE'], search: 'amm'})).toEqual([]);
	});
});

describe('status filter helpers', () => {
	it('counts every known status, unknown ones under their own name', () => {
		const counts = countByStatus(steps);
		expect(counts.get('FAILED')).toBe(1);
		expect(counts.get('NOT_STARTED')).toBe(0);
		expect(counts.get('WEIRD_NEW')).toBe(1);
	});
	it('toggles in table order', () => {
		expect(toggleStatus(['FAILED'], 'NOT_STARTED')).toEqual(['NOT_STARTED', 'FAILED']);
		expect(toggleStatus(['NOT_STARTED', 'FAILED'], 'FAILED')).toEqual(['NOT_STARTED']);
	});
	it('problems only means FAILED, RETRY, CANCELLED', () => {
		expect(problemsOnly()).toEqual(['FAILED', 'RETRY', 'CANCELLED']);
	});
});
