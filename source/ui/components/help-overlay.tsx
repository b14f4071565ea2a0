// Every key, in the space the table had; on a short terminal the movement keys scroll it.
import {Box} from 'ink';
import React from 'react';
import {KEY_HELP} from '../../core/keymap.js';
import {fitCells} from '../../core/sanitize.js';
import type {ListContext} from '../../core/view-state.js';
import type {Theme} from '../theme.js';
import {Line} from './line.js';

/** The help's lines as the reducer scrolls them: all but the title line are key lines. */
export function helpList(height: number): ListContext {
	return {count: KEY_HELP.length, keyAt: () => undefined, indexOf: () => -1, pageSize: Math.max(1, height - 1)};
}

export function HelpOverlay({width, height, scroll, theme}: {width: number; height: number; scroll: number; theme: Theme}): React.JSX.Element {
	const keyWidth = Math.max(...KEY_HELP.map(([keys]) => keys.length)) + 2;
	const rows = Math.max(1, height - 1);
	const first = Math.min(Math.max(0, scroll), Math.max(0, KEY_HELP.length - rows));
	const shown = KEY_HELP.slice(first, first + rows);
	const position = shown.length < KEY_HELP.length ? `${theme.separator}j/k scroll ${first + 1}-${first + shown.length}/${KEY_HELP.length}` : '';
	return (
		<Box flexDirection="column">
			<Line
				width={width}
				ellipsis={theme.ellipsis}
				segments={[
					{text: 'keys (? or Esc closes)', bold: theme.bold, color: theme.accent},
					{text: position, color: theme.muted},
				]}
			/>
			{shown.map(([keys, action]) => (
				<Line key={keys} width={width} ellipsis={theme.ellipsis} segments={[{text: fitCells(keys, keyWidth), color: theme.accent}, {text: action}]} />
			))}
		</Box>
	);
}
