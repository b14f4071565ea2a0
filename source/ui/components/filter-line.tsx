// One chip per status with its count within the search (as "shown" is); the chips in the filter are bracketed (and coloured), so
// the line reads the same without colour. Then the count shown and the sort, which must survive a
// narrow terminal: the chips get shorter first (labels, then spacing, then the empty ones).
import React from 'react';
import {formatWhole} from '../../core/format.js';
import type {SortField} from '../../core/preferences.js';
import {cellWidth, sanitize} from '../../core/sanitize.js';
import {STATUSES, statusInfo} from '../../core/status.js';
import type {Theme} from '../theme.js';
import {fitSegments, Line, type Segment} from './line.js';

export interface FilterLineProps {
	counts: ReadonlyMap<string, number>;
	statusFilter: readonly string[];
	search: string;
	searching: boolean;
	/** The `a` filter is on. */
	sinceLast?: boolean;
	sort: SortField;
	sortReverse: boolean;
	shown: number;
	width: number;
	theme: Theme;
}

/** long: " 1:✔ complete 86  ", short: " 1✔ 86  ", compact: "1✔86 ", sparse: compact without the empty
 * chips that are not in the filter. */
type ChipStyle = 'long' | 'short' | 'compact' | 'sparse';

function chips(props: FilterLineProps, style: ChipStyle): Segment[] {
	const {counts, statusFilter, theme} = props;
	const all = statusFilter.length === 0;
	return STATUSES.flatMap((status, i) => {
		const on = statusFilter.includes(status);
		const count = counts.get(status) ?? 0;
		if (style === 'sparse' && count === 0 && !on) return [];
		const tight = style === 'compact' || style === 'sparse';
		const name = style === 'long' ? `${theme.glyph(status)} ${statusInfo(status).label}` : theme.glyph(status);
		const body = `${i + 1}${style === 'long' ? ':' : ''}${name}${tight ? '' : ' '}${formatWhole(count)}`;
		return {
			text: on ? `[${body}] ` : tight ? `${body} ` : ` ${body}  `,
			color: on || all ? theme.status(status) : theme.muted,
			bold: on && theme.bold,
		};
	});
}

const widthOf = (segments: readonly Segment[]) => segments.reduce((sum, s) => sum + cellWidth(s.text), 0);

export function FilterLine(props: FilterLineProps): React.JSX.Element {
	const {theme, width} = props;
	// In ASCII words: "recordsv" and "created^" read as typos.
	const arrow = props.sortReverse ? (theme.ascii ? ' desc' : '↓') : theme.ascii ? ' asc' : '↑';
	// The search comes first: while typing it must stay visible on any width.
	const search: Segment[] =
		props.searching || props.search
			? [{text: `/${sanitize(props.search)}${props.searching ? '_' : ''}  `, color: theme.accent, bold: theme.bold}]
			: [];
	if (props.sinceLast) search.unshift({text: 'a:changed since last look  ', color: theme.accent, bold: theme.bold});
	const shown = formatWhole(props.shown);
	const tails: Segment[] = [
		{text: `${shown} shown${theme.separator}sort ${props.sort}${arrow}`, color: theme.muted},
		{text: `${shown}${theme.separator}${props.sort}${arrow}`, color: theme.muted},
	];
	const lead: Segment = {text: props.statusFilter.length === 0 ? 'all ' : 'only '};
	const tries: Array<[ChipStyle, Segment]> = [
		['long', tails[0]],
		['short', tails[0]],
		['compact', tails[0]],
		['sparse', tails[0]],
		['sparse', tails[1]],
	];
	for (const [style, tail] of tries) {
		const segments = [...search, lead, ...chips(props, style), tail];
		if (widthOf(segments) <= width) return <Line width={width} segments={segments} ellipsis={theme.ellipsis} />;
	}
	// Still too wide: the chips give way to the count and the sort.
	const tail = tails[1];
	const room = Math.max(0, width - widthOf(search) - widthOf([tail]));
	const head = fitSegments([lead, ...chips(props, 'sparse')], room, theme.ellipsis);
	return <Line width={width} segments={[...search, ...head, tail]} ellipsis={theme.ellipsis} />;
}
