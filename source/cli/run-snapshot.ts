// --once: walk every step once (through the same paging, pacing and backoff as the live view) and
// print the result: a plain table, or with --json the snapshot document. A walk of many pages shows
// its progress on stderr when that is a terminal, and clears it before the result is printed.
import process from 'node:process';
import {classifyError} from '../aws/index.js';
import {formatDurationWords} from '../core/duration.js';
import {exitCodeForError, exitCodeForWorkflowStatus, EXIT} from '../core/exit-code.js';
import type {Step, Workflow} from '../core/step.js';
import {snapshotJsonText} from '../output/snapshot-json.js';
import {formatSnapshotProgress} from '../output/snapshot-progress.js';
import {formatSnapshotTable} from '../output/snapshot-table.js';
import {walkWorkflowOnce} from '../poller/walk-once.js';
import {FIRST_LOOK, formatAwaySummary, summarizeAway} from '../core/away-summary.js';
import {openAwayMemory} from './away-memory.js';
import {lineColour} from './line-colour.js';
import {reportMissingWorkflow} from './missing-workflow.js';
import type {CliOptions} from './options.js';
import type {StreamIo} from './stream-io.js';
import type {Target} from './target.js';

const CLEAR_LINE = '\r\u001b[2K';

export async function runSnapshot(
	options: CliOptions,
	target: Target,
	io: StreamIo = {stdout: process.stdout, stderr: process.stderr, env: process.env},
): Promise<number> {
	if (target.domain === undefined || target.workflowId === undefined) return reportMissingWorkflow(options, target, io.stderr);
	const away = openAwayMemory(options, target, io.env, text => io.stderr.write(`cp-watch: ${text}\n`));
	const recollection = await away.recall(target.domain, target.workflowId);
	if (recollection.warning) io.stderr.write(`cp-watch: ${recollection.warning}\n`);
	let snapshot: {workflow: Workflow; steps: Step[]};
	const deadline = new AbortController();
	const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => deadline.abort(), options.timeoutMs);
	// Progress is for a person watching: never into a file or a pipe, where it would be noise.
	const showProgress = io.stderr.isTTY === true;
	let progressShown = false;
	let restarts = 0;
	const clearProgress = () => {
		if (progressShown) io.stderr.write(CLEAR_LINE);
		progressShown = false;
	};
	try {
		snapshot = await walkWorkflowOnce(target.api, target.domain, target.workflowId, {
			maxRps: options.maxRps,
			signal: deadline.signal,
			observer: target.observer,
			onPage(progress, total) {
				if (!showProgress || progress.done) return;
				io.stderr.write(`${CLEAR_LINE}${formatSnapshotProgress({steps: progress.items.length, pages: progress.pages, total, restarts})}`);
				progressShown = true;
			},
			onRestart(progress) {
				restarts = progress.restarts;
				if (!showProgress) return;
				io.stderr.write(`${CLEAR_LINE}${formatSnapshotProgress({steps: 0, pages: 0, restarts})}`);
				progressShown = true;
			},
		});
	} catch (error) {
		clearProgress();
		if (deadline.signal.aborted) {
			io.stderr.write(`cp-watch: --timeout of ${formatDurationWords(options.timeoutMs ?? 0)} reached before the snapshot was complete\n`);
			return EXIT.timeout;
		}
		const problem = classifyError(error);
		io.stderr.write(`cp-watch: ${problem.message}\n`);
		return exitCodeForError(problem.kind);
	} finally {
		clearTimeout(timer);
	}
	clearProgress();
	const {workflow} = snapshot;
	const seenAt = Date.now();
	away.remember(target.domain, target.workflowId, snapshot.steps, workflow, seenAt);
	away.flushSync();
	away.close();
	let sinceLast = '';
	if (options.sinceLast) {
		const summary = recollection.seen && summarizeAway(recollection.seen, snapshot.steps, workflow);
		sinceLast = `${summary ? formatAwaySummary(summary, seenAt) : FIRST_LOOK}\n`;
	}
	const wanted = new Set(options.statusFilter);
	const steps = wanted.size > 0 ? snapshot.steps.filter(step => wanted.has(step.Status)) : snapshot.steps;

	// A failed write is seen by its callback (writeOut); without a listener the stream's 'error'
	// event would also crash the process with a stack trace when the reader leaves (`| head`).
	io.stdout.on('error', () => undefined);
	if (options.mode === 'snapshot-json') {
		// Piece by piece; once the reader is gone (EPIPE) the rest is not written.
		for (const piece of snapshotJsonText(workflow, steps)) if (!(await writeOut(io.stdout, piece))) break;
	} else {
		await writeOut(io.stdout, sinceLast + formatSnapshotTable(workflow, steps, {color: lineColour(io.env, options.color)}));
	}
	// A snapshot of a running workflow is a success; --exit-status speaks only to a final one.
	return options.exitStatus ? (exitCodeForWorkflowStatus(workflow.Status) ?? EXIT.ok) : EXIT.ok;
}

/** Resolves false when the write failed. */
function writeOut(stdout: NodeJS.WritableStream, text: string): Promise<boolean> {
	return new Promise(resolve => {
		// EPIPE (`| head`) means the reader has enough; nothing to report.
		stdout.write(text, error => resolve(!error));
	});
}
