// Line mode and NDJSON over a whole domain (`--domain D --plain`, no --workflow): the events of every
// workflow running at the start or starting later, each naming its workflow. It keeps watching
// for new workflows until stopped; with --exit-status it ends once every workflow that was running
// at the start is final or lost, with the worst verdict seen (worseExitCode: FAILED 1 over gave up 7
// over CANCELLED 3 over COMPLETE 0). One workflow's lasting error (deleted, access denied to it) is a
// stderr line and the end of following it, not of the run; only the list's own ends the run.
import {formatDurationWords} from '../core/duration.js';
import {exitCodeForError, exitCodeForWorkflowStatus, EXIT} from '../core/exit-code.js';
import {followDomain, worseExitCode, type DomainFeed} from '../output/domain-feed.js';
import {followMaybeRecorded, type Recorder} from '../journal/recorder.js';
import {createRetryReporter, retryLineFor} from '../output/retry-report.js';
import {createWatchSource} from '../poller/index.js';
import {realScheduler} from '../poller/time.js';
import {keepHeapTidyAtRest} from './heap-tidy.js';
import type {CliOptions} from './options.js';
import {eventWriter, onStreamStop, type StreamIo} from './stream-io.js';
import type {Target} from './target.js';

export async function runDomainStream(options: CliOptions, domain: string, target: Target, io: StreamIo, recorder?: Recorder): Promise<number> {
	// --follow would keep polling finished workflows; a domain stream drops them and watches for new ones.
	const source = createWatchSource({api: target.api, intervalMs: options.intervalMs, maxRps: options.maxRps, follow: false, observer: target.observer});
	const write = eventWriter(options, io);

	return new Promise<number>(resolve => {
		let finished = false;
		const cleanups: Array<() => void> = [];
		// --exit-status waits for these; the verdict counts every workflow that ended meanwhile.
		let awaited: Set<string> | undefined;
		let worst: number = EXIT.ok;
		let feed: DomainFeed | undefined;

		const finish = (code: number, message?: string) => {
			if (finished) return;
			finished = true;
			if (message !== undefined) io.stderr.write(`cp-watch: ${message}\n`);
			for (const cleanup of cleanups) cleanup();
			feed?.stop();
			resolve(code);
		};
		const checkDone = () => {
			if (options.exitStatus && awaited !== undefined && awaited.size === 0) finish(worst);
		};

		// Retryable trouble goes to stderr as in the workflow stream (a line per failed attempt at a
		// falling rate), whichever watch meets it: they share one pace, so a 429 is everyone's.
		const retries = createRetryReporter();
		const noteTrouble = () => {
			const line = retryLineFor(retries, (feed?.watches() ?? []).map(watch => watch.getState()), Date.now());
			if (line !== undefined) io.stderr.write(`${line}\n`);
		};

		feed = followDomain(source, domain, {
			onStart(running) {
				awaited = new Set(running);
				checkDone();
			},
			onEvent: write,
			follow: (watch, workflowId, handlers) => followMaybeRecorded(recorder, watch, domain, workflowId, handlers),
			onWorkflowEnd(workflowId, end) {
				if (end.reason === 'error') {
					// The dashboard keeps the other rows going; so does the stream. An awaited workflow lost
					// this way ended unseen: the verdict says gave up (7) for it.
					io.stderr.write(`cp-watch: workflow ${workflowId}: ${end.error.message}; no longer followed\n`);
					if (awaited?.has(workflowId)) worst = worseExitCode(worst, EXIT.gaveUp);
				} else {
					worst = worseExitCode(worst, exitCodeForWorkflowStatus(end.workflow.Status) ?? EXIT.ok);
				}
				awaited?.delete(workflowId);
				checkDone();
			},
			onListError(error) {
				finish(exitCodeForError(error.kind), error.message);
			},
		});
		if (finished) feed.stop();
		const subscribed = new Set<object>();
		const subscribeAll = () => {
			for (const watch of feed?.watches() ?? []) {
				if (subscribed.has(watch)) continue;
				subscribed.add(watch);
				cleanups.push(watch.subscribe(noteTrouble));
			}
		};
		cleanups.push(feed.onWatch(() => queueMicrotask(subscribeAll)));
		subscribeAll();

		if (options.timeoutMs !== undefined) {
			const timer = setTimeout(() => {
				const running = feed?.following().length ?? 0;
				finish(EXIT.timeout, `--timeout of ${formatDurationWords(options.timeoutMs ?? 0)} reached; ${running} workflow${running === 1 ? '' : 's'} still running`);
			}, options.timeoutMs);
			cleanups.push(() => clearTimeout(timer));
		}
		cleanups.push(onStreamStop(io, finish), keepHeapTidyAtRest(realScheduler, () => feed?.watches().some(watch => watch.getState().phase === 'loading') ?? false));
	});
}
