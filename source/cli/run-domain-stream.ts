// Line mode and NDJSON over a whole domain (`--domain D --plain`, no --workflow): the events of every
// workflow running at the start or starting later, each naming its workflow. It keeps watching
// for new workflows until stopped; with --exit-status it ends once every workflow that was running
// at the start is final, with the worst verdict seen (FAILED over CANCELLED over COMPLETE).
import {formatDurationWords} from '../core/duration.js';
import {exitCodeForError, exitCodeForWorkflowStatus, EXIT} from '../core/exit-code.js';
import type {Workflow} from '../core/step.js';
import {followDomain, worseVerdict, type DomainFeed} from '../output/domain-feed.js';
import {followMaybeRecorded, type Recorder} from '../journal/recorder.js';
import {createRetryReporter, retryLineFor} from '../output/retry-report.js';
import {createWatchSource} from '../poller/index.js';
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
		let worst: Workflow | undefined;
		let feed: DomainFeed | undefined;

		const finish = (code: number, message?: string) => {
			if (finished) return;
			finished = true;
			if (message !== undefined) io.stderr.write(`cp-watch: ${message}\n`);
			for (const cleanup of cleanups) cleanup();
			feed?.stop();
			resolve(code);
		};
		const verdict = () => exitCodeForWorkflowStatus(worst?.Status ?? 'COMPLETE') ?? EXIT.ok;
		const checkDone = () => {
			if (options.exitStatus && awaited !== undefined && awaited.size === 0) finish(verdict());
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
					finish(exitCodeForError(end.error.kind), `workflow ${workflowId}: ${end.error.message}`);
					return;
				}
				worst = worseVerdict(worst, end.workflow);
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
		cleanups.push(onStreamStop(io, finish));
	});
}
