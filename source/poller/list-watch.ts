// A polled list (the workflows of a domain, or the domains): every interval, page through it;
// the first load grows page by page, later rounds replace the list only when complete.
import type {Page} from '../aws/customer-profiles-api.js';
import {newWalk, walkPages, type WalkProgress} from './page-walk.js';
import {createPollLoop, type LoopContext} from './poll-loop.js';
import {restartBackoff} from './restart-backoff.js';
import {createStore} from './store.js';
import type {ListState, ListWatch} from './watch-state.js';

export interface ListSource<T> {
	fetchPage(nextToken: string | undefined, signal: AbortSignal): Promise<Page<T>>;
	keyOf(item: T): string;
}

export function createListWatch<T>(context: LoopContext, source: ListSource<T>): ListWatch<T> {
	const store = createStore<ListState<T>>({phase: 'loading', items: [], itemsVersion: 0, requests: 0, throttles: 0});
	let complete = false;
	// A round interrupted by pause or stop carries on from its token.
	let pending: WalkProgress<T> | undefined;

	return createPollLoop({
		store,
		context,
		settledPhase: () => (complete ? 'live' : 'loading'),
		async cycle(call, cycleSignal) {
			pending ??= newWalk<T>();
			const progress = pending;
			const firstLoad = !complete;
			const showPage = (walk: WalkProgress<T>) => {
				// A walk that started over (expired token) shows nothing until it is past what is on screen.
				if (firstLoad && !walk.done && walk.items.length >= store.get().items.length) {
					store.set({items: [...walk.items], itemsVersion: store.get().itemsVersion + 1});
				}
			};
			let items: T[];
			try {
				items = await walkPages(progress, {
					fetchPage: nextToken => call(signal => source.fetchPage(nextToken, signal)),
					keyOf: source.keyOf,
					onPage: showPage,
					onRestart: walk => restartBackoff({...context, signal: cycleSignal}, walk),
				});
			} catch (thrown) {
				// Only a pause or stop carries the walk on; after a lasting error (its token may be dead)
				// the next round starts from page one.
				if (!cycleSignal.aborted && pending === progress) pending = undefined;
				throw thrown;
			}
			// Two rounds can share a walk across a quick pause and resume: only one completes it.
			if (pending !== progress) return false;
			pending = undefined;
			complete = true;
			store.set({items, itemsVersion: store.get().itemsVersion + 1});
			return false;
		},
	});
}
