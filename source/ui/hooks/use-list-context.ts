// Rows in display order as the reducer sees them. The key index is built once per list, so a
// cursor move is a map lookup whatever the number of rows.
import {useMemo} from 'react';
import type {ListContext} from '../../core/view-state.js';

export function useListContext<T>(items: readonly T[], keyOf: (item: T) => string, pageSize: number): ListContext {
	const index = useMemo(() => {
		const keys = items.map(keyOf);
		return {keys, positions: new Map(keys.map((key, i) => [key, i]))};
	}, [items, keyOf]);
	return useMemo(
		() => ({
			count: index.keys.length,
			keyAt: (i: number) => index.keys[i],
			indexOf: (key: string) => index.positions.get(key) ?? -1,
			pageSize: Math.max(1, pageSize),
		}),
		[index, pageSize],
	);
}
