// Below the minimum size a clear request beats a garbled table.
import {Text} from 'ink';
import React from 'react';
import type {Size} from '../../core/layout.js';
import {truncateCells} from '../../core/sanitize.js';

export function TooSmall({size, need}: {size: Size; need: Size}): React.JSX.Element {
	const message = `terminal too small (need ${need.columns}x${need.rows}, have ${size.columns}x${size.rows})`;
	return <Text wrap="truncate-end">{truncateCells(message, Math.max(1, size.columns), '')}</Text>;
}
