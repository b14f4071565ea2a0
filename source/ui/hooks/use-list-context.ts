// Rows in display order as the reducer sees them. Nothing here is O(rows) per list: on 100,000
// steps a key array and a key-to-index Map cost hundreds of ms per filter, sort or loading frame
// (profiled), so keys are computed on demand, and a key is found by the identity of the row it named
// last time (a filter or sort reorders the same objects), falling back to one scan only when that
// row is gone (a new walk brings new objects). Keys are not kept per row: a WeakMap of 100,000
// entries cost more than building the few keys a key press needs.
import {useMemo, useRef} from 'react';
import type {ListContext} from '../../core/view-state.js';

/** `source`: what `items` were taken from, when each key is one object there (ListContext.source). */
export function useListContext<T>(items: readonly T[], keyOf: (item: T) => string, pageSize: number, source?: object): ListContext {
	const found = useRef<{key: string; item: T} | undefined>(undefined);
	const list = useMemo(() => {
		// Answers for this list, so a render that asks again costs nothing.
		const answers = new Map<string, number>();
		const indexOf = (key: string): number => {
			const known = answers.get(key);
			if (known !== undefined) return known;
			let index = -1;
			const last = found.current;
			if (last?.key === key) index = items.indexOf(last.item);
			if (index < 0) {
				for (let i = 0; i < items.length; i++) {
					if (keyOf(items[i]) === key) {
						index = i;
						break;
					}
				}
			}
			if (index >= 0) found.current = {key, item: items[index]};
			answers.set(key, index);
			return index;
		};
		return {
			count: items.length,
			keyAt: (i: number) => (i >= 0 && i < items.length ? keyOf(items[i]) : undefined),
			itemAt: (i: number) => (i >= 0 && i < items.length && typeof items[i] === 'object' && items[i] !== null ? (items[i] as object) : undefined),
			indexOf,
			source,
		};
	}, [items, keyOf, source]);
	return useMemo(() => ({...list, pageSize: Math.max(1, pageSize)}), [list, pageSize]);
}
