// The workflows of one domain, live; the selected and the running ones on screen with progress.
import React, {useCallback, useMemo, useState, useSyncExternalStore} from 'react';
import {formatTime, TABLE_TIME_STEP_S} from '../../core/format.js';
import type {ColumnSpec} from '../../core/layout.js';
import type {ListOrder} from '../../core/list-view.js';
import {statusRank} from '../../core/step-sort.js';
import {probeTargets, sameTargets} from '../../core/probe-targets.js';
import {progressSummary} from '../../core/progress.js';
import {sanitize} from '../../core/sanitize.js';
import {statusInfo} from '../../core/status.js';
import type {WorkflowSummary} from '../../core/step.js';
import type {WatchSource} from '../../poller/watch-state.js';
import {useWorkflowProbes} from '../hooks/use-workflow-probes.js';
import {ListScreen, type ListScreenProps, type RowWindow} from './list-screen.js';

// ListWorkflows has no metrics: each progress costs one GetWorkflow per interval, so a domain with
// many running workflows costs at most this many more requests per interval.
export const MAX_PROBES = 5;
const BAR_WIDTH = 8;

const COLUMNS: readonly ColumnSpec[] = [
	{id: 'id', title: 'WORKFLOW', min: 20, preferred: 32, cutMiddle: true},
	{id: 'status', title: 'STATUS', min: 11},
	{id: 'progress', title: 'PROGRESS', min: 21, dropRank: 4},
	// The description says what a workflow is doing: it takes the width the times do not need.
	{id: 'description', title: 'DESCRIPTION', min: 20, flex: true, dropRank: 3},
	{id: 'created', title: 'CREATED', min: 12, dropRank: 1, time: true},
	{id: 'updated', title: 'UPDATED', min: 12, dropRank: 2, time: true},
];

const keyOf = (workflow: WorkflowSummary) => workflow.WorkflowId;

type Shared = Omit<ListScreenProps<WorkflowSummary>, 'kind' | 'controller' | 'title' | 'columns' | 'keyOf' | 'cells' | 'emptyText' | 'onWindow' | 'searchText' | 'orders'>;

const searchText = (workflow: WorkflowSummary) => `${workflow.WorkflowId} ${workflow.Status} ${workflow.StatusDescription ?? ''}`;

const ORDERS: readonly ListOrder<WorkflowSummary>[] = [
	{name: 'listed'},
	{name: 'created', compare: (a, b) => a.CreatedAt - b.CreatedAt},
	{name: 'updated', compare: (a, b) => a.LastUpdatedAt - b.LastUpdatedAt},
	{name: 'status', compare: (a, b) => statusRank(a.Status) - statusRank(b.Status)},
];

export function WorkflowsScreen(props: Shared & {source: WatchSource; domain: string}): React.JSX.Element {
	const {source, domain, ...shared} = props;
	const controller = useMemo(() => source.watchWorkflows(domain), [source, domain]);
	const {theme} = shared;
	const paused = useSyncExternalStore(controller.subscribe, () => controller.getState().phase === 'paused');
	const [targets, setTargets] = useState<readonly string[]>([]);
	const onWindow = useCallback((window: RowWindow<WorkflowSummary>) => {
		const next = probeTargets(window.items, window.selected, window.start, window.end, MAX_PROBES);
		setTargets(previous => (sameTargets(previous, next) ? previous : next));
	}, []);
	const probes = useWorkflowProbes(source, domain, targets, paused);
	return (
		<ListScreen
			{...shared}
			kind="workflows"
			controller={controller}
			searchText={searchText}
			orders={ORDERS}
			title={[
				{text: 'cp-watch', bold: theme.bold, color: theme.accent},
				{text: `${theme.separator}${sanitize(domain)}${theme.separator}workflows${theme.separator}Enter opens, Esc domains`},
			]}
			columns={COLUMNS}
			keyOf={keyOf}
			emptyText="no workflows in this domain"
			onWindow={onWindow}
			cells={(workflow, now, timeMode) => {
				const info = statusInfo(workflow.Status);
				const probed = probes.get(workflow.WorkflowId)?.workflow;
				return {
					id: {text: sanitize(workflow.WorkflowId)},
					status: {text: `${theme.glyph(workflow.Status)} ${sanitize(info.label)}`, color: theme.status(workflow.Status)},
					progress: {text: probed ? progressSummary(probed, BAR_WIDTH, theme.ascii) : ''},
					description: {text: sanitize(workflow.StatusDescription ?? '')},
					created: {text: formatTime(workflow.CreatedAt, timeMode, now, TABLE_TIME_STEP_S)},
					updated: {text: formatTime(workflow.LastUpdatedAt, timeMode, now, TABLE_TIME_STEP_S)},
				};
			}}
		/>
	);
}
