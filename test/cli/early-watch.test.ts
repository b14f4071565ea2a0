import {describe, expect, it} from 'vitest';
import {startFirstWatchEarly} from '../../source/cli/early-watch.js';
import {fakeController, fakeWatchSource, watchState} from '../support/fake-watch-source.js';

function countingSource() {
	const base = fakeWatchSource();
	const made: Array<ReturnType<typeof fakeController>> = [];
	base.watchWorkflow = (domain, workflowId) => {
		base.calls.push(`workflow ${domain} ${workflowId}`);
		const watch = fakeController(watchState({phase: 'loading'}));
		made.push(watch);
		return watch;
	};
	return {base, made};
}

describe('the first workflow watch, started before the first frame', () => {
	it('polls before any screen asks, and the first screen to ask for it gets that same watch', () => {
		const {base, made} = countingSource();
		const early = startFirstWatchEarly(base, 'd', 'w');
		expect(made).toHaveLength(1);
		expect(made[0].started).toBe(true);
		expect(early.source.watchWorkflow('d', 'w')).toBe(made[0]);
		// Coming back to the workflow later opens a watch of its own, as before.
		expect(early.source.watchWorkflow('d', 'w')).not.toBe(made[0]);
		early.release();
		expect(made[0].started).toBe(true);
	});

	it('stops the watch when no screen asked for it, and leaves other workflows alone', () => {
		const {base, made} = countingSource();
		const early = startFirstWatchEarly(base, 'd', 'w');
		const other = early.source.watchWorkflow('d', 'other');
		expect(other).not.toBe(made[0]);
		early.release();
		expect(made[0].started).toBe(false);
		expect(early.source.watchDomains()).toBe(base.domains);
		expect(early.source.watchWorkflows('d')).toBe(base.workflows);
	});
});

describe('the first frame waits for the first page', () => {
	it('until the watch has steps, an error or an end to show, and no longer than it may', async () => {
		const {fakeTime} = await import('../poller/fake-time.js');
		const {makeStep} = await import('../support/step-fixtures.js');
		for (const arrival of [{steps: [makeStep()]}, {phase: 'error' as const}, {phase: 'throttled' as const}, {phase: 'done' as const}]) {
			const {base, made} = countingSource();
			const time = fakeTime();
			const early = startFirstWatchEarly(base, 'd', 'w');
			let shown = false;
			void early.firstSteps(200, time).then(() => (shown = true));
			await time.advance(50);
			expect(shown).toBe(false);
			made[0].set(arrival);
			await time.flush();
			expect([arrival, shown]).toEqual([arrival, true]);
		}
		const {base} = countingSource();
		const time = fakeTime();
		let shown = false;
		void startFirstWatchEarly(base, 'd', 'w').firstSteps(200, time).then(() => (shown = true));
		await time.advance(199);
		expect(shown).toBe(false);
		await time.advance(1);
		expect(shown).toBe(true);
		expect(time.pendingTimers()).toBe(0);
	});
});

describe('the last look of the opening workflow', () => {
	it('is taken before its watch starts, and handed to the first screen that asks for it', async () => {
		const {base, made} = countingSource();
		const order: string[] = [];
		const recall = (domain: string, workflowId: string) => {
			order.push(`recall ${domain} ${workflowId} (watches started: ${made.filter(watch => watch.started).length})`);
			return Promise.resolve({});
		};
		const early = startFirstWatchEarly(base, 'd', 'w', recall);
		expect(order).toEqual(['recall d w (watches started: 0)']);
		const first = early.recallSeen?.('d', 'w');
		expect(order).toHaveLength(1);
		await first;
		// Later visits, and other workflows, ask afresh.
		await early.recallSeen?.('d', 'w');
		await early.recallSeen?.('d', 'other');
		expect(order.slice(1)).toEqual(['recall d w (watches started: 1)', 'recall d other (watches started: 1)']);
	});

	it('without a way to recall (--no-state, --demo) there is none to hand out', () => {
		expect(startFirstWatchEarly(countingSource().base, 'd', 'w').recallSeen).toBeUndefined();
	});
});
