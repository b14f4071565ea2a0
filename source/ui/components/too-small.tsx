// Below the minimum size a clear request beats a garbled table: one phrase per line (a phrase is
// broken only when it is wider than the terminal), and how to leave.
import {Box, Text} from 'ink';
import React from 'react';
import type {Size} from '../../core/layout.js';
import {wrapCells} from '../../core/sanitize.js';
import type {Theme} from '../theme.js';

export function tooSmallLines(size: Size, need: Size, separator = ' · '): string[] {
	const phrases = ['terminal too small', `need ${need.columns}x${need.rows}`, `have ${size.columns}x${size.rows}`, 'q quits'];
	const width = Math.max(1, size.columns);
	// As many phrases on a line as fit, so a wide but short terminal says it all on one line.
	const lines: string[] = [];
	for (const phrase of phrases) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + separator.length + phrase.length <= width) lines[lines.length - 1] = last + separator + phrase;
		else lines.push(...wrapCells(phrase, width));
	}
	return lines.slice(0, Math.max(1, size.rows - 1));
}

export function TooSmall({size, need, theme}: {size: Size; need: Size; theme?: Theme}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			{tooSmallLines(size, need, theme?.separator).map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
