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
	| {type: 'export'}
	/** A key of the steps screen pressed on a list: said, not silently dropped. */
	| {type: 'stepsOnly'; key: string}
	/** The workflows screen's own key (P) pressed elsewhere: said too. */
	| {type: 'workflowsOnly'; key: string};

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

const STEPS_ONLY = new Set<KeyIntent['type']>(['toggleStatus', 'clearStatus', 'problemsOnly', 'copyName', 'copyJson', 'export', 'scrollDetail', 'toggleSinceLast']);

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
		case '!':
			return {type: 'toggleMessages'};
		case 'q':
			return {type: 'quit'};
		case 'y':
			return {type: 'copyName'};
		case 'Y':
			return {type: 'copyJson'};
		case 'e':
			return {type: 'export'};
		case 'a':
			return {type: 'toggleSinceLast'};
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
const HELP_KEYS = new Set<KeyIntent['type']>(['quit', 'toggleHelp', 'toggleMessages', 'back', 'enter', 'move', 'page', 'first', 'last']);

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
		// As in a shell prompt.
		if (key.ctrl && input === 'u') return [{type: 'searchClear'}];
		if (key.ctrl && input === 'w') return [{type: 'searchDeleteWord'}];
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
			} else if (char === '\u0015' || char === '\u0017') {
				flushText();
				intents.push({type: char === '\u0015' ? 'searchClear' : 'searchDeleteWord'});
			} else if (char >= ' ') text += char;
			continue;
		}
		const intent = charIntent(char);
		if (!intent) continue;
		if (!allowed(intent, mode)) {
			if (!mode.help && STEPS_ONLY.has(intent.type)) intents.push({type: 'stepsOnly', key: char});
			else if (!mode.help && WORKFLOWS_ONLY.has(intent.type)) intents.push({type: 'workflowsOnly', key: char});
			continue;
		}
		intents.push(intent);
		if (intent.type === 'searchStart') searching = true;
		// Once the chunk has quit or opened help, the rest was meant for something else.
		if (intent.type === 'quit') break;
	}
	flushText();
	return intents;
}

type HelpScreens = ReadonlyArray<KeyMode['screen']>;
const EVERY: HelpScreens = ['domains', 'workflows', 'steps'];
const STEPS: HelpScreens = ['steps'];
const LISTS: HelpScreens = ['domains', 'workflows'];
const WORKFLOWS: HelpScreens = ['workflows'];

/** What the help overlay lists, per screen: the keys that do something there. */
const HELP: ReadonlyArray<readonly [keys: string, action: string, screens: HelpScreens]> = [
	['Up/Down, k/j', 'move one row (in this help: scroll)', EVERY],
	['PgUp/PgDn, Ctrl-B/F', 'move one page', EVERY],
	['Ctrl-U/Ctrl-D', 'move half a page', EVERY],
	['g/Home, G/End', 'first / last row', EVERY],
	['Enter', 'open the selected domain or workflow', LISTS],
	['Enter', 'open or close the detail pane', STEPS],
	['Esc', 'close help or pane, else clear search, else go back', EVERY],
	['1-7', 'toggle NOT_STARTED IN_PROGRESS COMPLETE FAILED SPLIT RETRY CANCELLED', STEPS],
	['0', 'clear the status filter (every status)', STEPS],
	['x', 'problems only (FAILED, RETRY, CANCELLED); again: every status', STEPS],
	['a', 'only the steps that changed since you last looked; Esc clears', STEPS],
	['/', 'search FlowName and message; Enter keeps, Esc clears', STEPS],
	['/', 'search the list; Enter keeps, Esc clears', LISTS],
	['Ctrl-U, Ctrl-W', 'in the search: clear it, delete a word', EVERY],
	['s / S', 'cycle sort: created, updated, status, records, name / reverse', STEPS],
	['s / S', 'cycle the sort / reverse it', LISTS],
	['J/K, Shift-Down/Up', 'scroll the detail pane', STEPS],
	['P', 'problems feed of the domain; Enter opens the step', WORKFLOWS],
	['p', 'pause or resume polling', EVERY],
	['r', 'refresh now', EVERY],
	['space, p', 'pause or play the replay', EVERY],
	['[ / ]', 'one event back / forward (pauses)', EVERY],
	['< / >', 'halve / double the speed (1/16x to 64x)', EVERY],
	['{ / }', 'previous / next problem (FAILED, RETRY, CANCELLED, an error)', EVERY],
	['t', 'times: relative, local, UTC', EVERY],
	['y', 'copy the selected FlowName (tmux buffer, OSC 52)', STEPS],
	['Y', 'copy the selected step as JSON (tmux buffer, OSC 52)', STEPS],
	['e', 'export the filtered, sorted view to CSV and JSON', STEPS],
	['!', 'the whole error and the latest message, wrapped', EVERY],
	['?', 'this help', EVERY],
	['q, Ctrl-C', 'quit', EVERY],
];

/** Marks on the rows, explained under the keys. */
const MARKS: ReadonlyArray<readonly [mark: 'changed' | 'selected', action: string, screens: HelpScreens]> = [
	['selected', 'the selected row', EVERY],
	['changed', 'a row the latest refresh added or changed', STEPS],
];

// A replay has no polling to pause or refresh; its timeline keys (the replay bar's) stand there.
const LIVE_ONLY = new Set(['p', 'r']);
const REPLAY_ONLY = new Set(['space, p', '[ / ]', '< / >', '{ / }']);

/** The help's lines for a screen: its keys, then what the row marks mean (in the theme's glyphs). */
export function keyHelp(
	screen: KeyMode['screen'],
	marks: {selected: string; changed: string},
	options: {replay?: boolean} = {},
): ReadonlyArray<readonly [keys: string, action: string]> {
	const here = (keys: string) => !(options.replay ? LIVE_ONLY : REPLAY_ONLY).has(keys);
	return [
		...HELP.filter(([keys, , screens]) => screens.includes(screen) && here(keys)).map(([keys, action]) => [keys, action] as const),
		...MARKS.filter(([, , screens]) => screens.includes(screen)).map(([mark, action]) => [marks[mark], action] as const),
	];
}
