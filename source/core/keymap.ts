// Keys to intents. Ink splits escape sequences into keys but hands plain text over as one chunk
// ("jjj" when a key repeats fast, "abc" when text is pasted), so a chunk is read character by
// character: "jjj" is three moves, "/abc" starts a search for "abc".
import {STATUSES} from './status.js';
import type {Screen, ViewIntent} from './view-state.js';

/** Things a key does outside the view state. */
export type EffectIntent =
	| {type: 'quit'}
	| {type: 'pause'}
	| {type: 'refresh'}
	| {type: 'copyName'}
	| {type: 'copyJson'}
	| {type: 'export'};

export type KeyIntent = ViewIntent | EffectIntent;

/** The parts of Ink's Key this map reads (kept here so the core does not import Ink). */
export interface KeyPress {
	upArrow?: boolean;
	downArrow?: boolean;
	pageUp?: boolean;
	pageDown?: boolean;
	home?: boolean;
	end?: boolean;
	return?: boolean;
	escape?: boolean;
	ctrl?: boolean;
	shift?: boolean;
	backspace?: boolean;
	delete?: boolean;
	tab?: boolean;
	meta?: boolean;
}

export interface KeyMode {
	screen: Screen['kind'];
	searching: boolean;
	help: boolean;
}

const STEPS_ONLY = new Set<KeyIntent['type']>([
	'toggleStatus',
	'clearStatus',
	'problemsOnly',
	'searchStart',
	'cycleSort',
	'reverseSort',
	'copyName',
	'copyJson',
	'export',
	'scrollDetail',
]);

// The problems feed is the workflows screen's own.
const WORKFLOWS_ONLY = new Set<KeyIntent['type']>(['toggleProblems']);

function charIntent(char: string): KeyIntent | undefined {
	if (char >= '1' && char <= '7') return {type: 'toggleStatus', status: STATUSES[Number(char) - 1]};
	switch (char) {
		case 'j':
			return {type: 'move', delta: 1};
		case 'k':
			return {type: 'move', delta: -1};
		case 'J':
			return {type: 'scrollDetail', delta: 3};
		case 'K':
			return {type: 'scrollDetail', delta: -3};
		case 'g':
			return {type: 'first'};
		case 'G':
			return {type: 'last'};
		case '0':
			return {type: 'clearStatus'};
		case 'x':
			return {type: 'problemsOnly'};
		case '/':
			return {type: 'searchStart'};
		case 's':
			return {type: 'cycleSort'};
		case 'S':
			return {type: 'reverseSort'};
		case 'p':
			return {type: 'pause'};
		case 'r':
			return {type: 'refresh'};
		case 't':
			return {type: 'cycleTime'};
		case '?':
			return {type: 'toggleHelp'};
		case 'q':
			return {type: 'quit'};
		case 'y':
			return {type: 'copyName'};
		case 'Y':
			return {type: 'copyJson'};
		case 'e':
			return {type: 'export'};
		case 'P':
			return {type: 'toggleProblems'};
		case '\r':
		case '\n':
			return {type: 'enter'};
		default:
			return undefined;
	}
}

function specialKey(key: KeyPress, mode: KeyMode): KeyIntent | undefined {
	if (key.upArrow) return key.shift && mode.screen === 'steps' ? {type: 'scrollDetail', delta: -1} : {type: 'move', delta: -1};
	if (key.downArrow) return key.shift && mode.screen === 'steps' ? {type: 'scrollDetail', delta: 1} : {type: 'move', delta: 1};
	if (key.pageUp) return {type: 'page', pages: -1};
	if (key.pageDown) return {type: 'page', pages: 1};
	if (key.home) return {type: 'first'};
	if (key.end) return {type: 'last'};
	if (key.return) return {type: 'enter'};
	if (key.escape) return {type: 'back'};
	return undefined;
}

