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

/** A timestamp in the chosen mode; absolute times drop the date when it is today. */
export function formatTime(time: number, mode: TimeMode, now: number, granularitySeconds = 1): string {
	if (!Number.isFinite(time)) return '-';
	if (mode === 'relative') return formatAgo(time, now, granularitySeconds);
	const date = new Date(time);
	if (mode === 'utc') {
		const iso = date.toISOString();
		const sameDay = iso.slice(0, 10) === new Date(now).toISOString().slice(0, 10);
		return sameDay ? `${iso.slice(11, 19)}Z` : `${iso.slice(5, 10)} ${iso.slice(11, 16)}Z`;
	}
	const today = new Date(now);
	const sameDay =
		date.getFullYear() === today.getFullYear() && date.getMonth() === today.getMonth() && date.getDate() === today.getDate();
	return sameDay
		? formatClock(time)
		: `${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

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
	if (Math.abs(n) < 10_000_000) return `${(n / 1000).toFixed(1)}k`;
	return `${(n / 1_000_000).toFixed(1)}M`;
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
