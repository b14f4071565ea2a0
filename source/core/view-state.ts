// Everything the TUI remembers about how the user is looking at the data: the screen stack, the
// cursor of each screen (by key, so it survives refreshes, filters and sorts), filter, search,
// sort, time mode, overlay and detail pane. One pure reducer; the view dispatches intents.
import {DEFAULT_SORT, DEFAULT_TIME_MODE, SORT_FIELDS, TIME_MODES, type SortField, type TimeMode} from './preferences.js';
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
	/** The rows as they were when the selection was last seen in them: when a filter or search hides
	 * the selected row, the selection lands on its nearest visible neighbour in this order. */
	order?: ListContext;
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
	/** The messages overlay: the whole error and the latest notice, wrapped. */
	messages: boolean;
	detailOpen: boolean;
	detailScroll: number;
	/** Sort of the domains and workflows lists: an index into the screen's own sorts (the screen
	 * knows how many it has), and whether it is reversed. */
	listSort: Readonly<Record<ListKind, ListSort>>;
	/** `a`: only the steps that changed since the last look at this workflow (until Esc or leaving it). */
	sinceLastOnly: boolean;
	/** The problems feed pane of the workflows screen (P); the movement keys and Enter act on it. */
	problemsOpen: boolean;
	problemsIndex: number;
}

export type ListKind = 'domains' | 'workflows';

export interface ListSort {
	index: number;
	reverse: boolean;
}

/** The rows of the current screen as the view has them, in display order. */
export interface ListContext {
	count: number;
	keyAt(index: number): string | undefined;
	/** The row itself (compared by identity; a key costs a string, an identity nothing). */
	itemAt?(index: number): object | undefined;
	/** What the rows were taken from (the workflow's steps as one walk gave them): two lists of the
	 * same source hold one object per key, so a row of one is in the other by identity or not at all. */
	source?: object;
	/** -1 when the key is not in the list. */
	indexOf(key: string): number;
	/** Rows on one page. */
	pageSize: number;
	/** With the detail pane open: how many lines it has and how many it shows. */
	detail?: {lines: number; room: number};
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
	/** Ctrl-U in the prompt. */
	| {type: 'searchClear'}
	/** Ctrl-W in the prompt. */
	| {type: 'searchDeleteWord'}
	| {type: 'searchAccept'}
	| {type: 'searchCancel'}
	| {type: 'cycleSort'}
	| {type: 'reverseSort'}
	| {type: 'cycleTime'}
	| {type: 'toggleHelp'}
	| {type: 'toggleMessages'}
	| {type: 'scrollDetail'; delta: number}
	| {type: 'toggleSinceLast'}
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
		sort: initial.sort ?? DEFAULT_SORT.field,
		sortReverse: initial.sortReverse ?? DEFAULT_SORT.reverse,
		timeMode: initial.timeMode ?? DEFAULT_TIME_MODE,
		help: false,
		helpScroll: 0,
		messages: false,
		detailOpen: false,
		detailScroll: 0,
		listSort: {domains: {index: 0, reverse: false}, workflows: {index: 0, reverse: false}},
		sinceLastOnly: false,
		problemsOpen: false,
		problemsIndex: 0,
	};
}

export function currentEntry(state: ViewState): ScreenEntry {
	return state.stack[state.stack.length - 1];
}

/** The selected row's index in the list: by key when it is still there, else its nearest
 * neighbour (in the order it was last seen in) that is, else where it was. */
export function cursorIndex(cursor: Cursor, list: ListContext): number {
	if (list.count === 0) return 0;
	if (cursor.key !== undefined) {
		const index = list.indexOf(cursor.key);
		if (index !== -1) return index;
		const near = nearestVisible(cursor, list);
		if (near !== -1) return near;
	}
	return Math.min(Math.max(0, cursor.index), list.count - 1);
}

// A render asks for the cursor's index several times; the walk below runs once per cursor and list.
const nearestCache = new WeakMap<ListContext, WeakMap<Cursor, number>>();

/** The closest row of `list` to the cursor's key in `cursor.order`, the following one on a tie
 * (as a deleted line leaves the cursor on the next); -1 when there is none. */
