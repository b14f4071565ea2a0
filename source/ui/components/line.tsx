// One terminal line built from styled pieces, cut to an exact cell width so Ink never wraps it
// (a wrapped line would make the frame taller than planned).
import {Text} from 'ink';
import React from 'react';
import {cellWidth, truncateCells} from '../../core/sanitize.js';

export interface Segment {
	text: string;
	color?: string;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
}

export interface LineProps {
	segments: readonly Segment[];
	width: number;
	/** Pad with spaces to the full width (so an inverse row is a full bar). */
	fill?: boolean;
	inverse?: boolean;
	ellipsis?: string;
}

/** Cuts the pieces to `width` cells in total. */
export function fitSegments(segments: readonly Segment[], width: number, ellipsis = '…'): Segment[] {
	const out: Segment[] = [];
	let left = width;
	for (const segment of segments) {
		if (left <= 0) break;
		const w = cellWidth(segment.text);
		if (w <= left) {
			out.push(segment);
			left -= w;
		} else {
			out.push({...segment, text: truncateCells(segment.text, left, ellipsis)});
			left = 0;
		}
	}
	return out;
}

export function Line({segments, width, fill = false, inverse = false, ellipsis}: LineProps): React.JSX.Element {
	const fitted = fitSegments(segments, width, ellipsis);
	const used = fitted.reduce((sum, s) => sum + cellWidth(s.text), 0);
	const pad = fill && used < width ? ' '.repeat(width - used) : '';
	return (
		<Text wrap="truncate-end" inverse={inverse}>
			{fitted.map((s, i) =>
				s.color || s.bold || s.dim || s.inverse ? (
					<Text key={i} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse}>
						{s.text}
					</Text>
				) : (
					s.text
				),
			)}
			{pad}
			{used === 0 && pad === '' ? ' ' : null}
		</Text>
	);
}
