// The workflows of one domain, live.
import React, {useMemo} from 'react';
import {formatTime} from '../../core/format.js';
import type {ColumnSpec} from '../../core/layout.js';
import {sanitize} from '../../core/sanitize.js';
import {statusInfo} from '../../core/status.js';
import type {WorkflowSummary} from '../../core/step.js';
import type {WatchSource} from '../../poller/watch-state.js';
import {ListScreen, type ListScreenProps} from './list-screen.js';

const COLUMNS: readonly ColumnSpec[] = [
	{id: 'id', title: 'WORKFLOW', min: 20, preferred: 32},
	{id: 'status', title: 'STATUS', min: 11},
	{id: 'description', title: 'DESCRIPTION', min: 12, flex: true, dropRank: 3},
	{id: 'created', title: 'CREATED', min: 12, dropRank: 1},
	{id: 'updated', title: 'UPDATED', min: 12, dropRank: 2},
];

const keyOf = (workflow: WorkflowSummary) => workflow.WorkflowId;

type Shared = Omit<ListScreenProps<WorkflowSummary>, 'controller' | 'title' | 'columns' | 'keyOf' | 'cells' | 'emptyText'>;

export function WorkflowsScreen(props: Shared & {source: WatchSource; domain: string}): React.JSX.Element {
	const {source, domain, ...shared} = props;
	const controller = useMemo(() => source.watchWorkflows(domain), [source, domain]);
	const {theme} = shared;
	return (
		<ListScreen
			{...shared}
			controller={controller}
			title={[
				{text: 'cp-watch', bold: theme.bold, color: theme.accent},
				{text: `${theme.separator}${sanitize(domain)}${theme.separator}workflows${theme.separator}Enter opens, Esc domains`},
			]}
			columns={COLUMNS}
			keyOf={keyOf}
			emptyText="no workflows in this domain"
			cells={(workflow, now, timeMode) => {
				const info = statusInfo(workflow.Status);
				return {
					id: {text: sanitize(workflow.WorkflowId)},
					status: {text: `${theme.glyph(workflow.Status)} ${sanitize(info.label)}`, color: theme.status(workflow.Status)},
					description: {text: sanitize(workflow.StatusDescription ?? '')},
					created: {text: formatTime(workflow.CreatedAt, timeMode, now, 10)},
					updated: {text: formatTime(workflow.LastUpdatedAt, timeMode, now, 10)},
				};
			}}
		/>
	);
}