function nearestVisible(cursor: Cursor, list: ListContext): number {
	const order = cursor.order;
	if (!order || cursor.key === undefined) return -1;
	const cached = nearestCache.get(list)?.get(cursor);
	if (cached !== undefined) return cached;
	const at = order.indexOf(cursor.key);
	const found = at === -1 ? -1 : (nearestByIdentity(order, at, list) ?? nearestByKey(order, at, list));
	let forList = nearestCache.get(list);
	if (!forList) nearestCache.set(list, (forList = new WeakMap()));
	forList.set(cursor, found);
	return found;
}

/** The outward walk of `order` from `at`: the first position (the following one on a tie) whose
 * row `indexIn` finds, -1 when none does. */
function walkOutward(order: ListContext, at: number, indexIn: (position: number) => number): number {
	for (let distance = 1; distance < order.count; distance++) {
		const after = at + distance < order.count ? indexIn(at + distance) : -1;
		if (after !== -1) return after;
		const before = at - distance >= 0 ? indexIn(at - distance) : -1;
		if (before !== -1) return before;
	}
	return -1;
}

/** By the rows' identity, when both lists offer their rows and share a source (no refresh has
 * replaced a row's object since the order was remembered): then a row with a key of `order` is that
 * very object, and identity answers as keys would, without building a string per row and per step
 * walked (on 100,000 steps sorted by status, the key walk cost a filter key 100-150 ms). Undefined
 * when it cannot answer. */
function nearestByIdentity(order: ListContext, at: number, list: ListContext): number | undefined {
	const {itemAt: orderItem} = order;
	const {itemAt: rowItem} = list;
	if (!orderItem || !rowItem || order.source === undefined || order.source !== list.source) return undefined;
	const rowIndex = new Map<object, number>();
	for (let i = 0; i < list.count; i++) {
		const item = rowItem(i);
		if (item !== undefined && !rowIndex.has(item)) rowIndex.set(item, i);
	}
	return walkOutward(order, at, position => {
		const item = orderItem(position);
		return item === undefined ? -1 : (rowIndex.get(item) ?? -1);
	});
}

/** By key: one pass over the rows, then one outward walk of the order, O(rows + distance). Asking
 * the rows for each key of the walk was a scan per key, seconds on 100,000 steps when the nearest
 * visible row was far (a status filter that hides most of the list). */
function nearestByKey(order: ListContext, at: number, list: ListContext): number {
	const rowIndex = new Map<string, number>();
	for (let i = 0; i < list.count; i++) {
		const key = list.keyAt(i);
		if (key !== undefined && !rowIndex.has(key)) rowIndex.set(key, i);
	}
	return walkOutward(order, at, position => {
		const key = order.keyAt(position);
		return key === undefined ? -1 : (rowIndex.get(key) ?? -1);
	});
}

/** Before a filter or search changes the rows: remember them as the selection's order, while the
 * selection is in them (typing a search narrows step by step; the last order that had it counts). */
function rememberOrder(state: ViewState, list: ListContext): ViewState {
	const entry = currentEntry(state);
	const {cursor} = entry;
	if (cursor.key === undefined || list.count === 0 || list.indexOf(cursor.key) === -1 || cursor.order === list) return state;
	const stack = [...state.stack];
	stack[stack.length - 1] = {...entry, cursor: {...cursor, order: list}};
	return {...state, stack};
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
	// A search belongs to the list it was typed in: the next screen's rows are other things.
	return {...state, stack, detailOpen: false, detailScroll: 0, search: '', searching: false, sinceLastOnly: false};
}

/** The detail pane's scroll after `delta`: at most one pane's worth at a time (so no line is
 * skipped), within 0 and the last full pane. */
function scrollDetail(state: ViewState, list: ListContext, delta: number): ViewState {
	if (!state.detailOpen) return state;
	const extent = list.detail;
	if (!extent) return {...state, detailScroll: Math.max(0, state.detailScroll + delta)};
	const room = Math.max(1, extent.room);
	const max = Math.max(0, extent.lines - room);
	const from = Math.min(state.detailScroll, max);
	const step = Math.sign(delta) * Math.min(Math.abs(delta), room);
	const detailScroll = Math.min(max, Math.max(0, from + step));
	return detailScroll === state.detailScroll ? state : {...state, detailScroll};
}

/** Ctrl-W: the last word and the spaces after it, as in a shell. */
function deleteWord(text: string): string {
	return text.replace(/\S*\s*$/u, '');
}

function listKind(state: ViewState): ListKind | undefined {
	const kind = currentEntry(state).screen.kind;
	return kind === 'steps' ? undefined : kind;
}

