// Interactive mode: the TUI on the alternate screen, polling through one shared watch source.
import process from 'node:process';
import type {Instance} from 'ink';
import {EXIT} from '../core/exit-code.js';
import {formatDurationWords} from '../core/duration.js';
import {desktopNotification, forTerminal} from '../core/terminal-escapes.js';
import {verdictLine, verdictOfEnd, verdictOfEvent, type Verdict} from '../output/exit-verdict.js';
import {notificationFor} from '../output/notification.js';
import {followWatch} from '../output/watch-feed.js';
import {createWatchSource} from '../poller/index.js';
import {renderApp} from '../ui/render-app.js';
import {exportView} from './export-view.js';
import {observeWorkflowWatches} from './observed-source.js';
import type {CliOptions} from './options.js';
import {openPreferencesFile, preferencesPath} from './preferences-file.js';
import type {Target} from './target.js';
import {openTerminalSession, type TerminalSession} from './terminal-session.js';

/** Polling redraws the screen at most every 100 ms: ten frames a second look live, and a load at
 * --max-rps 100 changed the state (and drew a frame) on every request. */
const WATCH_FRAME_MS = 100;

export async function runTui(options: CliOptions, target: Target): Promise<number> {
	const preferences = openPreferencesFile(preferencesPath(process.env));
	const warnings: string[] = preferences.warning ? [preferences.warning] : [];
	const stored = preferences.preferences;
	const tmux = Boolean(process.env.TMUX);

	let session: TerminalSession | undefined;
	const source = observeWorkflowWatches(
		createWatchSource({
			api: target.api,
			intervalMs: options.intervalMs,
			maxRps: options.maxRps,
			follow: options.follow,
		}),
		watch =>
			followWatch(watch, {
				onEvent(event) {
					if (options.notify) {
						const note = notificationFor(event);
						if (note) process.stdout.write(desktopNotification(note.title, note.body, {tmux}));
					}
					if (options.exitStatus) leaveWith(verdictOfEvent(event, options.follow));
				},
				onEnd(end) {
					if (options.exitStatus) leaveWith(verdictOfEnd(end));
				},
			}),
	);

	let instance: Instance | undefined;
	session = openTerminalSession(process, () => instance?.unmount());
	const leave = (code: number, message?: string) => {
		const notes = [...warnings, ...(message ? [message] : [])];
		session?.exit(code, notes.length > 0 ? notes.join('\ncp-watch: ') : undefined);
	};
	// The verdict stays on screen for a moment before the terminal is handed back.
	const leaveWith = (verdict: Verdict | undefined) => {
		if (verdict) setTimeout(() => leave(verdict.code, verdictLine(verdict.workflow)), 400);
	};
	if (options.timeoutMs !== undefined) {
		setTimeout(() => leave(EXIT.timeout, `--timeout of ${formatDurationWords(options.timeoutMs ?? 0)} reached`), options.timeoutMs).unref();
	}

	instance = renderApp({
		source,
		initial: {domain: target.domain ?? stored.lastDomain, workflowId: target.workflowId},
		options: {
			ascii: options.ascii,
			color: options.color,
			// A filter given on the command line wins over the remembered one.
			statusFilter: options.statusFilter.length > 0 ? options.statusFilter : (stored.statusFilter ?? []),
			demoLabel: target.demoLabel,
			sort: stored.sort?.field,
			sortReverse: stored.sort?.reverse,
			timeMode: stored.timeMode,
			startupWarning: preferences.warning,
		},
		// OSC 52 for y/Y: inside tmux it must be wrapped to reach the outer terminal.
		writeEscape: sequence => process.stdout.write(forTerminal(sequence, {tmux})),
		exportView,
		onPreferencesChange(next) {
			const problem = preferences.save({
				// The demo's domain would be a wrong guess against a real account next time.
				lastDomain: target.demoLabel === undefined ? next.domain : stored.lastDomain,
				statusFilter: next.statusFilter,
				sort: {field: next.sort, reverse: next.sortReverse},
				timeMode: next.timeMode,
			});
			if (problem && !warnings.includes(problem)) warnings.push(problem);
		},
		onExit: code => leave(code),
	}, {}, WATCH_FRAME_MS);
	await instance.waitUntilExit();
	leave(EXIT.ok);
	return EXIT.ok;
}
