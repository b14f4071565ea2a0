// The main screen: header, filter line, the windowed step table, the detail pane, status line.
import {Box} from 'ink';
import React, {useCallback, useEffect, useMemo, useState} from 'react';
import type {RecallSeen} from '../../core/away-summary.js';
import type {EffectIntent} from '../../core/keymap.js';
import {detailRoom, stepsLayout, tooSmall} from '../../core/layout.js';
import {stepTotals, type ProgressHistory} from '../../core/progress.js';
import {cellWidth, sanitize} from '../../core/sanitize.js';
import {stepToJson} from '../../core/step-json.js';
import {stepKey, type Step} from '../../core/step.js';
import {currentEntry, cursorIndex} from '../../core/view-state.js';
import {visibleWindow} from '../../core/visible-window.js';
import {countColumnFormat, formatWhole} from '../../core/format.js';
import type {WatchSource} from '../../poller/watch-state.js';
import {useListContext} from '../hooks/use-list-context.js';
import {usePinnedSelection} from '../hooks/use-pinned-selection.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useSinceLast, type SinceLast} from '../hooks/use-since-last.js';
import {useStepView} from '../hooks/use-step-view.js';
import {useTableNow} from '../hooks/use-table-now.js';
import {useThroughput} from '../hooks/use-throughput.js';
import {useWorkflowSteps} from '../hooks/use-workflow-steps.js';
import {DetailPane, detailLines} from './detail-pane.js';
import {FilterLine} from './filter-line.js';
import {HELP_TITLE, helpLines, REPLAY_READS_NOTHING} from './help-overlay.js';
import {SinceLastBanner} from './since-last-banner.js';
import {Line} from './line.js';
import {MESSAGES_TITLE, messageLines} from './message-lines.js';
import {NO_LINES, Overlay, overlayList} from './overlay.js';
import {EMPTY_TEXT, emptyReason, REPLAY_LIVE_LABEL, StatusLine, type Notice} from './status-line.js';
import {StepHeader} from './step-header.js';
import {StepRow, StepTableHeader} from './step-row.js';
import type {ScreenProps} from './screen-props.js';
import {TooSmall} from './too-small.js';

const NO_KEYS: ReadonlySet<string> = new Set();

/** Why the table is empty with `a` on, when that is the reason. */
function sinceLastEmpty(sinceLast: SinceLast, kept: boolean): string | undefined {
	if (!kept) return 'no last look is kept in this run (--demo and --no-state keep none; Esc clears a)';
	if (!sinceLast.summary) {
		return sinceLast.known ? 'comparing with the last look once the steps are in' : 'nothing to compare: this is the first look at this workflow (Esc clears a)';
	}
	return sinceLast.summary.changedKeys.size === 0 ? 'no step changed since you last looked (Esc clears a)' : undefined;
}

export type ExportView = (steps: readonly Step[], workflowId: string) => Promise<{csvPath: string; jsonPath: string}>;

/** What a copy did, in words for the status line ("copied to the tmux buffer..."); `failed` when a
 * part of it did not happen. */
export interface CopyReport {
	said: string;
	failed: boolean;
}

export type CopyText = (text: string) => Promise<CopyReport>;

export interface StepsScreenProps extends ScreenProps {
	source: WatchSource;
	domain: string;
	workflowId: string;
	copyText: CopyText;
	exportView?: ExportView;
	/** Records/s samples per workflow, kept by the App for as long as it runs. */
	progressHistory: ProgressHistory;
	/** The last look at a workflow, for the "since you last looked" banner and `a`. */
	recallSeen?: RecallSeen;
}

/** "./a-20261201T101500Z.csv and .json" when the two paths differ only in their extension. */
function exportedNames(csvPath: string, jsonPath: string): string {
	const stem = csvPath.replace(/\.csv$/, '');
	return jsonPath === `${stem}.json` ? `${csvPath} and .json` : `${csvPath} and ${jsonPath}`;
}

/** The widest FlowName and records value, for the column widths; once per walk. */
function columnNeeds(steps: readonly Step[]): {nameCells: number; maxRecords: number} {
	let nameLength = 0;
	let maxRecords = 0;
	let longest = '';
	for (const step of steps) {
		if (step.FlowName.length > nameLength) {
			nameLength = step.FlowName.length;
			longest = step.FlowName;
		}
		if (step.RecordsProcessed > maxRecords) maxRecords = step.RecordsProcessed;
	}
	return {nameCells: cellWidth(sanitize(longest)), maxRecords};
}

