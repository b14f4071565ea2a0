// A controller's state as React state: subscribed while mounted, polling only while on screen
// (a screen that is not shown costs no quota).
import {useEffect, useSyncExternalStore} from 'react';
import type {Controller} from '../../poller/watch-state.js';

export function useWatch<S>(controller: Controller<S>): S {
	useEffect(() => {
		controller.start();
		return () => controller.stop();
	}, [controller]);
	return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}
