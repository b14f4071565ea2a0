// Everything the TUI remembers about how the user is looking at the data: the screen stack, the
// cursor of each screen (by key, so it survives refreshes, filters and sorts), filter, search,
// sort, time mode, overlay and detail pane. One pure reducer; the view dispatches intents.
import {SORT_FIELDS, TIME_MODES, type SortField, type TimeMode} from './preferences.js';
import {parseProblemKey} from './problem-feed.js';
import {problemsOnly, toggleStatus} from './step-filter.js';
import {moveCursor, visibleWindow} from './visible-window.js';

export type Screen =
	| {kind: 'domains'}
	| {kind: 'workflows'; domain: string}
	| {kind: 'steps'; domain: string; workflowId: string};

export interface Cursor {
	/** Key of the selected row; undefined only until the screen has rows (see pinCursor). */
	key?: string;
	/** Where the selection was, for when its row disappears (filtered out, or gone from the API). */
	index: number;
	/** First visible row, so the window does not jump while the cursor moves inside it. */
	top: number;
}

export interface ScreenEntry {
	screen: Screen;
	cursor: Cursor;
}

export interface ViewState {
	/** The last entry is the screen on show. */
	stack: readonly ScreenEntry[];
	statusFilter: readonly string[];
	search: string;
	/** Keys go to the search text. */
	searching: boolean;
	sort: SortField;
	sortReverse: boolean;
	timeMode: TimeMode;
	help: boolean;
	/** First help line shown: the help scrolls with the movement keys on a short terminal. */
	helpScroll: number;
	detailOpen: boolean;
	detailScroll: number;
	/** The problems feed pane of the workflows screen (P); the movement keys and Enter act on it. */
	problemsOpen: boolean;
	problemsIndex: number;
}

/** The rows of the current screen as the view has them, in display order. */
export interface ListContext {
	count: number;
	keyAt(index: number): string | undefined;
	/** -1 when the key is not in the list. */
	indexOf(key: string): number;
	/** Rows on one page. */
	pageSize: number;
}

export const EMPTY_LIST: ListContext = {count: 0, keyAt: () => undefined, indexOf: () => -1, pageSize: 1};

export type ViewIntent =
	| {type: 'move'; delta: number}
	/** Pages to move: 1, -1, 0.5, -0.5. */
	| {type: 'page'; pages: number}
	| {type: 'first'}
	| {type: 'last'}
	| {type: 'enter'}
	| {type: 'back'}
	| {type: 'toggleStatus'; status: string}
	| {type: 'clearStatus'}
	| {type: 'problemsOnly'}
	| {type: 'searchStart'}
	| {type: 'searchType'; text: string}
	| {type: 'searchBackspace'}
	| {type: 'searchAccept'}
	| {type: 'searchCancel'}
	| {type: 'cycleSort'}
	| {type: 'reverseSort'}
	| {type: 'cycleTime'}
	| {type: 'toggleHelp'}
	| {type: 'scrollDetail'; delta: number}
	| {type: 'toggleProblems'}
	/** Ties the selection to the row under it, once the screen has rows. */
	| {type: 'pin'};

export interface InitialView {
	domain?: string;
	workflowId?: string;
	statusFilter?: readonly string[];
	sort?: SortField;
	sortReverse?: boolean;
	timeMode?: TimeMode;
}

const at = (key?: string): Cursor => ({key, index: 0, top: 0});

export function initialViewState(initial: InitialView): ViewState {
	const stack: ScreenEntry[] = [{screen: {kind: 'domains'}, cursor: at(initial.domain)}];
	if (initial.domain !== undefined) {
		stack.push({screen: {kind: 'workflows', domain: initial.domain}, cursor: at(initial.workflowId)});
		if (initial.workflowId !== undefined) {
			stack.push({screen: {kind: 'steps', domain: initial.domain, workflowId: initial.workflowId}, cursor: at()});
		}
	}
	return {
		stack,
		statusFilter: [...(initial.statusFilter ?? [])],
		search: '',
		searching: false,
		sort: initial.sort ?? 'created',
		sortReverse: initial.sortReverse ?? false,
		timeMode: initial.timeMode ?? 'relative',
		help: false,
		helpScroll: 0,
		detailOpen: false,
		detailScroll: 0,
		problemsOpen: false,
		problemsIndex: 0,
	};
}

