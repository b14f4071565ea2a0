// Below the minimum size a clear request beats a garbled table.
import {Box, Text} from 'ink';
import React from 'react';
import type {Size} from '../../core/layout.js';
import {wrapCells} from '../../core/sanitize.js';

export function TooSmall({size, need}: {size: Size; need: Size}): React.JSX.Element {
	const message = `terminal too small (need ${need.columns}x${need.rows}, have ${size.columns}x${size.rows})`;
	const lines = wrapCells(message, Math.max(1, size.columns)).slice(0, Math.max(1, size.rows - 1));
	return (
		<Box flexDirection="column">
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
