// Starts the TUI. Incremental rendering rewrites only changed lines (a one-row change costs about
// 330 bytes instead of 4,000); the CLI's terminal session owns Ctrl-C, the alternate screen and
// restoring the terminal, so Ink must not exit or patch the console on its own. Keys Ink cannot
// parse are dropped before it reads them (see unknown-key-filter.ts).
import {render, type Instance} from 'ink';
import React from 'react';
import {App, type AppProps} from './app.js';
import {WatchFrameContext} from './hooks/use-watch.js';
import {cleanRedrawOnNarrowing} from './clear-on-narrow.js';
import {withIncrementalCursorFix} from './incremental-cursor-fix.js';
import {withUnknownKeysDropped} from './unknown-key-filter.js';

/** Ink's own frame limit (30 by default): a change within 33 ms of the last frame waited for the
 * next, and the first steps of a load often did (a CPU profile of the first frame). Polling is held
 * to ten frames a second before it reaches Ink (use-watch.ts), so this bounds only what keys ask. */
const MAX_FPS = 60;

export interface AppStreams {
	stdout?: NodeJS.WriteStream;
	stdin?: NodeJS.ReadStream;
	stderr?: NodeJS.WriteStream;
}

/** `watchFrameMs`: the least time between two renders caused by polling (see use-watch.ts). */
export function renderApp(props: AppProps, streams: AppStreams = {}, watchFrameMs = 0): Instance {
	const narrowing = cleanRedrawOnNarrowing(withIncrementalCursorFix(streams.stdout ?? process.stdout));
	const stdin = withUnknownKeysDropped(streams.stdin ?? process.stdin);
	const {stdout} = narrowing;
	return narrowing.whileInkStarts(() =>
		render(
			<WatchFrameContext.Provider value={watchFrameMs}>
				<App {...props} />
			</WatchFrameContext.Provider>,
			{incrementalRendering: true, maxFps: MAX_FPS, exitOnCtrlC: false, patchConsole: false, ...streams, stdout, stdin},
		),
	);
}
