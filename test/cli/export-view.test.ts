import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {exportView} from '../../source/cli/export-view.js';
import {makeStep} from '../support/step-fixtures.js';

let directory: string;
afterEach(() => rmSync(directory, {recursive: true, force: true}));
const fresh = () => (directory = mkdtempSync(join(tmpdir(), 'cp-watch-export-')));
const NOW = new Date('2026-11-25T10:42:07.123Z');

describe('exporting the view (e)', () => {
	it('writes a CSV and a JSON file of the steps and says where, relative to the directory', async () => {
		fresh();
		const steps = [makeStep({FlowName: 'a'}), makeStep({FlowName: 'b', Status: 'FAILED'})];
		const files = await exportView(steps, '3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60', directory, NOW);
		expect(files).toEqual({
			csvPath: './cp-watch-3f1c0e9a-2026-11-25T104207Z.csv',
			jsonPath: './cp-watch-3f1c0e9a-2026-11-25T104207Z.json',
		});
		const csv = readFileSync(join(directory, files.csvPath), 'utf8').split('\r\n');
		expect(csv[0]).toMatch(/^FlowName,Status,/);
		expect(csv).toHaveLength(4);
		expect(JSON.parse(readFileSync(join(directory, files.jsonPath), 'utf8')).map((s: {Status: string}) => s.Status)).toEqual(['IN_PROGRESS', 'FAILED']);
	});

	it('never overwrites an earlier export, even within the same second', async () => {
		fresh();
		const first = await exportView([makeStep()], 'w1', directory, NOW);
		const second = await exportView([makeStep()], 'w1', directory, NOW);
		expect(second.csvPath).not.toBe(first.csvPath);
		expect(second.csvPath).toMatch(/-2\.csv$/);
		expect(readdirSync(directory)).toHaveLength(4);
	});

	it('keeps a hostile workflow id from choosing the directory, and its text inert', async () => {
		fresh();
		const files = await exportView([makeStep({ExecutionMessage: 'x\u001B]52;c;aGk=\u0007\u202E'})], '../../etc/passwd', directory, NOW);
		expect(files.csvPath).toMatch(/^\.\/cp-watch-etcpassw-/);
		expect(readdirSync(directory)).toHaveLength(2);
		expect(readFileSync(join(directory, files.jsonPath), 'utf8')).not.toMatch(/[\u001B\u0007\u202E]/);
	});
});
