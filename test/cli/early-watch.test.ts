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
