// The TUI: one view state (screen stack, cursor, filter, sort...) over the screen on show. Each
// screen owns its watch, so only what is on screen is polled.
import {Box, useStdout} from 'ink';
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {RecallSeen} from '../core/away-summary.js';
import type {Size} from '../core/layout.js';
import type {SortField, TimeMode} from '../core/preferences.js';
import type {Step} from '../core/step.js';
import {ProgressHistory} from '../core/progress.js';
import {sanitize} from '../core/sanitize.js';
import {osc52Copy} from '../core/terminal-escapes.js';
import {currentEntry, initialViewState} from '../core/view-state.js';
import type {ReplaySession} from '../journal/replay-source.js';
import type {WatchSource} from '../poller/watch-state.js';
import {DomainsScreen} from './components/domains-screen.js';
import {ReplayBar} from './components/replay-bar.js';
import type {Notice} from './components/status-line.js';
import {StepsScreen, type CopyText, type ExportView} from './components/steps-screen.js';
import {WorkflowsScreen} from './components/workflows-screen.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {useViewStore} from './hooks/use-view-store.js';
import {createTheme} from './theme.js';

export interface ViewPreferences {
	domain?: string;
	statusFilter: string[];
	sort: SortField;
	sortReverse: boolean;
	timeMode: TimeMode;
}

export interface AppProps {
	source: WatchSource;
	initial: {domain?: string; workflowId?: string};
	options: {
		ascii: boolean;
		color: boolean;
		statusFilter: string[];
		demoLabel?: string;
		sort?: SortField;
		sortReverse?: boolean;
		timeMode?: TimeMode;
		/** A problem found before the TUI started (an unreadable preferences file): shown in the
		 * status line for the first seconds, where it will be read. */
		startupWarning?: string;
	};
	onExit(code: number): void;
	/** For tests; otherwise the terminal's size, followed on resize. */
	size?: Size;
	/** For tests. */
	now?: () => number;
	/** Where OSC 52 goes when there is no `copyText`; stdout by default. */
	writeEscape?: (sequence: string) => void;
	/** y/Y: puts text on the clipboard and says what it did (cli/clipboard.ts); by default, OSC 52
	 * through writeEscape. */
	copyText?: CopyText;
	exportView?: (steps: readonly Step[], workflowId: string) => Promise<{csvPath: string; jsonPath: string}>;
	onPreferencesChange?: (prefs: ViewPreferences) => void;
	/** `cp-watch replay`: the source is the journal's, and a bar over the screens runs the player. */
	replay?: ReplaySession;
	/** The last look at a workflow (the state directory); none with --no-state. */
	recallSeen?: RecallSeen;
}

export function App(props: AppProps): React.JSX.Element {
	const {source, options} = props;
	const {stdout} = useStdout();
	const theme = useMemo(() => createTheme({color: options.color, ascii: options.ascii}), [options.color, options.ascii]);
	const terminalSize = useTerminalSize(props.size);
	// The replay bar takes the top line; the screens lay out in the rest.
	const size = useMemo(
		() => (props.replay ? {columns: terminalSize.columns, rows: Math.max(1, terminalSize.rows - 1)} : terminalSize),
		[props.replay, terminalSize.columns, terminalSize.rows],
	);
	const now = props.replay?.now ?? props.now ?? Date.now;
	const [view, dispatch, viewRef] = useViewStore(() =>
		initialViewState({
			domain: props.initial.domain,
			workflowId: props.initial.workflowId,
			statusFilter: options.statusFilter,
			sort: options.sort,
			sortReverse: options.sortReverse,
			timeMode: options.timeMode,
		}),
	);
	const entry = currentEntry(view);
	const screen = entry.screen;
	const domain = screen.kind === 'domains' ? undefined : screen.domain;

	const onExit = useRef(props.onExit);
	onExit.current = props.onExit;
	const onQuit = useCallback(() => onExit.current(0), []);
	const writeEscape = useCallback((sequence: string) => (props.writeEscape ?? (s => stdout.write(s)))(sequence), [props.writeEscape, stdout]);
	const copyText = useCallback<CopyText>(
		async text => {
			if (props.copyText) return props.copyText(text);
			writeEscape(osc52Copy(text));
			return {said: 'sent to the terminal clipboard (OSC 52)', failed: false};
		},
		[props.copyText, writeEscape],
	);
	// Rates per workflow for as long as the TUI runs, not per visit of its screen.
	const [progressHistory] = useState(() => new ProgressHistory());

	const onPreferencesChange = useRef(props.onPreferencesChange);
	onPreferencesChange.current = props.onPreferencesChange;
	const first = useRef(true);
	useEffect(() => {
		// Only what the user changed is worth a write; the first render is what was loaded.
		if (first.current) {
			first.current = false;
			return;
		}
		onPreferencesChange.current?.({
			domain,
			statusFilter: [...view.statusFilter],
			sort: view.sort,
			sortReverse: view.sortReverse,
			timeMode: view.timeMode,
		});
	}, [domain, view.statusFilter, view.sort, view.sortReverse, view.timeMode]);

	const [startupNotice] = useState<Notice | undefined>(() =>
		options.startupWarning ? {text: sanitize(options.startupWarning), time: now(), error: true} : undefined,
	);
	const traffic = useCallback(() => source.traffic(), [source]);
	const shared = {view, viewRef, dispatch, size, theme, now, demoLabel: options.demoLabel, onQuit, startupNotice, traffic, replay: props.replay !== undefined};
	const shown = screenOf();
	if (!props.replay) return shown;
	return (
		<Box flexDirection="column">
			<ReplayBar replay={props.replay} width={size.columns} theme={theme} timeMode={view.timeMode} keysActive={!view.searching && !view.help} />
			{shown}
		</Box>
	);

	function screenOf(): React.JSX.Element {
		switch (screen.kind) {
			case 'domains':
				return <DomainsScreen key="domains" {...shared} source={source} />;
			case 'workflows':
				return <WorkflowsScreen key={`workflows:${screen.domain}`} {...shared} source={source} domain={screen.domain} />;
			case 'steps':
				return (
					<StepsScreen
						key={`steps:${screen.domain}:${screen.workflowId}`}
						{...shared}
						source={source}
						domain={screen.domain}
						workflowId={screen.workflowId}
						copyText={copyText}
						progressHistory={progressHistory}
						recallSeen={props.recallSeen}
						exportView={props.exportView as ExportView | undefined}
					/>
				);
		}
	}
}
