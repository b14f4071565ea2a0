import {describe, expect, it} from 'vitest';
import {fitColumns, listRows, MIN_COLUMNS, MIN_ROWS, ROW_PREFIX, stepsLayout, tooSmall, type StepColumnNeeds} from '../../source/core/layout.js';

const ids = (columns: {id: string}[]) => columns.map(c => c.id).join(' ');
const used = (columns: {width: number}[]) => columns.reduce((sum, c) => sum + c.width, 0) + columns.length - 1;

describe('layout', () => {
	it('asks for a minimum size', () => {
		expect(tooSmall({columns: 30, rows: 30})).toEqual({columns: MIN_COLUMNS, rows: MIN_ROWS});
		expect(tooSmall({columns: 80, rows: 5})).toBeDefined();
		expect(tooSmall({columns: 80, rows: 24})).toBeUndefined();
	});

	it('shows every column on a wide terminal, filling the width exactly', () => {
		const layout = stepsLayout({columns: 160, rows: 40}, false);
		expect(ids(layout.columns)).toBe('status name window records created updated message');
		expect(used(layout.columns)).toBe(160 - ROW_PREFIX);
	});

	it('drops the batch window, then created, updated and records; the message goes last', () => {
		expect(ids(stepsLayout({columns: 100, rows: 40}, false).columns)).toBe('status name records created updated message');
		expect(ids(stepsLayout({columns: 80, rows: 40}, false).columns)).toBe('status name records updated message');
		expect(ids(stepsLayout({columns: 70, rows: 40}, false).columns)).toBe('status name records message');
		expect(ids(stepsLayout({columns: 60, rows: 40}, false).columns)).toBe('status name message');
		expect(ids(stepsLayout({columns: 50, rows: 40}, false).columns)).toBe('status name');
		for (const columns of [50, 60, 80, 110, 200]) {
			expect(used(stepsLayout({columns, rows: 40}, false).columns)).toBeLessThanOrEqual(columns - ROW_PREFIX);
		}
	});

	it('gives the message the width the other columns do not need, at 80 and 120 columns', () => {
		// The demo: FlowNames of 25 cells, records up to 241,300.
		const demo: StepColumnNeeds = {timeMode: 'relative', nameCells: 25, recordsCells: 7};
		const width = (columns: number, id: string) => stepsLayout({columns, rows: 24}, false, demo).columns.find(c => c.id === id)?.width ?? 0;
		expect(width(80, 'name')).toBe(25);
		expect(width(80, 'updated')).toBe(8);
		expect(width(80, 'message')).toBeGreaterThanOrEqual(20);
		// At 120 the batch window would leave the message under 32 cells: it gives way.
		expect(width(120, 'window')).toBe(0);
		expect(width(120, 'message')).toBeGreaterThanOrEqual(45);
		expect(width(160, 'window')).toBe(23);
		expect(width(160, 'message')).toBeGreaterThanOrEqual(32);
		// Absolute times need more cells; the message still keeps its minimum.
		const local = stepsLayout({columns: 80, rows: 24}, false, {...demo, timeMode: 'local'}).columns;
		expect(local.find(c => c.id === 'message')?.width).toBeGreaterThanOrEqual(20);
		expect(used(local)).toBe(80 - ROW_PREFIX);
	});

	it('keeps the frame at rows - 1 with the detail pane below or beside', () => {
		const plain = stepsLayout({columns: 100, rows: 30}, false);
		expect(plain.height).toBe(29);
		expect(plain.tableRows + 5).toBe(29);
		const below = stepsLayout({columns: 100, rows: 30}, true);
		expect(below.detail?.placement).toBe('below');
		expect(below.tableRows + (below.detail?.height ?? 0) + 5).toBe(29);
		const beside = stepsLayout({columns: 160, rows: 30}, true);
		expect(beside.detail?.placement).toBe('beside');
		expect(beside.tableWidth + 1 + (beside.detail?.width ?? 0)).toBe(160);
		expect(beside.tableRows).toBe(24);
		const tiny = stepsLayout({columns: MIN_COLUMNS, rows: MIN_ROWS}, true);
		expect(tiny.tableRows).toBeGreaterThanOrEqual(1);
		expect(tiny.tableRows + (tiny.detail?.height ?? 0) + 5).toBe(MIN_ROWS - 1);
	});

	it('fits generic columns and lists', () => {
		const columns = fitColumns([{id: 'a', title: 'A', min: 5, flex: true}, {id: 'b', title: 'B', min: 5, dropRank: 1}], 8);
		expect(ids(columns)).toBe('a');
		expect(columns[0].width).toBe(8);
		expect(listRows({columns: 80, rows: 24})).toBe(20);
	});
});