function ctrlKey(input: string): KeyIntent | undefined {
	switch (input) {
		case 'b':
			return {type: 'page', pages: -1};
		case 'f':
			return {type: 'page', pages: 1};
		case 'u':
			return {type: 'page', pages: -0.5};
		case 'd':
			return {type: 'page', pages: 0.5};
		default:
			return undefined;
	}
}

// With the help open: close it, quit, or scroll it with the movement keys.
const HELP_KEYS = new Set<KeyIntent['type']>(['quit', 'toggleHelp', 'back', 'enter', 'move', 'page', 'first', 'last']);

function allowed(intent: KeyIntent, mode: KeyMode): boolean {
	if (mode.help) return HELP_KEYS.has(intent.type);
	if (WORKFLOWS_ONLY.has(intent.type)) return mode.screen === 'workflows';
	return mode.screen === 'steps' || !STEPS_ONLY.has(intent.type);
}

/** The intents one useInput call stands for, in order. */
export function keyIntents(input: string, key: KeyPress, mode: KeyMode): KeyIntent[] {
	if (key.ctrl && input === 'c') return [{type: 'quit'}];
	let searching = mode.searching && !mode.help;
	if (searching) {
		if (key.return) return [{type: 'searchAccept'}];
		if (key.escape) return [{type: 'searchCancel'}];
		if (key.backspace || key.delete) return [{type: 'searchBackspace'}];
	}
	const special = specialKey(key, mode);
	if (special) return allowed(special, mode) ? [special] : [];
	if (key.ctrl) {
		const intent = ctrlKey(input);
		return intent && allowed(intent, mode) ? [intent] : [];
	}
	if (key.meta || key.tab) return [];

	const intents: KeyIntent[] = [];
	let text = '';
	const flushText = () => {
		if (text !== '') intents.push({type: 'searchType', text});
		text = '';
	};
	for (const char of input) {
		if (searching) {
			if (char === '\r' || char === '\n') {
				flushText();
				intents.push({type: 'searchAccept'});
				searching = false;
			} else if (char === '\u007F' || char === '\b') {
				flushText();
				intents.push({type: 'searchBackspace'});
			} else if (char >= ' ') text += char;
			continue;
		}
		const intent = charIntent(char);
		if (!intent || !allowed(intent, mode)) continue;
		intents.push(intent);
		if (intent.type === 'searchStart') searching = true;
		// Once the chunk has quit or opened help, the rest was meant for something else.
		if (intent.type === 'quit') break;
	}
	flushText();
	return intents;
}

/** What the help overlay lists: every key above. */
export const KEY_HELP: ReadonlyArray<readonly [keys: string, action: string]> = [
	['Up/Down, k/j', 'move one row (in this help: scroll)'],
	['PgUp/PgDn, Ctrl-B/F', 'move one page'],
	['Ctrl-U/Ctrl-D', 'move half a page'],
	['g/Home, G/End', 'first / last row'],
	['Enter', 'drill down; on steps open or close the detail pane'],
	['Esc', 'close help or pane, else clear search, else go back'],
	['1-7', 'toggle NOT_STARTED IN_PROGRESS COMPLETE FAILED SPLIT RETRY CANCELLED'],
	['0', 'clear the status filter (every status)'],
	['x', 'problems only: FAILED, RETRY, CANCELLED'],
	['/', 'search FlowName and message; Enter keeps, Esc clears'],
	['s / S', 'cycle sort: created, updated, status, records, name / reverse'],
	['J/K, Shift-Down/Up', 'scroll the detail pane'],
	['P', 'workflows: problems feed of the domain; Enter opens the step'],
	['p', 'pause or resume polling'],
	['r', 'refresh now'],
	['t', 'times: relative, local, UTC'],
	['y', 'copy the selected FlowName (OSC 52 clipboard)'],
	['Y', 'copy the selected step as JSON (OSC 52 clipboard)'],
	['e', 'export the filtered, sorted view to CSV and JSON'],
	['?', 'this help'],
	['q, Ctrl-C', 'quit'],
];
