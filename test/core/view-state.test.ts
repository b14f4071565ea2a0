import {describe, expect, it} from 'vitest';
import {currentEntry, cursorIndex, initialViewState, viewReducer, type ListContext, type ViewIntent, type ViewState} from '../../source/core/view-state.js';

function list(keys: string[], pageSize = 5): ListContext {
	const index = new Map(keys.map((k, i) => [k, i]));
	return {count: keys.length, keyAt: i => keys[i], indexOf: k => index.get(k) ?? -1, pageSize};
}
const keys = Array.from({length: 20}, (_, i) => `k${i}`);
const rows = list(keys);
const steps = () => initialViewState({domain: 'd', workflowId: 'w'});
const run = (state: ViewState, intents: ViewIntent[], context = rows) => intents.reduce((s, i) => viewReducer(s, i, context), state);
const selected = (state: ViewState, context = rows) => context.keyAt(cursorIndex(currentEntry(state).cursor, context));

describe('viewReducer', () => {
	it('opens on the steps with domains and workflows behind, cursors on what was given', () => {
		const state = steps();
		expect(state.stack.map(e => e.screen.kind)).toEqual(['domains', 'workflows', 'steps']);
		expect(state.stack[0].cursor.key).toBe('d');
		expect(state.stack[1].cursor.key).toBe('w');
		expect(initialViewState({}).stack.map(e => e.screen.kind)).toEqual(['domains']);
	});

	it('moves, pages, half-pages and jumps, clamped', () => {
		let state = run(steps(), [{type: 'move', delta: 1}, {type: 'move', delta: 1}]);
		expect(selected(state)).toBe('k2');
		state = run(state, [{type: 'page', pages: 1}]);
		expect(selected(state)).toBe('k7');
		state = run(state, [{type: 'page', pages: -0.5}]);
		expect(selected(state)).toBe('k5');
		state = run(state, [{type: 'last'}]);
		expect(selected(state)).toBe('k19');
		expect(currentEntry(state).cursor.top).toBe(15);
		state = run(state, [{type: 'move', delta: 5}]);
		expect(selected(state)).toBe('k19');
		state = run(state, [{type: 'first'}, {type: 'move', delta: -1}]);
		expect(selected(state)).toBe('k0');
	});

	it('ties an unmoved cursor to the row under it before any intent, and on pin', () => {
		expect(currentEntry(steps()).cursor.key).toBeUndefined();
		// A sort before any move keeps the first row selected wherever it sorts to.
		const sorted = run(steps(), [{type: 'cycleSort'}]);
		expect(currentEntry(sorted).cursor.key).toBe('k0');
		expect(selected(sorted, list([...keys].reverse()))).toBe('k0');
		for (const intent of [{type: 'toggleStatus', status: 'FAILED'}, {type: 'searchType', text: 'a'}, {type: 'pin'}] as ViewIntent[]) {
			expect(currentEntry(run(steps(), [intent])).cursor.key, intent.type).toBe('k0');
		}
		// No rows yet: nothing to tie to.
		expect(run(steps(), [{type: 'pin'}], list([]))).toEqual(steps());
	});

	it('keeps the selection on the same key when the rows reorder', () => {
		const state = run(steps(), [{type: 'move', delta: 3}]);
		const reordered = list([...keys].reverse());
		expect(selected(state, reordered)).toBe('k3');
	});

	it('falls back to the old position when the selected row disappears', () => {
		const state = run(steps(), [{type: 'move', delta: 3}]);
		const without = list(keys.filter(k => k !== 'k3'));
		expect(selected(state, without)).toBe('k4');
	});

	it('drills down with Enter and comes back with Esc to the row entered', () => {
		let state = initialViewState({});
		const domains = list(['alpha', 'beta']);
		state = run(state, [{type: 'move', delta: 1}, {type: 'enter'}], domains);
		expect(currentEntry(state).screen).toEqual({kind: 'workflows', domain: 'beta'});
		state = run(state, [{type: 'enter'}], list(['wf1']));
		expect(currentEntry(state).screen).toEqual({kind: 'steps', domain: 'beta', workflowId: 'wf1'});
		state = run(state, [{type: 'enter'}]);
		expect(state.detailOpen).toBe(true);
		state = run(state, [{type: 'back'}, {type: 'back'}, {type: 'back'}]);
		expect(state.detailOpen).toBe(false);
		expect(currentEntry(state).screen.kind).toBe('domains');
		expect(selected(state, domains)).toBe('beta');
		expect(run(state, [{type: 'back'}])).toBe(state);
	});

	it('Esc closes help, then the pane, then the search, then goes back', () => {
		let state = run(steps(), [{type: 'searchType', text: 'ab'}, {type: 'searchAccept'}, {type: 'enter'}, {type: 'toggleHelp'}]);
		state = viewReducer(state, {type: 'back'});
		expect(state.help).toBe(false);
		state = viewReducer(state, {type: 'back'});
		expect(state.detailOpen).toBe(false);
		expect(state.search).toBe('ab');
		state = viewReducer(state, {type: 'back'});
		expect(state.search).toBe('');
		state = viewReducer(state, {type: 'back'});
		expect(currentEntry(state).screen.kind).toBe('workflows');
	});

	it('edits the status filter and the search', () => {
		let state = run(steps(), [{type: 'toggleStatus', status: 'FAILED'}, {type: 'toggleStatus', status: 'NOT_STARTED'}]);
		expect(state.statusFilter).toEqual(['NOT_STARTED', 'FAILED']);
		state = run(state, [{type: 'clearStatus'}]);
		expect(state.statusFilter).toEqual([]);
		state = run(state, [{type: 'problemsOnly'}]);
		expect(state.statusFilter).toEqual(['FAILED', 'RETRY', 'CANCELLED']);
		state = run(state, [{type: 'searchStart'}, {type: 'searchType', text: 'ab漢'}, {type: 'searchBackspace'}]);
		expect(state).toMatchObject({searching: true, search: 'ab'});
		state = run(state, [{type: 'searchCancel'}]);
		expect(state).toMatchObject({searching: false, search: ''});
	});

	it('cycles sort, reverse and time mode', () => {
		let state = steps();
		const sorts = [];
		for (let i = 0; i < 5; i++) {
			state = viewReducer(state, {type: 'cycleSort'});
			sorts.push(state.sort);
		}
		expect(sorts).toEqual(['updated', 'status', 'records', 'name', 'created']);
		expect(viewReducer(state, {type: 'reverseSort'}).sortReverse).toBe(true);
		expect(run(state, [{type: 'cycleTime'}, {type: 'cycleTime'}]).timeMode).toBe('utc');
	});

	it('scrolls the detail pane only when it is open, never above the top', () => {
		expect(viewReducer(steps(), {type: 'scrollDetail', delta: 3}).detailScroll).toBe(0);
		const open = viewReducer(steps(), {type: 'enter'});
		expect(run(open, [{type: 'scrollDetail', delta: 3}, {type: 'scrollDetail', delta: -1}]).detailScroll).toBe(2);
		expect(run(open, [{type: 'scrollDetail', delta: -3}]).detailScroll).toBe(0);
	});
});

