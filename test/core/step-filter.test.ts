import {describe, expect, it} from 'vitest';
import {countByStatus, filterSteps, problemsOnly, toggleStatus} from '../../source/core/step-filter.js';
import type {Step} from '../../source/core/step.js';
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

describe('the search, against lower-casing every text', () => {
	// What the search means: FlowName or ExecutionMessage, lower-cased, holds the needle lower-cased.
	const reference = (step: Step, search: string) =>
		step.FlowName.toLowerCase().includes(search.toLowerCase()) || step.ExecutionMessage.toLowerCase().includes(search.toLowerCase());
	const pieces = ['a', 'B', 'k', 'K', 'i', 'I', 's', 'S', '\u0130', '\u0131', '\u212A', '\u017F', '\u0307', 'é', 'É', 'ß', '.', '*', '(', '[', '\\', '$', '^', '|', '?', '+', '{', '}', ' ', '-', '7', 'Throttled', '漢'];
	let seed = 11;
	const next = (n: number) => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed % n;
	};
	const text = (length: number) => Array.from({length}, () => pieces[next(pieces.length)]).join('');

	it('matches exactly the steps lower-casing would, for needles of ASCII, regex characters and not ASCII', () => {
		const steps = Array.from({length: 400}, (_, i) => makeStep({FlowName: `${text(4)}-${i}`, ExecutionMessage: text(12)}));
		const needles = ['k', 'K', 'i', 'I', 's', '.', '*(', '[\\', '$^', 'a|b', '?', 'throttled', 'é', '\u0130', '\u212A', 'i\u0307', '\u017F', '漢', 'É k'];
		for (let i = 0; i < 60; i++) needles.push(text(1 + next(3)));
		for (const search of needles) {
			const expected = steps.filter(step => reference(step, search)).map(step => step.FlowName);
			expect([search, filterSteps(steps, {statuses: [], search}).map(step => step.FlowName)]).toEqual([search, expected]);
		}
	});
});