export function currentEntry(state: ViewState): ScreenEntry {
	return state.stack[state.stack.length - 1];
}

/** The selected row's index in the list: by key when it is still there, else where it was. */
export function cursorIndex(cursor: Cursor, list: ListContext): number {
	if (list.count === 0) return 0;
	if (cursor.key !== undefined) {
		const index = list.indexOf(cursor.key);
		if (index !== -1) return index;
	}
	return Math.min(Math.max(0, cursor.index), list.count - 1);
}

function withCursor(state: ViewState, cursor: Cursor): ViewState {
	const stack = [...state.stack];
	stack[stack.length - 1] = {...stack[stack.length - 1], cursor};
	return {...state, stack, detailScroll: 0};
}

function moveTo(state: ViewState, list: ListContext, target: (from: number) => number): ViewState {
	if (list.count === 0) return state;
	const {cursor} = currentEntry(state);
	const from = cursorIndex(cursor, list);
	const index = moveCursor(list.count, 0, target(from));
	if (index === from && cursor.key !== undefined) return state;
	const top = visibleWindow(list.count, index, list.pageSize, cursor.top).start;
	return withCursor(state, {key: list.keyAt(index), index, top});
}

/** The cursor tied to the key of the row under it when it had none: a screen opens on its first row
 * without a key, and a refresh, sort, filter or search must keep that row selected, not the index. */
export function pinCursor(state: ViewState, list: ListContext): ViewState {
	const {cursor} = currentEntry(state);
	if (cursor.key !== undefined || list.count === 0) return state;
	const index = cursorIndex(cursor, list);
	const key = list.keyAt(index);
	if (key === undefined) return state;
	const stack = [...state.stack];
	stack[stack.length - 1] = {...stack[stack.length - 1], cursor: {...cursor, key, index}};
	return {...state, stack};
}

/** While the help is open the movement keys scroll it; `list` is then the help's lines. */
function scrollHelp(state: ViewState, list: ListContext, target: (from: number) => number): ViewState {
	const max = Math.max(0, list.count - list.pageSize);
	const helpScroll = Math.min(max, Math.max(0, target(state.helpScroll)));
	return helpScroll === state.helpScroll ? state : {...state, helpScroll};
}

/** Whether the keys go to the problems pane: it is open and the workflows screen is on show. */
export function problemsActive(state: ViewState): boolean {
	return state.problemsOpen && currentEntry(state).screen.kind === 'workflows';
}

function scrollProblems(state: ViewState, list: ListContext, target: (from: number) => number): ViewState {
	const problemsIndex = Math.min(Math.max(0, list.count - 1), Math.max(0, target(state.problemsIndex)));
	return problemsIndex === state.problemsIndex ? state : {...state, problemsIndex};
}

/** Enter on a feed entry: its workflow's steps, the selection on that step, and a filter that
 * shows it. The workflows cursor moves to the workflow, so Esc comes back to its row. */
function jumpToProblem(state: ViewState, list: ListContext): ViewState {
	const {screen, cursor} = currentEntry(state);
	const key = list.keyAt(Math.min(state.problemsIndex, list.count - 1));
	const target = key === undefined ? undefined : parseProblemKey(key);
	if (screen.kind !== 'workflows' || target === undefined) return state;
	const stack = [...state.stack];
	stack[stack.length - 1] = {screen, cursor: {...cursor, key: target.workflowId}};
	stack.push({screen: {kind: 'steps', domain: screen.domain, workflowId: target.workflowId}, cursor: at(target.stepKey)});
	const hidden = state.statusFilter.length > 0 && !state.statusFilter.includes(target.status);
	return {
		...state,
		stack,
		search: '',
		searching: false,
		statusFilter: hidden ? toggleStatus(state.statusFilter, target.status) : state.statusFilter,
		detailOpen: false,
		detailScroll: 0,
	};
}

