// One step as one line. Memoised: a cursor move re-renders the two rows whose selection changed.
import React, {memo} from 'react';
import {formatBatchWindow, formatTime, TABLE_TIME_STEP_S} from '../../core/format.js';
import type {Column, StepColumnId} from '../../core/layout.js';
import type {TimeMode} from '../../core/preferences.js';
import {fitCells, sanitize} from '../../core/sanitize.js';
import {statusInfo} from '../../core/status.js';
import type {Step} from '../../core/step.js';
import type {Theme} from '../theme.js';
import {Line, type Segment} from './line.js';

function cellText(step: Step, id: StepColumnId, now: number, timeMode: TimeMode, theme: Theme, formatRecords: (n: number) => string): string {
	switch (id) {
		case 'status':
			return `${theme.glyph(step.Status)} ${sanitize(statusInfo(step.Status).label)}`;
		case 'name':
			return sanitize(step.FlowName);
		case 'window':
			return sanitize(formatBatchWindow(step.BatchRecordsStartTime, step.BatchRecordsEndTime, theme.ascii));
		case 'records':
			return formatRecords(step.RecordsProcessed);
		case 'created':
			return formatTime(step.CreatedAt, timeMode, now, TABLE_TIME_STEP_S);
		case 'updated':
			return formatTime(step.LastUpdatedAt, timeMode, now, TABLE_TIME_STEP_S);
		case 'message':
			return sanitize(step.ExecutionMessage);
	}
}

export interface StepRowProps {
	step: Step;
	selected: boolean;
	changed: boolean;
	columns: readonly Column<StepColumnId>[];
	width: number;
	timeMode: TimeMode;
	now: number;
	theme: Theme;
	/** One format for the whole records column (see countColumnFormat). */
	formatRecords(n: number): string;
}

export const StepRow = memo(function StepRow({step, selected, changed, columns, width, timeMode, now, theme, formatRecords}: StepRowProps) {
	const segments: Segment[] = [
		{text: selected ? theme.selectionMarker : ' ', bold: theme.bold},
		{text: changed ? theme.changedMarker : ' ', color: theme.changed},
	];
	for (const column of columns) {
		const text = fitCells(cellText(step, column.id, now, timeMode, theme, formatRecords), column.width, {
			alignRight: column.alignRight,
			middle: column.cutMiddle,
			ellipsis: theme.ellipsis,
		});
		segments.push({text: ' '});
		segments.push(column.id === 'status' ? {text, color: theme.status(step.Status)} : {text, dim: column.id === 'message' && theme.dim && !selected});
	}
	return <Line segments={segments} width={width} fill={selected} inverse={selected && theme.inverse} ellipsis={theme.ellipsis} />;
});

export function StepTableHeader({columns, width, theme}: {columns: readonly Column<StepColumnId>[]; width: number; theme: Theme}): React.JSX.Element {
	const text = columns.map(c => fitCells(c.title, c.width, {alignRight: c.alignRight})).join(' ');
	return <Line width={width} segments={[{text: `   ${text}`, bold: theme.bold}]} />;
}
