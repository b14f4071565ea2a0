// Keys for the screen on show: view intents go to the reducer with this screen's rows, effects
// (quit, pause, copy...) to the screen.
import {useInput, useStdin} from 'ink';
import {useRef, type MutableRefObject} from 'react';
import {keyIntents, type EffectIntent} from '../../core/keymap.js';
import {currentEntry, problemsActive, type ListContext, type ViewState} from '../../core/view-state.js';
import type {ViewDispatch} from './use-view-store.js';

export function useScreenKeys(options: {
	viewRef: MutableRefObject<ViewState>;
	dispatch: ViewDispatch;
	list: ListContext;
	/** The open overlay's lines (help or messages), which the movement keys scroll while it is open. */
	help: ListContext;
	/** The rows of a pane that takes the movement keys while open (the problems feed). */
	pane?: ListContext;
	onEffect(effect: EffectIntent): void;
}): void {
	const latest = useRef(options);
	latest.current = options;
	const {isRawModeSupported} = useStdin();
	useInput(
		(input, key) => {
			const {viewRef, dispatch, list, onEffect} = latest.current;
			const view = viewRef.current;
			const entry = currentEntry(view);
			const mode = {screen: entry.screen.kind, searching: view.searching, help: view.help || view.messages};
			for (const intent of keyIntents(input, key, mode)) {
				switch (intent.type) {
					case 'quit':
					case 'pause':
					case 'refresh':
					case 'copyName':
					case 'copyJson':
					case 'export':
					case 'stepsOnly':
					case 'workflowsOnly':
						onEffect(intent);
						break;
					default:
						// The state before this intent says whether the help is open ("?j" in one chunk scrolls it).
						dispatch(intent, rowsFor(viewRef.current, latest.current));
				}
				// Enter may have opened another screen: the rest of the chunk is not for these rows.
				if (intent.type === 'quit' || currentEntry(viewRef.current).screen !== entry.screen) return;
			}
		},
		// Without a TTY on stdin (ssh without -t, a pipe) useInput would throw; the screen still shows.
		{isActive: isRawModeSupported === true},
	);
}

function rowsFor(view: ViewState, options: {list: ListContext; help: ListContext; pane?: ListContext}): ListContext {
	if (view.help || view.messages) return options.help;
	if (options.pane !== undefined && problemsActive(view)) return options.pane;
	return options.list;
}
