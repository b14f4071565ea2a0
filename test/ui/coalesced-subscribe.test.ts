import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createStore} from '../../source/poller/store.js';
import {coalescedSubscribe} from '../../source/ui/hooks/use-watch.js';

describe('coalescedSubscribe', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('passes the first change at once, then at most one per frame, and never drops the last', () => {
		const store = createStore({n: 0});
		const seen: number[] = [];
		coalescedSubscribe(store.subscribe, 100)(() => seen.push(store.get().n));
		store.set({n: 1});
		expect(seen).toEqual([1]);
		for (let n = 2; n <= 30; n++) {
			store.set({n});
			vi.advanceTimersByTime(10);
		}
		// 30 changes over 290 ms: the first, then one per 100 ms.
		expect(seen).toEqual([1, 11, 21]);
		vi.advanceTimersByTime(100);
		expect(seen).toEqual([1, 11, 21, 30]);
	});

	it('renders every change when the frame is 0 (tests), and stops on unsubscribe', () => {
		const store = createStore({n: 0});
		const seen: number[] = [];
		const unsubscribe = coalescedSubscribe(store.subscribe, 100)(() => seen.push(store.get().n));
		store.set({n: 1});
		store.set({n: 2});
		unsubscribe();
		vi.advanceTimersByTime(500);
		expect(seen).toEqual([1]);
		expect(coalescedSubscribe(store.subscribe, 0)).toBe(store.subscribe);
	});
});

describe('an urgent change', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('is passed on at once even inside a frame, and the frame starts again from it', () => {
		const store = createStore({n: 0, steps: 0});
		const seen: string[] = [];
		coalescedSubscribe(store.subscribe, 100, () => store.get().steps === 1 && !seen.some(s => s.endsWith('/1')))(() => seen.push(`${store.get().n}/${store.get().steps}`));
		store.set({n: 1});
		vi.advanceTimersByTime(10);
		// A request count changed 10 ms after the last frame: it waits for the frame.
		store.set({n: 2});
		expect(seen).toEqual(['1/0']);
		// The first steps do not.
		vi.advanceTimersByTime(10);
		store.set({steps: 1});
		expect(seen).toEqual(['1/0', '2/1']);
		store.set({n: 3});
		vi.advanceTimersByTime(99);
		expect(seen).toEqual(['1/0', '2/1']);
		vi.advanceTimersByTime(1);
		expect(seen).toEqual(['1/0', '2/1', '3/1']);
	});
});
