import {describe, expect, it} from 'vitest';
import {walkReason, type ProbeInput} from '../../source/core/probe-rule.js';
import {makeWorkflow} from '../poller/fake-api.js';

const walked = makeWorkflow({LastUpdatedAt: 1000, StepsCompleted: 3, TotalSteps: 10, RecordsProcessed: 500});
const base: ProbeInput = {walked, walkedAt: 10_000, current: walked, now: 15_000, maxWalkAgeMs: 60_000, refreshRequested: false};

describe('probe rule', () => {
	it('walks on the first load', () => {
		expect(walkReason({...base, walked: undefined, walkedAt: undefined})).toBe('first-load');
	});

	it('skips the walk while nothing the probe shows has changed', () => {
		expect(walkReason(base)).toBeUndefined();
	});

	it('walks when status, last update or any metric moves', () => {
		expect(walkReason({...base, current: {...walked, Status: 'COMPLETE'}})).toBe('changed');
		expect(walkReason({...base, current: {...walked, LastUpdatedAt: 2000}})).toBe('changed');
		expect(walkReason({...base, current: {...walked, StepsCompleted: 4}})).toBe('changed');
		expect(walkReason({...base, current: {...walked, TotalSteps: 11}})).toBe('changed');
		expect(walkReason({...base, current: {...walked, RecordsProcessed: 501}})).toBe('changed');
	});

	it('walks when the last walk is older than the maximum age', () => {
		expect(walkReason({...base, now: 69_999})).toBeUndefined();
		expect(walkReason({...base, now: 70_000})).toBe('max-age');
	});

	it('stretches the maximum age to ten times a long walk, so safety-net walks stay a small share', () => {
		expect(walkReason({...base, walkDurationMs: 50_000, now: 10_000 + 499_999})).toBeUndefined();
		expect(walkReason({...base, walkDurationMs: 50_000, now: 10_000 + 500_000})).toBe('max-age');
		expect(walkReason({...base, walkDurationMs: 400, now: 70_000})).toBe('max-age');
	});

	it('stretches the maximum age by at most 10 minutes, however long a walk took', () => {
		expect(walkReason({...base, walkDurationMs: 3_600_000, now: 10_000 + 599_999})).toBeUndefined();
		expect(walkReason({...base, walkDurationMs: 3_600_000, now: 10_000 + 600_000})).toBe('max-age');
		// A maximum age asked for beyond the cap still holds.
		expect(walkReason({...base, maxWalkAgeMs: 900_000, walkDurationMs: 3_600_000, now: 10_000 + 899_999})).toBeUndefined();
	});

	it('walks on a manual refresh', () => {
		expect(walkReason({...base, refreshRequested: true})).toBe('refresh');
	});
});
