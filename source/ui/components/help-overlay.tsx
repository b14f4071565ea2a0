// Every key, in the space the table had.
import {Box} from 'ink';
import React from 'react';
import {KEY_HELP} from '../../core/keymap.js';
import {fitCells} from '../../core/sanitize.js';
import type {Theme} from '../theme.js';
import {Line} from './line.js';

export function HelpOverlay({width, height, theme}: {width: number; height: number; theme: Theme}): React.JSX.Element {
	const keyWidth = Math.max(...KEY_HELP.map(([keys]) => keys.length)) + 2;
	const lines = [
		<Line key="title" width={width} segments={[{text: 'keys (? or Esc closes)', bold: theme.bold, color: theme.accent}]} />,
		...KEY_HELP.map(([keys, action]) => (
			<Line key={keys} width={width} ellipsis={theme.ellipsis} segments={[{text: fitCells(keys, keyWidth), color: theme.accent}, {text: action}]} />
		)),
	];
	const shown = lines.length > height ? [...lines.slice(0, Math.max(0, height - 1)), <Line key="more" width={width} segments={[{text: `${theme.ellipsis} enlarge the terminal to see every key`, dim: theme.dim}]} />] : lines;
	return <Box flexDirection="column">{shown.slice(0, height)}</Box>;
}