function withListSort(state: ViewState, kind: ListKind, change: (sort: ListSort) => ListSort): ViewState {
	return {...state, listSort: {...state.listSort, [kind]: change(state.listSort[kind])}};
}

const closeOverlays = (state: ViewState): ViewState => ({...state, help: false, messages: false});

export function viewReducer(previous: ViewState, intent: ViewIntent, list: ListContext = EMPTY_LIST): ViewState {
	const state = pinCursor(previous, list);
	switch (intent.type) {
		case 'pin':
			return state;
		case 'move':
			if (state.help || state.messages) return scrollHelp(state, list, from => from + intent.delta);
			if (problemsActive(state)) return scrollProblems(state, list, from => from + intent.delta);
			return moveTo(state, list, from => from + intent.delta);
		case 'page':
			if (state.help || state.messages) return scrollHelp(state, list, from => from + Math.round(list.pageSize * intent.pages));
			if (problemsActive(state)) return scrollProblems(state, list, from => from + Math.round(list.pageSize * intent.pages));
			return moveTo(state, list, from => from + Math.max(1, Math.floor(list.pageSize * Math.abs(intent.pages))) * Math.sign(intent.pages));
		case 'first':
			if (state.help || state.messages) return scrollHelp(state, list, () => 0);
			if (problemsActive(state)) return scrollProblems(state, list, () => 0);
			return moveTo(state, list, () => 0);
		case 'last':
			if (state.help || state.messages) return scrollHelp(state, list, () => list.count);
			if (problemsActive(state)) return scrollProblems(state, list, () => list.count);
			return moveTo(state, list, () => list.count - 1);
		case 'enter':
			if (state.help || state.messages) return closeOverlays(state);
			if (problemsActive(state)) return jumpToProblem(state, list);
			return drill(state, list);
		case 'back':
			if (state.help || state.messages) return closeOverlays(state);
			if (state.detailOpen) return {...state, detailOpen: false, detailScroll: 0};
			if (state.sinceLastOnly) return {...state, sinceLastOnly: false};
			if (problemsActive(state)) return {...state, problemsOpen: false};
			if (state.searching || state.search !== '') return {...state, searching: false, search: ''};
			if (state.stack.length > 1) return {...state, stack: state.stack.slice(0, -1), detailOpen: false, detailScroll: 0, search: '', searching: false, sinceLastOnly: false};
			return state;
		case 'toggleStatus':
			return {...rememberOrder(state, list), statusFilter: toggleStatus(state.statusFilter, intent.status)};
		case 'clearStatus':
			return state.statusFilter.length === 0 ? state : {...state, statusFilter: []};
		case 'problemsOnly': {
			// x again goes back to every status.
			const problems = problemsOnly();
			const on = state.statusFilter.length === problems.length && problems.every(s => state.statusFilter.includes(s));
			return {...rememberOrder(state, list), statusFilter: on ? [] : problems};
		}
		case 'searchStart':
			return {...state, searching: true};
		case 'searchType':
			return {...rememberOrder(state, list), searching: true, search: state.search + intent.text};
		case 'searchBackspace':
			return {...state, search: [...state.search].slice(0, -1).join('')};
		case 'searchClear':
			return {...state, search: ''};
		case 'searchDeleteWord':
			return {...state, search: deleteWord(state.search)};
		case 'searchAccept':
			return {...state, searching: false};
		case 'searchCancel':
			return {...state, searching: false, search: ''};
		case 'cycleSort': {
			const kind = listKind(state);
			if (kind) return withListSort(state, kind, sort => ({...sort, index: sort.index + 1}));
			return {...state, sort: next(SORT_FIELDS, state.sort)};
		}
		case 'reverseSort': {
			const kind = listKind(state);
			if (kind) return withListSort(state, kind, sort => ({...sort, reverse: !sort.reverse}));
			return {...state, sortReverse: !state.sortReverse};
		}
		case 'cycleTime':
			return {...state, timeMode: next(TIME_MODES, state.timeMode)};
		case 'toggleHelp':
			return {...state, help: !state.help, messages: false, helpScroll: 0};
		case 'toggleMessages':
			return {...state, messages: !state.messages, help: false, helpScroll: 0};
		case 'toggleProblems':
			return {...state, problemsOpen: !state.problemsOpen, problemsIndex: 0};
		case 'scrollDetail':
			return scrollDetail(state, list, intent.delta);
		case 'toggleSinceLast':
			return {...state, sinceLastOnly: !state.sinceLastOnly};
	}
}
