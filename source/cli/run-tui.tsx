// Interactive mode: the TUI on the alternate screen, polling through one shared watch source.
import process from 'node:process';
import type {Instance} from 'ink';
import type {RecallSeen} from '../core/away-summary.js';
import {EXIT, exitCodeForError} from '../core/exit-code.js';
import {formatDurationWords} from '../core/duration.js';
import {createPreferenceMemory, DEFAULT_SORT, DEFAULT_TIME_MODE} from '../core/preferences.js';
import {desktopNotification} from '../core/terminal-escapes.js';
import {verdictLine, verdictOfEnd, verdictOfEvent, type Verdict} from '../output/exit-verdict.js';
import {notificationFor} from '../output/notification.js';
import {followMaybeRecorded, type Recorder} from '../journal/recorder.js';
import {createWatchSource} from '../poller/index.js';
import {realScheduler} from '../poller/time.js';
import type {WorkflowWatch} from '../poller/watch-state.js';
import {renderApp} from '../ui/render-app.js';
import {copyToClipboard} from './clipboard.js';
import {openAwayMemory} from './away-memory.js';
import {FIRST_FRAME_WAIT_MS, startFirstWatchEarly} from './early-watch.js';
import {exportView} from './export-view.js';
import {keepHeapTidyAtRest, tidyHeapWhileWatching} from './heap-tidy.js';
import {observeWorkflowWatches} from './observed-source.js';
import type {CliOptions} from './options.js';
import {openPreferencesFile, preferencesPath} from './preferences-file.js';
import type {Target} from './target.js';
import {openTerminalSession, type TerminalSession} from './terminal-session.js';

/** Polling redraws the screen at most every 100 ms: ten frames a second look live, and a load at
 * --max-rps 100 changed the state (and drew a frame) on every request. */
const WATCH_FRAME_MS = 100;

export async function runTui(options: CliOptions, target: Target, recorder?: Recorder): Promise<number> {
	const preferences = openPreferencesFile(preferencesPath(process.env));
	const warnings: string[] = preferences.warning ? [preferences.warning] : [];
	const stored = preferences.preferences;
	const tmux = Boolean(process.env.TMUX);

	let session: TerminalSession | undefined;
	let leaving = false;
	const away = openAwayMemory(options, target, process.env, text => {
		// Past the point where the notes are printed (a signal), straight to stderr.
		if (leaving) process.stderr.write(`cp-watch: ${text}\n`);
		else if (!warnings.includes(text)) warnings.push(text);
	});
	// Every way out passes here (q, a signal, a crash): the last looks are saved as the process ends.
	process.once('exit', () => {
		leaving = true;
		away.flushSync();
	});
	// The workflow watches on screen: while one of them is in its first load, the heap grows with
	// live data and is not tidied at rest.
	const watching = new Set<WorkflowWatch>();
	const source = observeWorkflowWatches(
		createWatchSource({
			api: target.api,
			intervalMs: options.intervalMs,
			maxRps: options.maxRps,
			follow: options.follow,
			observer: target.observer,
		}),
		(watch, domain, workflowId) => {
			watching.add(watch);
			const forget = away.follow(domain, workflowId, watch);
			const untidy = tidyHeapWhileWatching(watch, realScheduler);
			const unfollow = followMaybeRecorded(recorder, watch, domain, workflowId, {
				onEvent(event) {
					if (options.notify) {
						const note = notificationFor(event);
						if (note) process.stdout.write(desktopNotification(note.title, note.body, {tmux}));
					}
					if (options.exitStatus) leaveWith(verdictOfEvent(event, options.follow));
				},
				onEnd(end) {
					if (!options.exitStatus) return;
					// A script waiting on the verdict must not wait forever on an error that will stay.
					if (end.reason === 'error') setTimeout(() => leave(exitCodeForError(end.error.kind), end.error.message), 400);
					else leaveWith(verdictOfEnd(end));
				},
			});
			return () => {
				watching.delete(watch);
				unfollow();
				forget();
				untidy();
			};
		},
	);

	// For the life of the process (its timer does not keep the process alive).
	keepHeapTidyAtRest(realScheduler, () => [...watching].some(watch => !watch.getState().complete));
	let instance: Instance | undefined;
	session = openTerminalSession(process, () => instance?.unmount());
	const leave = (code: number, message?: string) => {
		// Saved before the notes are printed, so a failed save is among them.
		away.flushSync();
		const journalProblem = recorder?.problem();
		const notes = [...warnings, ...(message ? [message] : []), ...(journalProblem ? [journalProblem] : [])];
		session?.exit(code, notes.length > 0 ? notes.join('\ncp-watch: ') : undefined);
	};
	// The verdict stays on screen for a moment before the terminal is handed back.
	const leaveWith = (verdict: Verdict | undefined) => {
		if (verdict) setTimeout(() => leave(verdict.code, verdictLine(verdict.workflow)), 400);
	};
	if (options.timeoutMs !== undefined) {
		setTimeout(() => leave(EXIT.timeout, `--timeout of ${formatDurationWords(options.timeoutMs ?? 0)} reached`), options.timeoutMs).unref();
	}

	const initialDomain = target.domain ?? stored.lastDomain;
	// A filter given on the command line wins over the remembered one, for this run only.
	const initialFilter = options.statusFilter.length > 0 ? options.statusFilter : (stored.statusFilter ?? []);
	const remember = createPreferenceMemory(stored, {
		lastDomain: initialDomain,
		statusFilter: initialFilter,
		// What the view starts with, defaults included: a sort never touched is not a change.
		sort: stored.sort ?? {...DEFAULT_SORT},
		timeMode: stored.timeMode ?? DEFAULT_TIME_MODE,
	});
	// --demo and --no-state keep no last look: the screen says so rather than 'first look'.
	const recall: RecallSeen | undefined = options.state && target.demoLabel === undefined ? (domain, workflowId) => away.recall(domain, workflowId) : undefined;
	const early = target.domain !== undefined && target.workflowId !== undefined ? startFirstWatchEarly(source, target.domain, target.workflowId, recall) : undefined;
	await early?.firstSteps(FIRST_FRAME_WAIT_MS, realScheduler);
	instance = renderApp({
		source: early?.source ?? source,
		initial: {domain: initialDomain, workflowId: target.workflowId},
		options: {
			ascii: options.ascii,
			color: options.color,
			statusFilter: initialFilter,
			demoLabel: target.demoLabel,
			sort: stored.sort?.field,
			sortReverse: stored.sort?.reverse,
			timeMode: stored.timeMode,
			startupWarning: preferences.warning,
		},
		copyText: text => copyToClipboard(text, {env: process.env, writeTerminal: sequence => process.stdout.write(sequence)}),
		exportView,
		recallSeen: early ? early.recallSeen : recall,
		onPreferencesChange(next) {
			const problem = preferences.save(
				remember({
					// The demo's domain would be a wrong guess against a real account next time.
					lastDomain: target.demoLabel === undefined ? next.domain : initialDomain,
					statusFilter: next.statusFilter,
					sort: {field: next.sort, reverse: next.sortReverse},
					timeMode: next.timeMode,
				}),
			);
			if (problem && !warnings.includes(problem)) warnings.push(problem);
		},
		onExit: code => leave(code),
	}, {}, WATCH_FRAME_MS);
	early?.release();
	await instance.waitUntilExit();
	leave(EXIT.ok);
	return EXIT.ok;
}
