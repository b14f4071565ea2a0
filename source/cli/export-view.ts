// The TUI's `e` key: the filtered, sorted view as CSV and JSON files in the current directory.
import {open, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {safeJson} from '../core/safe-json.js';
import {stepsToCsv} from '../core/step-csv.js';
import {stepToJson} from '../core/step-json.js';
import type {Step} from '../core/step.js';

/** Paths as the user should read them: relative to the directory, `./name.csv`. */
export interface ExportedFiles {
	csvPath: string;
	jsonPath: string;
}

export async function exportView(
	steps: readonly Step[],
	workflowId: string,
	directory = process.cwd(),
	now = new Date(),
): Promise<ExportedFiles> {
	// The id comes from the API: keep only what is safe in a file name (no '/', no '..'). Its first 8
	// characters tell workflows apart (as a short commit hash does) and keep the status line's
	// "exported ... to NAME.csv and .json" whole on an 80-column terminal.
	const id = workflowId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 8) || 'workflow';
	const stamp = now.toISOString().replace(/[:]/g, '').replace(/\.\d{3}Z$/, 'Z');
	const csv = stepsToCsv(steps);
	const json = `${safeJson(steps.map(stepToJson), 2)}\n`;
	// Exporting twice in one second gets -2, -3...: an export never overwrites another.
	for (let n = 1; ; n++) {
		const base = `cp-watch-${id}-${stamp}${n > 1 ? `-${n}` : ''}`;
		const created = await createBoth(directory, base, csv, json);
		if (created) return {csvPath: `./${base}.csv`, jsonPath: `./${base}.json`};
	}
}

/** Both files or neither: false when either name is taken. */
async function createBoth(directory: string, base: string, csv: string, json: string): Promise<boolean> {
	const names = [join(directory, `${base}.csv`), join(directory, `${base}.json`)];
	const handles = [];
	try {
		for (const name of names) handles.push(await open(name, 'wx'));
	} catch (error) {
		await Promise.all(handles.map(handle => handle.close()));
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		// Remove what this attempt created, not a file someone else had.
		await Promise.all(names.slice(0, handles.length).map(name => rm(name, {force: true})));
		return false;
	}
	await handles[0].writeFile(csv);
	await handles[1].writeFile(json);
	await Promise.all(handles.map(handle => handle.close()));
	return true;
}
