// Line mode and NDJSON: follow one workflow and print each event as it happens, then end by
// themselves once the workflow is final and polling stopped (--follow keeps watching).
import process from 'node:process';
import {exitCodeForError, EXIT} from '../core/exit-code.js';
import {verdictOfEnd, verdictOfEvent} from '../output/exit-verdict.js';
import {followWatch} from '../output/watch-feed.js';
import {createWatchSource} from '../poller/index.js';
import {formatDurationWords} from '../core/duration.js';
import type {CliOptions} from './options.js';
import {runDomainStream} from './run-domain-stream.js';
import {eventWriter, onStreamStop, type StreamIo} from './stream-io.js';
import type {Target} from './target.js';

export async function runStream(
	options: CliOptions,
	target: Target,
	io: StreamIo = {stdout: process.stdout, stderr: process.stderr, env: process.env},
): Promise<number> {
	const {domain, workflowId} = target;
	if (domain === undefined) {
		io.stderr.write('cp-watch: this mode needs --domain\n');
		return EXIT.usage;
	}
	if (workflowId === undefined) return runDomainStream(options, domain, target, io);
	const source = createWatchSource({
		api: target.api,
		intervalMs: options.intervalMs,
		maxRps: options.maxRps,
		follow: options.follow,
	});
	const watch = source.watchWorkflow(domain, workflowId);
	const write = eventWriter(options, io);

	return new Promise<number>(resolve => {
		let finished = false;
		let lastPhase = '';
		const cleanups: Array<() => void> = [];
		const finish = (code: number, message?: string) => {
			if (finished) return;
			finished = true;
			if (message !== undefined) io.stderr.write(`cp-watch: ${message}\n`);
			for (const cleanup of cleanups) cleanup();
			watch.stop();
			resolve(code);
		};

		cleanups.push(
			followWatch(watch, {
				onEvent(event) {
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

		// Retryable trouble is worth a line on stderr once per episode; stdout stays the event log.
		cleanups.push(
			watch.subscribe(() => {
				const state = watch.getState();
				// An error waiting will not fix ends the run with its own line (onEnd); say nothing here.
				const retrying = state.phase === 'throttled' || (state.phase === 'error' && state.error?.retryable === true);
				if (state.phase !== lastPhase && retrying) {
					const what = state.phase === 'throttled' ? 'throttled by the API' : (state.error?.message ?? 'error');
					io.stderr.write(`cp-watch: ${what} (retrying)\n`);
				}
				lastPhase = state.phase;
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
