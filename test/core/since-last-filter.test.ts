// The `a` key: only the steps that changed since the last look, through the view reducer.
import {describe, expect, it} from 'vitest';
import {keyIntents} from '../../source/core/keymap.js';
import {filterSteps} from '../../source/core/step-filter.js';
import {stepKey} from '../../source/core/step.js';
import {initialViewState, viewReducer} from '../../source/core/view-state.js';
import {step} from '../support/fake-watch-source.js';

const onSteps = {screen: 'steps', searching: false, help: false} as const;

describe('the since-last filter', () => {
	it('a toggles it on the steps screen; on a list it says it is for steps', () => {
		expect(keyIntents('a', {}, onSteps)).toEqual([{type: 'toggleSinceLast'}]);
		expect(keyIntents('a', {}, {...onSteps, screen: 'workflows'})).toEqual([{type: 'stepsOnly', key: 'a'}]);
		expect(keyIntents('/a', {}, onSteps)).toEqual([{type: 'searchStart'}, {type: 'searchType', text: 'a'}]);
	});

	it('Esc clears it before the search, and leaving the workflow clears it', () => {
		let state = initialViewState({domain: 'd', workflowId: 'w'});
		state = viewReducer(state, {type: 'searchType', text: 'x'});
		state = viewReducer(state, {type: 'searchAccept'});
		state = viewReducer(state, {type: 'toggleSinceLast'});
		expect(state.sinceLastOnly).toBe(true);
		state = viewReducer(state, {type: 'back'});
		expect(state).toMatchObject({sinceLastOnly: false, search: 'x'});
		state = viewReducer(viewReducer(state, {type: 'toggleSinceLast'}), {type: 'toggleSinceLast'});
		expect(state.sinceLastOnly).toBe(false);
		state = viewReducer(state, {type: 'toggleSinceLast'});
		state = viewReducer(viewReducer(state, {type: 'searchCancel'}), {type: 'back'});
		expect(state.sinceLastOnly).toBe(false);
		state = viewReducer(state, {type: 'toggleSinceLast'});
		const popped = viewReducer(viewReducer(state, {type: 'back'}), {type: 'back'});
		expect(popped).toMatchObject({sinceLastOnly: false});
		expect(popped.stack.at(-1)?.screen.kind).toBe('workflows');
	});

	it('filterSteps keeps exactly the given keys, with the status filter and search on top', () => {
		const steps = [step(0), step(1, {Status: 'FAILED'}), step(2)];
		const keys = new Set([stepKey(steps[1]), stepKey(steps[2])]);
		expect(filterSteps(steps, {statuses: [], search: '', keys})).toEqual([steps[1], steps[2]]);
		expect(filterSteps(steps, {statuses: ['FAILED'], search: '', keys})).toEqual([steps[1]]);
		expect(filterSteps(steps, {statuses: [], search: '', keys: new Set()})).toEqual([]);
	});
});
