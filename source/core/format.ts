// How times, counts and durations read on screen. `now` always comes in as a parameter.
import type {TimeMode} from './preferences.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "12s", "4m 05s", "2h 03m", "3d 04h": two units at most, enough to judge at a glance. */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m ${pad2(seconds % 60)}s`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours}h ${pad2(minutes % 60)}m`;
	return `${Math.floor(hours / 24)}d ${pad2(hours % 24)}h`;
}

/** Table times move in steps of this many seconds: each tick rewrites every visible row, and the
 * status line has the live seconds. */
export const TABLE_TIME_STEP_S = 10;

/** "just now", "3s ago", "5m ago", "2h ago", "4d ago". Under a second (or a time ahead of our
 * clock) is always "just now", never "0s ago". `granularitySeconds` rounds recent times down (the
 * table redraws its times every few seconds, not every second, to save bandwidth). */
export function formatAgo(time: number, now: number, granularitySeconds = 1): string {
	const seconds = Math.max(0, Math.floor((now - time) / 1000));
	if (seconds < 60) {
		if (seconds < granularitySeconds) return granularitySeconds > 1 ? `<${granularitySeconds}s ago` : 'just now';
		return `${seconds - (seconds % granularitySeconds)}s ago`;
	}
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return `${hours}h ago`;
	return `${Math.floor(hours / 24)}d ago`;
}

/** "10:42:07" in local time. */
export function formatClock(time: number): string {
	const date = new Date(time);
	return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
}

/** A timestamp in the chosen mode, at most TIME_CELLS wide: today the time of day, this year the
 * date and minute, an older one its whole date (the year matters more than the minute then). */
export function formatTime(time: number, mode: TimeMode, now: number, granularitySeconds = 1): string {
	if (!Number.isFinite(time)) return '-';
	if (mode === 'relative') return formatAgo(time, now, granularitySeconds);
	const date = new Date(time);
	if (mode === 'utc') {
		const iso = date.toISOString();
		const today = new Date(now).toISOString();
		if (iso.slice(0, 10) === today.slice(0, 10)) return `${iso.slice(11, 19)}Z`;
		if (iso.slice(0, 4) === today.slice(0, 4)) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}Z`;
		return `${iso.slice(0, 10)}Z`;
	}
	const today = new Date(now);
	const sameYear = date.getFullYear() === today.getFullYear();
	if (sameYear && date.getMonth() === today.getMonth() && date.getDate() === today.getDate()) return formatClock(time);
	if (sameYear) return `${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
	return `${String(date.getFullYear()).padStart(4, '0')}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** Cells a table time needs in each mode ("<10s ago", "11-24 09:00Z"). */
export const TIME_CELLS: Readonly<Record<TimeMode, number>> = {relative: 8, local: 11, utc: 12};

/** The full timestamp for the detail pane. */
export function formatFullTime(time: number, mode: TimeMode): string {
	if (!Number.isFinite(time)) return '-';
	const date = new Date(time);
	if (mode === 'utc' || mode === 'relative') return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
	return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${formatClock(time)}`;
}

/** "1,234" up to 99,999, then "123.4k", "12.3M": a records column stays narrow. */
export function formatCount(n: number): string {
	if (!Number.isFinite(n)) return '-';
	if (Math.abs(n) < 100_000) return Math.round(n).toLocaleString('en-US');
	// Millions from the first figure that would read 1000.0k (6,349,900 is 6.3M, not 6349.9k).
	if (Math.abs(n) < 999_950) return `${(n / 1000).toFixed(1)}k`;
	return `${(n / 1_000_000).toFixed(1)}M`;
}

/** "1,234,567": every digit, for counts that must be exact (rows shown, chips). */
export function formatWhole(n: number): string {
	return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '-';
}

/** One format for a whole column of counts up to `max`: every digit while that fits in 11 cells
 * ("999,999,999"), else millions for every row, so the column reads the same from top to bottom. */
export function countColumnFormat(max: number): (n: number) => string {
	if (Math.abs(max) < 1_000_000_000) return formatWhole;
	return n => (Number.isFinite(n) ? `${(n / 1_000_000).toFixed(1)}M` : '-');
}

/** "1,234/s", "12.5/s", "0.3/s". */
export function formatRate(perSecond: number): string {
	if (perSecond >= 100) return `${formatCount(perSecond)}/s`;
	return `${perSecond.toFixed(1)}/s`;
}

/** The batch window compactly: ISO timestamps shortened to their date (the detail pane has them
 * whole); the strings are free-form on the wire, so anything else is shown as it came. */
export function formatBatchWindow(start: string, end: string, ascii: boolean): string {
	const short = (text: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? text.slice(0, 10) : text);
	if (!start && !end) return '';
	return `${short(start)}${ascii ? ' - ' : ' → '}${short(end)}`;
}
