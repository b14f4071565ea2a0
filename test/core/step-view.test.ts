import {describe, expect, it} from 'vitest';
import type {SortField} from '../../source/core/preferences.js';
import {stepOrder} from '../../source/core/step-sort.js';
import {deriveStepView} from '../../source/core/step-view.js';
import type {Step} from '../../source/core/step.js';
import {makeStep} from '../support/step-fixtures.js';

const STATUSES = ['COMPLETE', 'FAILED', 'IN_PROGRESS', 'RETRY', 'NOT_STARTED', 'SPLIT', 'CANCELLED', 'ODD', 'WEIRD'];

// Steps in creation order, as pages arrive; a few share a creation time (then FlowName orders them).
function pages(count: number, pageSize: number): Step[][] {
	const steps = Array.from({length: count}, (_, i) =>
		makeStep({
			FlowName: `flow-${(i * 7919) % 1000}`,
			Status: STATUSES[(i * 31) % STATUSES.length],
			CreatedAt: 1000 + Math.floor(i / 3),
			LastUpdatedAt: 5000 + ((i * 104_729) % 997),
			RecordsProcessed: (i * 13) % 50,
			ExecutionMessage: i % 5 === 0 ? 'Throttled by Salesforce' : 'ok',
		}),
	);
	const result: Step[][] = [];
	for (let i = 0; i < count; i += pageSize) result.push(steps.slice(i, i + pageSize));
	return result;
}

describe('deriveStepView', () => {
	const SORTS: SortField[] = ['created', 'updated', 'status', 'records', 'name'];
	for (const sort of SORTS) {
		for (const reverse of [false, true]) {
			it(`built page by page equals built at once (${sort}${reverse ? ', reversed' : ''}, filtered and searched)`, () => {
				for (const [statuses, search] of [[[], ''], [['FAILED', 'ODD'], ''], [[], 'THROTTLED'], [['COMPLETE'], 'salesforce']] as const) {
					let growing: Step[] = [];
					let view;
					for (const page of pages(300, 17)) {
						growing = [...growing, ...page];
						view = deriveStepView(view, {steps: growing, statuses, search, sort, reverse});
					}
					const whole = deriveStepView(undefined, {steps: growing, statuses, search, sort, reverse});
					expect(view!.rows).toEqual(whole.rows);
					expect([...view!.counts]).toEqual([...whole.counts]);
					// And the order is the comparator's.
					expect([...whole.rows].sort(stepOrder(sort, reverse))).toEqual(whole.rows);
				}
			});
		}
	}

	it('a filter or search filters the list already sorted; a sort seen before is not sorted again', () => {
		const steps = pages(200, 200)[0];
		const base = {steps, statuses: [] as string[], search: '', reverse: false};
		const byStatus = deriveStepView(undefined, {...base, sort: 'status'});
		const failed = deriveStepView(byStatus, {...base, sort: 'status', statuses: ['FAILED']});
		expect(failed.sorted).toBe(byStatus.sorted);
		expect(failed.rows).toEqual(byStatus.sorted.filter(step => step.Status === 'FAILED'));
		const searched = deriveStepView(failed, {...base, sort: 'status', statuses: ['FAILED'], search: 'throttled'});
		expect(searched.sorted).toBe(byStatus.sorted);
		const byName = deriveStepView(searched, {...base, sort: 'name'});
		const backToStatus = deriveStepView(byName, {...base, sort: 'status'});
		expect(backToStatus.sorted).toBe(byStatus.sorted);
		expect(backToStatus.rows).toEqual(deriveStepView(undefined, {...base, sort: 'status'}).rows);
	});

	it('an order sorted from the kept creation order, or reversed from its other direction, is the comparator order', () => {
		// Not in creation order: the kept creation order must be the sorted one, not the list as given.
		const steps = pages(300, 300)[0].map((step, i, all) => all[(i * 101) % all.length]);
		const base = {steps, statuses: [] as string[], search: ''};
		let view = deriveStepView(undefined, {...base, sort: 'created', reverse: false});
		for (const reverse of [false, true, false]) {
			for (const sort of SORTS) {
				view = deriveStepView(view, {...base, sort, reverse});
				expect(view.rows, `${sort}${reverse ? ' reversed' : ''}`).toEqual([...steps].sort(stepOrder(sort, reverse)));
			}
		}
	});

	it('starts over when the list is replaced rather than appended to', () => {
		const [first, second] = pages(40, 20);
		const view = deriveStepView(undefined, {steps: first, statuses: [], search: '', sort: 'name', reverse: false});
		const next = deriveStepView(view, {steps: second, statuses: [], search: '', sort: 'name', reverse: false});
		expect(next.rows).toHaveLength(20);
		expect(new Set(next.rows)).toEqual(new Set(second));
	});

	it('searches FlowName and message case-insensitively, never across the two', () => {
		const steps = [makeStep({FlowName: 'Alpha', ExecutionMessage: 'Beta', CreatedAt: 1}), makeStep({FlowName: 'gamma', ExecutionMessage: 'ALPHAbet', CreatedAt: 9})];
		const find = (search: string) => deriveStepView(undefined, {steps, statuses: [], search, sort: 'created', reverse: false}).rows.map(s => s.FlowName);
		expect(find('alpha')).toEqual(['Alpha', 'gamma']);
		expect(find('BET')).toEqual(['Alpha', 'gamma']);
		expect(find('alphabeta')).toEqual([]);
	});
});
