// A polled list (domains, or the workflows of a domain): title, table, status line. Enter drills
// into the selected row; the domain and workflow screens only say what the columns are.
import {Box} from 'ink';
import React, {useCallback, useEffect, useMemo} from 'react';
import type {EffectIntent} from '../../core/keymap.js';
import {fitColumns, listRows, ROW_PREFIX, tooSmall, type Column, type ColumnSpec} from '../../core/layout.js';
import type {TimeMode} from '../../core/preferences.js';
import {fitCells} from '../../core/sanitize.js';
import {currentEntry, cursorIndex, type ListContext} from '../../core/view-state.js';
import {visibleWindow} from '../../core/visible-window.js';
import type {ListWatch} from '../../poller/watch-state.js';
import {useListContext} from '../hooks/use-list-context.js';
import {usePinnedSelection} from '../hooks/use-pinned-selection.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useTableNow} from '../hooks/use-table-now.js';
import {useWatch} from '../hooks/use-watch.js';
import {HelpOverlay, helpList} from './help-overlay.js';
import {Line, type Segment} from './line.js';
import {EMPTY_TEXT, emptyReason, StatusLine} from './status-line.js';
import type {ScreenProps} from './screen-props.js';
import {TooSmall} from './too-small.js';

/** The rows on screen and the selected one. */
export interface RowWindow<T> {
	items: readonly T[];
	selected: number;
	start: number;
	end: number;
}

export interface ListScreenProps<T> extends ScreenProps {
	controller: ListWatch<T>;
	title: Segment[];
	columns: readonly ColumnSpec[];
	keyOf(item: T): string;
	/** One cell text per column id, already sanitized. */
	cells(item: T, now: number, timeMode: TimeMode): Record<string, Segment>;
	emptyText: string;
	/** Called after a render that moved the selection, the window or the data. */
	onWindow?(window: RowWindow<T>): void;
	/** A pane under the table (the workflows screen's problems feed): it takes `height` lines from
	 * the table, and while the view says it is active the movement keys and Enter go to its rows. */
	pane?: {height: number; list: ListContext; element: React.JSX.Element};
}

function row(cells: Record<string, Segment>, columns: readonly Column[], ellipsis: string): Segment[] {
	const out: Segment[] = [];
	columns.forEach((column, i) => {
		const cell = cells[column.id] ?? {text: ''};
		out.push({...cell, text: (i > 0 ? ' ' : '') + fitCells(cell.text, column.width, {alignRight: column.alignRight, middle: column.cutMiddle, ellipsis})});
	});
	return out;
}

export function ListScreen<T>(props: ListScreenProps<T>): React.JSX.Element {
	const {controller, view, viewRef, dispatch, size, theme, keyOf} = props;
	const state = useWatch(controller);
	const {pane} = props;
	const height = Math.max(1, listRows(size) - (pane?.height ?? 0));
	const list = useListContext(state.items, keyOf, height);
	const onEffect = useCallback(
		(effect: EffectIntent) => {
			if (effect.type === 'quit') props.onQuit();
			else if (effect.type === 'pause') controller.togglePause();
			else if (effect.type === 'refresh') controller.refresh();
		},
		[controller, props.onQuit],
	);
	const help = useMemo(() => helpList(listRows(size) + 1), [size]);
	useScreenKeys({viewRef, dispatch, list, help, pane: pane?.list, onEffect});
	usePinnedSelection(viewRef, dispatch, list, state.phase === 'loading');
	const tableNow = useTableNow(props.now, state.itemsVersion);
	const columns = useMemo(() => fitColumns(props.columns, size.columns - ROW_PREFIX), [props.columns, size.columns]);
	const {cursor} = currentEntry(view);
	const selected = cursorIndex(cursor, list);
	const {start, end} = visibleWindow(list.count, selected, height, cursor.top);
	const {onWindow} = props;
	useEffect(() => {
		onWindow?.({items: state.items, selected, start, end});
	}, [onWindow, state.items, selected, start, end]);

	const need = tooSmall(size);
	if (need) return <TooSmall size={size} need={need} />;

	const header = row(Object.fromEntries(columns.map(c => [c.id, {text: c.title, bold: theme.bold}])), columns, theme.ellipsis);
	const lines: React.JSX.Element[] = [];
	for (let i = start; i < end; i++) {
		const item = state.items[i];
		const isSelected = i === selected;
		lines.push(
			<Line
				key={keyOf(item)}
				width={size.columns}
				fill={isSelected}
				inverse={isSelected && theme.inverse}
				ellipsis={theme.ellipsis}
				segments={[{text: isSelected ? `${theme.selectionMarker}  ` : '   '}, ...row(props.cells(item, tableNow, view.timeMode), columns, theme.ellipsis)]}
			/>,
		);
	}
	const reason = emptyReason(state);
	if (list.count === 0 && reason !== 'loading') {
		const text = reason === 'empty' ? props.emptyText : EMPTY_TEXT[reason];
		lines.push(<Line key="empty" width={size.columns} segments={[{text: `  ${text}`, dim: theme.dim}]} />);
	}
	return (
		<Box flexDirection="column">
			<Line width={size.columns} segments={props.title} ellipsis={theme.ellipsis} />
			{view.help ? (
				<HelpOverlay width={size.columns} height={listRows(size) + 1} scroll={view.helpScroll} theme={theme} />
			) : (
				<>
					<Line width={size.columns} segments={[{text: '   '}, ...header]} />
					{lines}
					{Array.from({length: height - lines.length}, (_, i) => (
						<Line key={`blank${i}`} width={size.columns} segments={[]} />
					))}
					{pane?.element}
				</>
			)}
			<StatusLine status={state} width={size.columns} now={props.now} theme={theme} demoLabel={props.demoLabel} notice={props.startupNotice} traffic={props.traffic} />
		</Box>
	);
}
