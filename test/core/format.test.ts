import {describe, expect, it} from 'vitest';
import {countColumnFormat, formatAgo, formatBatchWindow, formatCount, formatDuration, formatFullTime, formatRate, formatTime, formatWhole, TIME_CELLS} from '../../source/core/format.js';

const NOW = Date.parse('2026-11-24T10:00:00Z');

describe('format', () => {
	it('durations with two units at most', () => {
		expect(formatDuration(12_400)).toBe('12s');
		expect(formatDuration(245_000)).toBe('4m 05s');
		expect(formatDuration(2 * 3_600_000 + 3 * 60_000)).toBe('2h 03m');
		expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 04h');
	});
	it('relative times, coarser when asked', () => {
		expect(formatAgo(NOW - 3_000, NOW)).toBe('3s ago');
		expect(formatAgo(NOW - 37_000, NOW, 10)).toBe('30s ago');
		expect(formatAgo(NOW - 4_000, NOW, 10)).toBe('<10s ago');
		expect(formatAgo(NOW - 5 * 60_000, NOW)).toBe('5m ago');
		expect(formatAgo(NOW - 3 * 3_600_000, NOW)).toBe('3h ago');
		expect(formatAgo(NOW - 5 * 86_400_000, NOW)).toBe('5d ago');
		expect(formatAgo(NOW + 5_000, NOW)).toBe('just now');
		expect(formatAgo(NOW + 5_000, NOW, 10)).toBe('<10s ago');
	});
	it('says "just now" under a second, never "0s ago"', () => {
		expect(formatAgo(NOW, NOW)).toBe('just now');
		expect(formatAgo(NOW - 999, NOW)).toBe('just now');
		expect(formatAgo(NOW + 200, NOW)).toBe('just now');
		expect(formatAgo(NOW - 1_000, NOW)).toBe('1s ago');
	});
	it('UTC times drop the date when it is today', () => {
		expect(formatTime(NOW - 60_000, 'utc', NOW)).toBe('09:59:00Z');
		expect(formatTime(NOW - 86_400_000, 'utc', NOW)).toBe('11-23 10:00Z');
		expect(formatFullTime(NOW, 'utc')).toBe('2026-11-24T10:00:00Z');
	});
	it('local times follow the local clock', () => {
		const d = new Date(NOW - 60_000);
		const hh = String(d.getHours()).padStart(2, '0');
		expect(formatTime(NOW - 60_000, 'local', NOW)).toBe(`${hh}:59:00`);
	});
	it('local and UTC times keep the year of a date from another year, within the column width', () => {
		const old = Date.UTC(2021, 1, 1, 19, 47, 9);
		expect(formatTime(old, 'utc', NOW)).toBe('2021-02-01Z');
		const local = new Date(old);
		const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
		expect(formatTime(old, 'local', NOW)).toBe(date);
		expect(formatTime(Date.UTC(575, 0, 1), 'utc', NOW)).toBe('0575-01-01Z');
		for (const mode of ['local', 'utc'] as const) {
			for (const time of [old, NOW - 60_000, NOW - 86_400_000 * 20]) expect(formatTime(time, mode, NOW).length).toBeLessThanOrEqual(TIME_CELLS[mode]);
		}
	});
	it('a column of counts has one format: every digit, or millions for every row', () => {
		const small = countColumnFormat(241_300);
		expect([99_046, 241_300, 7].map(small)).toEqual(['99,046', '241,300', '7']);
		const huge = countColumnFormat(2_500_000_000);
		expect([99_046, 2_500_000_000].map(huge)).toEqual(['0.1M', '2500.0M']);
		expect(formatWhole(100_000)).toBe('100,000');
	});
	it('counts and rates stay narrow', () => {
		expect(formatCount(1234)).toBe('1,234');
		expect(formatCount(123_456)).toBe('123.5k');
		expect(formatCount(12_345_678)).toBe('12.3M');
		// Never four figures before the k: the workflows dashboard showed 6349.9k.
		expect(formatCount(999_900)).toBe('999.9k');
		expect(formatCount(999_960)).toBe('1.0M');
		expect(formatCount(6_349_900)).toBe('6.3M');
		expect(formatCount(1_923_400)).toBe('1.9M');
		expect(formatRate(12.345)).toBe('12.3/s');
		expect(formatRate(1500)).toBe('1,500/s');
	});
	it('shortens an ISO batch window to dates, leaves other strings as they came', () => {
		expect(formatBatchWindow('2026-09-25T17:02:06Z', '2026-11-25T00:00:00Z', false)).toBe('2026-09-25 → 2026-11-25');
		expect(formatBatchWindow('2026-09-25T17:02:06Z', 'not a date', true)).toBe('2026-09-25 - not a date');
		expect(formatBatchWindow('', '', false)).toBe('');
	});
});
