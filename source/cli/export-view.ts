// The TUI's `e` key: the filtered, sorted view as CSV and JSON files in the current directory.
import {writeFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {stepsToCsv, stepToJson} from '../core/step-csv.js';
import type {Step} from '../core/step.js';

export async function exportView(
	steps: readonly Step[],
	workflowId: string,
	directory = process.cwd(),
	now = new Date(),
): Promise<{csvPath: string; jsonPath: string}> {
	// A timestamp in the name: exporting twice never overwrites the first file.
	const stamp = now.toISOString().replace(/[:]/g, '').replace(/\.\d{3}Z$/, 'Z');
	const base = resolve(directory, `cp-watch-${workflowId}-${stamp}`);
	const csvPath = `${base}.csv`;
	const jsonPath = `${base}.json`;
	await writeFile(csvPath, stepsToCsv(steps), {flag: 'wx'});
	await writeFile(jsonPath, `${JSON.stringify(steps.map(stepToJson), null, 2)}\n`, {flag: 'wx'});
	return {csvPath, jsonPath};
}
