// Line mode and NDJSON: follow one workflow and print each event as it happens, then end by
// themselves once the workflow is final and polling stopped (--follow keeps watching).
import process from 'node:process';
import {exitCodeForError, EXIT} from '../core/exit-code.js';
import {desktopNotification} from '../core/terminal-escapes.js';
import {verdictOfEnd, verdictOfEvent} from '../output/exit-verdict.js';
import {formatFeedLine} from '../output/line-format.js';
import {formatFeedJson} from '../output/ndjson-format.js';
import {notificationFor} from '../output/notification.js';
import {createRetryReporter} from '../output/retry-report.js';
import {followWatch, type FeedEvent} from '../output/watch-feed.js';
import {createWatchSource} from '../poller/index.js';
import {formatDurationWords} from '../core/duration.js';
import {lineColour} from './line-colour.js';
import {reportMissingWorkflow} from './missing-workflow.js';
import type {CliOptions} from './options.js';
import type {Target} from './target.js';

export interface StreamIo {
	stdout: NodeJS.WritableStream & {isTTY?: boolean};
	stderr: NodeJS.WritableStream & {isTTY?: boolean};
	env: NodeJS.ProcessEnv;
}

export async function runStream(
	options: CliOptions,
	target: Target,
	io: StreamIo = {stdout: process.stdout, stderr: process.stderr, env: process.env},
): Promise<number> {
	const {domain, workflowId} = target;
	if (domain === undefined || workflowId === undefined) return reportMissingWorkflow(options, target, io.stderr);
	const source = createWatchSource({
		api: target.api,
		intervalMs: options.intervalMs,
		maxRps: options.maxRps,
		follow: options.follow,
	});
	const watch = source.watchWorkflow(domain, workflowId);
	const wanted = options.statusFilter.length > 0 ? new Set(options.statusFilter) : undefined;
	const color = lineColour(io.env, options.color);
	// Notifications are for a person: to the terminal, which is stderr when stdout is piped.
	const notifyStream = io.stdout.isTTY ? io.stdout : io.stderr;
	const tmux = Boolean(io.env.TMUX);

	return new Promise<number>(resolve => {
		let finished = false;
		const cleanups: Array<() => void> = [];
		const finish = (code: number, message?: string) => {
			if (finished) return;
			finished = true;
			if (message !== undefined) io.stderr.write(`cp-watch: ${message}\n`);
			for (const cleanup of cleanups) cleanup();
			watch.stop();
			resolve(code);
		};

		const print = (event: FeedEvent) => {
			if (event.type === 'step' && wanted !== undefined && !wanted.has(event.step.Status)) return;
			io.stdout.write(`${options.mode === 'ndjson' ? formatFeedJson(event) : formatFeedLine(event, {color})}\n`);
		};

		cleanups.push(
			followWatch(watch, {
				onEvent(event) {
					print(event);
					if (options.notify) {
						const note = notificationFor(event);
						if (note) notifyStream.write(desktopNotification(note.title, note.body, {tmux}));
					}
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
				const state = watch.getState();
				// An error waiting will not fix ends the run with its own line (onEnd); say nothing here.
				const retrying = state.phase === 'throttled' || (state.phase === 'error' && state.error?.retryable === true);
				const line =
					retrying && state.failedAttempts !== undefined
						? retries.failed({attempt: state.failedAttempts, message: state.error?.message ?? 'error', retryAt: state.retryAt, now: Date.now()})
						: state.failedAttempts === undefined && state.lastSuccessAt !== undefined
							? retries.recovered()
							: undefined;
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

		const onSignal = (signal: NodeJS.Signals) => finish(signal === 'SIGINT' ? 130 : 143);
		// A closed pipe (`| head`) is the reader saying it has enough, not an error.
		const onStdoutError = (error: NodeJS.ErrnoException) => finish(error.code === 'EPIPE' ? EXIT.ok : EXIT.workflowFailed);
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
		io.stdout.on('error', onStdoutError);
		cleanups.push(() => {
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
			io.stdout.off('error', onStdoutError);
		});

		watch.start();
	});
}
