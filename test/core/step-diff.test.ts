import {describe, expect, it} from 'vitest';
import {diffSteps} from '../../source/core/step-diff.js';
import {stepKey} from '../../source/core/step.js';
import {makeStep} from '../poller/fake-api.js';

describe('step diff', () => {
	const before = [makeStep(0), makeStep(1), makeStep(2)];

	it('a first load has no events', () => {
		expect(diffSteps(undefined, before, 5)).toEqual({events: [], changedKeys: new Set()});
	});

	it('reports status transitions with the previous status and the time seen', () => {
		const after = [before[0], {...before[1], Status: 'IN_PROGRESS', LastUpdatedAt: 99}, before[2]];
		const diff = diffSteps(before, after, 1234);
		expect(diff.events).toEqual([{type: 'changed', key: stepKey(before[1]), step: after[1], previousStatus: 'NOT_STARTED', time: 1234}]);
		expect([...diff.changedKeys]).toEqual([stepKey(before[1])]);
	});

	it('reports a change of other fields without a previous status', () => {
		const after = [{...before[0], RecordsProcessed: 10}, before[1], before[2]];
		const [event] = diffSteps(before, after, 1).events;
		expect(event.type).toBe('changed');
		expect(event).not.toHaveProperty('previousStatus');
	});

	it('reports new steps as added, in walk order', () => {
		const after = [...before, makeStep(3), makeStep(4)];
		expect(diffSteps(before, after, 1).events.map(event => [event.type, event.step.FlowName])).toEqual([
			['added', 'flow-00003'],
			['added', 'flow-00004'],
		]);
	});

	it('matches steps by FlowName plus CreatedAt, not position', () => {
		const reordered = [before[2], before[0], before[1]];
		expect(diffSteps(before, reordered, 1).events).toEqual([]);
		const sameNameLater = {...before[0], CreatedAt: before[0].CreatedAt + 1000};
		expect(diffSteps(before, [...before, sameNameLater], 1).events.map(event => event.type)).toEqual(['added']);
	});
});
