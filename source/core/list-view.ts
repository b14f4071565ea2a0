// The rows of a domains or workflows list as shown: searched and sorted like the steps, by what each
// screen says its rows' text and orders are.

export interface ListOrder<T> {
	/** Said in the title line: "sort created↑". */
	name: string;
	/** Without one, rows stay in the order the API listed them. */
	compare?(a: T, b: T): number;
}

/** The order at `index` (the reducer counts presses; the screen knows how many orders it has). */
export function listOrderAt<T>(orders: readonly ListOrder<T>[], index: number): ListOrder<T> {
	return orders[((index % orders.length) + orders.length) % orders.length];
}

export function listView<T>(items: readonly T[], search: string, text: (item: T) => string, order: ListOrder<T>, reverse: boolean): readonly T[] {
	const needle = search.toLowerCase();
	const found = needle === '' ? items : items.filter(item => text(item).toLowerCase().includes(needle));
	if (!order.compare && !reverse) return found;
	const {compare} = order;
	// Stable: equal rows keep the API's order, reversed or not.
	const indexed = found.map((item, i) => [item, i] as const);
	indexed.sort(([a, i], [b, j]) => {
		const by = compare ? compare(a, b) : 0;
		return (reverse ? -by : by) || (reverse && !compare ? j - i : i - j);
	});
	return indexed.map(([item]) => item);
}
