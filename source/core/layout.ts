// Where everything goes for a terminal size. The frame is never taller than rows - 1: at the
// terminal's full height Ink clears the screen and the scrollback on every update.
import {TIME_CELLS} from './format.js';
import type {TimeMode} from './preferences.js';

export interface Size {
	columns: number;
	rows: number;
}

export const MIN_COLUMNS = 50;
export const MIN_ROWS = 10;
/** From this width the detail pane sits beside the table instead of below it. */
export const WIDE_COLUMNS = 140;
/** Selection marker, changed-row mark and a space in front of every row. */
export const ROW_PREFIX = 3;

/** The size needed, when the terminal is smaller than the minimum. */
export function tooSmall(size: Size): Size | undefined {
	return size.columns < MIN_COLUMNS || size.rows < MIN_ROWS ? {columns: MIN_COLUMNS, rows: MIN_ROWS} : undefined;
}

export interface ColumnSpec<Id extends string = string> {
	id: Id;
	title: string;
	min: number;
	/** Grows up to this before flexible columns take the rest. */
	preferred?: number;
	/** Takes whatever width is left. */
	flex?: boolean;
	alignRight?: boolean;
	/** Columns with a rank are dropped on narrow terminals, lowest rank first. */
	dropRank?: number;
	/** Cut long values in the middle: names and ids differ at their end. */
	cutMiddle?: boolean;
	/** A time column: as wide as the time mode needs (see withTimeWidths). */
	time?: boolean;
	/** Dropped, even where it fits, while the flexible column would be narrower than this: a column
	 * worth less than the room it takes from the flexible one (the batch window from the message). */
	givesWayBelow?: number;
}

/** Time columns at the width their mode needs: relative times are shorter than dates. */
export function withTimeWidths<Id extends string>(specs: readonly ColumnSpec<Id>[], timeMode: TimeMode): ColumnSpec<Id>[] {
	return specs.map(c => (c.time ? {...c, min: TIME_CELLS[timeMode]} : c));
}

export interface Column<Id extends string = string> {
	id: Id;
	title: string;
	width: number;
	alignRight: boolean;
	cutMiddle: boolean;
}

/** Widths for columns separated by one space, dropping the least useful ones until they fit. */
export function fitColumns<Id extends string>(specs: readonly ColumnSpec<Id>[], width: number): Column<Id>[] {
	const fitted = fitKept(specs, width);
	const flex = fitted.columns.find(c => specs.find(spec => spec.id === c.id)?.flex);
	const yielding = fitted.kept
		.filter(c => c.givesWayBelow !== undefined && flex !== undefined && flex.width < c.givesWayBelow)
		.sort((a, b) => (a.dropRank ?? 0) - (b.dropRank ?? 0))[0];
	return yielding ? fitColumns(specs.filter(c => c !== yielding), width) : fitted.columns;
}

function fitKept<Id extends string>(specs: readonly ColumnSpec<Id>[], width: number): {kept: ColumnSpec<Id>[]; columns: Column<Id>[]} {
	let kept = [...specs];
	const need = (list: readonly ColumnSpec<Id>[]) => list.reduce((sum, c) => sum + c.min, 0) + Math.max(0, list.length - 1);
	const droppable = () =>
		kept.filter(c => c.dropRank !== undefined).sort((a, b) => (a.dropRank ?? 0) - (b.dropRank ?? 0))[0];
	while (need(kept) > width) {
		const drop = droppable();
		if (!drop) break;
		kept = kept.filter(c => c !== drop);
	}
	const widths = new Map(kept.map(c => [c.id, c.min]));
	let spare = Math.max(0, width - need(kept));
	for (const c of kept) {
		if (c.preferred === undefined || c.preferred <= c.min) continue;
		const grow = Math.min(spare, c.preferred - c.min);
		widths.set(c.id, c.min + grow);
		spare -= grow;
	}
	const flexible = kept.filter(c => c.flex);
	flexible.forEach((c, i) => {
		const share = Math.floor(spare / (flexible.length - i));
		widths.set(c.id, (widths.get(c.id) ?? 0) + share);
		spare -= share;
	});
	return {kept, columns: kept.map(c => ({id: c.id, title: c.title, width: widths.get(c.id) ?? c.min, alignRight: c.alignRight ?? false, cutMiddle: c.cutMiddle ?? false}))};
}

