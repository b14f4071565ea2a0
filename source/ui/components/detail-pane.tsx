// Every field of the selected step and its whole message, wrapped; scrolled with J/K when long.
import {Box} from 'ink';
import React from 'react';
import {formatAgo, formatDuration, formatFullTime, formatTime, formatWhole} from '../../core/format.js';
import {detailRoom} from '../../core/layout.js';
import type {TimeMode} from '../../core/preferences.js';
import {fitCells, sanitize, wrapCells} from '../../core/sanitize.js';
import {statusInfo} from '../../core/status.js';
import type {Step} from '../../core/step.js';
import type {Theme} from '../theme.js';
import {Line, type Segment} from './line.js';

export interface DetailPaneProps {
	/** detailLines of the selected step; undefined when none is selected. */
	lines?: readonly Segment[][];
	placement: 'beside' | 'below';
	width: number;
	height: number;
	scroll: number;
	theme: Theme;
}

const LABEL = 11;

/** The pane's content as lines of at most `width` cells. */
export function detailLines(step: Step, width: number, timeMode: TimeMode, now: number, theme: Theme): Segment[][] {
	const field = (label: string, value: string, color?: string): Segment[][] =>
		wrapCells(value, Math.max(1, width - LABEL)).map((line, i) => [
			{text: fitCells(i === 0 ? label : '', LABEL), color: theme.muted},
			{text: line, color},
		]);
	const info = statusInfo(step.Status);
	const when = (time: number) => `${formatFullTime(time, timeMode)} (${formatAgo(time, now)})`;
	const lines: Segment[][] = [
		...field('FlowName', sanitize(step.FlowName)),
		...field('Status', `${theme.glyph(step.Status)} ${sanitize(info.label)} (${sanitize(step.Status)})`, theme.status(step.Status)),
		...field('Records', formatWhole(step.RecordsProcessed)),
		...field('Batch from', sanitize(step.BatchRecordsStartTime) || '-'),
		...field('Batch to', sanitize(step.BatchRecordsEndTime) || '-'),
		...field('Created', when(step.CreatedAt)),
		...field('Updated', when(step.LastUpdatedAt)),
		// The API has no time of the last status change: a finished step ran from creation to its last
		// update; any other is known to be in its state only since its last update.
		...(info.isFinal
			? field('Ran for', `${formatDuration(step.LastUpdatedAt - step.CreatedAt)} (created ${theme.ascii ? '->' : '→'} last update)`)
			: field('In state', `since the last update: ${formatTime(step.LastUpdatedAt, timeMode === 'relative' ? 'local' : timeMode, now)} (${formatAgo(step.LastUpdatedAt, now)})`)),
		...field('Message', sanitize(step.ExecutionMessage, {keepNewlines: true, ascii: theme.ascii}) || '-'),
	];
	return lines;
}

export function DetailPane(props: DetailPaneProps): React.JSX.Element {
	const {placement, theme, height} = props;
	const rule = placement === 'beside' ? `${theme.verticalRule} ` : '';
	const title = placement === 'below' ? 1 : 0;
	const lines = props.lines ?? [[{text: 'no step selected', dim: theme.dim}]];
	// Below the table the position goes in the title rule; beside it, on a last line of its own.
	const {room, overflow} = detailRoom(lines.length, height, placement);
	const scroll = Math.min(props.scroll, Math.max(0, lines.length - room));
	const shown = lines.slice(scroll, scroll + room);
	const more = overflow ? `${scroll + 1}-${scroll + shown.length}/${lines.length} J/K scroll` : '';
	const out: React.JSX.Element[] = [];
	if (title) {
		const head = `${theme.horizontalRule.repeat(2)} detail ${more ? `${theme.horizontalRule} ${more} ` : ''}`;
		out.push(<Line key="title" width={props.width} segments={[{text: head + theme.horizontalRule.repeat(Math.max(0, props.width)), color: theme.muted}]} ellipsis="" />);
	}
	shown.forEach((segments, i) => out.push(<Line key={i} width={props.width} segments={[{text: rule, color: theme.muted}, ...segments]} ellipsis={theme.ellipsis} />));
	for (let i = shown.length; i < room; i++) out.push(<Line key={`pad${i}`} width={props.width} segments={[{text: rule, color: theme.muted}]} />);
	if (overflow && !title) out.push(<Line key="more" width={props.width} segments={[{text: `${rule}${more}`, color: theme.muted}]} />);
	return <Box flexDirection="column" width={props.width}>{out}</Box>;
}
