// --once: walk every step once (through the same paging, pacing and backoff as the live view) and
// print the result: a plain table, or with --json the snapshot document.
import process from 'node:process';
import {classifyError} from '../aws/index.js';
import {formatDurationWords} from '../core/duration.js';
import {exitCodeForError, exitCodeForWorkflowStatus, EXIT} from '../core/exit-code.js';
import type {Step, Workflow} from '../core/step.js';
import {snapshotDocument} from '../output/snapshot-json.js';
import {formatSnapshotTable} from '../output/snapshot-table.js';
import {walkWorkflowOnce} from '../poller/walk-once.js';
import {FIRST_LOOK, formatAwaySummary, summarizeAway} from '../core/away-summary.js';
import {openAwayMemory} from './away-memory.js';
import type {CliOptions} from './options.js';
import type {Target} from './target.js';

export async function runSnapshot(options: CliOptions, target: Target): Promise<number> {
	if (target.domain === undefined || target.workflowId === undefined) {
		process.stderr.write('cp-watch: --once needs --domain and --workflow\n');
		return EXIT.usage;
	}
	const away = openAwayMemory(options, target, process.env, text => process.stderr.write(`cp-watch: ${text}\n`));
	const recollection = await away.recall(target.domain, target.workflowId);
	if (recollection.warning) process.stderr.write(`cp-watch: ${recollection.warning}\n`);
	let snapshot: {workflow: Workflow; steps: Step[]};
	const deadline = new AbortController();
	const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => deadline.abort(), options.timeoutMs);
	try {
		snapshot = await walkWorkflowOnce(target.api, target.domain, target.workflowId, {maxRps: options.maxRps, signal: deadline.signal, observer: target.observer});
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

	const text =
		options.mode === 'snapshot-json'
			? `${JSON.stringify(snapshotDocument(workflow, steps), null, 2)}\n`
			: sinceLast + formatSnapshotTable(workflow, steps);
	await writeOut(text);
	// A snapshot of a running workflow is a success; --exit-status speaks only to a final one.
	return options.exitStatus ? (exitCodeForWorkflowStatus(workflow.Status) ?? EXIT.ok) : EXIT.ok;
}

function writeOut(text: string): Promise<void> {
	return new Promise(resolve => {
		// EPIPE (`| head`) means the reader has enough; nothing to report.
		process.stdout.write(text, () => resolve());
	});
}
