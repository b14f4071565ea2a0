import {describe, expect, it} from 'vitest';
import {PROBLEM_STATUSES, STATUSES, isFinalStatus, statusInfo} from '../../source/core/status.js';

describe('status table', () => {
	it('maps keys 1-7 to the statuses in the order the help lists them', () => {
		expect(STATUSES.map(s => statusInfo(s).filterKey)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(statusInfo('FAILED').filterKey).toBe(4);
	});

	it('problems only means FAILED, RETRY and CANCELLED', () => {
		expect([...PROBLEM_STATUSES]).toEqual(['FAILED', 'RETRY', 'CANCELLED']);
	});

	it('keeps statuses distinguishable without colour: every glyph and label is unique', () => {
		for (const pick of ['glyph', 'asciiGlyph', 'label'] as const) {
			const values = STATUSES.map(s => statusInfo(s)[pick]);
			expect(new Set(values).size).toBe(values.length);
		}
		for (const s of STATUSES) expect(statusInfo(s).asciiGlyph).toMatch(/^[\x20-\x7e]$/);
	});

	it('shows an unknown status as itself instead of crashing', () => {
		const info = statusInfo('PAUSED_BY_AWS');
		expect(info.label).toBe('paused_by_aws');
		expect(info.filterKey).toBe(0);
		expect(isFinalStatus('PAUSED_BY_AWS')).toBe(false);
	});

	it('knows which statuses are final', () => {
		expect(STATUSES.filter(isFinalStatus)).toEqual(['COMPLETE', 'FAILED', 'SPLIT', 'CANCELLED']);
	});
});
