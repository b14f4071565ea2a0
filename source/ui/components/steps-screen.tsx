// The main screen: header, filter line, the windowed step table, the detail pane, status line.
import {Box} from 'ink';
import React, {useCallback, useMemo, useState} from 'react';
import type {EffectIntent} from '../../core/keymap.js';
import {stepsLayout, tooSmall} from '../../core/layout.js';
import {sanitize} from '../../core/sanitize.js';
import {stepToJson} from '../../core/step-json.js';
import {stepKey, type Step} from '../../core/step.js';
import {osc52Copy} from '../../core/terminal-escapes.js';
import {currentEntry, cursorIndex} from '../../core/view-state.js';
import {visibleWindow} from '../../core/visible-window.js';
import {formatCount} from '../../core/format.js';
import type {WatchSource} from '../../poller/watch-state.js';
import {useListContext} from '../hooks/use-list-context.js';
import {usePinnedSelection} from '../hooks/use-pinned-selection.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useStepView} from '../hooks/use-step-view.js';
import {useTableNow} from '../hooks/use-table-now.js';
import {useThroughput} from '../hooks/use-throughput.js';
import {useWorkflowSteps} from '../hooks/use-workflow-steps.js';
import {DetailPane} from './detail-pane.js';
import {FilterLine} from './filter-line.js';
import {HelpOverlay, helpList} from './help-overlay.js';
import {Line} from './line.js';
import {EMPTY_TEXT, emptyReason, StatusLine, type Notice} from './status-line.js';
import {StepHeader} from './step-header.js';
import {StepRow, StepTableHeader} from './step-row.js';
import type {ScreenProps} from './screen-props.js';
import {TooSmall} from './too-small.js';

export type ExportView = (steps: readonly Step[], workflowId: string) => Promise<{csvPath: string; jsonPath: string}>;

export interface StepsScreenProps extends ScreenProps {
	source: WatchSource;
	domain: string;
	workflowId: string;
	writeEscape(sequence: string): void;
	exportView?: ExportView;
}

export function StepsScreen(props: StepsScreenProps): React.JSX.Element {
	const {source, domain, workflowId, view, viewRef, dispatch, size, theme} = props;
	const {state, controller} = useWorkflowSteps(source, domain, workflowId);
	const {rows, counts} = useStepView(state.steps, view.statusFilter, view.search, view.sort, view.sortReverse);
	const layout = useMemo(() => stepsLayout(size, view.detailOpen), [size.columns, size.rows, view.detailOpen]);
	const list = useListContext(rows, stepKey, layout.tableRows);
	const throughput = useThroughput(state.workflow, state.lastSuccessAt);
	const [notice, setNotice] = useState<Notice | undefined>(props.startupNotice);

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
					controller.refresh();
					return;
				case 'copyName':
				case 'copyJson': {
					const step = selectedStep();
					if (!step) return say('nothing to copy', true);
					props.writeEscape(osc52Copy(effect.type === 'copyName' ? step.FlowName : JSON.stringify(stepToJson(step))));
					say(effect.type === 'copyName' ? `copied ${sanitize(step.FlowName)}` : 'copied the step as JSON');
					return;
				}
				case 'export': {
					if (!props.exportView) return say('export is not available here', true);
					const steps = rows;
					props.exportView(steps, workflowId).then(
						({csvPath, jsonPath}) =>
							say(`exported ${formatCount(steps.length)} step${steps.length === 1 ? '' : 's'} to ${sanitize(csvPath)} and ${sanitize(jsonPath)}`),
						(error: unknown) => say(`export failed: ${sanitize(error instanceof Error ? error.message : String(error))}`, true),
					);
				}
			}
		},
		[controller, selectedStep, rows, workflowId, props.onQuit, props.writeEscape, props.exportView, props.now],
	);
	const bodyHeight = layout.height - 4;
	const help = useMemo(() => helpList(bodyHeight), [bodyHeight]);
	useScreenKeys({viewRef, dispatch, list, help, onEffect});
	usePinnedSelection(viewRef, dispatch, list, state.phase === 'loading');

	const tableNow = useTableNow(props.now, state.stepsVersion);

	const need = tooSmall(size);
	if (need) return <TooSmall size={size} need={need} />;

	const {cursor} = currentEntry(view);
	const selected = cursorIndex(cursor, list);
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
			/>,
		);
	}
	if (list.count === 0) {
		const reason = emptyReason(state);
		const why =
			state.steps.length > 0
				? 'no step matches the filter (0 clears it, Esc clears the search)'
				: reason === 'loading'
					? 'loading steps'
					: reason === 'empty'
						? 'no steps yet'
						: EMPTY_TEXT[reason];
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
		<DetailPane
			step={rows[selected]}
			placement={layout.detail.placement}
			width={layout.detail.width}
			height={layout.detail.height}
			scroll={view.detailScroll}
			timeMode={view.timeMode}
			now={tableNow}
			theme={theme}
		/>
	) : null;
	const workflowStatus = state.workflow?.Status;
	return (
		<Box flexDirection="column">
			<StepHeader domain={domain} workflowId={workflowId} workflow={state.workflow} throughput={throughput} width={size.columns} theme={theme} />
			<FilterLine
				counts={counts}
				statusFilter={view.statusFilter}
				search={view.search}
				searching={view.searching}
				sort={view.sort}
				sortReverse={view.sortReverse}
				shown={rows.length}
				width={size.columns}
				theme={theme}
			/>
			{view.help ? (
				<HelpOverlay width={size.columns} height={bodyHeight} scroll={view.helpScroll} theme={theme} />
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
				doneLabel={workflowStatus ? `done${theme.separator}workflow ${sanitize(workflowStatus)}` : 'done'}
				loadingDetail={
					// GetWorkflow's TotalSteps is known before the first page: say how far the load is.
					state.workflow?.TotalSteps === undefined
						? `${formatCount(state.steps.length)} steps so far`
						: `${formatCount(state.steps.length)} of ${formatCount(state.workflow.TotalSteps)} steps`
				}
			/>
		</Box>
	);
}
