// --once: walk every step once (through the same paging, pacing and backoff as the live view) and
// print the result: a plain table, or with --json the snapshot document.
import process from 'node:process';
import {classifyError} from '../aws/index.js';
import {formatDurationWords} from '../core/duration.js';
import {exitCodeForError, exitCodeForWorkflowStatus, EXIT} from '../core/exit-code.js';
import type {Step, Workflow} from '../core/step.js';
import {snapshotJsonText} from '../output/snapshot-json.js';
import {formatSnapshotTable} from '../output/snapshot-table.js';
import {walkWorkflowOnce} from '../poller/walk-once.js';
import type {CliOptions} from './options.js';
import type {Target} from './target.js';

export async function runSnapshot(options: CliOptions, target: Target): Promise<number> {
	if (target.domain === undefined || target.workflowId === undefined) {
		process.stderr.write('cp-watch: --once needs --domain and --workflow\n');
		return EXIT.usage;
	}
	let snapshot: {workflow: Workflow; steps: Step[]};
	const deadline = new AbortController();
	const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => deadline.abort(), options.timeoutMs);
	try {
		snapshot = await walkWorkflowOnce(target.api, target.domain, target.workflowId, {maxRps: options.maxRps, signal: deadline.signal});
	} catch (error) {
		if (deadline.signal.aborted) {
			process.stderr.write(`cp-watch: --timeout of ${formatDurationWords(options.timeoutMs ?? 0)} reached before the snapshot was complete\n`);
			return EXIT.timeout;
		}
		const problem = classifyError(error);
		process.stderr.write(`cp-watch: ${problem.message}\n`);
		return exitCodeForError(problem.kind);
	} finally {
		clearTimeout(timer);
	}
	const {workflow} = snapshot;
	const wanted = new Set(options.statusFilter);
	const steps = wanted.size > 0 ? snapshot.steps.filter(step => wanted.has(step.Status)) : snapshot.steps;

	// A failed write is seen by its callback (writeOut); without a listener the stream's 'error'
	// event would also crash the process with a stack trace when the reader leaves (`| head`).
	process.stdout.on('error', () => undefined);
	if (options.mode === 'snapshot-json') {
		// Piece by piece; once the reader is gone (EPIPE) the rest is not written.
		for (const piece of snapshotJsonText(workflow, steps)) if (!(await writeOut(piece))) break;
	} else {
		await writeOut(formatSnapshotTable(workflow, steps));
	}
	// A snapshot of a running workflow is a success; --exit-status speaks only to a final one.
	return options.exitStatus ? (exitCodeForWorkflowStatus(workflow.Status) ?? EXIT.ok) : EXIT.ok;
}

/** Resolves false when the write failed. */
function writeOut(text: string): Promise<boolean> {
	return new Promise(resolve => {
		// EPIPE (`| head`) means the reader has enough; nothing to report.
		process.stdout.write(text, error => resolve(!error));
	});
}
