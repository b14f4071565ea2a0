import {describe, expect, it} from 'vitest';
import {formatSnapshotTable} from '../../source/output/snapshot-table.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

describe('the --once table', () => {
	it('aligns the columns, keeps the whole message and counts the steps', () => {
		const steps = [
			makeStep({FlowName: 'a', Status: 'COMPLETE', RecordsProcessed: 120_000, ExecutionMessage: 'Completed'}),
			makeStep({FlowName: 'long-flow-name', Status: 'FAILED', ExecutionMessage: 'x'.repeat(200)}),
		];
		const lines = formatSnapshotTable(makeWorkflow({Status: 'FAILED', StepsCompleted: 1, TotalSteps: 2}), steps).split('\n');
		expect(lines[0]).toMatch(/^workflow 3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60 {2}FAILED {2}1\/2 steps {2}1,200 records/);
		const header = lines.find(line => line.startsWith('STATUS'))!;
		const rows = lines.filter(line => line.startsWith('COMPLETE') || line.startsWith('FAILED'));
		expect(rows).toHaveLength(2);
		for (const row of rows) expect(row.indexOf('  ', header.indexOf('FLOW'))).toBeGreaterThan(0);
		expect(rows[0].indexOf('120,000')).toBe(header.indexOf('RECORDS'));
		expect(rows[1]).toContain('x'.repeat(200));
		expect(lines).toContain('2 steps');
	});

	it('shows hostile text inert and pads wide characters by their cell width', () => {
		const steps = [makeStep({FlowName: '漢字漢字'}), makeStep({FlowName: 'ab\u001B[2J'})];
		const text = formatSnapshotTable(makeWorkflow(), steps);
		expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
	});
});
