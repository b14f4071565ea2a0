import {describe, expect, it} from 'vitest';
import {formatAgo, formatBatchWindow, formatCount, formatDuration, formatFullTime, formatRate, formatTime} from '../../source/core/format.js';

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
	it('counts and rates stay narrow', () => {
		expect(formatCount(1234)).toBe('1,234');
		expect(formatCount(123_456)).toBe('123.5k');
		expect(formatCount(12_345_678)).toBe('12.3M');
		expect(formatRate(12.345)).toBe('12.3/s');
		expect(formatRate(1500)).toBe('1,500/s');
	});
	it('shortens an ISO batch window to dates, leaves other strings as they came', () => {
		expect(formatBatchWindow('2026-09-25T17:02:06Z', '2026-11-25T00:00:00Z', false)).toBe('2026-09-25 → 2026-11-25');
		expect(formatBatchWindow('2026-09-25T17:02:06Z', 'not a date', true)).toBe('2026-09-25 - not a date');
		expect(formatBatchWindow('', '', false)).toBe('');
	});
});
