// Line mode and NDJSON: follow one workflow and print each event as it happens, then end by
// themselves once the workflow is final and polling stopped (--follow keeps watching).
import process from 'node:process';
import {exitCodeForError, EXIT} from '../core/exit-code.js';
import {verdictOfEnd, verdictOfEvent} from '../output/exit-verdict.js';
import {followMaybeRecorded, type Recorder} from '../journal/recorder.js';
import {createWatchSource} from '../poller/index.js';
import {realScheduler} from '../poller/time.js';
import {keepHeapTidyAtRest, tidyHeapWhileWatching} from './heap-tidy.js';
import {formatDurationWords} from '../core/duration.js';
import {FIRST_LOOK, formatAwaySummary, summarizeAway, type Recollection} from '../core/away-summary.js';
import {formatSinceLastJson} from '../output/since-last-json.js';
import {openAwayMemory} from './away-memory.js';
import {createRetryReporter, retryLineFor} from '../output/retry-report.js';
import type {CliOptions} from './options.js';
import {runDomainStream} from './run-domain-stream.js';
import {eventWriter, onStreamStop, type StreamIo} from './stream-io.js';
import type {Target} from './target.js';

export async function runStream(
	options: CliOptions,
	target: Target,
	io: StreamIo = {stdout: process.stdout, stderr: process.stderr, env: process.env},
	recorder?: Recorder,
): Promise<number> {
	const {domain, workflowId} = target;
	if (domain === undefined) {
		io.stderr.write('cp-watch: this mode needs --domain\n');
		return EXIT.usage;
	}
	if (workflowId === undefined) return runDomainStream(options, domain, target, io, recorder);
	const source = createWatchSource({
		api: target.api,
		intervalMs: options.intervalMs,
		maxRps: options.maxRps,
		follow: options.follow,
		observer: target.observer,
	});
	const watch = source.watchWorkflow(domain, workflowId);
	const away = openAwayMemory(options, target, io.env, text => io.stderr.write(`cp-watch: ${text}\n`));
	// Read before the first walk can replace it; an unreadable file is reported here, once.
	const recollection = await away.recall(domain, workflowId);
	if (recollection.warning) io.stderr.write(`cp-watch: ${recollection.warning}\n`);
	const write = eventWriter(options, io);

	return new Promise<number>(resolve => {
		let finished = false;
		const cleanups: Array<() => void> = [];
		const finish = (code: number, message?: string) => {
			if (finished) return;
			finished = true;
			if (message !== undefined) io.stderr.write(`cp-watch: ${message}\n`);
			for (const cleanup of cleanups) cleanup();
			watch.stop();
			away.flushSync();
			away.close();
			resolve(code);
		};

		let summarized = !options.sinceLast;
		const printSinceLast = () => {
			summarized = true;
			const state = watch.getState();
			const summary = recollection.seen && summarizeAway(recollection.seen, state.steps, state.workflow);
			const now = Date.now();
			if (options.mode === 'ndjson') io.stdout.write(`${formatSinceLastJson(summary, now)}\n`);
			else io.stdout.write(`${summary ? formatAwaySummary(summary, now) : FIRST_LOOK}\n`);
		};

		cleanups.push(away.follow(domain, workflowId, watch), tidyHeapWhileWatching(watch, realScheduler), keepHeapTidyAtRest(realScheduler, () => !watch.getState().complete));
		cleanups.push(
			followMaybeRecorded(recorder, watch, domain, workflowId, {
				onEvent(event) {
					// The first event comes with the first complete walk: the moment of coming back.
					if (!summarized) printSinceLast();
					write(event);
					const verdict = options.exitStatus ? verdictOfEvent(event, options.follow) : undefined;
					if (verdict) finish(verdict.code);
				},
				onEnd(end) {
					if (end.reason === 'error') {
						finish(exitCodeForError(end.error.kind), end.error.message);
					} else {
						finish(options.exitStatus ? (verdictOfEnd(end)?.code ?? EXIT.ok) : EXIT.ok);
					}
				},
			}),
		);

		// Retryable trouble goes to stderr, a line per failed attempt at a falling rate
		// (output/retry-report.ts); stdout stays the event log.
		const retries = createRetryReporter();
		cleanups.push(
			watch.subscribe(() => {
				const line = retryLineFor(retries, [watch.getState()], Date.now());
				if (line !== undefined) io.stderr.write(`${line}\n`);
			}),
		);

		if (options.timeoutMs !== undefined) {
			const timer = setTimeout(() => {
				const status = watch.getState().workflow?.Status ?? 'unknown';
				finish(EXIT.timeout, `--timeout of ${formatDurationWords(options.timeoutMs ?? 0)} reached; the workflow is ${status}`);
			}, options.timeoutMs);
			cleanups.push(() => clearTimeout(timer));
		}

		cleanups.push(onStreamStop(io, finish));

		watch.start();
	});
}
