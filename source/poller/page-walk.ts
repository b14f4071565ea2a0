// Follows NextToken to the last page. A failed page is retried with the same token (pacedCall),
// so a walk never falls back to page one on a 429; only a token the server no longer accepts
// starts the walk over, once. Progress lives in a value the caller keeps, so a paused walk can
// carry on from its token.
import {classifyError, isExpiredTokenError} from '../aws/classify-error.js';

export interface WalkProgress<T> {
	items: T[];
	/** Position of each key in `items`: a key seen twice replaces its first copy. */
	positions: Map<string, number>;
	nextToken?: string;
	pages: number;
	restarted: boolean;
	done: boolean;
}

export function newWalk<T>(): WalkProgress<T> {
	return {items: [], positions: new Map(), nextToken: undefined, pages: 0, restarted: false, done: false};
}

export interface WalkOptions<T> {
	fetchPage(nextToken: string | undefined): Promise<{items: T[]; nextToken?: string}>;
	keyOf(item: T): string;
	onPage?(progress: WalkProgress<T>): void;
	onRestart?(progress: WalkProgress<T>): void;
	/** Stop after this many pages (progress keeps the token, so the next call carries on): a
	 * dashboard spreads one walk over several turns so no row waits behind a long one. */
	maxPages?: number;
}

export async function walkPages<T>(progress: WalkProgress<T>, options: WalkOptions<T>): Promise<T[]> {
	const stopAt = progress.pages + (options.maxPages ?? Number.POSITIVE_INFINITY);
	while (!progress.done && progress.pages < stopAt) {
		let page: {items: T[]; nextToken?: string};
		try {
			page = await options.fetchPage(progress.nextToken);
		} catch (thrown) {
			const error = classifyError(thrown);
			if (progress.nextToken !== undefined && !progress.restarted && isExpiredTokenError(error)) {
				Object.assign(progress, newWalk<T>(), {restarted: true});
				options.onRestart?.(progress);
				continue;
			}
			throw thrown;
		}
		for (const item of page.items) {
			const key = options.keyOf(item);
			const at = progress.positions.get(key);
			if (at === undefined) {
				progress.positions.set(key, progress.items.length);
				progress.items.push(item);
			} else {
				progress.items[at] = item;
			}
		}
		progress.pages++;
		progress.nextToken = page.nextToken;
		if (page.nextToken === undefined) progress.done = true;
		options.onPage?.(progress);
	}
	return progress.items;
}
