import {describe, expect, it} from 'vitest';
import type {Step} from '../../source/core/step.js';
import {stepsToCsv} from '../../source/core/step-csv.js';

const step = (overrides: Partial<Step>): Step => ({
	FlowName: 'sf-prod-Account-2024-01',
	Status: 'COMPLETE',
	ExecutionMessage: 'Transferred 48,211 records',
	RecordsProcessed: 48211,
	BatchRecordsStartTime: '2024-01-01T00:00:00Z',
	BatchRecordsEndTime: '2024-03-01T00:00:00Z',
	CreatedAt: Date.UTC(2026, 10, 24, 9, 0, 0),
	LastUpdatedAt: Date.UTC(2026, 10, 24, 9, 5, 30),
	...overrides,
});

function parseCsv(text: string): string[][] {
	// A small RFC 4180 reader, to check that what we write reads back.
	const rows: string[][] = [];
	let row: string[] = [];
	let value = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				value += '"';
				i++;
			} else if (c === '"') quoted = false;
			else value += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(value);
			value = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(value);
			rows.push(row);
			row = [];
			value = '';
			i++;
		} else value += c;
	}
	return rows;
}

describe('steps as CSV', () => {
	it('writes a header and one row per step that read back to the same values', () => {
		const steps = [step({}), step({FlowName: 'b', ExecutionMessage: 'said "no", then\nquit', Status: 'FAILED'})];
		const rows = parseCsv(stepsToCsv(steps));
		expect(rows[0]).toEqual([
			'FlowName',
			'Status',
			'RecordsProcessed',
			'BatchRecordsStartTime',
			'BatchRecordsEndTime',
			'CreatedAt',
			'LastUpdatedAt',
			'ExecutionMessage',
		]);
		expect(rows).toHaveLength(3);
		expect(rows[1]).toEqual([
			'sf-prod-Account-2024-01',
			'COMPLETE',
			'48211',
			'2024-01-01T00:00:00Z',
			'2024-03-01T00:00:00Z',
			'2026-11-24T09:00:00.000Z',
			'2026-11-24T09:05:30.000Z',
			'Transferred 48,211 records',
		]);
		expect(rows[2][7]).toBe('said "no", then\nquit');
	});

	it('shows control characters and bidi overrides as placeholders, so `cat` of an export is safe', () => {
		const csv = stepsToCsv([step({ExecutionMessage: 'a\u001B[2Jb\u202Ec\nd'})]);
		expect(csv).not.toMatch(/[\u001B\u202E]/);
		expect(parseCsv(csv)[1][7]).toBe('a␛[2Jb<RLO>c\nd');
	});

	it('defuses cells a spreadsheet would run as formulas', () => {
		const rows = parseCsv(stepsToCsv([step({FlowName: '=HYPERLINK("http://x")', ExecutionMessage: '@SUM(A1)'})]));
		expect(rows[1][0]).toBe('\'=HYPERLINK("http://x")');
		expect(rows[1][7]).toBe("'@SUM(A1)");
	});
});
