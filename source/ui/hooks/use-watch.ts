// A controller's state as React state: subscribed while mounted, polling only while on screen
// (a screen that is not shown costs no quota). In the CLI, changes reach React at most once per
// WatchFrameContext ms (the first at once, the rest on a trailing timer): a load at --max-rps 100
// changes the state on every request (the request count, the last success, a page), and each
// change was a whole frame for Ink to draw.
import {createContext, useContext, useEffect, useMemo, useSyncExternalStore} from 'react';
import type {Controller} from '../../poller/watch-state.js';

/** Least ms between two renders caused by a watch; 0 (tests, the default) renders every change. */
export const WatchFrameContext = createContext(0);

export function coalescedSubscribe(subscribe: (listener: () => void) => () => void, frameMs: number): (listener: () => void) => () => void {
	if (frameMs <= 0) return subscribe;
	return listener => {
		let last = Number.NEGATIVE_INFINITY;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const fire = () => {
			timer = undefined;
			last = Date.now();
			listener();
		};
		const unsubscribe = subscribe(() => {
			if (timer !== undefined) return;
			const wait = last + frameMs - Date.now();
			if (wait <= 0) fire();
			else timer = setTimeout(fire, wait);
		});
		return () => {
			if (timer !== undefined) clearTimeout(timer);
			unsubscribe();
		};
	};
}

export function useWatch<S>(controller: Controller<S>): S {
	const frameMs = useContext(WatchFrameContext);
	useEffect(() => {
		controller.start();
		return () => controller.stop();
	}, [controller]);
	const subscribe = useMemo(() => coalescedSubscribe(controller.subscribe, frameMs), [controller, frameMs]);
	return useSyncExternalStore(subscribe, controller.getState, controller.getState);
}