describe('a selection the filter hides, on a long list', () => {
	// The rows as the TUI gives them: a key is found by reading the keys in turn (useListContext),
	// and every key read is counted.
	function scanningList(all: string[], reads: {count: number}): ListContext {
		return {
			count: all.length,
			pageSize: 5,
			keyAt: i => {
				reads.count++;
				return all[i];
			},
			indexOf: key => {
				for (let i = 0; i < all.length; i++) {
					reads.count++;
					if (all[i] === key) return i;
				}
				return -1;
			},
		};
	}

	it('lands on the nearest visible row reading each list a few times over, not once per row between', () => {
		const total = 20_000;
		const every = Array.from({length: total}, (_, i) => `s${i}`);
		const reads = {count: 0};
		const whole = scanningList(every, reads);
		// The selection on the first row; the filter leaves only the second half.
		let state = viewReducer(steps(), {type: 'pin'}, whole);
		const secondHalf = scanningList(every.slice(total / 2), reads);
		state = viewReducer(state, {type: 'toggleStatus', status: 'FAILED'}, whole);
		reads.count = 0;
		expect(secondHalf.keyAt(cursorIndex(currentEntry(state).cursor, secondHalf))).toBe(`s${total / 2}`);
		// Reading the rows for each key between the two was 10,000 scans of 10,000 rows.
		expect(reads.count).toBeLessThan(5 * total);
	});
});

describe('a selection the filter hides, found by the rows themselves', () => {
	interface Row {
		key: string;
	}
	// A list as useListContext gives it, counting the keys it builds; `source`, the steps it was
	// taken from.
	function rowList(items: Row[], built: {count: number}, source: object = all): ListContext {
		return {
			count: items.length,
			pageSize: 5,
			source,
			keyAt: i => {
				built.count++;
				return items[i]?.key;
			},
			itemAt: i => items[i],
			indexOf: key => items.findIndex(item => item.key === key),
		};
	}
	const all: Row[] = Array.from({length: 1000}, (_, i) => ({key: `s${i}`}));

	it('walks to the nearest visible row without building a key per row or per step walked', () => {
		const built = {count: 0};
		const whole = rowList(all, built);
		let state = viewReducer(steps(), {type: 'pin'}, whole);
		state = viewReducer(state, {type: 'last'}, whole);
		state = viewReducer(state, {type: 'toggleStatus', status: 'FAILED'}, whole);
		// The filter leaves every hundredth row, the last one (the selection) not among them.
		const visible = rowList(all.filter((_, i) => i % 100 === 0), built);
		built.count = 0;
		expect(visible.keyAt(cursorIndex(currentEntry(state).cursor, visible))).toBe('s900');
		expect(built.count).toBeLessThan(5);
	});

	it('answers as keys would when a refresh has replaced the nearest row with a new object of the same key', () => {
		const built = {count: 0};
		const whole = rowList(all, built);
		let state = viewReducer(steps(), {type: 'move', delta: 500}, whole);
		state = viewReducer(state, {type: 'toggleStatus', status: 'FAILED'}, whole);
		// A refresh brought s501 back as a new object; s400 is the same object as before.
		const refreshed = all.map(row => (row.key === 's501' ? {key: 's501'} : row));
		const visible = rowList([refreshed[400], refreshed[501]], built, refreshed);
		expect(visible.keyAt(cursorIndex(currentEntry(state).cursor, visible))).toBe('s501');
	});
});
