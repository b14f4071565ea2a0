// Which steps the table shows: the status filter (empty = every status) and the search text.
import {PROBLEM_STATUSES, STATUSES} from './status.js';
import {stepKey, type Step, type StepKey} from './step.js';

export interface StepFilter {
	/** Statuses shown; empty shows every status. */
	statuses: readonly string[];
	/** Case-insensitive substring of FlowName or ExecutionMessage; empty matches everything. */
	search: string;
	/** Only these steps (by stepKey); undefined shows every step. */
	keys?: ReadonlySet<StepKey>;
}

/** Whether a text holds `needle` (lower case) once lower-cased: `text.toLowerCase().includes(needle)`.
 * For a needle of ASCII, a case-insensitive RegExp answers the same without a lower-cased copy of
 * every step's text per keystroke (on 100,000 steps those copies cost 50-90 ms a keystroke, half of
 * it in collections): outside Unicode mode it folds ASCII letters only, and only two characters
 * lower-case into ASCII (U+0130 to "i" and a combining dot, U+212A Kelvin to "k", checked over every
 * code point), which keep the lower-casing. */
function textMatcher(needle: string): (text: string) => boolean {
	if (!/^[\u0000-\u007F]*$/.test(needle)) return text => text.toLowerCase().includes(needle);
	const pattern = new RegExp(needle.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
	return text => pattern.test(text) || (LOWERS_TO_ASCII.test(text) && text.toLowerCase().includes(needle));
}
const LOWERS_TO_ASCII = /[\u0130\u212A]/;

function stepMatcher(search: string): ((step: Step) => boolean) | undefined {
	const needle = search.toLowerCase();
	if (needle === '') return undefined;
	const matches = textMatcher(needle);
	return step => matches(step.FlowName) || matches(step.ExecutionMessage);
}

/** The statuses and `only` parts of a filter; undefined when they let every step through. */
function shownByStatusAndKeys({statuses, keys}: StepFilter): ((step: Step) => boolean) | undefined {
	const shown = statuses.length > 0 ? new Set(statuses) : undefined;
	if (!shown && !keys) return undefined;
	return step => (!shown || shown.has(step.Status)) && (!keys || keys.has(stepKey(step)));
}

export function filterSteps(steps: readonly Step[], filter: StepFilter): readonly Step[] {
	const shown = shownByStatusAndKeys(filter);
	const matches = stepMatcher(filter.search);
	if (!shown && !matches) return steps;
	return steps.filter(step => (!shown || shown(step)) && (!matches || matches(step)));
}

/** filterSteps, and per status how many steps the search alone matches (what the chips count), in
 * one pass: a search keystroke on 100,000 steps lower-cased every step's text twice, once for each.
 * `steps` may be in any order; `creationOrder` (the same steps as the API gave them) orders the
 * statuses this version does not know, as countByStatus does. */
export function filterAndCountSearch(steps: readonly Step[], filter: StepFilter, creationOrder: readonly Step[]): {rows: readonly Step[]; counts: ReadonlyMap<string, number>} {
	const shown = shownByStatusAndKeys(filter);
	const matches = stepMatcher(filter.search);
	const counts = new Map<string, number>(STATUSES.map(status => [status, 0]));
	const rows: Step[] = [];
	for (const step of steps) {
		if (matches && !matches(step)) continue;
		counts.set(step.Status, (counts.get(step.Status) ?? 0) + 1);
		if (!shown || shown(step)) rows.push(step);
	}
	if (counts.size === STATUSES.length) return {rows, counts};
	const ordered = new Map<string, number>(STATUSES.map(status => [status, counts.get(status) ?? 0]));
	for (const step of creationOrder) if (!ordered.has(step.Status) && counts.has(step.Status)) ordered.set(step.Status, counts.get(step.Status)!);
	return {rows, counts: ordered};
}

/** How many steps are in each status (unknown statuses counted under their own name). */
export function countByStatus(steps: readonly Step[]): ReadonlyMap<string, number> {
	const counts = new Map<string, number>(STATUSES.map(status => [status, 0]));
	for (const step of steps) counts.set(step.Status, (counts.get(step.Status) ?? 0) + 1);
	return counts;
}

/** Adds or removes one status, keeping STATUSES order so the filter reads the same every time. */
export function toggleStatus(statuses: readonly string[], status: string): string[] {
	const next = statuses.includes(status) ? statuses.filter(s => s !== status) : [...statuses, status];
	const rank = (s: string) => {
		const index = (STATUSES as readonly string[]).indexOf(s);
		return index === -1 ? STATUSES.length : index;
	};
	return next.sort((a, b) => rank(a) - rank(b));
}

export function problemsOnly(): string[] {
	return [...PROBLEM_STATUSES];
}
