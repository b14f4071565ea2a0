// Follows NextToken to the last page. A failed page is retried with the same token (pacedCall),
// so a walk never falls back to page one on a 429; only a token the server no longer accepts
// starts the walk over. It starts over as long as that gets somewhere: a restart that reaches
// further than every attempt before it is progress; two restarts in a row that do not (the
// service expires tokens faster than this walk can follow them) end the walk with a 'gave-up'
// error, and so does the tenth restart. Progress lives in a value the caller keeps, so a paused
// walk can carry on from its token.
import {classifyError, isExpiredTokenError} from '../aws/classify-error.js';
import type {ApiError} from '../core/api-error.js';

export const MAX_WALK_RESTARTS = 10;
const MAX_RESTARTS_WITHOUT_PROGRESS = 2;

export interface WalkProgress<T> {
	items: T[];
	/** Position of each key in `items`: a key seen twice replaces its first copy. */
	positions: Map<string, number>;
	nextToken?: string;
	pages: number;
	/** Times the walk started over on an expired token, and the most items any attempt reached. */
	restarts: number;
	furthest: number;
	/** Restarts in a row that got no further than `furthest`. */
	stalls: number;
	done: boolean;
}

export function newWalk<T>(): WalkProgress<T> {
	return {items: [], positions: new Map(), nextToken: undefined, pages: 0, restarts: 0, furthest: 0, stalls: 0, done: false};
}

export interface WalkOptions<T> {
	fetchPage(nextToken: string | undefined): Promise<{items: T[]; nextToken?: string}>;
	keyOf(item: T): string;
	onPage?(progress: WalkProgress<T>): void;
	/** Called before the walk starts over; the walk waits for it (a backoff). */
	onRestart?(progress: WalkProgress<T>, error: ApiError): Promise<void> | void;
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
			if (progress.nextToken === undefined || !isExpiredTokenError(error)) throw thrown;
			const reached = progress.items.length;
			const gotFurther = reached > progress.furthest;
			const restarts = progress.restarts + 1;
			const stalls = gotFurther ? 0 : progress.stalls + 1;
			const furthest = Math.max(progress.furthest, reached);
			if (stalls >= MAX_RESTARTS_WITHOUT_PROGRESS || restarts > MAX_WALK_RESTARTS) throw gaveUp(error, restarts - 1, furthest);
			Object.assign(progress, newWalk<T>(), {restarts, furthest, stalls});
			await options.onRestart?.(progress, error);
			continue;
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

function gaveUp(error: ApiError, restarts: number, furthest: number): ApiError {
	const times = restarts === 1 ? 'once' : `${restarts} times`;
	return {
		kind: 'gave-up',
		code: error.code,
		message: `gave up: the paging token kept expiring before the walk reached the last page (started over ${times}; the furthest got ${furthest.toLocaleString('en-US')} items); the service said: ${error.message.replace(/^bad request: /, '')}`,
		retryable: false,
	};
}
