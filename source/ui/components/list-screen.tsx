// A polled list (domains, or the workflows of a domain): title, table, status line. Enter drills
// into the selected row; the domain and workflow screens only say what the columns are.
import {Box} from 'ink';
import React, {useCallback, useEffect, useMemo, useState} from 'react';
import type {EffectIntent} from '../../core/keymap.js';
import {fitColumns, listRows, ROW_PREFIX, tooSmall, withTimeWidths, type Column, type ColumnSpec} from '../../core/layout.js';
import type {TimeMode} from '../../core/preferences.js';
import {formatWhole} from '../../core/format.js';
import {fitCells, sanitize} from '../../core/sanitize.js';
import {listOrderAt, listView, type ListOrder} from '../../core/list-view.js';
import {currentEntry, cursorIndex, type ListContext, type ListKind} from '../../core/view-state.js';
import {visibleWindow} from '../../core/visible-window.js';
import type {ListWatch} from '../../poller/watch-state.js';
import {useListContext} from '../hooks/use-list-context.js';
import {usePinnedSelection} from '../hooks/use-pinned-selection.js';
import {useScreenKeys} from '../hooks/use-screen-keys.js';
import {useTableNow} from '../hooks/use-table-now.js';
import {useWatch} from '../hooks/use-watch.js';
import {HELP_TITLE, helpLines, REPLAY_READS_NOTHING} from './help-overlay.js';
import {Line, type Segment} from './line.js';
import {MESSAGES_TITLE, messageLines} from './message-lines.js';
import {NO_LINES, Overlay, overlayList} from './overlay.js';
import {EMPTY_TEXT, emptyReason, REPLAY_LIVE_LABEL, StatusLine, type Notice} from './status-line.js';
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
	kind: ListKind;
	controller: ListWatch<T>;
	/** What `/` searches in a row (sanitized or not: it is only compared). */
	searchText(item: T): string;
	/** What `s` cycles through; the first is the default. */
	orders: readonly ListOrder<T>[];
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
	const {controller, view, viewRef, dispatch, size, theme, keyOf, searchText} = props;
	const state = useWatch(controller);
	const {pane} = props;
	const height = Math.max(1, listRows(size) - (pane?.height ?? 0));
	const sort = view.listSort[props.kind];
	const order = listOrderAt(props.orders, sort.index);
	const items = useMemo(() => listView(state.items, view.search, searchText, order, sort.reverse), [state.items, view.search, searchText, order, sort.reverse]);
	const list = useListContext(items, keyOf, height);
	const [notice, setNotice] = useState<Notice | undefined>(props.startupNotice);
	const onEffect = useCallback(
		(effect: EffectIntent) => {
			if (effect.type === 'quit') props.onQuit();
			else if (effect.type === 'pause') controller.togglePause();
			else if (effect.type === 'refresh') {
				if (props.replay) setNotice({text: REPLAY_READS_NOTHING, time: props.now()});
				else controller.refresh();
			}
			else if (effect.type === 'workflowsOnly') {
				setNotice({text: `${effect.key} opens the problems feed on a domain's workflows: Enter opens a domain`, time: props.now()});
			} else if (effect.type === 'stepsOnly') {
				setNotice({text: `${effect.key} works on the steps of a workflow: ${props.kind === 'domains' ? 'open a domain, then a workflow' : 'Enter opens one'}`, time: props.now()});
			}
		},
		[controller, props.onQuit, props.kind, props.now, props.replay],
	);
	// Built only while open (see steps-screen.tsx).
	const messagesFrom = view.messages ? state : undefined;
	const overlayLines = useMemo(
		() =>
			messagesFrom
				? messageLines(messagesFrom, [props.startupNotice === notice ? undefined : props.startupNotice, notice], size.columns, theme)
				: view.help
					? helpLines(props.kind, theme, size.columns, props.replay)
					: NO_LINES,
		[messagesFrom, view.help, notice, props.startupNotice, props.kind, size.columns, theme, props.replay],
	);
	const help = useMemo(() => overlayList(overlayLines.length, listRows(size) + 1), [overlayLines.length, size]);
	useScreenKeys({viewRef, dispatch, list, help, pane: pane?.list, onEffect});
	usePinnedSelection(viewRef, dispatch, list, state.phase === 'loading');
	const tableNow = useTableNow(props.now, state.itemsVersion);
	const columns = useMemo(() => fitColumns(withTimeWidths(props.columns, view.timeMode), size.columns - ROW_PREFIX), [props.columns, size.columns, view.timeMode]);
	const {cursor} = currentEntry(view);
	const selected = cursorIndex(cursor, list);
	const {start, end} = visibleWindow(list.count, selected, height, cursor.top);
	const {onWindow} = props;
	useEffect(() => {
		onWindow?.({items, selected, start, end});
	}, [onWindow, items, selected, start, end]);

	const need = tooSmall(size);
	if (need) return <TooSmall size={size} need={need} theme={theme} />;

	const header = row(Object.fromEntries(columns.map(c => [c.id, {text: c.title, bold: theme.bold}])), columns, theme.ellipsis);
	const lines: React.JSX.Element[] = [];
	for (let i = start; i < end; i++) {
		const item = items[i];
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
		const text = state.items.length > 0 ? 'nothing matches the search (Esc clears it)' : reason === 'empty' ? props.emptyText : EMPTY_TEXT[reason];
		lines.push(<Line key="empty" width={size.columns} segments={[{text: `  ${text}`, dim: theme.dim}]} />);
	}
	// The search and a sort other than the default, after the title, where the steps screen has them.
	const arrow = sort.reverse ? (theme.ascii ? ' desc' : '↓') : theme.ascii ? ' asc' : '↑';
	const extras: Segment[] = [];
	if (view.searching || view.search) extras.push({text: `${theme.separator}/${sanitize(view.search)}${view.searching ? '_' : ''}`, color: theme.accent, bold: theme.bold});
	if (view.search) extras.push({text: `${theme.separator}${formatWhole(items.length)} shown`, color: theme.muted});
	if (sort.index % props.orders.length !== 0 || sort.reverse) extras.push({text: `${theme.separator}sort ${order.name}${arrow}`, color: theme.muted});
	return (
		<Box flexDirection="column">
			<Line width={size.columns} segments={[...props.title.slice(0, 1), ...extras, ...props.title.slice(1)]} ellipsis={theme.ellipsis} />
			{view.help || view.messages ? (
				<Overlay title={view.messages ? MESSAGES_TITLE : HELP_TITLE} lines={overlayLines} width={size.columns} height={listRows(size) + 1} scroll={view.helpScroll} theme={theme} />
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
			<StatusLine status={state} width={size.columns} now={props.now} theme={theme} demoLabel={props.demoLabel} notice={notice} traffic={props.traffic} liveLabel={props.replay ? REPLAY_LIVE_LABEL : undefined} />
		</Box>
	);
}
