// A titled page of lines in the space the table had (the help, the messages): always exactly its
// height, so the status line stays on the last line; on a short terminal j/k scroll it.
import {Box} from 'ink';
import React from 'react';
import type {ListContext} from '../../core/view-state.js';
import type {Theme} from '../theme.js';
import {Line, type Segment} from './line.js';

/** What a closed overlay has. */
export const NO_LINES: readonly Segment[][] = [];

/** The overlay's lines as the reducer scrolls them: all but the title line. */
export function overlayList(count: number, height: number): ListContext {
	return {count, keyAt: () => undefined, indexOf: () => -1, pageSize: Math.max(1, height - 1)};
}

export interface OverlayProps {
	title: string;
	lines: readonly Segment[][];
	width: number;
	height: number;
	scroll: number;
	theme: Theme;
}

export function Overlay({title, lines, width, height, scroll, theme}: OverlayProps): React.JSX.Element {
	const rows = Math.max(1, height - 1);
	const first = Math.min(Math.max(0, scroll), Math.max(0, lines.length - rows));
	const shown = lines.slice(first, first + rows);
	const position = shown.length < lines.length ? `${theme.separator}j/k scroll ${first + 1}-${first + shown.length}/${lines.length}` : '';
	return (
		<Box flexDirection="column">
			<Line
				width={width}
				ellipsis={theme.ellipsis}
				segments={[
					{text: title, bold: theme.bold, color: theme.accent},
					{text: position, color: theme.muted},
				]}
			/>
			{shown.map((segments, i) => (
				<Line key={first + i} width={width} ellipsis={theme.ellipsis} segments={segments} />
			))}
			{Array.from({length: rows - shown.length}, (_, i) => (
				<Line key={`pad${i}`} width={width} segments={[]} />
			))}
		</Box>
	);
}
