// One chip per status with its count; the chips in the filter are bracketed (and coloured), so
// the line reads the same without colour. Then the search and the sort.
import React from 'react';
import {formatCount} from '../../core/format.js';
import type {SortField} from '../../core/preferences.js';
import {cellWidth, sanitize} from '../../core/sanitize.js';
import {STATUSES, statusInfo} from '../../core/status.js';
import type {Theme} from '../theme.js';
import {Line, type Segment} from './line.js';

export interface FilterLineProps {
	counts: ReadonlyMap<string, number>;
	statusFilter: readonly string[];
	search: string;
	searching: boolean;
	sort: SortField;
	sortReverse: boolean;
	shown: number;
	width: number;
	theme: Theme;
}

function chips(props: FilterLineProps, long: boolean): Segment[] {
	const {counts, statusFilter, theme} = props;
	const all = statusFilter.length === 0;
	return STATUSES.map((status, i) => {
		const on = statusFilter.includes(status);
		const name = long ? `${theme.glyph(status)} ${statusInfo(status).label}` : theme.glyph(status);
		const body = `${i + 1}${long ? ':' : ''}${name} ${formatCount(counts.get(status) ?? 0)}`;
		return {
			text: on ? `[${body}] ` : ` ${body}  `,
			color: on || all ? theme.status(status) : theme.muted,
			bold: on && theme.bold,
		};
	});
}

export function FilterLine(props: FilterLineProps): React.JSX.Element {
	const {theme, width} = props;
	const arrow = props.sortReverse ? (theme.ascii ? 'v' : '↓') : theme.ascii ? '^' : '↑';
	// The search comes first: while typing it must stay visible on any width.
	const search: Segment[] =
		props.searching || props.search
			? [{text: `/${sanitize(props.search)}${props.searching ? '_' : ''}  `, color: theme.accent, bold: theme.bold}]
			: [];
	const tail: Segment[] = [];
	tail.push({text: `${formatCount(props.shown)} shown${theme.separator}sort ${props.sort}${arrow}`, color: theme.muted});
	const tailWidth = [...search, ...tail].reduce((sum, s) => sum + cellWidth(s.text), 0);
	const lead: Segment = {text: props.statusFilter.length === 0 ? 'all ' : 'only '};
	const long = chips(props, true);
	const longWidth = long.reduce((sum, s) => sum + cellWidth(s.text), 0) + cellWidth(lead.text);
	const segments = [...search, lead, ...(longWidth + tailWidth <= width ? long : chips(props, false)), ...tail];
	return <Line width={width} segments={segments} ellipsis={theme.ellipsis} />;
}
