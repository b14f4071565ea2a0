import {describe, expect, it} from 'vitest';
import {probeTargets, sameTargets} from '../../source/core/probe-targets.js';

const row = (id: string, Status = 'IN_PROGRESS') => ({WorkflowId: id, Status});

describe('probeTargets', () => {
	it('probes the selected workflow whatever its status, then the running ones on screen', () => {
		const rows = [row('a', 'COMPLETE'), row('b'), row('c', 'FAILED'), row('d')];
		expect(probeTargets(rows, 0, 0, 4, 5)).toEqual(['a', 'b', 'd']);
	});

	it('puts the selected one first and never twice', () => {
		const rows = [row('a'), row('b'), row('c')];
		expect(probeTargets(rows, 2, 0, 3, 5)).toEqual(['c', 'a', 'b']);
	});

	it('ignores running workflows scrolled off screen', () => {
		const rows = [row('a'), row('b'), row('c'), row('d'), row('e', 'COMPLETE')];
		expect(probeTargets(rows, 4, 2, 5, 5)).toEqual(['e', 'c', 'd']);
	});

	it('caps the probes at max, keeping the selected one', () => {
		const rows = Array.from({length: 20}, (_, i) => row(`w${i}`));
		expect(probeTargets(rows, 10, 0, 20, 5)).toEqual(['w10', 'w0', 'w1', 'w2', 'w3']);
	});

	it('probes nothing in an empty list or with no budget', () => {
		expect(probeTargets([], 0, 0, 0, 5)).toEqual([]);
		expect(probeTargets([row('a')], 0, 0, 1, 0)).toEqual([]);
	});

	it('counts only IN_PROGRESS as running (queued and retrying rows wait for selection)', () => {
		const rows = [row('a', 'COMPLETE'), row('b', 'NOT_STARTED'), row('c', 'RETRY'), row('d')];
		expect(probeTargets(rows, 0, 0, 4, 5)).toEqual(['a', 'd']);
	});
});

describe('sameTargets', () => {
	it('is true only for the same ids in the same order', () => {
		expect(sameTargets(['a', 'b'], ['a', 'b'])).toBe(true);
		expect(sameTargets(['a', 'b'], ['b', 'a'])).toBe(false);
		expect(sameTargets(['a'], ['a', 'b'])).toBe(false);
	});
});
