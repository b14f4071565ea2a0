// What cp-watch remembers between runs, and how a stored file is read back: each setting is
// checked on its own, so one bad value costs that value, never the others.
import {isKnownStatus} from './status.js';

export const SORT_FIELDS = ['created', 'updated', 'status', 'records', 'name'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const TIME_MODES = ['relative', 'local', 'utc'] as const;
export type TimeMode = (typeof TIME_MODES)[number];

export interface Preferences {
	lastDomain?: string;
	statusFilter?: string[];
	sort?: {field: SortField; reverse: boolean};
	timeMode?: TimeMode;
}

export interface ReadPreferences {
	preferences: Preferences;
	/** One line per value that was ignored. */
	problems: string[];
}

export function readPreferences(raw: unknown): ReadPreferences {
	const problems: string[] = [];
	const preferences: Preferences = {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return {preferences, problems: ['not a JSON object']};
	}
	const stored = raw as Record<string, unknown>;

	if (stored.lastDomain !== undefined) {
		if (typeof stored.lastDomain === 'string' && /^[a-zA-Z0-9_-]{1,64}$/.test(stored.lastDomain)) {
			preferences.lastDomain = stored.lastDomain;
		} else problems.push('lastDomain is not a domain name');
	}
	if (stored.statusFilter !== undefined) {
		const list = stored.statusFilter;
		if (Array.isArray(list) && list.every(s => typeof s === 'string' && isKnownStatus(s))) {
			preferences.statusFilter = [...new Set(list as string[])];
		} else problems.push('statusFilter is not a list of statuses');
	}
	if (stored.sort !== undefined) {
		const sort = stored.sort as {field?: unknown; reverse?: unknown} | null;
		if (
			typeof sort === 'object' &&
			sort !== null &&
			SORT_FIELDS.includes(sort.field as SortField) &&
			typeof sort.reverse === 'boolean'
		) {
			preferences.sort = {field: sort.field as SortField, reverse: sort.reverse};
		} else problems.push(`sort must be {"field": ${SORT_FIELDS.join('|')}, "reverse": true|false}`);
	}
	if (stored.timeMode !== undefined) {
		if (TIME_MODES.includes(stored.timeMode as TimeMode)) preferences.timeMode = stored.timeMode as TimeMode;
		else problems.push(`timeMode must be one of ${TIME_MODES.join(', ')}`);
	}
	return {preferences, problems};
}

/** The object to store: the file's other keys (a newer version's, the user's notes) are kept. */
export function mergePreferences(stored: Record<string, unknown>, preferences: Preferences): Record<string, unknown> {
	const merged: Record<string, unknown> = {...stored};
	for (const [key, value] of Object.entries(preferences)) {
		if (value !== undefined) merged[key] = value;
	}
	return merged;
}

/**
 * What to store when the TUI's settings change: a setting is saved once the user changed it with
 * keys during this run; until then the stored value stays, so a flag given for one run (--status,
 * --domain) is never remembered. `start` is what the run opened with (flags over stored values).
 */
export function createPreferenceMemory(stored: Preferences, start: Preferences): (now: Preferences) => Preferences {
	const changed = new Set<keyof Preferences>();
	return now => {
		const next: Preferences = {...stored};
		for (const key of ['lastDomain', 'statusFilter', 'sort', 'timeMode'] as const) {
			if (!changed.has(key) && JSON.stringify(now[key]) !== JSON.stringify(start[key])) changed.add(key);
			if (changed.has(key)) (next as Record<string, unknown>)[key] = now[key];
		}
		return next;
	};
}

/** What the view starts with when nothing is remembered: also what "unchanged" means when saving. */
export const DEFAULT_SORT = {field: 'created', reverse: false} as const;
export const DEFAULT_TIME_MODE = 'relative' as const;
