// A controller's state as React state: subscribed while mounted, polling only while on screen
// (a screen that is not shown costs no quota). In the CLI, changes reach React at most once per
// WatchFrameContext ms (the first at once, the rest on a trailing timer): a load at --max-rps 100
// changes the state on every request (the request count, the last success, a page), and each
// change was a whole frame for Ink to draw.
import {createContext, useContext, useEffect, useMemo, useSyncExternalStore} from 'react';
import type {Controller} from '../../poller/watch-state.js';

/** Least ms between two renders caused by a watch; 0 (tests, the default) renders every change. */
export const WatchFrameContext = createContext(0);

/** `urgent`: a change drawn at once whatever the frame (the first steps: a request count drawn
 * just before must not hold them back for up to a frame). */
export function coalescedSubscribe(subscribe: (listener: () => void) => () => void, frameMs: number, urgent?: () => boolean): (listener: () => void) => () => void {
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
			if (urgent?.()) {
				if (timer !== undefined) clearTimeout(timer);
				fire();
				return;
			}
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

/** `urgent(drawn, now)`: whether a change must be drawn at once (see coalescedSubscribe). */
export function useWatch<S>(controller: Controller<S>, urgent?: (drawn: S, now: S) => boolean): S {
	const frameMs = useContext(WatchFrameContext);
	useEffect(() => {
		controller.start();
		return () => controller.stop();
	}, [controller]);
	const subscribe = useMemo(() => {
		if (!urgent) return coalescedSubscribe(controller.subscribe, frameMs);
		// The state the last change passed on showed, to compare the next one with.
		let drawn = controller.getState();
		const coalesced = coalescedSubscribe(controller.subscribe, frameMs, () => urgent(drawn, controller.getState()));
		return (listener: () => void) =>
			coalesced(() => {
				drawn = controller.getState();
				listener();
			});
	}, [controller, frameMs, urgent]);
	return useSyncExternalStore(subscribe, controller.getState, controller.getState);
}