function next<T>(values: readonly T[], value: T): T {
	return values[(values.indexOf(value) + 1) % values.length];
}

function drill(state: ViewState, list: ListContext): ViewState {
	const {screen, cursor} = currentEntry(state);
	if (screen.kind === 'steps') return {...state, detailOpen: !state.detailOpen, detailScroll: 0};
	if (list.count === 0) return state;
	const index = cursorIndex(cursor, list);
	const key = list.keyAt(index);
	if (key === undefined) return state;
	// Pin the selection so coming back lands on the row that was entered.
	const stack = [...state.stack];
	stack[stack.length - 1] = {screen, cursor: {...cursor, key, index}};
	const pushed: Screen =
		screen.kind === 'domains' ? {kind: 'workflows', domain: key} : {kind: 'steps', domain: screen.domain, workflowId: key};
	stack.push({screen: pushed, cursor: at()});
	return {...state, stack, detailOpen: false, detailScroll: 0};
}

export function viewReducer(previous: ViewState, intent: ViewIntent, list: ListContext = EMPTY_LIST): ViewState {
	const state = pinCursor(previous, list);
	switch (intent.type) {
		case 'pin':
			return state;
		case 'move':
			if (state.help) return scrollHelp(state, list, from => from + intent.delta);
			if (problemsActive(state)) return scrollProblems(state, list, from => from + intent.delta);
			return moveTo(state, list, from => from + intent.delta);
		case 'page':
			if (state.help) return scrollHelp(state, list, from => from + Math.round(list.pageSize * intent.pages));
			if (problemsActive(state)) return scrollProblems(state, list, from => from + Math.round(list.pageSize * intent.pages));
			return moveTo(state, list, from => from + Math.max(1, Math.floor(list.pageSize * Math.abs(intent.pages))) * Math.sign(intent.pages));
		case 'first':
			if (state.help) return scrollHelp(state, list, () => 0);
			if (problemsActive(state)) return scrollProblems(state, list, () => 0);
			return moveTo(state, list, () => 0);
		case 'last':
			if (state.help) return scrollHelp(state, list, () => list.count);
			if (problemsActive(state)) return scrollProblems(state, list, () => list.count);
			return moveTo(state, list, () => list.count - 1);
		case 'enter':
			if (state.help) return {...state, help: false};
			if (problemsActive(state)) return jumpToProblem(state, list);
			return drill(state, list);
		case 'back':
			if (state.help) return {...state, help: false};
			if (state.detailOpen) return {...state, detailOpen: false, detailScroll: 0};
			if (problemsActive(state)) return {...state, problemsOpen: false};
			if (state.searching || state.search !== '') return {...state, searching: false, search: ''};
			if (state.stack.length > 1) return {...state, stack: state.stack.slice(0, -1), detailOpen: false, detailScroll: 0};
			return state;
		case 'toggleStatus':
			return {...state, statusFilter: toggleStatus(state.statusFilter, intent.status)};
		case 'clearStatus':
			return state.statusFilter.length === 0 ? state : {...state, statusFilter: []};
		case 'problemsOnly':
			return {...state, statusFilter: problemsOnly()};
		case 'searchStart':
			return {...state, searching: true};
		case 'searchType':
			return {...state, searching: true, search: state.search + intent.text};
		case 'searchBackspace':
			return {...state, search: [...state.search].slice(0, -1).join('')};
		case 'searchAccept':
			return {...state, searching: false};
		case 'searchCancel':
			return {...state, searching: false, search: ''};
		case 'cycleSort':
			return {...state, sort: next(SORT_FIELDS, state.sort)};
		case 'reverseSort':
			return {...state, sortReverse: !state.sortReverse};
		case 'cycleTime':
			return {...state, timeMode: next(TIME_MODES, state.timeMode)};
		case 'toggleHelp':
			return {...state, help: !state.help, helpScroll: 0};
		case 'toggleProblems':
			return {...state, problemsOpen: !state.problemsOpen, problemsIndex: 0};
		case 'scrollDetail':
			return state.detailOpen ? {...state, detailScroll: Math.max(0, state.detailScroll + intent.delta)} : state;
	}
}