export function StepsScreen(props: StepsScreenProps): React.JSX.Element {
	const {source, domain, workflowId, view, viewRef, dispatch, size, theme} = props;
	const {state, controller} = useWorkflowSteps(source, domain, workflowId);
	const sinceLast = useSinceLast(props.recallSeen, domain, workflowId, state);
	// With `a` on before the comparison is ready (or with nothing to compare), no step qualifies.
	const only = view.sinceLastOnly ? (sinceLast.summary?.changedKeys ?? NO_KEYS) : undefined;
	const {rows, counts, allCounts} = useStepView(state.steps, view.statusFilter, view.search, view.sort, view.sortReverse, only);
	const bannerLines = sinceLast.known ? 1 : 0;
	const needs = useMemo(() => columnNeeds(state.steps), [state.steps]);
	const formatRecords = useMemo(() => countColumnFormat(needs.maxRecords), [needs.maxRecords]);
	const recordsCells = cellWidth(formatRecords(needs.maxRecords));
	const layout = useMemo(
		() => stepsLayout({columns: size.columns, rows: size.rows - bannerLines}, view.detailOpen, {timeMode: view.timeMode, nameCells: needs.nameCells, recordsCells}),
		[size.columns, size.rows, bannerLines, view.detailOpen, view.timeMode, needs.nameCells, recordsCells],
	);
	const rowList = useListContext(rows, stepKey, layout.tableRows, state.steps);
	const throughput = useThroughput(props.progressHistory, `${domain}\u0000${workflowId}`, state.workflow, state.lastSuccessAt);
	const [notice, setNotice] = useState<Notice | undefined>(props.startupNotice);
	const tableNow = useTableNow(props.now, state.stepsVersion);
	useEffect(() => {
		if (sinceLast.warning) setNotice({text: sanitize(sinceLast.warning), time: props.now(), error: true});
	}, [sinceLast.warning]);

	const {cursor} = currentEntry(view);
	const selected = cursorIndex(cursor, rowList);
	// The pane's extent goes with the rows, so J/K stop at its ends and never step past what it shows.
	const paneLines = useMemo(
		() => (layout.detail && rows[selected] ? detailLines(rows[selected], layout.detail.width - (layout.detail.placement === 'beside' ? 2 : 0), view.timeMode, tableNow, theme) : undefined),
		[layout.detail, rows, selected, view.timeMode, tableNow, theme],
	);
	const list = useMemo(() => {
		if (!layout.detail || !paneLines) return rowList;
		const {room} = detailRoom(paneLines.length, layout.detail.height, layout.detail.placement);
		return {...rowList, detail: {lines: paneLines.length, room}};
	}, [rowList, layout.detail, paneLines]);

	const selectedStep = useCallback((): Step | undefined => rows[cursorIndex(currentEntry(viewRef.current).cursor, list)], [rows, list, viewRef]);
	const onEffect = useCallback(
		(effect: EffectIntent) => {
			const say = (text: string, error = false) => setNotice({text, time: props.now(), error});
			switch (effect.type) {
				case 'quit':
					props.onQuit();
					return;
				case 'pause':
					controller.togglePause();
					return;
				case 'refresh':
					if (props.replay) say(REPLAY_READS_NOTHING);
					else controller.refresh();
					return;
				case 'copyName':
				case 'copyJson': {
					const step = selectedStep();
					if (!step) return say('nothing to copy', true);
					const what = effect.type === 'copyName' ? sanitize(step.FlowName) : 'the step as JSON';
					props.copyText(effect.type === 'copyName' ? step.FlowName : JSON.stringify(stepToJson(step))).then(
						report => say(`${what} ${report.said}`, report.failed),
						(error: unknown) => say(`${what} not copied: ${sanitize(error instanceof Error ? error.message : String(error))}`, true),
					);
					return;
				}
				case 'workflowsOnly':
					return say(`${sanitize(effect.key)} opens the problems feed on the workflows screen: Esc goes back to it`);
				case 'stepsOnly':
					return say(`${sanitize(effect.key)} works on the steps of a workflow: Enter opens one`);
				case 'export': {
					if (!props.exportView) return say('export is not available here', true);
					const steps = rows;
					props.exportView(steps, workflowId).then(
						({csvPath, jsonPath}) =>
							say(`exported ${formatWhole(steps.length)} step${steps.length === 1 ? '' : 's'} to ${sanitize(exportedNames(csvPath, jsonPath))}`),
						(error: unknown) => say(`export failed: ${sanitize(error instanceof Error ? error.message : String(error))}`, true),
					);
				}
			}
		},
		[controller, selectedStep, rows, workflowId, props.onQuit, props.copyText, props.exportView, props.now, props.replay],
	);
	const bodyHeight = layout.height - 4;
	// Built only while open: the help's lines cost about 40 ms on the first frame (every width
	// measured cold), and the messages change with every poll.
	const messagesFrom = view.messages ? state : undefined;
	const overlayLines = useMemo(
		() =>
			messagesFrom
				? messageLines(messagesFrom, [props.startupNotice === notice ? undefined : props.startupNotice, notice], size.columns, theme)
				: view.help
					? helpLines('steps', theme, size.columns, props.replay)
					: NO_LINES,
		[messagesFrom, view.help, notice, props.startupNotice, size.columns, theme, props.replay],
	);
	const overlay = useMemo(() => overlayList(overlayLines.length, bodyHeight), [overlayLines.length, bodyHeight]);
	useScreenKeys({viewRef, dispatch, list, help: overlay, onEffect});
	usePinnedSelection(viewRef, dispatch, list, state.phase === 'loading');

	const need = tooSmall(size);
	if (need) return <TooSmall size={size} need={need} theme={theme} />;

	const {start, end} = visibleWindow(list.count, selected, layout.tableRows, cursor.top);
	const tableLines: React.JSX.Element[] = [];
	for (let i = start; i < end; i++) {
		const step = rows[i];
		const key = stepKey(step);
		tableLines.push(
			<StepRow
				key={key}
				step={step}
				selected={i === selected}
				changed={state.changedKeys.has(key)}
				columns={layout.columns}
				width={layout.tableWidth}
				timeMode={view.timeMode}
				now={tableNow}
				theme={theme}
				formatRecords={formatRecords}
			/>,
		);
	}
	if (list.count === 0) {
		const reason = emptyReason(state);
		const why =
			(view.sinceLastOnly ? sinceLastEmpty(sinceLast, props.recallSeen !== undefined) : undefined) ??
			(state.steps.length > 0
				? 'no step matches the filter (0 clears it, Esc clears the search)'
				: reason === 'loading'
					? 'loading steps'
					: reason === 'empty'
						? 'no steps yet'
						: EMPTY_TEXT[reason]);
		tableLines.push(<Line key="empty" width={layout.tableWidth} segments={[{text: `   ${why}`, dim: theme.dim}]} />);
	}
	for (let i = tableLines.length; i < layout.tableRows; i++) tableLines.push(<Line key={`pad${i}`} width={layout.tableWidth} segments={[]} />);

	const table = (
		<Box flexDirection="column" width={layout.tableWidth}>
			<StepTableHeader columns={layout.columns} width={layout.tableWidth} theme={theme} />
			{tableLines}
		</Box>
	);
	const detail = layout.detail ? (
		<DetailPane lines={paneLines} placement={layout.detail.placement} width={layout.detail.width} height={layout.detail.height} scroll={view.detailScroll} theme={theme} />
	) : null;
	const workflowStatus = state.workflow?.Status;
	const totals = stepTotals(state.workflow ?? {}, allCounts, state.steps.length);
	return (
		<Box flexDirection="column">
			<StepHeader
				domain={domain}
				workflowId={workflowId}
				workflow={state.workflow}
				totals={totals}
				throughput={throughput}
				errorKind={state.error?.kind}
				width={size.columns}
				theme={theme}
			/>
			{sinceLast.known ? (
				<SinceLastBanner summary={sinceLast.summary} only={view.sinceLastOnly} timeMode={view.timeMode} now={tableNow} width={size.columns} theme={theme} />
			) : null}
			<FilterLine
				counts={counts}
				statusFilter={view.statusFilter}
				search={view.search}
				searching={view.searching}
				sort={view.sort}
				sortReverse={view.sortReverse}
				sinceLast={view.sinceLastOnly}
				shown={rows.length}
				width={size.columns}
				theme={theme}
			/>
			{view.help || view.messages ? (
				<Overlay title={view.messages ? MESSAGES_TITLE : HELP_TITLE} lines={overlayLines} width={size.columns} height={bodyHeight} scroll={view.helpScroll} theme={theme} />
			) : layout.detail?.placement === 'beside' ? (
				<Box flexDirection="row">
					{table}
					<Box marginLeft={1}>{detail}</Box>
				</Box>
			) : (
				<>
					{table}
					{detail}
				</>
			)}
			<StatusLine
				status={state}
				width={size.columns}
				now={props.now}
				theme={theme}
				notice={notice}
				demoLabel={props.demoLabel}
				traffic={props.traffic}
				liveLabel={props.replay ? REPLAY_LIVE_LABEL : undefined}
				doneLabel={workflowStatus ? `done${theme.separator}workflow ${sanitize(workflowStatus)}` : 'done'}
				loadingDetail={
					// GetWorkflow's TotalSteps is known before the first page: say how far the load is.
					state.workflow?.TotalSteps === undefined
						? `${formatWhole(state.steps.length)} steps so far`
						: `${formatWhole(state.steps.length)} of ${formatWhole(state.workflow.TotalSteps)} steps`
				}
			/>
		</Box>
	);
}
