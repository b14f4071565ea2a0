import {existsSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createAwayMemory, SAVE_EVERY_MS} from '../../source/cli/away-memory.js';
import {stepKey} from '../../source/core/step.js';
import {openSeenStore} from '../../source/state/seen-store.js';
import {fakeController, step, watchState, workflow} from '../support/fake-watch-source.js';

const ID = 'b4c1f11e0d5a4c3e9f2a7b6c5d4e3f21';
let dir: string;
beforeEach(() => {
	dir = join(mkdtempSync(join(tmpdir(), 'cp-watch-memory-')), 'cp-watch');
	// Only the save interval is faked: the saves themselves run on real I/O.
	vi.useFakeTimers({toFake: ['setInterval', 'clearInterval']});
});
afterEach(() => {
	vi.useRealTimers();
	rmSync(join(dir, '..'), {recursive: true, force: true});
});

const file = () => join(dir, `retail-prod.${ID}.json.gz`);
async function eventually(predicate: () => boolean): Promise<void> {
	for (let i = 0; i < 500 && !predicate(); i++) await new Promise(resolve => setTimeout(resolve, 10));
	expect(predicate()).toBe(true);
}

describe('the away memory', () => {
	it('saves a complete walk every few minutes, and only when it changed', async () => {
		const memory = createAwayMemory(openSeenStore(dir), () => undefined);
		const watch = fakeController(watchState({steps: [step(0)], complete: false}));
		memory.follow('retail-prod', ID, watch);
		vi.advanceTimersByTime(SAVE_EVERY_MS);
		await new Promise(resolve => setTimeout(resolve, 50));
		// A first load still paging in is not a look.
		expect(existsSync(file())).toBe(false);

		watch.set({complete: true, lastSuccessAt: 5_000, workflow: workflow()});
		vi.advanceTimersByTime(SAVE_EVERY_MS - 1);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(existsSync(file())).toBe(false);
		vi.advanceTimersByTime(1);
		await eventually(() => existsSync(file()));
		const written = statSync(file()).mtimeMs;

		vi.advanceTimersByTime(SAVE_EVERY_MS);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(statSync(file()).mtimeMs).toBe(written);
		memory.close();
	});

	it('on the way out saves what it saw, and the next run recalls it', async () => {
		const first = createAwayMemory(openSeenStore(dir), () => undefined);
		first.follow('retail-prod', ID, fakeController(watchState({steps: [step(0, {Status: 'RETRY'})], complete: true, lastSuccessAt: 7_000})));
		first.flushSync();
		first.close();
		const next = createAwayMemory(openSeenStore(dir), () => undefined);
		const {seen} = await next.recall('retail-prod', ID);
		expect(seen?.seenAt).toBe(7_000);
		expect(seen?.steps.get(stepKey(step(0)))?.Status).toBe('RETRY');
		next.close();
	});

	it('coming back within a run recalls the look of this run, as it was at the call', async () => {
		const memory = createAwayMemory(openSeenStore(dir), () => undefined);
		const watch = fakeController(watchState({steps: [step(0, {Status: 'IN_PROGRESS'})], complete: true, lastSuccessAt: 1_000}));
		const unfollow = memory.follow('retail-prod', ID, watch);
		const recalled = memory.recall('retail-prod', ID);
		watch.set({steps: [step(0, {Status: 'COMPLETE'})], lastSuccessAt: 2_000});
		const {seen} = await recalled;
		expect(seen?.seenAt).toBe(1_000);
		expect(seen?.steps.get(stepKey(step(0)))?.Status).toBe('IN_PROGRESS');
		unfollow();
		expect(existsSync(file())).toBe(false);
		memory.close();
	});

	it('without a store (--no-state) it remembers and writes nothing', async () => {
		const memory = createAwayMemory(undefined, () => undefined);
		memory.follow('retail-prod', ID, fakeController(watchState({steps: [step(0)], complete: true, lastSuccessAt: 1})));
		memory.flushSync();
		expect(await memory.recall('retail-prod', ID)).toEqual({});
		expect(existsSync(dir)).toBe(false);
	});
});