export type StepColumnId = 'status' | 'name' | 'window' | 'records' | 'created' | 'updated' | 'message';

// Dropped in this order as the terminal narrows: the batch window and creation time are least
// needed to follow a run, then the update time and records; the message says why a step failed,
// so it goes last, and it takes every cell the others do not need. Status and FlowName stay.
export const STEP_COLUMNS: readonly ColumnSpec<StepColumnId>[] = [
	{id: 'status', title: 'STATUS', min: 11},
	{id: 'name', title: 'FLOW', min: 20, preferred: 40, cutMiddle: true},
	// The message says why a step failed: below 32 cells it takes the batch window's room.
	{id: 'window', title: 'BATCH WINDOW', min: 23, dropRank: 1, givesWayBelow: 32},
	{id: 'records', title: 'RECORDS', min: 7, alignRight: true, dropRank: 4},
	{id: 'created', title: 'CREATED', min: 8, dropRank: 2, time: true},
	{id: 'updated', title: 'UPDATED', min: 8, dropRank: 3, time: true},
	{id: 'message', title: 'MESSAGE', min: 20, flex: true, dropRank: 5},
];

/** What the step table's widths depend on besides the terminal: the time mode, and the widest
 * FlowName and records value (a column wider than its widest value only takes the message's room). */
export interface StepColumnNeeds {
	timeMode: TimeMode;
	/** Cells of the longest FlowName. */
	nameCells: number;
	/** Cells of the widest records value. */
	recordsCells: number;
}

export function stepColumnSpecs(needs: StepColumnNeeds): ColumnSpec<StepColumnId>[] {
	return withTimeWidths(STEP_COLUMNS, needs.timeMode).map(c => {
		if (c.id === 'name') return {...c, preferred: Math.min(c.preferred ?? c.min, Math.max(c.min, needs.nameCells))};
		if (c.id === 'records') return {...c, min: Math.max(c.min, needs.recordsCells)};
		return c;
	});
}

const DEFAULT_NEEDS: StepColumnNeeds = {timeMode: 'relative', nameCells: 40, recordsCells: 7};

export interface StepsLayout {
	/** Width of the table, the row prefix included. */
	tableWidth: number;
	/** Data rows visible in the table. */
	tableRows: number;
	columns: Column<StepColumnId>[];
	detail?: {placement: 'beside' | 'below'; width: number; height: number};
	/** Lines in the whole frame. */
	height: number;
}

/** Header (2), filter line, table header and status line. */
const STEPS_CHROME = 5;

export function stepsLayout(size: Size, detailOpen: boolean, needs: StepColumnNeeds = DEFAULT_NEEDS): StepsLayout {
	const height = size.rows - 1;
	const body = Math.max(1, height - STEPS_CHROME);
	let tableWidth = size.columns;
	let tableRows = body;
	let detail: StepsLayout['detail'];
	if (detailOpen && size.columns >= WIDE_COLUMNS) {
		const width = Math.min(64, Math.max(44, Math.floor(size.columns * 0.36)));
		tableWidth = size.columns - width - 1;
		// Beside the table the pane also has the table header's line.
		detail = {placement: 'beside', width, height: body + 1};
	} else if (detailOpen) {
		let detailHeight = Math.max(3, Math.floor(body * 0.45));
		tableRows = body - detailHeight;
		if (tableRows < 1) {
			tableRows = 1;
			detailHeight = body - 1;
		}
		detail = {placement: 'below', width: size.columns, height: detailHeight};
	}
	return {tableWidth, tableRows, columns: fitColumns(stepColumnSpecs(needs), tableWidth - ROW_PREFIX), detail, height};
}

/** How many of the detail pane's lines it shows: below the table its first line is a title rule;
 * beside it, a last line says the position when the lines overflow. */
export function detailRoom(lines: number, height: number, placement: 'beside' | 'below'): {room: number; overflow: boolean} {
	const title = placement === 'below' ? 1 : 0;
	const overflow = lines > Math.max(0, height - title);
	return {room: Math.max(0, height - title - (overflow && !title ? 1 : 0)), overflow};
}

/** Title, table header and status line around a list screen's rows. */
export function listRows(size: Size): number {
	return Math.max(1, size.rows - 1 - 3);
}
