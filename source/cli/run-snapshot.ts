// --once: walk every step once (through the same paging, pacing and backoff as the live view) and
// print the result.
import process from 'node:process';
import {classifyError} from '../aws/index.js';
import {exitCodeForError, EXIT} from '../core/exit-code.js';
import {snapshotJson} from '../output/snapshot-json.js';
import type {CliOptions} from './options.js';
import type {Target} from './target.js';

export async function runSnapshot(options: CliOptions, target: Target): Promise<number> {
	if (target.domain === undefined || target.workflowId === undefined) {
		process.stderr.write('cp-watch: --once needs --domain and --workflow\n');
		return EXIT.usage;
	}
	let document: Awaited<ReturnType<typeof snapshotJson>>;
	try {
		document = await snapshotJson(target.api, target.domain, target.workflowId, {maxRps: options.maxRps});
	} catch (error) {
		const problem = classifyError(error);
		process.stderr.write(`cp-watch: ${problem.message}\n`);
		return exitCodeForError(problem.kind);
	}
	if (options.statusFilter.length > 0) {
		const wanted = new Set(options.statusFilter);
		document = {...document, steps: document.steps.filter(step => wanted.has(step.Status))};
	}
	await writeOut(`${JSON.stringify(document, null, 2)}\n`);
	return EXIT.ok;
}

function writeOut(text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		process.stdout.write(text, error => (error ? reject(error) : resolve()));
	});
}
