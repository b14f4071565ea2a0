import {describe, expect, it} from 'vitest';
import {keyIntents, type KeyMode} from '../../source/core/keymap.js';

const steps: KeyMode = {screen: 'steps', searching: false, help: false};
const types = (input: string, key = {}, mode = steps) => keyIntents(input, key, mode).map(i => i.type);

describe('keyIntents', () => {
	it('maps arrows, vi keys, paging and jumps', () => {
		expect(keyIntents('', {downArrow: true}, steps)).toEqual([{type: 'move', delta: 1}]);
		expect(keyIntents('k', {}, steps)).toEqual([{type: 'move', delta: -1}]);
		expect(keyIntents('', {pageDown: true}, steps)).toEqual([{type: 'page', pages: 1}]);
		expect(keyIntents('b', {ctrl: true}, steps)).toEqual([{type: 'page', pages: -1}]);
		expect(keyIntents('d', {ctrl: true}, steps)).toEqual([{type: 'page', pages: 0.5}]);
		expect(keyIntents('u', {ctrl: true}, steps)).toEqual([{type: 'page', pages: -0.5}]);
		expect(types('gG')).toEqual(['first', 'last']);
		expect(types('', {home: true})).toEqual(['first']);
		expect(types('', {end: true})).toEqual(['last']);
	});

	it('reads a repeated chunk as repeated keys', () => {
		expect(types('jjj')).toEqual(['move', 'move', 'move']);
		expect(types('j\r')).toEqual(['move', 'enter']);
	});

	it('maps 1-7 to the statuses in table order, 0 and x', () => {
		expect(keyIntents('4', {}, steps)).toEqual([{type: 'toggleStatus', status: 'FAILED'}]);
		expect(keyIntents('7', {}, steps)).toEqual([{type: 'toggleStatus', status: 'CANCELLED'}]);
		expect(types('0x')).toEqual(['clearStatus', 'problemsOnly']);
		expect(types('8')).toEqual([]);
	});

	it('types pasted text into the search, Enter keeps it, Esc clears, Backspace deletes', () => {
		expect(keyIntents('/abc', {}, steps)).toEqual([{type: 'searchStart'}, {type: 'searchType', text: 'abc'}]);
		const searching = {...steps, searching: true};
		expect(keyIntents('jq', {}, searching)).toEqual([{type: 'searchType', text: 'jq'}]);
		expect(keyIntents('ab\rj', {}, searching)).toEqual([{type: 'searchType', text: 'ab'}, {type: 'searchAccept'}, {type: 'move', delta: 1}]);
		expect(types('\r', {return: true}, searching)).toEqual(['searchAccept']);
		expect(types('', {escape: true}, searching)).toEqual(['searchCancel']);
		expect(types('', {delete: true}, searching)).toEqual(['searchBackspace']);
		expect(types('', {downArrow: true}, searching)).toEqual(['move']);
	});

	it('maps the remaining keys', () => {
		expect(types('sSptr?yYe')).toEqual(['cycleSort', 'reverseSort', 'pause', 'cycleTime', 'refresh', 'toggleHelp', 'copyName', 'copyJson', 'export']);
		expect(types('', {return: true})).toEqual(['enter']);
		expect(types('', {escape: true})).toEqual(['back']);
		expect(types('qj')).toEqual(['quit']);
		expect(types('c', {ctrl: true}, {...steps, searching: true})).toEqual(['quit']);
		expect(types('', {downArrow: true, shift: true})).toEqual(['scrollDetail']);
	});

	it('says that step-only keys are for the steps on the list screens; search and sort work there', () => {
		const domains: KeyMode = {screen: 'domains', searching: false, help: false};
		expect(types('4xyYej', {}, domains)).toEqual(['stepsOnly', 'stepsOnly', 'stepsOnly', 'stepsOnly', 'stepsOnly', 'move']);
		expect(types('sS/ab', {}, domains)).toEqual(['cycleSort', 'reverseSort', 'searchStart', 'searchType']);
		expect(types('prtq', {}, domains)).toEqual(['pause', 'refresh', 'cycleTime', 'quit']);
		// P, the workflows screen's problems feed, is said elsewhere too, not dropped.
		expect(types('P', {}, domains)).toEqual(['workflowsOnly']);
		expect(types('P', {}, steps)).toEqual(['workflowsOnly']);
		expect(types('P', {}, {...domains, screen: 'workflows'})).toEqual(['toggleProblems']);
	});

	it('only closes, quits or scrolls while the help is open', () => {
		const help = {...steps, help: true};
		expect(types('x4/s', {}, help)).toEqual([]);
		expect(types('jkgG', {}, help)).toEqual(['move', 'move', 'first', 'last']);
		expect(types('', {pageDown: true}, help)).toEqual(['page']);
		expect(types('?', {}, help)).toEqual(['toggleHelp']);
		expect(types('', {escape: true}, help)).toEqual(['back']);
		expect(types('q', {}, help)).toEqual(['quit']);
	});
});
