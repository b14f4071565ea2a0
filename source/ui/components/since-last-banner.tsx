// One line under the header when this workflow was looked at before: when, and what changed since.
import React from 'react';
import {formatAwaySummary, type AwaySummary} from '../../core/away-summary.js';
import {formatTime} from '../../core/format.js';
import {cellWidth} from '../../core/sanitize.js';
import type {TimeMode} from '../../core/preferences.js';
import type {Theme} from '../theme.js';
import {Line} from './line.js';

export interface SinceLastBannerProps {
	/** Undefined until the first complete walk of this visit is in. */
	summary?: AwaySummary;
	/** Shown on/off state of the `a` filter. */
	only: boolean;
	timeMode: TimeMode;
	now: number;
	width: number;
	theme: Theme;
}

export function SinceLastBanner({summary, only, timeMode, now, width, theme}: SinceLastBannerProps): React.JSX.Element {
	if (!summary) return <Line width={width} segments={[{text: 'since you last looked: comparing once the steps are in', dim: theme.dim}]} ellipsis={theme.ellipsis} />;
	// "2h ago" comes first; the clock time says which evening that was, where there is room.
	const at = formatTime(summary.since, timeMode === 'utc' ? 'utc' : 'local', now);
	const hint = summary.changedKeys.size === 0 ? '' : only ? `${theme.separator}Esc shows all` : `${theme.separator}a shows them`;
	// The first wording that fits whole, with the key hint; else the shortest, cut at the end.
	const tries = [
		[formatAwaySummary(summary, now, {at}), hint],
		[formatAwaySummary(summary, now, {at: null}), hint],
		[formatAwaySummary(summary, now, {at: null, short: true}), hint],
		[formatAwaySummary(summary, now, {at: null, short: true}), ''],
	];
	const [text, tail] = tries.find(([t, h]) => cellWidth(t) + cellWidth(h) <= width) ?? tries[tries.length - 1];
	return (
		<Line
			width={width}
			segments={[
				{text, color: theme.accent},
				{text: tail, color: theme.muted},
			]}
			ellipsis={theme.ellipsis}
		/>
	);
}
