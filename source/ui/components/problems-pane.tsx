// The problems feed under the workflows table (P): the latest FAILED, RETRY and CANCELLED steps of
// the domain's workflows, newest first, each with its workflow. Enter opens the step.
import {Box} from 'ink';
import React from 'react';
import {formatTime, TABLE_TIME_STEP_S, TIME_CELLS} from '../../core/format.js';
import type {TimeMode} from '../../core/preferences.js';
import type {ProblemEntry} from '../../core/problem-feed.js';
import {fitCells, sanitize} from '../../core/sanitize.js';
import {statusInfo} from '../../core/status.js';
import {visibleWindow} from '../../core/visible-window.js';
import type {Theme} from '../theme.js';
import {Line} from './line.js';

export interface ProblemsPaneProps {
	problems: readonly ProblemEntry[];
	/** Connector by workflow id, where it is known. */
	connectorOf(workflowId: string): string | undefined;
	selected: number;
	/** Lines, the title included. */
	height: number;
	width: number;
	now: number;
	timeMode: TimeMode;
	theme: Theme;
	/** Steps have been read for this many workflows so far (the feed covers only those). */
	walked: number;
}

export function ProblemsPane(props: ProblemsPaneProps): React.JSX.Element {
	const {problems, theme, width} = props;
	const rows = Math.max(1, props.height - 1);
	const selected = Math.min(props.selected, Math.max(0, problems.length - 1));
	const {start, end} = visibleWindow(problems.length, selected, rows, 0);
	const position = problems.length > rows ? `${theme.separator}${selected + 1}/${problems.length}` : '';
	const lines: React.JSX.Element[] = [];
	for (let i = start; i < end; i++) {
		const {workflowId, step} = problems[i];
		const isSelected = i === selected;
		const info = statusInfo(step.Status);
		const connector = props.connectorOf(workflowId) ?? '';
		lines.push(
			<Line
				key={`${workflowId}:${step.FlowName}:${step.CreatedAt}`}
				width={width}
				fill={isSelected}
				inverse={isSelected && theme.inverse}
				ellipsis={theme.ellipsis}
				segments={[
					{text: isSelected ? `${theme.selectionMarker}  ` : '   '},
					{text: fitCells(`${theme.glyph(step.Status)} ${sanitize(info.label)}`, 11), color: theme.status(step.Status)},
					// As wide as the time mode needs: a UTC time from another day is 12 cells ("11-28 22:48Z").
					{text: ` ${fitCells(formatTime(step.LastUpdatedAt, props.timeMode, props.now, TABLE_TIME_STEP_S), TIME_CELLS[props.timeMode])}`},
					{text: ` ${fitCells(sanitize(connector), 10)}`, color: theme.muted},
					{text: ` ${fitCells(sanitize(workflowId), 12, {middle: true, ellipsis: theme.ellipsis})}`},
					{text: ` ${sanitize(step.FlowName)}`, bold: theme.bold},
					{text: `  ${sanitize(step.ExecutionMessage)}`},
				]}
			/>,
		);
	}
	if (problems.length === 0) {
		const text = props.walked === 0 ? 'no steps read yet' : `no FAILED, RETRY or CANCELLED steps in the ${props.walked} workflows read`;
		lines.push(<Line key="none" width={width} segments={[{text: `   ${text}`, dim: theme.dim}]} />);
	}
	while (lines.length < rows) lines.push(<Line key={`blank${lines.length}`} width={width} segments={[]} />);
	return (
		<Box flexDirection="column">
			<Line
				width={width}
				ellipsis={theme.ellipsis}
				segments={[
					{text: `${theme.horizontalRule} problems`, bold: theme.bold, color: theme.accent},
					{text: `${theme.separator}${problems.length.toLocaleString('en-US')} step${problems.length === 1 ? '' : 's'}${position}${theme.separator}Enter opens the step, P or Esc closes`, color: theme.muted},
				]}
			/>
			{lines}
		</Box>
	);
}
