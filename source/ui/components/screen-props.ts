// What every screen receives from the App: the shared view state and its dispatch, the terminal
// size, the theme and the clock. Screens add only what is theirs.
import type {MutableRefObject} from 'react';
import type {Size} from '../../core/layout.js';
import type {ViewState} from '../../core/view-state.js';
import type {ViewDispatch} from '../hooks/use-view-store.js';
import type {Traffic} from '../../poller/watch-state.js';
import type {Theme} from '../theme.js';
import type {Notice} from './status-line.js';

export interface ScreenProps {
	view: ViewState;
	viewRef: MutableRefObject<ViewState>;
	dispatch: ViewDispatch;
	size: Size;
	theme: Theme;
	now: () => number;
	demoLabel?: string;
	/** Requests sent by every watch together, for the status line. */
	traffic: () => Traffic;
	/** Shown in the status line like any notice, from the start. */
	startupNotice?: Notice;
	/** `cp-watch replay`: the help lists the timeline keys instead of polling's. */
	replay?: boolean;
	onQuit(): void;
}
