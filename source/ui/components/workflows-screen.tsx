// The workflows of one domain as a live dashboard: every running workflow's progress, rate, ETA,
// failed and retrying steps and how old those numbers are (read in turn by the domain dashboard on
// the shared pace), finished ones with their final numbers, and the problems feed (P).
import React, {useCallback, useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import {formatAgo, formatDuration, formatRate, formatTime, TABLE_TIME_STEP_S} from '../../core/format.js';
import {listRows, type ColumnSpec} from '../../core/layout.js';
import {problemKey} from '../../core/problem-feed.js';
import {progressSummary, throughput} from '../../core/progress.js';
import type {ListOrder} from '../../core/list-view.js';
import {statusRank} from '../../core/step-sort.js';
import {sanitize} from '../../core/sanitize.js';
import {isFinalStatus, statusInfo} from '../../core/status.js';
import type {WorkflowSummary} from '../../core/step.js';
import {problemsActive} from '../../core/view-state.js';
import type {DashboardRow, DashboardState, ListWatch, WatchSource} from '../../poller/watch-state.js';
import {useListContext} from '../hooks/use-list-context.js';
import {useTableNow} from '../hooks/use-table-now.js';
import type {Theme} from '../theme.js';
import {ListScreen, type ListScreenProps, type RowWindow} from './list-screen.js';
import type {Segment} from './line.js';
import {ProblemsPane} from './problems-pane.js';

const BAR_WIDTH = 6;

// Dropped lowest rank first as the terminal narrows: the type (one value today) and creation time
// first; the progress, connector and problem counts last.
export const WORKFLOW_COLUMNS: readonly ColumnSpec[] = [
	{id: 'id', title: 'WORKFLOW', min: 11, preferred: 32, cutMiddle: true},
	{id: 'connector', title: 'CONNECTOR', min: 10, dropRank: 8},
	{id: 'type', title: 'TYPE', min: 19, dropRank: 1},
	{id: 'status', title: 'STATUS', min: 11},
	{id: 'progress', title: 'PROGRESS', min: 21, dropRank: 9},
	{id: 'rate', title: 'REC/S', min: 8, alignRight: true, dropRank: 4},
	{id: 'eta', title: 'ETA', min: 7, dropRank: 5},
	{id: 'problems', title: 'PROBLEMS', min: 8, dropRank: 7},
	{id: 'updated', title: 'CHANGED', min: 8, dropRank: 6, time: true},
	{id: 'age', title: 'AGE', min: 5, alignRight: true, dropRank: 6.5},
	{id: 'description', title: 'DESCRIPTION', min: 12, flex: true, dropRank: 3},
	{id: 'created', title: 'CREATED', min: 12, dropRank: 2, time: true},
];

const keyOf = (workflow: WorkflowSummary) => workflow.WorkflowId;
const problemEntryKey = problemKey;

type Shared = Omit<ListScreenProps<WorkflowSummary>, 'kind' | 'controller' | 'title' | 'columns' | 'keyOf' | 'cells' | 'emptyText' | 'onWindow' | 'searchText' | 'orders' | 'pane'>;

/** The pane's share of the rows under the title: enough to read, the table keeps the rest. */
function paneHeight(available: number): number {
	return Math.max(3, Math.min(available - 2, Math.floor(available * 0.45)));
}

const searchText = (workflow: WorkflowSummary) => `${workflow.WorkflowId} ${workflow.Status} ${workflow.StatusDescription ?? ''}`;

const ORDERS: readonly ListOrder<WorkflowSummary>[] = [
	{name: 'listed'},
	{name: 'created', compare: (a, b) => a.CreatedAt - b.CreatedAt},
	{name: 'updated', compare: (a, b) => a.LastUpdatedAt - b.LastUpdatedAt},
	{name: 'status', compare: (a, b) => statusRank(a.Status) - statusRank(b.Status)},
];

export function WorkflowsScreen(props: Shared & {source: WatchSource; domain: string}): React.JSX.Element {
	const {source, domain, ...shared} = props;
	const {theme, view, size} = shared;
	const list = useMemo(() => source.watchWorkflows(domain), [source, domain]);
	const dashboard = useMemo(() => source.watchDomainDashboard(domain), [source, domain]);
	// `r` reads the list and every running row again; the screen's other keys go to the list.
	const controller = useMemo<ListWatch<WorkflowSummary>>(() => ({...list, refresh: () => (list.refresh(), dashboard.refresh())}), [list, dashboard]);
	const paused = useSyncExternalStore(list.subscribe, () => list.getState().phase === 'paused');
	const board = useSyncExternalStore(dashboard.subscribe, dashboard.getState, dashboard.getState);

	useEffect(() => {
		const give = () => dashboard.setWorkflows(list.getState().items);
		give();
		const unsubscribe = list.subscribe(give);
		dashboard.start();
		return () => {
			unsubscribe();
			dashboard.stop();
		};
	}, [list, dashboard]);
	// Pausing is for sparing the quota: the dashboard pauses with the list.
	useEffect(() => {
		if ((dashboard.getState().phase === 'paused') !== paused) dashboard.togglePause();
	}, [dashboard, paused]);

	const onWindow = useCallback(
		(window: RowWindow<WorkflowSummary>) => {
			// Finished rows on screen are read once, the selected one first.
			const ids = [window.items[window.selected], ...window.items.slice(window.start, window.end)]
				.filter(item => item !== undefined && isFinalStatus(item.Status))
				.map(item => item.WorkflowId);
			dashboard.setWanted([...new Set(ids)]);
		},
		[dashboard],
	);

	const now = useTableNow(props.now, board.rowsVersion);
	const open = view.problemsOpen;
	const height = open ? paneHeight(listRows(size)) : 0;
	const paneList = useListContext(board.problems, problemEntryKey, Math.max(1, height - 1));
	const connectorOf = useCallback((id: string) => board.rows.get(id)?.workflow?.SourceConnectorType, [board.rows]);
	const walked = useMemo(() => [...board.rows.values()].filter(row => row.counts !== undefined).length, [board.rows]);
	const pane = open
		? {
				height,
				list: paneList,
				element: (
					<ProblemsPane
						problems={board.problems}
						connectorOf={connectorOf}
						selected={problemsActive(view) ? view.problemsIndex : 0}
						height={height}
						width={size.columns}
						now={now}
						timeMode={view.timeMode}
						theme={theme}
						walked={walked}
					/>
				),
			}
		: undefined;

	return (
		<ListScreen
			{...shared}
			kind="workflows"
			controller={controller}
			searchText={searchText}
			orders={ORDERS}
			title={titleOf(theme, domain, board, oldestAge(board.watched, board.rows, now), open)}
			columns={WORKFLOW_COLUMNS}
			keyOf={keyOf}
			emptyText="no workflows in this domain"
			onWindow={onWindow}
			pane={pane}
			cells={(workflow, _listNow, timeMode) => cellsOf(workflow, board.rows.get(workflow.WorkflowId), now, timeMode, theme)}
		/>
	);
}

function titleOf(theme: Theme, domain: string, board: DashboardState, oldestMs: number | undefined, open: boolean): Segment[] {
	const sep = theme.separator;
	const {runningTotal: running, queuedTotal: queued} = board;
	const problems = board.problems.length;
	const counts = running === 0 && queued === 0 ? 'none running' : [running > 0 ? `${running} running` : '', queued > 0 ? `${queued} queued` : ''].filter(Boolean).join(', ');
	const watching = board.watched.length < running + queued ? `${counts}, reading ${board.watched.length} in turn` : counts;
	const oldest = oldestMs === undefined ? '' : `${sep}oldest numbers ${formatDuration(oldestMs)}`;
	const feed = open ? '' : `${sep}P problems${problems > 0 ? ` (${problems})` : ''}`;
	return [
		{text: 'cp-watch', bold: theme.bold, color: theme.accent},
		{text: `${sep}${sanitize(domain)}${sep}workflows${sep}${watching}${oldest}${feed}${sep}Enter opens, Esc domains`},
	];
}

/** How old the stalest running row's numbers are: the fairness of the round robin, on screen. */
function oldestAge(watched: readonly string[], rows: ReadonlyMap<string, DashboardRow>, now: number): number | undefined {
	let oldest: number | undefined;
	for (const id of watched) {
		const readAt = rows.get(id)?.readAt;
		if (readAt !== undefined) oldest = Math.max(oldest ?? 0, now - readAt);
	}
	return oldest;
}

function cellsOf(workflow: WorkflowSummary, row: DashboardRow | undefined, now: number, timeMode: Parameters<typeof formatTime>[1], theme: Theme): Record<string, Segment> {
	const read = row?.workflow;
	// The list can lag a GetWorkflow that already saw the end: the fresher status wins.
	const status = read !== undefined && read.LastUpdatedAt >= workflow.LastUpdatedAt ? read.Status : workflow.Status;
	const info = statusInfo(status);
	const final = isFinalStatus(status);
	const rate = row === undefined || final ? {} : throughput(row.samples, read?.TotalSteps);
	const counts = row?.counts;
	const problemText = counts === undefined ? (row?.walking ? theme.ellipsis : '') : countsText(counts, theme);
	const changed = Math.max(workflow.LastUpdatedAt, read?.LastUpdatedAt ?? Number.NEGATIVE_INFINITY);
	return {
		id: {text: sanitize(workflow.WorkflowId)},
		connector: {text: sanitize(read?.SourceConnectorType ?? '')},
		type: {text: sanitize(workflow.WorkflowType), dim: theme.dim},
		status: {text: `${theme.glyph(status)} ${sanitize(info.label)}`, color: theme.status(status)},
		progress: {text: read ? progressSummary(read, BAR_WIDTH, theme.ascii) : ''},
		rate: {text: rate.recordsPerSecond === undefined ? '' : formatRate(rate.recordsPerSecond)},
		eta: {text: rate.etaMs === undefined ? '' : formatDuration(rate.etaMs)},
		problems: {text: problemText, color: counts !== undefined && counts.failed > 0 ? theme.error : counts !== undefined && counts.retrying > 0 ? theme.warning : undefined},
		updated: {text: formatTime(changed, timeMode, now, TABLE_TIME_STEP_S)},
		age: ageCell(row, final, now, theme),
		// A failed read says why where there is room; its numbers (if any) are from before.
		description: row?.error === undefined ? {text: sanitize(workflow.StatusDescription ?? '')} : {text: `read failed: ${sanitize(row.error.message)}`, color: theme.error},
		created: {text: formatTime(workflow.CreatedAt, timeMode, now, TABLE_TIME_STEP_S)},
	};
}

/** "✖2 ↻1", or "0" once the steps were read and none failed, retried or was cancelled. */
function countsText(counts: NonNullable<DashboardRow['counts']>, theme: Theme): string {
	const parts: string[] = [];
	if (counts.failed > 0) parts.push(`${theme.glyph('FAILED')}${counts.failed}`);
	if (counts.retrying > 0) parts.push(`${theme.glyph('RETRY')}${counts.retrying}`);
	if (counts.cancelled > 0) parts.push(`${theme.glyph('CANCELLED')}${counts.cancelled}`);
	return parts.length === 0 ? '0' : parts.join(' ');
}

/** How old the row's numbers are: seconds for a running row, "final" once they cannot change. */
function ageCell(row: DashboardRow | undefined, final: boolean, now: number, theme: Theme): Segment {
	if (row?.error !== undefined) return {text: '! err', color: theme.error};
	if (row?.readAt === undefined) return {text: row?.workflow !== undefined && final ? 'final' : '', dim: theme.dim};
	if (final) return {text: 'final', dim: theme.dim};
	return {text: formatAgo(row.readAt, now).replace(/ ago$/, '').replace('just now', '0s')};
}
